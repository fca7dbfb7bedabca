import type { Case } from '../generated/case.js';
import { FIRST_24_HOURS, type TimeWindow } from '../case/time-window.js';

/**
 * The window a definition reads when the caller gives none, always up to the decision hour:
 * - 'first-24-hours': the first day from presentation (Phoenix: "worst values in the first 24 h",
 *   clinical-reference.md §1.9; the sJIA-MAS scores, read at presentation);
 * - 'illness': the illness as recorded, from presentation to the decision hour (HLH-2004's criteria
 *   and the MIS-C definitions accumulate over the illness: a marrow or an echo on day 3 counts).
 * Negative hours (baselines before presentation) are not part of the illness episode: `--window`
 * reads them when asked.
 */
export type DefaultWindowRule = 'first-24-hours' | 'illness';

export const DEFAULT_WINDOW_TEXT: Readonly<Record<DefaultWindowRule, string>> = {
  'first-24-hours': 'the first 24 h from presentation (up to the decision hour)',
  illness: 'the illness from presentation to the decision hour',
};

/** The last hour anything was recorded in the case (observations, labs, investigations), at least 0. */
export function lastRecordedHour(c: Case): number {
  let last = 0;
  for (const row of c.observations) if (row.hour > last) last = row.hour;
  for (const row of c.labs) if (row.hour > last) last = row.hour;
  const inv = c.investigations;
  for (const rows of [inv.boneMarrow, inv.echo, inv.cultures, inv.viralTests]) {
    for (const row of rows ?? []) if (row.hour > last) last = row.hour;
  }
  return last;
}

/**
 * A definition's default window for a case, up to the decision hour: the caller's, else the last hour
 * recorded (everything the case knows).
 */
export function defaultWindow(c: Case, rule: DefaultWindowRule, decisionHour?: number): TimeWindow {
  const upTo = Math.max(0, decisionHour ?? lastRecordedHour(c));
  return { fromHour: 0, toHour: rule === 'first-24-hours' ? Math.min(FIRST_24_HOURS.toHour, upTo) : upTo };
}
