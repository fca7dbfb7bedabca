import type { Case } from '../generated/case.js';
import { ANALYTES, isNumericAnalyte, type NumericAnalyte, type UnitSystem } from './analytes.js';

/**
 * Decimals to keep for an analyte in a unit: its canonical reporting precision carried through the
 * conversion factor (TG 0 dp in mg/dL → 2 dp in mmol/L; CRP 1 dp in mg/L → 2 dp in mg/dL), so a
 * converted value keeps its information and loses the float noise of the multiplication.
 */
export function decimalsInUnit(analyte: NumericAnalyte, unit: string): number {
  const def = ANALYTES[analyte];
  const factor = def.units[unit] ?? 1;
  return Math.max(0, def.precision + Math.ceil(Math.log10(1 / factor) - 1e-9));
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/**
 * A case already converted to `system` (caseFromCanonical) with every lab value and reference
 * limit rounded to the precision its unit carries. Rounds in place and returns the case.
 */
export function roundCaseInUnits(c: Case, system: UnitSystem): Case {
  for (const panel of c.labs) {
    const p = panel as unknown as Record<string, unknown>;
    for (const k of Object.keys(p)) {
      const v = p[k];
      if (k !== 'hour' && typeof v === 'number' && isNumericAnalyte(k))
        p[k] = roundTo(v, decimalsInUnit(k, ANALYTES[k].systemUnits[system]));
    }
  }
  const ranges = c.labReferenceRanges as Record<string, { lower?: number; upper?: number }> | undefined;
  if (ranges) {
    const out: Record<string, { lower?: number; upper?: number }> = {};
    for (const [k, r] of Object.entries(ranges)) {
      if (!isNumericAnalyte(k)) {
        out[k] = r;
        continue;
      }
      const d = decimalsInUnit(k, ANALYTES[k].systemUnits[system]);
      out[k] = {
        ...(r.lower !== undefined ? { lower: roundTo(r.lower, d) } : {}),
        ...(r.upper !== undefined ? { upper: roundTo(r.upper, d) } : {}),
      };
    }
    c.labReferenceRanges = out as Case['labReferenceRanges'];
  }
  return c;
}
