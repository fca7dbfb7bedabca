import type { FeedbackItem, Severity } from '../generated/score-report.js';

/** The one severity table: rank (most serious first), the report's mark and the debrief's symbol. */
export const SEVERITIES: {
  readonly [K in Severity]: { readonly rank: number; readonly mark: string; readonly symbol: string };
} = {
  harmful: { rank: 0, mark: 'HARMFUL', symbol: '✗✗' },
  'critical-omission': { rank: 1, mark: 'CRITICAL OMISSION', symbol: '✗' },
  'dose-error': { rank: 2, mark: 'DOSE ERROR', symbol: '!' },
  late: { rank: 3, mark: 'LATE', symbol: '⏱' },
  suboptimal: { rank: 4, mark: 'SUBOPTIMAL', symbol: '~' },
  good: { rank: 5, mark: 'GOOD', symbol: '✓' },
};

/** Feedback most serious first; equal severities keep their order. */
export function bySeverity<T extends Pick<FeedbackItem, 'severity'>>(items: readonly T[]): T[] {
  return items
    .map((item, n) => ({ item, n }))
    .sort((a, b) => SEVERITIES[a.item.severity].rank - SEVERITIES[b.item.severity].rank || a.n - b.n)
    .map(({ item }) => item);
}
