import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderSummary } from './render-summary.js';
import { sweepFigures, type FigureOptions, type SweepFigures } from './sweep-figures.js';
import { statisticsToJson, type SweepStatistics } from './sweep-statistics.js';

/**
 * Every file of a sweep report, by name, from the statistics alone: no timestamps, no timings (run
 * metadata is the caller's run.json), so two runs compare byte for byte.
 */
export function reportFiles(
  stats: SweepStatistics,
  options: FigureOptions = {},
): { readonly files: Readonly<Record<string, string>>; readonly figures: SweepFigures } {
  const figures = sweepFigures(stats, options);
  const files: Record<string, string> = {
    'statistics.json': statisticsToJson(stats),
    'figures.json': JSON.stringify(figures, null, 1) + '\n',
    ...renderCsv(figures),
    'summary.txt': renderSummary(figures),
    'report.html': renderHtml(figures),
  };
  return { files, figures };
}
