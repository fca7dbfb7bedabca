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
/** A D-dimer result in fibrinogen-equivalent units is about twice the same result in D-dimer units (citation ddu-feu-conversion, [S]). */
export const FEU_PER_DDU = 2;

/**
 * The analyte registry. Canonical units are chosen so that most published thresholds read
 * directly; criteria that publish in another unit convert at comparison time.
 * A mapped type keeps it complete: a new analyte in the case schema does not compile until it is here.
 */
export const ANALYTES: { readonly [K in NumericAnalyte]: AnalyteDefinition } = {
  hemoglobin: {
    label: 'Hemoglobin',
    canonicalUnit: 'g/dL',
    systemUnits: { conventional: 'g/dL', si: 'g/L' },
    units: { 'g/dL': 1, 'g/L': 10 },
    conversionSource: METRIC,
    precision: 1,
    plausible: { min: 1, max: 25 },
    loinc: {
      code: '718-7',
      source:
        'loinc.org CBC panel 58410-2 lists 718-7 "Hemoglobin [Mass/volume] in Blood" — https://loinc.org/58410-2/',
    },
  },
  wbc: {
    label: 'White cell count',
    canonicalUnit: '×10⁹/L',
    systemUnits: { conventional: '×10³/µL', si: '×10⁹/L' },
    units: { '×10⁹/L': 1, '×10³/µL': 1, '/µL': 1000 },
    conversionSource: SAME_QUANTITY,
    precision: 2,
    plausible: { min: 0, max: 500 },
    loinc: {
      code: '6690-2',
      source:
        'loinc.org CBC panel 58410-2 lists 6690-2 "Leukocytes [#/volume] in Blood by Automated count" — https://loinc.org/58410-2/',
    },
  },
  anc: {
    label: 'Absolute neutrophil count',
    canonicalUnit: '×10⁹/L',
    systemUnits: { conventional: '×10³/µL', si: '×10⁹/L' },
    units: { '×10⁹/L': 1, '×10³/µL': 1, '/µL': 1000 },
    conversionSource: SAME_QUANTITY,
    precision: 2,
    plausible: { min: 0, max: 300 },
    loinc: {
      code: '751-8',
      source:
        'HL7 FHIR CTCAE Adverse Events IG example Observation names LOINC 751-8 "Neutrophils [#/volume] in Blood by Automated count" — https://build.fhir.org/ig/standardhealth/fsh-ae/Observation-r201-9.html',
    },
  },
  alc: {
    label: 'Absolute lymphocyte count',
    canonicalUnit: '×10⁹/L',
    systemUnits: { conventional: '×10³/µL', si: '×10⁹/L' },
    units: { '×10⁹/L': 1, '×10³/µL': 1, '/µL': 1000 },
    conversionSource: SAME_QUANTITY,
    precision: 2,
    plausible: { min: 0, max: 300 },
    loinc: {
      code: '731-0',
      source:
        'HL7 FHIR US Public Health Profiles Library STU1 example names LOINC 731-0 "Lymphocytes [#/volume] in Blood by Automated count" — https://hl7.org/fhir/us/ph-library/STU1/Observation-us-ph-lab-result-eve-everywoman-lymphocytes.html',
    },
  },
  platelets: {
    label: 'Platelet count',
    canonicalUnit: '×10⁹/L',
    systemUnits: { conventional: '×10³/µL', si: '×10⁹/L' },
    units: { '×10⁹/L': 1, '×10³/µL': 1, '/µL': 1000 },
    conversionSource: REF_CONVERSIONS,
    precision: 0,
    plausible: { min: 0, max: 3000 },
    loinc: {
      code: '777-3',
      source:
        'loinc.org CBC panel 58410-2 lists 777-3 "Platelets [#/volume] in Blood by Automated count" — https://loinc.org/58410-2/',
    },
  },
  ferritin: {
    label: 'Ferritin',
    canonicalUnit: 'ng/mL',
    systemUnits: { conventional: 'ng/mL', si: 'µg/L' },
    units: { 'ng/mL': 1, 'µg/L': 1 },
    conversionSource: REF_CONVERSIONS,
    precision: 0,
    plausible: { min: 0, max: 1_000_000 },
    loinc: {
      code: '2276-4',
      source:
        'Labcorp test 480111 Ferritin (Serial) LOINC map: result "Ferritin", ng/mL, Result LOINC 2276-4 — https://labcorp.com/test-menu/25286/ferritin-serial-monitor (Mayo FERR1 reports the immunoassay-specific 20567-4 instead)',
    },
  },
  ast: {
    label: 'AST',
    canonicalUnit: 'U/L',
    systemUnits: { conventional: 'U/L', si: 'U/L' },
    units: { 'U/L': 1, 'IU/L': 1 },
    conversionSource: SAME_QUANTITY,
    precision: 0,
    plausible: { min: 0, max: 50_000 },
    loinc: {
      code: '1920-8',
      source:
        'AHRQ HCUP LOINC Code Worksheet (Appendix K): AST (SGOT), Serum/Plasma, U/L, 1920-8 "AST SerPl-cCnc" — https://hcup-us.ahrq.gov/datainnovations/clinicaldata/AppendixK_2LOINCCodesMap.jsp',
    },
  },
  alt: {
    label: 'ALT',
    canonicalUnit: 'U/L',
    systemUnits: { conventional: 'U/L', si: 'U/L' },
    units: { 'U/L': 1, 'IU/L': 1 },
    conversionSource: SAME_QUANTITY,
    precision: 0,
    plausible: { min: 0, max: 50_000 },
    loinc: {
      code: '1742-6',
      source:
        'ARUP test 0020408 (comprehensive metabolic panel) components: Alanine Aminotransferase, LOINC 1742-6 — https://ltd.aruplab.com/Tests/Pub/0020408',
    },
  },
  ldh: {
    label: 'LDH',
    canonicalUnit: 'U/L',
    systemUnits: { conventional: 'U/L', si: 'U/L' },
    units: { 'U/L': 1, 'IU/L': 1 },
    conversionSource: SAME_QUANTITY,
    precision: 0,
    plausible: { min: 0, max: 100_000 },
    loinc: {
      code: '2532-0',
      source:
        'Labcorp Oklahoma test directory, Lactate Dehydrogenase (LDH), Lactate-Pyruvate (NAD), LOINC 2532-0 — http://www.labcatalog.net/tests/?test=20668 (Mayo LD and ARUP 0020006 report the method-specific 14804-9 instead)',
    },
  },
  triglycerides: {
    label: 'Triglycerides',
    canonicalUnit: 'mg/dL',
    systemUnits: { conventional: 'mg/dL', si: 'mmol/L' },
    units: { 'mg/dL': 1, 'mmol/L': 1 / 88.57 },
    conversionSource: REF_CONVERSIONS + ': mg/dL = mmol/L × 88.57',
    precision: 0,
    plausible: { min: 0, max: 10_000 },
    loinc: {
      code: '2571-8',
      source:
        'Mayo Clinic Laboratories TRIGC Triglycerides, Serum: Result LOINC 2571-8 — https://valleyhealth.testcatalog.org/show/TRIGC',
    },
  },
  fibrinogen: {
    label: 'Fibrinogen',
    canonicalUnit: 'mg/dL',
    systemUnits: { conventional: 'mg/dL', si: 'g/L' },
    units: { 'mg/dL': 1, 'g/L': 1 / 100 },
    conversionSource: REF_CONVERSIONS + ': mg/dL = g/L × 100',
    precision: 0,
    plausible: { min: 0, max: 2000 },
    loinc: {
      code: '3255-7',
      source:
        'ARUP test 0030130 Fibrinogen (activity, mg/dL), component LOINC 3255-7 — https://ltd.aruplab.com/Tests/Pub/0030130',
    },
  },
  esr: {
    label: 'ESR',
    canonicalUnit: 'mm/h',
    systemUnits: { conventional: 'mm/h', si: 'mm/h' },
    units: { 'mm/h': 1 },
    conversionSource: SAME_QUANTITY,
    precision: 0,
    plausible: { min: 0, max: 200 },
    loinc: {
      code: '4537-7',
      source:
        'ARUP test 0040325 Sedimentation Rate, Westergren (ESR), component LOINC 4537-7 — http://ltd.aruplab.com/tests/pub/0040325',
    },
  },
  crp: {
    label: 'CRP',
    canonicalUnit: 'mg/L',
    systemUnits: { conventional: 'mg/dL', si: 'mg/L' },
    units: { 'mg/L': 1, 'mg/dL': 1 / 10 },
    conversionSource: METRIC,
    precision: 1,
    plausible: { min: 0, max: 1000 },
    loinc: {
      code: '1988-5',
      source:
        'Mayo Clinic Laboratories CRP C-Reactive Protein, Serum (mg/L): Result LOINC 1988-5 — https://valleyhealth.testcatalog.org/show/CRP-1',
    },
  },
  procalcitonin: {
    label: 'Procalcitonin',
    canonicalUnit: 'ng/mL',
    systemUnits: { conventional: 'ng/mL', si: 'µg/L' },
    units: { 'ng/mL': 1, 'µg/L': 1 },
    conversionSource: METRIC,
    precision: 2,
    plausible: { min: 0, max: 2000 },
    loinc: {
      code: '33959-8',
      source:
        'Labcorp Oklahoma test directory, Procalcitonin, LOINC 33959-8 — http://www.labcatalog.net/tests?test=23226 (some labs report the immunoassay-specific 75241-0)',
    },
  },
  sodium: {
    label: 'Sodium',
    canonicalUnit: 'mmol/L',
    systemUnits: { conventional: 'mEq/L', si: 'mmol/L' },
    units: { 'mmol/L': 1, 'mEq/L': 1 },
    conversionSource: 'monovalent ion: mEq/L = mmol/L (definitional)',
    precision: 0,
    plausible: { min: 90, max: 200 },
    loinc: {
      code: '2951-2',
      source:
        'ARUP test 0020408 components: Sodium, Serum or Plasma, LOINC 2951-2 — https://ltd.aruplab.com/Tests/Pub/0020408',
    },
  },
  albumin: {
    label: 'Albumin',
    canonicalUnit: 'g/dL',
    systemUnits: { conventional: 'g/dL', si: 'g/L' },
    units: { 'g/dL': 1, 'g/L': 10 },
    conversionSource: METRIC,
    precision: 1,
    plausible: { min: 0.5, max: 7 },
    loinc: {
      code: '1751-7',
      source:
        'AHRQ HCUP LOINC Code Worksheet (Appendix K): Albumin, Serum/Plasma, g/dL, 1751-7 "Albumin SerPl-mCnc" — https://hcup-us.ahrq.gov/datainnovations/clinicaldata/AppendixK_2LOINCCodesMap.jsp',
    },
  },
  dDimer: {
    label: 'D-dimer (FEU)',
    canonicalUnit: 'mg/L FEU',
    systemUnits: { conventional: 'µg/mL FEU', si: 'mg/L FEU' },
    // DDU results (about half the FEU figure) are accepted at the edge and stored in FEU: FEU ≈ 2 × DDU.
    units: {
      'mg/L FEU': 1,
      'µg/mL FEU': 1,
      'ng/mL FEU': 1000,
      'mg/L DDU': 1 / FEU_PER_DDU,
      'µg/mL DDU': 1 / FEU_PER_DDU,
      'ng/mL DDU': 1000 / FEU_PER_DDU,
    },
    conversionSource: `${METRIC}; DDU to FEU: FEU ≈ ${FEU_PER_DDU} × DDU (citation ddu-feu-conversion, an approximation [S])`,
    precision: 2,
    plausible: { min: 0, max: 500 },
    loinc: {
      code: '48065-7',
      source:
        'ARUP test 0030057 D-Dimer (results reported in FEU), component LOINC 48065-7 — http://ltd.aruplab.com/Tests/Pub/0030057',
    },
  },
  inr: {
    label: 'INR',
    canonicalUnit: 'ratio',
    systemUnits: { conventional: 'ratio', si: 'ratio' },
    units: { ratio: 1 },
    conversionSource: SAME_QUANTITY,
    precision: 2,
    plausible: { min: 0.5, max: 20 },
    loinc: {
      code: '6301-6',
      source:
        'Labcorp test 485199 Prothrombin Time (PT) LOINC map: result "INR", Result LOINC 6301-6 — https://labcorp.com/tests/485199/prothrombin-time-pt-serial-monitor',
    },
  },
  lactate: {
    label: 'Lactate',
    canonicalUnit: 'mmol/L',
    systemUnits: { conventional: 'mg/dL', si: 'mmol/L' },
    units: { 'mmol/L': 1, 'mg/dL': 9.008 },
    conversionSource: 'molar mass of lactic acid 90.08 g/mol: mg/dL = mmol/L × 9.008',
    precision: 1,
    plausible: { min: 0, max: 40 },
    loinc: {
      code: '2524-7',
      source:
        'Mayo Clinic Laboratories LACS1 Lactate, Plasma (mmol/L): Result LOINC 2524-7 — https://nvh.testcatalog.org/show/LACS1',
    },
  },
  troponin: {
    label: 'Troponin (high-sensitivity)',
    canonicalUnit: 'ng/L',
    systemUnits: { conventional: 'ng/mL', si: 'ng/L' },
    units: { 'ng/L': 1, 'ng/mL': 1 / 1000, 'pg/mL': 1 },
    conversionSource: METRIC,
    precision: 0,
    plausible: { min: 0, max: 1_000_000 },
    loinc: {
      code: '67151-1',
      source:
        'high-sensitivity cardiac troponin T (hs-TnT, not troponin I): loinc.org term 67151-1 "Troponin T.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method" — https://loinc.org/67151-1',
    },
  },
  bnp: {
    label: 'BNP',
    canonicalUnit: 'pg/mL',
    systemUnits: { conventional: 'pg/mL', si: 'ng/L' },
    units: { 'pg/mL': 1, 'ng/L': 1 },
    conversionSource: METRIC,
    precision: 0,
    plausible: { min: 0, max: 100_000 },
    loinc: {
      code: '30934-4',
      source:
        'AHRQ HCUP LOINC Code Worksheet (Appendix K): BNP, Serum/Plasma, pg/mL, 30934-4 "BNP SerPl-mCnc" — https://hcup-us.ahrq.gov/datainnovations/clinicaldata/AppendixK_2LOINCCodesMap.jsp',
    },
  },
  ntProBnp: {
    label: 'NT-proBNP',
    canonicalUnit: 'pg/mL',
    systemUnits: { conventional: 'pg/mL', si: 'ng/L' },
    units: { 'pg/mL': 1, 'ng/L': 1 },
    conversionSource: METRIC,
    precision: 0,
    plausible: { min: 0, max: 500_000 },
    loinc: {
      code: '33762-6',
      source:
        'ARUP test 0050083 proBrain Natriuretic Peptide, NT, component LOINC 33762-6 — https://ltd.aruplab.com/Tests/Pub/0050083; loinc.org/71425-3 refers serum/plasma NT-proBNP to 33762-6',
    },
  },
  sCd25: {
    label: 'Soluble CD25 (sIL-2Rα)',
    canonicalUnit: 'U/mL',
    systemUnits: { conventional: 'U/mL', si: 'U/mL' },
    units: { 'U/mL': 1 },
    conversionSource: SAME_QUANTITY,
    precision: 0,
    plausible: { min: 0, max: 200_000 },
    // The code found (76039-7, Mayo FIL2S) is for an assay reported in pg/mL; U/mL results have no verified code yet.
    loinc: null,
  },
  il18: {
    label: 'IL-18',
    canonicalUnit: 'pg/mL',
    systemUnits: { conventional: 'pg/mL', si: 'ng/L' },
    units: { 'pg/mL': 1, 'ng/L': 1 },
    conversionSource: METRIC,
    precision: 0,
    plausible: { min: 0, max: 5_000_000 },
    loinc: null,
  },
  cxcl9: {
    label: 'CXCL9',
    canonicalUnit: 'pg/mL',
    systemUnits: { conventional: 'pg/mL', si: 'ng/L' },
    units: { 'pg/mL': 1, 'ng/L': 1 },
    conversionSource: METRIC,
    precision: 0,
    plausible: { min: 0, max: 1_000_000 },
    loinc: {
      code: '98115-9',
      source:
        'Machaon Diagnostics CXCL9 Level (EDTA plasma, pg/mL): LOINC CODE 98115-9 — https://www.machaondiagnostics.com/test/cxcl9/',
    },
  },
};

export const NUMERIC_ANALYTES = Object.keys(ANALYTES) as readonly NumericAnalyte[];

export function isNumericAnalyte(key: string): key is NumericAnalyte {
  return Object.hasOwn(ANALYTES, key);
}
