import { CITATIONS, CRITERIA_SET_IDS, CRITERIA_SETS, PUBLISHED_PERFORMANCE, type CriteriaSetId } from '@masdrill/rules';
import { DISTRIBUTION_VALUE_IDS, ROC_VALUE_IDS, caseValue, type CaseValueId } from './case-values.js';
import { COMPARISONS, parseStratumKey, type ComparisonId } from './comparisons.js';
import { likelihoodRatio, predictiveValues, samplingBand, wilson, type Estimate } from './intervals.js';
import { placeOf, publishedFor } from './published-comparisons.js';
import { rocFromHistograms, type RocPoint } from './roc.js';
import type { Histogram, SweepStatistics } from './sweep-statistics.js';
import { TIME_POINTS, type TimePointId } from './time-points.js';

export interface FigureOptions {
  /** A prevalence (0 < p < 1) for PPV/NPV besides the cohort's own; undefined: the cohort's only. */
  readonly prevalence?: number;
}

export interface StatusCounts {
  readonly met: number;
  readonly notMet: number;
  readonly notAssessable: number;
  readonly notApplicable: number;
}

export interface ConfusionMatrix {
  readonly tp: number;
  readonly fn: number;
  readonly fp: number;
  readonly tn: number;
}

export interface Metrics {
  readonly sensitivity: Estimate;
  readonly specificity: Estimate;
  readonly ppv: Estimate;
  readonly npv: Estimate;
  readonly lrPositive: Estimate;
  readonly lrNegative: Estimate;
  readonly accuracy: Estimate;
  /** PPV and NPV at --prevalence, with bounds from the Wilson limits of sensitivity and specificity. */
  readonly atPrevalence?: { readonly prevalence: number; readonly ppv: Estimate; readonly npv: Estimate };
}

export type Basis = 'unassessed-as-negative' | 'assessable-only';

export const BASES: readonly { readonly id: Basis; readonly label: string }[] = [
  { id: 'unassessed-as-negative', label: 'not assessable / not applicable counted as not classified (negative)' },
  { id: 'assessable-only', label: 'not assessable / not applicable left out' },
];

export interface PublishedBeside {
  readonly id: string;
  readonly citation: string;
  readonly cutoff: string;
  readonly groups: string;
  readonly measure: 'sensitivity' | 'specificity';
  readonly published: number;
  readonly n: number | null;
  /** The central 95% of Binomial(n, published)/n; null when the source gives no n. */
  readonly band: { readonly lower: number; readonly upper: number } | null;
  /** The synthetic figure (assessable-only basis). */
  readonly synthetic: number | null;
  readonly inside: boolean | null;
}

export interface SetFigures {
  readonly set: CriteriaSetId;
  readonly name: string;
  readonly positives: StatusCounts;
  readonly negatives: StatusCounts;
  readonly bases: Readonly<Record<Basis, { readonly matrix: ConfusionMatrix; readonly metrics: Metrics }>>;
  readonly published: readonly PublishedBeside[];
}

export interface RocFigures {
  readonly value: CaseValueId;
  readonly label: string;
  readonly positives: number;
  readonly negatives: number;
  /** Cases of each group without the value (not applicable, or never measured in the window). */
  readonly missingPositives: number;
  readonly missingNegatives: number;
  /** Values outside the value's grid (counted at its ends: below every threshold, or above), both groups. */
  readonly outsideGrid: number;
  readonly auc: Estimate;
  readonly youden: {
    readonly threshold: number;
    readonly sensitivity: number;
    readonly specificity: number;
    readonly j: number;
  } | null;
  readonly points: readonly RocPoint[];
}

export interface ComparisonFigures {
  readonly comparison: ComparisonId;
  readonly label: string;
  readonly timePoint: TimePointId;
  readonly timePointLabel: string;
  readonly positives: number;
  readonly negatives: number;
  readonly prevalence: number | null;
  readonly sets: readonly SetFigures[];
  readonly rocs: readonly RocFigures[];
}

export interface DistributionFigures {
  readonly value: CaseValueId;
  readonly label: string;
  readonly unit: string;
  readonly timePoint: TimePointId;
  readonly byKind: readonly {
    readonly kind: string;
    readonly cases: number;
    readonly missing: number;
    /** Values below the grid's first edge, and at or above its end (outside the analyte's plausible range). */
    readonly below: number;
    readonly above: number;
    /** [lower edge, count] of each bin of the grid with a count. */
    readonly bins: readonly [number, number][];
  }[];
}

