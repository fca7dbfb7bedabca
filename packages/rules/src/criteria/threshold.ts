import type { NumericAnalyte } from '../units/analytes.js';
import { fromCanonical } from '../units/convert.js';

export type Comparator = '>' | '>=' | '<' | '<=';

/** A published cut-off, kept in the unit it was published in. */
export interface Threshold {
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: string;
  /** Decimal places the source prints ("3.0 mmol/L" has 1), so evidence text reads as published. */
  readonly decimals?: number;
}

const SYMBOL: Record<Comparator, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/**
 * Relative tolerance that absorbs floating-point noise from unit round trips
 * (3.0 mmol/L → mg/dL → mmol/L is 2.9999999999999996), far below any reporting precision.
 */
const RELATIVE_EPSILON = 1e-9;

export function compare(value: number, comparator: Comparator, threshold: number): boolean {
  const eps = RELATIVE_EPSILON * Math.max(1, Math.abs(threshold));
  switch (comparator) {
    case '>':
      return value > threshold + eps;
    case '>=':
      return value >= threshold - eps;
    case '<':
      return value < threshold - eps;
    case '<=':
      return value <= threshold + eps;
  }
}

export function meetsThreshold(value: number, threshold: Threshold): boolean {
  return compare(value, threshold.comparator, threshold.value);
}

/** A canonical lab value compared against a threshold published in another unit. */
export function labMeetsThreshold(analyte: NumericAnalyte, canonicalValue: number, threshold: Threshold): boolean {
  return meetsThreshold(fromCanonical(analyte, canonicalValue, threshold.unit), threshold);
}

// One formatter for the process: Number#toLocaleString builds a new Intl formatter on every call,
// which made threshold text the largest cost of evaluating a case.
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 });
const FIXED_FORMATS = new Map<number, Intl.NumberFormat>();

/** A number as evidence text shows it: grouped thousands, no trailing zeros ("150,000", "1.3"), or a fixed number of decimals. */
export function formatNumber(value: number, decimals?: number): string {
  if (decimals === undefined) return NUMBER_FORMAT.format(value);
  let format = FIXED_FORMATS.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: Math.max(decimals, 10),
    });
    FIXED_FORMATS.set(decimals, format);
  }
  return format.format(value);
}

// Thresholds are constant table entries, so their text is computed once per threshold.
const described = new WeakMap<Threshold, string>();

export function describeThreshold(threshold: Threshold): string {
  let text = described.get(threshold);
  if (text === undefined) {
    const unit = threshold.unit ? ` ${threshold.unit}` : '';
    text = `${SYMBOL[threshold.comparator]} ${formatNumber(threshold.value, threshold.decimals)}${unit}`;
    described.set(threshold, text);
  }
  return text;
}
