// Calibration of the synthetic cohorts to the published performance of the MAS criteria, in the
// population and at the time point each publication used. Shared by the calibration report
// (test/calibration-report.ts) and the calibration test.
import { evaluate, type Case, type CriteriaSetId, type TimeWindow } from '@masdrill/rules';
import { caseStream, type Difficulty, type Kind } from '../../src/index.js';

/** One published figure: a proportion, the publication's sample size behind it, and how it is measured here. */
export interface PublishedFigure {
  readonly name: string;
  readonly source: string;
  readonly published: number;
  /** Cases behind the published proportion (its denominator). */
  readonly publishedN: number;
  /** Where that denominator comes from. */
  readonly publishedNFrom: string;
  readonly kind: Kind;
  /** The publication's population within the kind. */
  readonly among: (c: Case) => boolean;
  readonly set: CriteriaSetId;
  readonly window: TimeWindow;
  /** true: the share of complete cases meeting the set (sensitivity, or a prevalence); false: the share not meeting it (specificity). */
  readonly positive: boolean;
  /** The part of the result read: the status, or one of the set's sub-classifications (all must be met). */
  readonly reads?: readonly string[];
}

/** Values at MAS onset: the presentation panel and findings, as Ravelli 2016, Minoia 2019 and Eloseily 2019 scored them. */
export const AT_ONSET: TimeWindow = { fromHour: 0, toHour: 0 };
/** The whole synthetic stay (presentation to 72 h), as Buda 2022 counted MIS-C meeting the criteria during admission. */
export const OVER_THE_STAY: TimeWindow = { fromHour: 0, toHour: 72 };

const sjiaMas = (c: Case): boolean => c.background.sjia === 'known' || c.background.sjia === 'suspected';
const all = (): boolean => true;

export const PUBLISHED_FIGURES: readonly PublishedFigure[] = [
  {
    name: '2016 criteria sensitivity (sJIA-MAS)',
    source: 'ravelli-2016',
    published: 0.73,
    publishedN: 161,
    publishedNFrom: '161 sJIA-MAS profiles of the 428 the panel classified',
    kind: 'mas',
    among: sjiaMas,
    set: 'eular-acr-2016',
    window: AT_ONSET,
    positive: true,
  },
  {
    name: '2016 criteria specificity (active sJIA)',
    source: 'ravelli-2016',
    published: 0.99,
    publishedN: 267,
    publishedNFrom: '267 confusable profiles of the 428',
    kind: 'sjia-flare',
    among: all,
    set: 'eular-acr-2016',
    window: AT_ONSET,
    positive: false,
  },
  {
    name: 'MS score ≥ −2.1 sensitivity (sJIA-MAS)',
    source: 'minoia-2019',
    published: 0.85,
    publishedN: 290,
    publishedNFrom: '80% development sample of 362 sJIA-MAS',
    kind: 'mas',
    among: sjiaMas,
    set: 'ms-score',
    window: AT_ONSET,
    positive: true,
  },
  {
    name: 'MS score ≥ −2.1 specificity (active sJIA)',
    source: 'minoia-2019',
    published: 0.95,
    publishedN: 323,
    publishedNFrom: '80% development sample of 404 active sJIA',
    kind: 'sjia-flare',
    among: all,
    set: 'ms-score',
    window: AT_ONSET,
    positive: false,
  },
  {
    name: 'ferritin:ESR ≥ 21.5 sensitivity (sJIA-MAS)',
    source: 'eloseily-2019',
    published: 0.82,
    publishedN: 362,
    publishedNFrom: "the international cohort's 362 sJIA-MAS",
    kind: 'mas',
    among: sjiaMas,
    set: 'ferritin-esr',
    window: AT_ONSET,
    positive: true,
  },
  {
    name: 'ferritin:ESR ≥ 21.5 specificity (active sJIA)',
    source: 'eloseily-2019',
    published: 0.78,
    publishedN: 404,
    publishedNFrom: "the international cohort's 404 active sJIA",
    kind: 'sjia-flare',
    among: all,
    set: 'ferritin-esr',
    window: AT_ONSET,
    positive: false,
  },
  {
    name: 'MIS-C meeting the 2016 laboratory part over the stay',
    source: 'buda-2022',
    published: 59 / 274,
    publishedN: 274,
    publishedNFrom: '59/274 of the Polish registry',
    kind: 'misc',
    among: all,
    set: 'eular-acr-2016',
    window: OVER_THE_STAY,
    positive: true,
    reads: ['ferritin-required', 'two-of-four'],
  },
];

/** z of a two-sided 95% interval. */
const Z95 = 1.959964;

/**
 * The band a synthetic figure must fall in: the published proportion ± 1.96 standard errors of the
 * difference between two independent binomial proportions, the publication's (n = publishedN) and
 * the synthetic sample's (n = syntheticN), both at the published p. Clipped to [0, 1].
 */
export function band(published: number, publishedN: number, syntheticN: number): { low: number; high: number } {
  const se = Math.sqrt(published * (1 - published) * (1 / publishedN + 1 / syntheticN));
  return { low: Math.max(0, published - Z95 * se), high: Math.min(1, published + Z95 * se) };
}

export interface Measured {
  readonly figure: PublishedFigure;
  /** Complete cases: the set decided (met or not met) in the population. */
  readonly n: number;
  /** Cases of the population left out because the set was not assessable or not applicable. */
  readonly incomplete: number;
  readonly value: number;
  readonly band: { low: number; high: number };
  readonly within: boolean;
}

function decided(c: Case, f: PublishedFigure): boolean | undefined {
  const r = evaluate(c, { only: [f.set], window: f.window }).results[0]!;
  if (f.reads === undefined) return r.status === 'met' ? true : r.status === 'not-met' ? false : undefined;
  const parts = f.reads.map((k) => r.classifications?.[k]);
  if (parts.every((s) => s === 'met')) return true;
  if (parts.some((s) => s === 'not-met')) return false;
  return undefined;
}

/** Each published figure measured on n cases per kind (seed, difficulty). */
export function measureCalibration(n: number, seed: number, difficulty: Difficulty): Measured[] {
  const cohorts = new Map<Kind, readonly Case[]>();
  const cohortOf = (kind: Kind): readonly Case[] => {
    let cases = cohorts.get(kind);
    if (cases === undefined) cohorts.set(kind, (cases = [...caseStream({ kind, n, seed, difficulty })]));
    return cases;
  };
  return PUBLISHED_FIGURES.map((figure) => {
    let met = 0,
      decidedN = 0,
      incomplete = 0;
    for (const c of cohortOf(figure.kind)) {
      if (!figure.among(c)) continue;
      const d = decided(c, figure);
      if (d === undefined) {
        incomplete++;
        continue;
      }
      decidedN++;
      if (d === figure.positive) met++;
    }
    const value = decidedN === 0 ? NaN : met / decidedN;
    const b = band(figure.published, figure.publishedN, Math.max(1, decidedN));
    return { figure, n: decidedN, incomplete, value, band: b, within: value >= b.low && value <= b.high };
  });
}

export function formatCalibration(rows: readonly Measured[], header: string): string {
  const f3 = (x: number): string => x.toFixed(3);
  const lines = [
    header,
    '| figure (source) | published (n) | measured (complete n, left out) | 95% band | within |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.figure.name} (${r.figure.source}) | ${f3(r.figure.published)} (${r.figure.publishedN}) | ${f3(r.value)} (${r.n}, ${r.incomplete}) | ${f3(r.band.low)}–${f3(r.band.high)} | ${r.within ? 'yes' : 'NO'} |`,
    );
  }
  return lines.join('\n');
}
