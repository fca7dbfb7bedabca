import { CRITERIA_SET_IDS, evaluate, worstLab, type Case, type CriteriaStatus } from '@masdrill/rules';
import { CASE_VALUES } from './case-values.js';
import type { Stratum } from './comparisons.js';
import { TIME_POINTS } from './time-points.js';

/** What the sweep keeps of one time point of a case: each set's status and each value (undefined when not read). */
export interface TimePointReading {
  /** In CRITERIA_SET_IDS order. */
  readonly statuses: readonly CriteriaStatus[];
  /** In CASE_VALUES order. */
  readonly values: readonly (number | undefined)[];
}

export interface CaseReading {
  readonly stratum: Stratum;
  /** In TIME_POINTS order. */
  readonly timePoints: readonly TimePointReading[];
}

export function stratumOf(c: Case): Stratum {
  if (!c.truth) throw new RangeError(`case ${c.id} has no ground truth: a sweep needs labelled cases`);
  return { kind: c.truth.kind, subtype: c.truth.subtype, masPresent: c.truth.masPresent };
}

/**
 * A case read through the evidence engine (`evaluate`, once per time point). A score's value is
 * the one from its assessed items (missing items add nothing, as the engine reports it), kept only
 * where the definition applies.
 */
export function readCase(c: Case): CaseReading {
  const timePoints = TIME_POINTS.map((tp): TimePointReading => {
    const results = evaluate(c, { window: tp.window }).results;
    const byId = new Map(results.map((r) => [r.id, r]));
    const statuses = CRITERIA_SET_IDS.map((id) => byId.get(id)!.status);
    const values = CASE_VALUES.map((v) => {
      if ('set' in v.source) {
        const r = byId.get(v.source.set)!;
        return r.status === 'not-applicable' || r.score === undefined || !Number.isFinite(r.score.value) ? undefined : r.score.value;
      }
      return worstLab(c, v.source.analyte, tp.window, v.source.worst)?.value;
    });
    return { statuses, values };
  });
  return { stratum: stratumOf(c), timePoints };
}
