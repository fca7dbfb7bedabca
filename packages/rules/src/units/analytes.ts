import type { LabPanel } from '../generated/case.js';

/** Every numeric lab analyte a case can carry (NK-cell activity is categorical and lives apart). */
export type NumericAnalyte = Exclude<keyof LabPanel, 'hour' | 'triglyceridesFasting' | 'nkCellActivity'>;

export type UnitSystem = 'conventional' | 'si';

export interface AnalyteDefinition {
  readonly label: string;
  /** The one unit every case stores this analyte in. */
  readonly canonicalUnit: string;
  /** Display/import unit per system. */
  readonly systemUnits: Readonly<Record<UnitSystem, string>>;
  /** Multiply a canonical value by this factor to get the value in the named unit. */
  readonly units: Readonly<Record<string, number>>;
  readonly conversionSource: string;
  /** Decimal places a generated value is rounded to, in the canonical unit (clinical reporting precision). */
  readonly precision: number;
  /**
   * Values outside this range are rejected by the case lint as implausible. These are input-sanity
   * limits chosen by masdrill (a design choice, not a clinical fact): wide enough for extreme disease.
   */
  readonly plausible: { readonly min: number; readonly max: number };
  /** Verified LOINC code, or null until one is verified against loinc.org. */
  readonly loinc: { readonly code: string; readonly source: string } | null;
}

const METRIC = 'metric prefix arithmetic (definitional)';
const REF_CONVERSIONS = 'clinical-reference.md, "Unit conversions used throughout"';
const SAME_QUANTITY = 'same quantity, different name (definitional)';

/**
 * The analyte registry. Canonical units are chosen so that most published thresholds read
 * directly; criteria that publish in another unit convert at comparison time.
 * A mapped type keeps it complete: a new analyte in the case schema does not compile until it is here.
 */
