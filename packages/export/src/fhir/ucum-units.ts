/**
 * Each canonical unit of the analyte registry as a UCUM code (the unit codes FHIR Quantity uses,
 * system http://unitsofmeasure.org). Source: the UCUM specification's syntax (definitional): "10*9"
 * for 10⁹, curly-brace annotations for what is not a unit ("{FEU}", fibrinogen-equivalent units),
 * "1" for a pure ratio. The tests validate every code with @lhncbc/ucum-lhc.
 */
export const UCUM_BY_CANONICAL_UNIT: Readonly<Record<string, string>> = {
  'U/L': 'U/L',
  'U/mL': 'U/mL',
  'g/dL': 'g/dL',
  'mg/L': 'mg/L',
  'mg/L FEU': 'mg/L{FEU}',
  'mg/dL': 'mg/dL',
  'mm/h': 'mm/h',
  'mmol/L': 'mmol/L',
  'ng/L': 'ng/L',
  'ng/mL': 'ng/mL',
  'pg/mL': 'pg/mL',
  ratio: '1',
  '×10⁹/L': '10*9/L',
};

export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

/** The UCUM code of a canonical unit; throws for a unit the table lacks (a new analyte needs its row). */
export function ucumCode(canonicalUnit: string): string {
  const code = UCUM_BY_CANONICAL_UNIT[canonicalUnit];
  if (code === undefined)
    throw new RangeError(`no UCUM code for the canonical unit "${canonicalUnit}": add it to UCUM_BY_CANONICAL_UNIT`);
  return code;
}
