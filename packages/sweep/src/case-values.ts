import type { CriteriaSetId, NumericAnalyte } from '@masdrill/rules';

export type CaseValueId = 'hscore' | 'ms-score' | 'ferritin-esr' | 'ferritin' | 'platelets' | 'fibrinogen';

/**
 * A number read from every case at each time point and kept as a histogram whose bins are the
 * value's reporting precision (`decimals`): every cut-off on that grid classifies exactly as on the
 * raw value, and histograms from any shard add up to the same counts.
 */
export interface CaseValue {
  readonly id: CaseValueId;
  readonly label: string;
  readonly unit: string;
  readonly decimals: number;
  /** Values already reported at the precision are rounded; a raw ratio is floored (so "≥ cut-off" stays exact). */
  readonly binning: 'round' | 'floor';
  /** A criteria set's summary value, or a lab's worst value in the window. */
  readonly source:
    | { readonly set: CriteriaSetId }
    | { readonly analyte: NumericAnalyte; readonly worst: 'highest' | 'lowest' };
}

/** In the order statistics store them. Lab decimals are the analytes' reporting precision (units/analytes.ts). */
export const CASE_VALUES: readonly CaseValue[] = [
  { id: 'hscore', label: 'HScore', unit: 'points', decimals: 0, binning: 'round', source: { set: 'hscore' } },
  { id: 'ms-score', label: 'MS score', unit: '', decimals: 3, binning: 'round', source: { set: 'ms-score' } },
  {
    id: 'ferritin-esr',
    label: 'ferritin:ESR',
    unit: '',
    decimals: 2,
    binning: 'floor',
    source: { set: 'ferritin-esr' },
  },
  {
    id: 'ferritin',
    label: 'ferritin (highest)',
    unit: 'ng/mL',
    decimals: 0,
    binning: 'round',
    source: { analyte: 'ferritin', worst: 'highest' },
  },
  {
    id: 'platelets',
    label: 'platelets (lowest)',
    unit: '×10⁹/L',
    decimals: 0,
    binning: 'round',
    source: { analyte: 'platelets', worst: 'lowest' },
  },
  {
    id: 'fibrinogen',
    label: 'fibrinogen (lowest)',
    unit: 'mg/dL',
    decimals: 0,
    binning: 'round',
    source: { analyte: 'fibrinogen', worst: 'lowest' },
  },
];

/** The scores the report draws ROC curves for (higher = more likely MAS for each). */
export const ROC_VALUE_IDS: readonly CaseValueId[] = ['hscore', 'ms-score', 'ferritin-esr', 'ferritin'];

/** The labs whose distributions by kind the report plots. */
export const DISTRIBUTION_VALUE_IDS: readonly CaseValueId[] = ['ferritin', 'platelets', 'fibrinogen'];

export function caseValue(id: CaseValueId): CaseValue {
  return CASE_VALUES.find((v) => v.id === id)!;
}

export function binOf(value: number, decimals: number, binning: 'round' | 'floor'): number {
  const scaled = value * 10 ** decimals;
  // A tiny tolerance keeps a ratio of exactly 21.5 (a quotient may land at 21.4999…) in the bin of 21.50.
  return binning === 'round' ? Math.round(scaled) : Math.floor(scaled + 1e-9);
}

export function binValue(bin: number, decimals: number): number {
  return Number((bin / 10 ** decimals).toFixed(decimals));
}
