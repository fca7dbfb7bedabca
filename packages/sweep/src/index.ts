// @masdrill/sweep — what a validator measures: criteria performance over labelled synthetic
// cohorts, as mergeable sufficient statistics, figures with intervals, and a self-contained report.
// The public API, listed explicitly.

export {
  COMPARISONS,
  stratumKey,
  parseStratumKey,
  type Comparison,
  type ComparisonId,
  type Stratum,
} from './comparisons.js';
export { TIME_POINTS, type TimePoint, type TimePointId } from './time-points.js';
export {
  CASE_VALUES,
  ROC_VALUE_IDS,
  DISTRIBUTION_VALUE_IDS,
  type CaseValue,
  type CaseValueId,
} from './case-values.js';
export { ValueGrid } from './value-grid.js';
export { readCase, readCaseWithEvidence, stratumOf, type CaseReading, type TimePointReading } from './case-reading.js';
export { CaseTally } from './case-tally.js';
export {
  STATUS_ORDER,
  STATISTICS_FORMAT,
  emptyStatistics,
  addReading,
  mergeInto,
  isComplete,
  missingRanges,
  statisticsToJson,
  statisticsFromJson,
  MergeError,
  StatisticsFormatError,
  Histogram,
  StratumCounts,
  type SweepStatistics,
  type CohortIdentity,
  type TimePointCounts,
} from './sweep-statistics.js';
export { wilson, likelihoodRatio, predictiveValues, samplingBand, Z95, type Estimate } from './intervals.js';
export { rocFromHistograms, type Roc, type RocPoint } from './roc.js';
export {
  sweepFigures,
  publishedContext,
  BASES,
  METHODS,
  type SweepFigures,
  type ComparisonFigures,
  type SetFigures,
  type RocFigures,
  type DistributionFigures,
  type Metrics,
  type ConfusionMatrix,
  type StatusCounts,
  type Basis,
  type PublishedBeside,
  type FigureOptions,
} from './sweep-figures.js';
export {
  cohortIdentity,
  shardRange,
  sweepRange,
  tallyRange,
  runSweep,
  SWEEP_THROUGH_HOUR,
  workersAvailable,
  type CohortSpec,
  type SweepRun,
} from './run-sweep.js';
export { renderSummary, SUMMARY_WIDTH } from './render-summary.js';
export { renderCsv } from './render-csv.js';
export { renderHtml } from './render-html.js';
export { linePlot, distributionSeries, type Series, type PlotOptions } from './svg-plots.js';
export { reportFiles } from './report-files.js';
