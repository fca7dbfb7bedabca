import type { TimeWindow } from '../case/time-window.js';
import type { CriteriaResult, CriteriaSetId, CriteriaStatus } from '../criteria/criteria-result.js';
import { CRITERIA_SET_IDS, evaluate } from '../criteria/evaluate.js';
import type { Case } from '../generated/case.js';
import {
  eularAcr2016Status,
  ferritinEsrStatus,
  hlh2004Status,
  hscoreStatus,
  msScoreStatus,
} from './mas-status-plans.js';
import { StatusRow } from './status-row.js';
import { WindowScan } from './window-scan.js';

/** Status codes → statuses (the order sweeps count them in). */
export const STATUS_CODES: readonly CriteriaStatus[] = ['met', 'not-met', 'not-assessable', 'not-applicable'];

const CODE: Readonly<Record<CriteriaStatus, number>> = {
  met: 0,
  'not-met': 1,
  'not-assessable': 2,
  'not-applicable': 3,
};

type Plan = (c: Case, scan: WindowScan, out: StatusRow) => void;

/**
 * The sets with a compiled status plan. Phoenix and the two MIS-C definitions are still read from
 * the evidence engine (evaluate with `only`): their plans are not written yet.
 */
const PLANS: Partial<Record<CriteriaSetId, Plan>> = {
  'hlh-2004': hlh2004Status,
  'eular-acr-2016': eularAcr2016Status,
  hscore: hscoreStatus,
  'ms-score': msScoreStatus,
  'ferritin-esr': ferritinEsrStatus,
};

export const SETS_FROM_ENGINE: readonly CriteriaSetId[] = CRITERIA_SET_IDS.filter((id) => PLANS[id] === undefined);

/** An evidence-engine result as a status row (the same shape the plans write). */
export function statusRowOf(result: CriteriaResult, out: StatusRow = new StatusRow()): StatusRow {
  const status = CODE[result.status];
  if (result.count) out.set(status, result.count.met, result.count.met, result.count.met + result.count.notAssessed);
  else if (result.score) out.set(status, result.score.value, result.score.min, result.score.max);
  else out.set(status, NaN, NaN, NaN);
  return out;
}

/**
 * Criteria statuses for sweeps: every set's status, count or score and reachable range for one
 * case in one window, without the per-case index or any evidence. The rows (in CRITERIA_SET_IDS
 * order) are reused by the next `compute`: read them before computing again.
 */
export class CaseStatuses {
  readonly rows: readonly StatusRow[] = CRITERIA_SET_IDS.map(() => new StatusRow());
  /** The readings behind the last `compute` (worst values in the window), also reused. */
  readonly scan = new WindowScan();
  private readonly plans: readonly (Plan | undefined)[] = CRITERIA_SET_IDS.map((id) => PLANS[id]);
  private readonly engineSlots: readonly number[] = SETS_FROM_ENGINE.map((id) => CRITERIA_SET_IDS.indexOf(id));

  compute(c: Case, window: TimeWindow): this {
    const scan = this.scan.read(c, window);
    for (let i = 0; i < this.plans.length; i++) this.plans[i]?.(c, scan, this.rows[i]!);
    if (SETS_FROM_ENGINE.length > 0) {
      const results = evaluate(c, { window, only: SETS_FROM_ENGINE }).results;
      for (let i = 0; i < results.length; i++) statusRowOf(results[i]!, this.rows[this.engineSlots[i]!]!);
    }
    return this;
  }

  /** The status of row i. */
  status(i: number): CriteriaStatus {
    return STATUS_CODES[this.rows[i]!.status]!;
  }
}
