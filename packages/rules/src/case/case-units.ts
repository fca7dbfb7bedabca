import type { UnitSystem } from '../units/analytes.js';

/** The unit system a case file is written in: each analyte's canonical unit, or a whole system. */
export type CaseUnits = 'canonical' | UnitSystem;

export const CASE_UNITS: readonly CaseUnits[] = ['canonical', 'conventional', 'si'];

export function isCaseUnits(value: unknown): value is CaseUnits {
  return (CASE_UNITS as readonly unknown[]).includes(value);
}
