import { stringify } from 'csv-stringify/sync';
import type { Estimate } from './intervals.js';
import { BASES, type Metrics, type SweepFigures } from './sweep-figures.js';

const METRIC_NAMES = ['sensitivity', 'specificity', 'ppv', 'npv', 'lrPositive', 'lrNegative', 'accuracy'] as const;

const cell = (x: number | string | boolean | null | undefined): string =>
  x === null || x === undefined ? '' : String(x);
const triple = (e: Estimate | undefined): string[] => [cell(e?.value), cell(e?.lower), cell(e?.upper)];
const csv = (header: string[], rows: (string | number)[][]): string =>
  stringify([header, ...rows.map((r) => r.map((x) => cell(x)))], { record_delimiter: '\n' });

/** Every figure as CSV files (name → text), no timestamps or timings. */
export function renderCsv(figures: SweepFigures): Record<string, string> {
  const performanceHeader = [
    'comparison',
    'time_point',
    'set',
    'basis',
    'positives',
    'negatives',
    'tp',
    'fn',
    'fp',
    'tn',
    'pos_met',
    'pos_not_met',
    'pos_not_assessable',
    'pos_not_applicable',
    'neg_met',
    'neg_not_met',
    'neg_not_assessable',
    'neg_not_applicable',
    ...METRIC_NAMES.flatMap((m) => [m, `${m}_lower`, `${m}_upper`]),
    'prevalence',
    'ppv_at_prevalence',
    'ppv_at_prevalence_lower',
    'ppv_at_prevalence_upper',
    'npv_at_prevalence',
    'npv_at_prevalence_lower',
    'npv_at_prevalence_upper',
  ];
  const performance: string[][] = [];
  const published: string[][] = [];
  const roc: string[][] = [];
  const rocPoints: string[][] = [];
  for (const c of figures.comparisons) {
    for (const s of c.sets) {
      for (const basis of BASES) {
        const { matrix: m, metrics } = s.bases[basis.id];
        const at = (metrics as Metrics).atPrevalence;
        performance.push([
          c.comparison,
          c.timePoint,
          s.set,
          basis.id,
          cell(m.tp + m.fn),
          cell(m.fp + m.tn),
          cell(m.tp),
          cell(m.fn),
          cell(m.fp),
          cell(m.tn),
          ...[s.positives, s.negatives].flatMap((g) => [g.met, g.notMet, g.notAssessable, g.notApplicable].map(cell)),
          ...METRIC_NAMES.flatMap((name) => triple(metrics[name])),
          cell(at?.prevalence),
          ...triple(at?.ppv),
          ...triple(at?.npv),
        ]);
      }
      for (const p of s.published) {
        published.push([
          c.comparison,
          c.timePoint,
          s.set,
          p.id,
          p.measure,
          cell(p.published),
          cell(p.n),
          cell(p.band?.lower),
          cell(p.band?.upper),
          cell(p.synthetic),
          cell(p.inside),
          p.cutoff,
          p.groups,
          p.citation,
        ]);
      }
    }
    for (const r of c.rocs) {
      roc.push([
        c.comparison,
        c.timePoint,
        r.value,
        cell(r.positives),
        cell(r.negatives),
        cell(r.missingPositives),
        cell(r.missingNegatives),
        cell(r.outsideGrid),
        ...triple(r.auc),
        cell(r.youden?.threshold),
        cell(r.youden?.sensitivity),
        cell(r.youden?.specificity),
        cell(r.youden?.j),
      ]);
      for (const p of r.points)
        rocPoints.push([
          c.comparison,
          c.timePoint,
          r.value,
          cell(p.threshold),
          cell(p.sensitivity),
          cell(p.specificity),
        ]);
    }
  }
  const distributions: string[][] = [];
  for (const d of figures.distributions)
    for (const k of d.byKind) {
      distributions.push([d.value, d.timePoint, k.kind, 'missing', cell(k.missing)]);
      distributions.push([d.value, d.timePoint, k.kind, 'below_grid', cell(k.below)]);
      distributions.push([d.value, d.timePoint, k.kind, 'above_grid', cell(k.above)]);
      for (const [value, count] of k.bins) distributions.push([d.value, d.timePoint, k.kind, cell(value), cell(count)]);
    }
  return {
    'performance.csv': csv(performanceHeader, performance),
    'published.csv': csv(
      [
        'comparison',
        'time_point',
        'set',
        'published_id',
        'measure',
        'published',
        'n',
        'band_lower',
        'band_upper',
        'synthetic_assessable',
        'inside',
        'cutoff',
        'groups',
        'citation',
      ],
      published,
    ),
    'roc.csv': csv(
      [
        'comparison',
        'time_point',
        'score',
        'positives',
        'negatives',
        'missing_positives',
        'missing_negatives',
        'outside_grid',
        'auc',
        'auc_lower',
        'auc_upper',
        'youden_threshold',
        'youden_sensitivity',
        'youden_specificity',
        'youden_j',
      ],
      roc,
    ),
    'roc-points.csv': csv(
      ['comparison', 'time_point', 'score', 'threshold_at_least', 'sensitivity', 'specificity'],
      rocPoints,
    ),
    'distributions.csv': csv(['value', 'time_point', 'kind', 'bin_lower_edge', 'count'], distributions),
  };
}