export interface SweepFigures {
  readonly cohort: SweepStatistics['cohort'];
  readonly cases: number;
  readonly casesByKind: Readonly<Record<string, number>>;
  readonly prevalence: number | null;
  readonly comparisons: readonly ComparisonFigures[];
  readonly distributions: readonly DistributionFigures[];
  readonly methods: Readonly<Record<string, string>>;
}

export const METHODS = {
  proportions: 'Wilson score 95% interval (Wilson 1927; Brown, Cai & DasGupta 2001)',
  likelihoodRatios: 'log-method 95% interval (Simel, Samsa & Matchar 1991); null where a cell is zero',
  auc: 'Mann–Whitney AUC over the histogram grid (values in one bin tie and count half) with the Hanley–McNeil 1982 standard error, ±1.96 SE',
  youden:
    'threshold maximising sensitivity + specificity − 1 over "score ≥ threshold", thresholds at the grid’s bin edges (lowest on a tie)',
  curves:
    'ROC points published where sensitivity or specificity moved by 0.001 or more since the last one (AUC and Youden use every threshold of the grid)',
  prevalence:
    'PPV/NPV at --prevalence by Bayes’ rule; bounds from the Wilson limits of sensitivity and specificity (PPV and NPV rise with both), not a joint 95% interval',
  band: 'published sampling band: the central 95% (2.5th–97.5th percentile) of Binomial(n, published value)/n, n the published group size; the synthetic figure (assessable cases) is inside when within it',
  scores:
    'scores from their assessed items (a missing item adds nothing, as the evidence engine reports it), only where the definition applies; ferritin alone is the highest in the window',
  histograms:
    'ROC curves, AUCs, Youden thresholds and the distribution plots are computed from histograms on a fixed grid per value, not from the raw values: bin edges at 3 significant figures, never finer than the reporting precision (HScore and labs 1, MS score 0.001, ferritin:ESR 0.01; e.g. ferritin 0–999 by 1, 1,000–9,990 by 10, 10,000–99,900 by 100; the MS score mirrored below 0), each value counted in the bin of the largest edge at or below it, so "score ≥ c" is exact for every cut-off c with at most 3 significant figures (684, 21.5, −2.1, 169, 500, 2,000 …); the grid spans the lab’s plausible range or the score’s reachable range, and a value outside it is counted at the grid’s end (outsideGrid, below/above), never dropped. Confusion matrices come from the criteria statuses and are exact',
} as const;

const round6 = (x: number | null): number | null => (x === null ? null : Number(x.toFixed(6)));
const est = (e: Estimate): Estimate => ({ value: round6(e.value), lower: round6(e.lower), upper: round6(e.upper) });

function metricsOf(m: ConfusionMatrix, prevalence: number | undefined): Metrics {
  const positives = m.tp + m.fn;
  const negatives = m.fp + m.tn;
  const sensitivity = wilson(m.tp, positives);
  const specificity = wilson(m.tn, negatives);
  const metrics: Metrics = {
    sensitivity: est(sensitivity),
    specificity: est(specificity),
    ppv: est(wilson(m.tp, m.tp + m.fp)),
    npv: est(wilson(m.tn, m.tn + m.fn)),
    lrPositive: est(likelihoodRatio(m.tp, positives, m.fp, negatives)),
    lrNegative: est(likelihoodRatio(m.fn, positives, m.tn, negatives)),
    accuracy: est(wilson(m.tp + m.tn, positives + negatives)),
  };
  if (prevalence === undefined || sensitivity.value === null || specificity.value === null) return metrics;
  const at = (se: number, sp: number) => predictiveValues(se, sp, prevalence);
  const point = at(sensitivity.value, specificity.value);
  const low = at(sensitivity.lower!, specificity.lower!);
  const high = at(sensitivity.upper!, specificity.upper!);
  return {
    ...metrics,
    atPrevalence: {
      prevalence,
      ppv: est({ value: point.ppv, lower: low.ppv, upper: high.ppv }),
      npv: est({ value: point.npv, lower: low.npv, upper: high.npv }),
    },
  };
}

