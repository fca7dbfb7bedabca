import { ANALYTES, FERRITIN_ESR, HSCORE, MS_SCORE, type CriteriaSetId, type NumericAnalyte } from '@masdrill/rules';
import { ValueGrid } from './value-grid.js';

export type CaseValueId = 'hscore' | 'ms-score' | 'ferritin-esr' | 'ferritin' | 'platelets' | 'fibrinogen';

/**
 * A number read from every case at each time point and kept as a histogram on the value's fixed
 * grid (value-grid.ts: 3 significant figures, never finer than the reporting precision `decimals`):
 * every cut-off on that grid classifies exactly as on the raw value, and histograms from any shard
 * add up to the same counts.
 */
export interface CaseValue {
  readonly id: CaseValueId;
  readonly label: string;
  readonly unit: string;
  readonly decimals: number;
  /** Bins over the value's possible range: a lab's plausible range, a score's reachable one. */
  readonly grid: ValueGrid;
  /** A criteria set's summary value, or a lab's worst value in the window. */
  readonly source:
    | { readonly set: CriteriaSetId }
    | { readonly analyte: NumericAnalyte; readonly worst: 'highest' | 'lowest' };
}

/** The reachable range of the MS score's value: each term between 0 (not assessed) and its extremes. */
function msScoreRange(): [number, number] {
  let min = 0;
  let max = 0;
  for (const t of MS_SCORE.terms) {
    const [lo, hi] =
      t.kind === 'finding'
        ? [0, 1]
        : [ANALYTES[t.analyte].plausible.min, ANALYTES[t.analyte].plausible.max].map(
            (v) => v * ANALYTES[t.analyte].units[t.unit]!,
          );
    min += Math.min(0, t.coefficient * lo!, t.coefficient * hi!);
    max += Math.max(0, t.coefficient * lo!, t.coefficient * hi!);
  }
  return [min, max];
}

/** Ferritin ÷ ESR from the same panel; an ESR of 0 is not computable, so the smallest divisor is one reporting step. */
function ferritinEsrRange(): [number, number] {
  const { ferritin, esr } = ANALYTES;
  if (FERRITIN_ESR.ferritinUnit !== ferritin.canonicalUnit || FERRITIN_ESR.esrUnit !== esr.canonicalUnit)
    throw new Error('ferritin:ESR: the ratio is of canonical values; its range must be too');
  return [ferritin.plausible.min / esr.plausible.max, ferritin.plausible.max / 10 ** -esr.precision];
}

function lab(id: CaseValueId, label: string, analyte: NumericAnalyte, worst: 'highest' | 'lowest'): CaseValue {
  const a = ANALYTES[analyte];
  return {
    id,
    label,
    unit: a.canonicalUnit,
    decimals: a.precision,
    grid: new ValueGrid(a.precision, a.plausible.min, a.plausible.max),
    source: { analyte, worst },
  };
}

/** A criteria set's summary value, on a grid over its reachable range. */
function score(
  set: 'hscore' | 'ms-score' | 'ferritin-esr',
  label: string,
  unit: string,
  decimals: number,
  [min, max]: [number, number],
): CaseValue {
  return { id: set, label, unit, decimals, grid: new ValueGrid(decimals, min, max), source: { set } };
}

/** In the order statistics store them. */
export const CASE_VALUES: readonly CaseValue[] = [
  score('hscore', 'HScore', 'points', 0, [0, HSCORE.maximum]),
  score('ms-score', 'MS score', '', 3, msScoreRange()),
  score('ferritin-esr', 'ferritin:ESR', '', 2, ferritinEsrRange()),
  lab('ferritin', 'ferritin (highest)', 'ferritin', 'highest'),
  lab('platelets', 'platelets (lowest)', 'platelets', 'lowest'),
  lab('fibrinogen', 'fibrinogen (lowest)', 'fibrinogen', 'lowest'),
];

/** The scores the report draws ROC curves for (higher = more likely MAS for each). */
export const ROC_VALUE_IDS: readonly CaseValueId[] = ['hscore', 'ms-score', 'ferritin-esr', 'ferritin'];

/** The labs whose distributions by kind the report plots. */
export const DISTRIBUTION_VALUE_IDS: readonly CaseValueId[] = ['ferritin', 'platelets', 'fibrinogen'];

export function caseValue(id: CaseValueId): CaseValue {
  return CASE_VALUES.find((v) => v.id === id)!;
}
