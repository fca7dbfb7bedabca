import { ANALYTES, type NumericAnalyte, type UnitSystem } from './analytes.js';

/** Thrown for a unit an analyte does not know; names both so the message can say what to fix. */
export class UnknownUnitError extends Error {
  constructor(
    readonly analyte: NumericAnalyte,
    readonly unit: string,
  ) {
    super(`${analyte} has no unit "${unit}"; known: ${Object.keys(ANALYTES[analyte].units).join(', ')}`);
    this.name = 'UnknownUnitError';
  }
}

function factor(analyte: NumericAnalyte, unit: string): number {
  const f = ANALYTES[analyte].units[unit];
  if (f === undefined) throw new UnknownUnitError(analyte, unit);
  return f;
}

/** A canonical value expressed in another unit of the same analyte. */
export function fromCanonical(analyte: NumericAnalyte, canonicalValue: number, unit: string): number {
  return canonicalValue * factor(analyte, unit);
}

/** A value in any known unit of the analyte, brought to the canonical unit. */
export function toCanonical(analyte: NumericAnalyte, value: number, unit: string): number {
  return value / factor(analyte, unit);
}

export function unitFor(analyte: NumericAnalyte, system: UnitSystem): string {
  return ANALYTES[analyte].systemUnits[system];
}

/** Round to the analyte's reporting precision (in the canonical unit). */
export function roundToPrecision(analyte: NumericAnalyte, canonicalValue: number): number {
  const scale = 10 ** ANALYTES[analyte].precision;
  return Math.round(canonicalValue * scale) / scale;
}