/** The smallest step in sensitivity or 1 − specificity between two points kept on a published curve. */
export const ROC_CURVE_STEP = 0.001;

/**
 * The ROC curve as published (CSV, JSON, plot): a point wherever sensitivity or specificity has
 * moved by ROC_CURVE_STEP since the last point kept, and the last point. A score's grid has
 * thousands of thresholds; the AUC and the Youden threshold are computed from every one of them.
 */
function thinCurve(points: readonly RocPoint[]): RocPoint[] {
  const out: RocPoint[] = [];
  let last: RocPoint | undefined;
  points.forEach((p, i) => {
    if (
      last === undefined ||
      i === points.length - 1 ||
      Math.abs(p.sensitivity - last.sensitivity) >= ROC_CURVE_STEP ||
      Math.abs(p.specificity - last.specificity) >= ROC_CURVE_STEP
    ) {
      last = p;
      out.push({ threshold: p.threshold, sensitivity: round6(p.sensitivity)!, specificity: round6(p.specificity)! });
    }
  });
  return out;
}

function addCounts(into: number[], from: ArrayLike<number>): void {
  for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
}

/** Adds a histogram's slot counts (missing left out) into `into`. */
function addSlots(into: Float64Array, h: Histogram): void {
  for (let slot = 0; slot < into.length; slot++) into[slot]! += h.inSlot(slot);
}

const toStatusCounts = (c: readonly number[]): StatusCounts => ({
  met: c[0]!,
  notMet: c[1]!,
  notAssessable: c[2]!,
  notApplicable: c[3]!,
});

