import { ANALYTES, type NumericAnalyte } from '../units/analytes.js';
import type { EvaluateOptions } from './criteria-result.js';

/**
 * The unit a lab value was entered in: the unit of the entered unit system ('si', 'conventional'), or
 * the canonical unit when the values were entered as stored (the default). Cases store one canonical
 * unit per analyte and do not record the unit each value was typed in; the caller that converted them
 * (the CLI's --units) knows it.
 */
export function enteredUnit(analyte: NumericAnalyte, options: EvaluateOptions): string {
  const system = options.enteredUnits ?? 'canonical';
  return system === 'canonical' ? ANALYTES[analyte].canonicalUnit : ANALYTES[analyte].systemUnits[system];
}

/**
 * Of a cut-off the definition prints in several units (keyed by unit), the one in the unit the value
 * was entered in; when the definition does not print that unit, the first one it prints. A value
 * entered as 265 mg/dL is judged against "≥ 265 mg/dL", not against 3.0 mmol/L (265 mg/dL = 2.992 mmol/L).
 */
export function printedInEnteredUnit<T>(
  printed: Readonly<Record<string, T>>,
  analyte: NumericAnalyte,
  options: EvaluateOptions,
): { readonly unit: string; readonly value: T } {
  const unit = enteredUnit(analyte, options);
  const exact = printed[unit];
  if (exact !== undefined) return { unit, value: exact };
  const first = Object.keys(printed)[0]!;
  return { unit: first, value: printed[first]! };
}