export const ANALYTES: { readonly [K in NumericAnalyte]: AnalyteDefinition } = {
  hemoglobin: {
    label: 'Hemoglobin', canonicalUnit: 'g/dL', systemUnits: { conventional: 'g/dL', si: 'g/L' },
    units: { 'g/dL': 1, 'g/L': 10 }, conversionSource: METRIC, precision: 1, plausible: { min: 1, max: 25 }, loinc: null,
  },
  wbc: {
    label: 'White cell count', canonicalUnit: '×10⁹/L', systemUnits: { conventional: '×10³/µL', si: '×10⁹/L' },
    units: { '×10⁹/L': 1, '×10³/µL': 1, '/µL': 1000 }, conversionSource: SAME_QUANTITY, precision: 2, plausible: { min: 0, max: 500 }, loinc: null,
  },
  anc: {
    label: 'Absolute neutrophil count', canonicalUnit: '×10⁹/L', systemUnits: { conventional: '×10³/µL', si: '×10⁹/L' },
    units: { '×10⁹/L': 1, '×10³/µL': 1, '/µL': 1000 }, conversionSource: SAME_QUANTITY, precision: 2, plausible: { min: 0, max: 300 }, loinc: null,
  },
  alc: {
    label: 'Absolute lymphocyte count', canonicalUnit: '×10⁹/L', systemUnits: { conventional: '×10³/µL', si: '×10⁹/L' },
    units: { '×10⁹/L': 1, '×10³/µL': 1, '/µL': 1000 }, conversionSource: SAME_QUANTITY, precision: 2, plausible: { min: 0, max: 300 }, loinc: null,
  },
  platelets: {
    label: 'Platelet count', canonicalUnit: '×10⁹/L', systemUnits: { conventional: '×10³/µL', si: '×10⁹/L' },
    units: { '×10⁹/L': 1, '×10³/µL': 1, '/µL': 1000 }, conversionSource: REF_CONVERSIONS, precision: 0, plausible: { min: 0, max: 3000 }, loinc: null,
  },
  ferritin: {
    label: 'Ferritin', canonicalUnit: 'ng/mL', systemUnits: { conventional: 'ng/mL', si: 'µg/L' },
    units: { 'ng/mL': 1, 'µg/L': 1 }, conversionSource: REF_CONVERSIONS, precision: 0, plausible: { min: 0, max: 1_000_000 }, loinc: null,
  },
  ast: {
    label: 'AST', canonicalUnit: 'U/L', systemUnits: { conventional: 'U/L', si: 'U/L' },
    units: { 'U/L': 1, 'IU/L': 1 }, conversionSource: SAME_QUANTITY, precision: 0, plausible: { min: 0, max: 50_000 }, loinc: null,
  },
  alt: {
    label: 'ALT', canonicalUnit: 'U/L', systemUnits: { conventional: 'U/L', si: 'U/L' },
    units: { 'U/L': 1, 'IU/L': 1 }, conversionSource: SAME_QUANTITY, precision: 0, plausible: { min: 0, max: 50_000 }, loinc: null,
  },
  ldh: {
    label: 'LDH', canonicalUnit: 'U/L', systemUnits: { conventional: 'U/L', si: 'U/L' },
    units: { 'U/L': 1, 'IU/L': 1 }, conversionSource: SAME_QUANTITY, precision: 0, plausible: { min: 0, max: 100_000 }, loinc: null,
  },
  triglycerides: {
    label: 'Triglycerides', canonicalUnit: 'mg/dL', systemUnits: { conventional: 'mg/dL', si: 'mmol/L' },
    units: { 'mg/dL': 1, 'mmol/L': 1 / 88.57 }, conversionSource: REF_CONVERSIONS + ': mg/dL = mmol/L × 88.57', precision: 0, plausible: { min: 0, max: 10_000 }, loinc: null,
  },
  fibrinogen: {
    label: 'Fibrinogen', canonicalUnit: 'mg/dL', systemUnits: { conventional: 'mg/dL', si: 'g/L' },
    units: { 'mg/dL': 1, 'g/L': 1 / 100 }, conversionSource: REF_CONVERSIONS + ': mg/dL = g/L × 100', precision: 0, plausible: { min: 0, max: 2000 }, loinc: null,
  },
  esr: {
    label: 'ESR', canonicalUnit: 'mm/h', systemUnits: { conventional: 'mm/h', si: 'mm/h' },
    units: { 'mm/h': 1 }, conversionSource: SAME_QUANTITY, precision: 0, plausible: { min: 0, max: 200 }, loinc: null,
  },
  crp: {
    label: 'CRP', canonicalUnit: 'mg/L', systemUnits: { conventional: 'mg/dL', si: 'mg/L' },
    units: { 'mg/L': 1, 'mg/dL': 1 / 10 }, conversionSource: METRIC, precision: 1, plausible: { min: 0, max: 1000 }, loinc: null,
  },
  procalcitonin: {
    label: 'Procalcitonin', canonicalUnit: 'ng/mL', systemUnits: { conventional: 'ng/mL', si: 'µg/L' },
    units: { 'ng/mL': 1, 'µg/L': 1 }, conversionSource: METRIC, precision: 2, plausible: { min: 0, max: 2000 }, loinc: null,
  },
  sodium: {
    label: 'Sodium', canonicalUnit: 'mmol/L', systemUnits: { conventional: 'mEq/L', si: 'mmol/L' },
    units: { 'mmol/L': 1, 'mEq/L': 1 }, conversionSource: 'monovalent ion: mEq/L = mmol/L (definitional)', precision: 0, plausible: { min: 90, max: 200 }, loinc: null,
  },
  albumin: {
    label: 'Albumin', canonicalUnit: 'g/dL', systemUnits: { conventional: 'g/dL', si: 'g/L' },
    units: { 'g/dL': 1, 'g/L': 10 }, conversionSource: METRIC, precision: 1, plausible: { min: 0.5, max: 7 }, loinc: null,
  },
  dDimer: {
    label: 'D-dimer (FEU)', canonicalUnit: 'mg/L FEU', systemUnits: { conventional: 'µg/mL FEU', si: 'mg/L FEU' },
    units: { 'mg/L FEU': 1, 'µg/mL FEU': 1, 'ng/mL FEU': 1000 }, conversionSource: METRIC, precision: 2, plausible: { min: 0, max: 500 }, loinc: null,
  },
  inr: {
    label: 'INR', canonicalUnit: 'ratio', systemUnits: { conventional: 'ratio', si: 'ratio' },
    units: { ratio: 1 }, conversionSource: SAME_QUANTITY, precision: 2, plausible: { min: 0.5, max: 20 }, loinc: null,
  },
  lactate: {
    label: 'Lactate', canonicalUnit: 'mmol/L', systemUnits: { conventional: 'mg/dL', si: 'mmol/L' },
    units: { 'mmol/L': 1, 'mg/dL': 9.008 }, conversionSource: 'molar mass of lactic acid 90.08 g/mol: mg/dL = mmol/L × 9.008', precision: 1, plausible: { min: 0, max: 40 }, loinc: null,
  },
  troponin: {
    label: 'Troponin (high-sensitivity)', canonicalUnit: 'ng/L', systemUnits: { conventional: 'ng/mL', si: 'ng/L' },
    units: { 'ng/L': 1, 'ng/mL': 1 / 1000, 'pg/mL': 1 }, conversionSource: METRIC, precision: 0, plausible: { min: 0, max: 1_000_000 }, loinc: null,
  },
  bnp: {
    label: 'BNP', canonicalUnit: 'pg/mL', systemUnits: { conventional: 'pg/mL', si: 'ng/L' },
    units: { 'pg/mL': 1, 'ng/L': 1 }, conversionSource: METRIC, precision: 0, plausible: { min: 0, max: 100_000 }, loinc: null,
  },
  ntProBnp: {
    label: 'NT-proBNP', canonicalUnit: 'pg/mL', systemUnits: { conventional: 'pg/mL', si: 'ng/L' },
    units: { 'pg/mL': 1, 'ng/L': 1 }, conversionSource: METRIC, precision: 0, plausible: { min: 0, max: 500_000 }, loinc: null,
  },
  sCd25: {
    label: 'Soluble CD25 (sIL-2Rα)', canonicalUnit: 'U/mL', systemUnits: { conventional: 'U/mL', si: 'U/mL' },
    units: { 'U/mL': 1 }, conversionSource: SAME_QUANTITY, precision: 0, plausible: { min: 0, max: 200_000 }, loinc: null,
  },
  il18: {
    label: 'IL-18', canonicalUnit: 'pg/mL', systemUnits: { conventional: 'pg/mL', si: 'ng/L' },
    units: { 'pg/mL': 1, 'ng/L': 1 }, conversionSource: METRIC, precision: 0, plausible: { min: 0, max: 5_000_000 }, loinc: null,
  },
  cxcl9: {
    label: 'CXCL9', canonicalUnit: 'pg/mL', systemUnits: { conventional: 'pg/mL', si: 'ng/L' },
    units: { 'pg/mL': 1, 'ng/L': 1 }, conversionSource: METRIC, precision: 0, plausible: { min: 0, max: 1_000_000 }, loinc: null,
  },
};

export const NUMERIC_ANALYTES = Object.keys(ANALYTES) as readonly NumericAnalyte[];

export function isNumericAnalyte(key: string): key is NumericAnalyte {
  return Object.prototype.hasOwnProperty.call(ANALYTES, key);
}
