import type { TimeWindow } from '../case/time-window.js';
import type { CriteriaResult, CriteriaSetId, CriteriaStatus } from '../criteria/criteria-result.js';
import { CRITERIA_SET_IDS } from '../criteria/evaluate.js';
import type { Case } from '../generated/case.js';
import {
  eularAcr2016Status,
  ferritinEsrStatus,
  hlh2004Status,
  hscoreStatus,
  msScoreStatus,
} from './mas-status-plans.js';
import { miscCdc2023Status, miscWho2020Status } from './misc-status-plans.js';
import { phoenixStatus } from './phoenix-status-plan.js';
import { CaseFacts } from './case-facts.js';
import { StatusRow } from './status-row.js';
import { scanWindows, WindowScan } from './window-scan.js';

/** Status codes → statuses (the order sweeps count them in). */
export const STATUS_CODES: readonly CriteriaStatus[] = ['met', 'not-met', 'not-assessable', 'not-applicable'];

const CODE: Readonly<Record<CriteriaStatus, number>> = {
  met: 0,
  'not-met': 1,
  'not-assessable': 2,
  'not-applicable': 3,
};

type Plan = (c: Case, scan: WindowScan, out: StatusRow, facts: CaseFacts) => void;

/** Every criteria set's compiled status plan (a set without one does not compile). */
const PLANS: Readonly<Record<CriteriaSetId, Plan>> = {
  'hlh-2004': hlh2004Status,
  'eular-acr-2016': eularAcr2016Status,
  hscore: hscoreStatus,
  'ms-score': msScoreStatus,
  'ferritin-esr': ferritinEsrStatus,
  phoenix: phoenixStatus,
  'misc-cdc-2023': miscCdc2023Status,
  'misc-who-2020': miscWho2020Status,
};

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
 * case in one window or several, without the per-case index or any evidence. The rows (in
 * CRITERIA_SET_IDS order) are reused by the next computation: read them before computing again.
 */
export class CaseStatuses {
  /** The rows of the first (or only) window. */
  readonly rows: readonly StatusRow[] = newRows();
  /** The readings behind the first window's rows (worst values in the window), also reused. */
  readonly scan = new WindowScan();
  private readonly rowsByWindow: (readonly StatusRow[])[] = [this.rows];
  private readonly scans: WindowScan[] = [this.scan];
  private readonly plans: readonly Plan[] = CRITERIA_SET_IDS.map((id) => PLANS[id]);
  private readonly one: TimeWindow[] = [];
  private readonly facts = new CaseFacts();

  compute(c: Case, window: TimeWindow): this {
    this.one[0] = window;
    return this.computeWindows(c, this.one);
  }

  /**
   * Every window's rows from one pass over the case (each lab panel and observation read once):
   * window w's rows are rowsAt(w), its readings scanAt(w).
   */
  computeWindows(c: Case, windows: readonly TimeWindow[]): this {
    const n = windows.length;
    while (this.scans.length < n) {
      this.scans.push(new WindowScan());
      this.rowsByWindow.push(newRows());
    }
    scanWindows(c, this.scans, windows, n);
    const facts = this.facts.read(c);
    const plans = this.plans;
    for (let w = 0; w < n; w++) {
      const scan = this.scans[w]!;
      const rows = this.rowsByWindow[w]!;
      for (let i = 0; i < plans.length; i++) plans[i]!(c, scan, rows[i]!, facts);
    }
    return this;
  }

  /** Window w's rows from the last computeWindows. */
  rowsAt(w: number): readonly StatusRow[] {
    return this.rowsByWindow[w]!;
  }

  /** Window w's readings from the last computeWindows. */
  scanAt(w: number): WindowScan {
    return this.scans[w]!;
  }

  /** The status of row i (of the first window). */
  status(i: number): CriteriaStatus {
    return STATUS_CODES[this.rows[i]!.status]!;
  }
}

function newRows(): readonly StatusRow[] {
  return CRITERIA_SET_IDS.map(() => new StatusRow());
}