/** Every figure of a sweep, from its sufficient statistics alone (so equal statistics give equal figures). */
export function sweepFigures(stats: SweepStatistics, options: FigureOptions = {}): SweepFigures {
  const strata = [...stats.strata.keys()]
    .sort()
    .map((key) => ({ stratum: parseStratumKey(key), counts: stats.strata.get(key)! }));
  const casesByKind: Record<string, number> = {};
  let cases = 0;
  for (const { stratum, counts } of strata) {
    cases += counts.cases;
    casesByKind[stratum.kind] = (casesByKind[stratum.kind] ?? 0) + counts.cases;
  }

  const comparisons: ComparisonFigures[] = [];
  for (const comparison of COMPARISONS) {
    for (const tp of TIME_POINTS) {
      const members = strata
        .map((s) => ({ ...s, role: comparison.role(s.stratum) }))
        .filter((s) => s.role !== undefined);
      const positives = members.filter((m) => m.role === 'positive').reduce((s, m) => s + m.counts.cases, 0);
      const negatives = members.filter((m) => m.role === 'negative').reduce((s, m) => s + m.counts.cases, 0);
      const sets = CRITERIA_SET_IDS.map((set): SetFigures => {
        const pos = [0, 0, 0, 0];
        const neg = [0, 0, 0, 0];
        for (const m of members)
          addCounts(m.role === 'positive' ? pos : neg, m.counts.timePoints[tp.id].statuses[set]!);
        const all: ConfusionMatrix = {
          tp: pos[0]!,
          fn: pos[1]! + pos[2]! + pos[3]!,
          fp: neg[0]!,
          tn: neg[1]! + neg[2]! + neg[3]!,
        };
        const assessable: ConfusionMatrix = { tp: pos[0]!, fn: pos[1]!, fp: neg[0]!, tn: neg[1]! };
        const assessableMetrics = metricsOf(assessable, options.prevalence);
        const published = publishedFor(comparison.id, tp.id, set).flatMap((p): PublishedBeside[] =>
          (['sensitivity', 'specificity'] as const).map((measure) => {
            const figure = p[measure];
            const band = figure.n === null ? null : samplingBand(figure.value, figure.n);
            const synthetic = assessableMetrics[measure].value;
            return {
              id: p.id,
              citation: CITATIONS[p.citation].text,
              cutoff: p.cutoff,
              groups: `${p.positives} vs ${p.negatives}`,
              measure,
              published: figure.value,
              n: figure.n,
              band: band && { lower: round6(band.lower)!, upper: round6(band.upper)! },
              synthetic,
              inside: band === null || synthetic === null ? null : synthetic >= band.lower && synthetic <= band.upper,
            };
          }),
        );
        return {
          set,
          name: CRITERIA_SETS[set].name,
          positives: toStatusCounts(pos),
          negatives: toStatusCounts(neg),
          bases: {
            'unassessed-as-negative': { matrix: all, metrics: metricsOf(all, options.prevalence) },
            'assessable-only': { matrix: assessable, metrics: assessableMetrics },
          },
          published,
        };
      });
      const rocs = ROC_VALUE_IDS.map((id): RocFigures => {
        const value = caseValue(id);
        const pos = new Float64Array(value.grid.slots);
        const neg = new Float64Array(value.grid.slots);
        let missingPositives = 0;
        let missingNegatives = 0;
        for (const m of members) {
          const h = m.counts.timePoints[tp.id].values[id];
          if (m.role === 'positive') missingPositives += h.missing;
          else missingNegatives += h.missing;
          addSlots(m.role === 'positive' ? pos : neg, h);
        }
        const roc = rocFromHistograms(pos, neg, value.grid.thresholds);
        const last = value.grid.slots - 1;
        return {
          value: id,
          label: value.label,
          positives: roc.positives,
          negatives: roc.negatives,
          missingPositives,
          missingNegatives,
          outsideGrid: pos[0]! + neg[0]! + pos[last]! + neg[last]!,
          auc: est(roc.auc),
          youden: roc.youden && {
            threshold: roc.youden.threshold,
            sensitivity: round6(roc.youden.sensitivity)!,
            specificity: round6(roc.youden.specificity)!,
            j: round6(roc.youden.j)!,
          },
          points: thinCurve(roc.points),
        };
      });
      comparisons.push({
        comparison: comparison.id,
        label: comparison.label,
        timePoint: tp.id,
        timePointLabel: tp.label,
        positives,
        negatives,
        prevalence: positives + negatives > 0 ? round6(positives / (positives + negatives)) : null,
        sets,
        rocs,
      });
    }
  }

  const distributions: DistributionFigures[] = DISTRIBUTION_VALUE_IDS.map((id) => {
    const value = caseValue(id);
    const byKind = new Map<string, { cases: number; missing: number; slots: Float64Array }>();
    for (const { stratum, counts } of strata) {
      let k = byKind.get(stratum.kind);
      if (!k) byKind.set(stratum.kind, (k = { cases: 0, missing: 0, slots: new Float64Array(value.grid.slots) }));
      const h = counts.timePoints['first-day'].values[id];
      k.cases += counts.cases;
      k.missing += h.missing;
      addSlots(k.slots, h);
    }
    const last = value.grid.slots - 1;
    return {
      value: id,
      label: value.label,
      unit: value.unit,
      timePoint: 'first-day' as const,
      byKind: [...byKind.entries()]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([kind, k]) => {
          const bins: [number, number][] = [];
          for (let slot = 1; slot < last; slot++)
            if (k.slots[slot]! > 0) bins.push([value.grid.thresholds[slot]!, k.slots[slot]!]);
          return { kind, cases: k.cases, missing: k.missing, below: k.slots[0]!, above: k.slots[last]!, bins };
        }),
    };
  });

  return {
    cohort: stats.cohort,
    cases,
    casesByKind,
    prevalence: options.prevalence ?? null,
    comparisons,
    distributions,
    methods: { ...METHODS },
  };
}

/** Published figures not held against a status (another cut-off or measure), for the report to show as context. */
export function publishedContext(): readonly {
  readonly id: string;
  readonly subject: string;
  readonly text: string;
  readonly citation: string;
  readonly place?: string;
}[] {
  return PUBLISHED_PERFORMANCE.map((p) => ({
    id: p.id,
    subject: p.subject,
    text: `${p.cutoff}: sensitivity ${p.sensitivity.value}${p.sensitivity.n ? ` (n = ${p.sensitivity.n})` : ''}, specificity ${p.specificity.value}${p.specificity.n ? ` (n = ${p.specificity.n})` : ''}; ${p.positives} vs ${p.negatives}, ${p.timePoint}. ${p.note}`,
    citation: CITATIONS[p.citation].text,
    ...(placeOf(p.id) && p.comparable ? { place: `${placeOf(p.id)!.comparison} ${placeOf(p.id)!.timePoint}` } : {}),
  }));
}
