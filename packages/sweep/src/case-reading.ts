import {
  CaseStatuses,
  CRITERIA_SET_IDS,
  evaluate,
  STATUS_CODES,
  worstLab,
  type Case,
  type CriteriaStatus,
  type WindowScan,
} from '@masdrill/rules';
import { CASE_VALUES, type CaseValue } from './case-values.js';
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

const SET_SLOT = new Map(CRITERIA_SET_IDS.map((id, i) => [id, i]));

function scanValue(scan: WindowScan, v: CaseValue): number {
  if ('set' in v.source) throw new Error('not a lab value');
  const key = `${v.source.analyte}:${v.source.worst}`;
  switch (key) {
    case 'ferritin:highest':
      return scan.ferritinHigh;
    case 'platelets:lowest':
      return scan.plateletsLow;
    case 'fibrinogen:lowest':
      return scan.fibrinogenLow;
    default:
      throw new Error(`the window scan has no reading for ${key}`);
  }
}

const statuses = new CaseStatuses();

/**
 * A case read through the compiled status plans (CaseStatuses: no evidence, no per-case index). A
 * score's value is the one from its assessed items (a missing item adds nothing, as the engine
 * reports it), kept only where the definition applies and the engine would report a score.
 */
export function readCase(c: Case): CaseReading {
  const timePoints = TIME_POINTS.map((tp): TimePointReading => {
    statuses.compute(c, tp.window);
    const rows = statuses.rows;
    const values = CASE_VALUES.map((v) => {
      if ('set' in v.source) {
        const row = rows[SET_SLOT.get(v.source.set)!]!;
        return STATUS_CODES[row.status] === 'not-applicable' || Number.isNaN(row.value) ? undefined : row.value;
      }
      const value = scanValue(statuses.scan, v);
      return Number.isNaN(value) ? undefined : value;
    });
    return { statuses: rows.map((r) => STATUS_CODES[r.status]!), values };
  });
  return { stratum: stratumOf(c), timePoints };
}

/** The same reading through the evidence engine (`evaluate`, once per time point): the reference the fast path is held to. */
export function readCaseWithEvidence(c: Case): CaseReading {
  const timePoints = TIME_POINTS.map((tp): TimePointReading => {
    const results = evaluate(c, { window: tp.window }).results;
    const byId = new Map(results.map((r) => [r.id, r]));
    const values = CASE_VALUES.map((v) => {
      if ('set' in v.source) {
        const r = byId.get(v.source.set)!;
        return r.status === 'not-applicable' || r.score === undefined || !Number.isFinite(r.score.value)
          ? undefined
          : r.score.value;
      }
      return worstLab(c, v.source.analyte, tp.window, v.source.worst)?.value;
    });
    return { statuses: CRITERIA_SET_IDS.map((id) => byId.get(id)!.status), values };
  });
  return { stratum: stratumOf(c), timePoints };
}
