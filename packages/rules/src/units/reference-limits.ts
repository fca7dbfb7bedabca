import type { Case } from '../generated/case.js';
import type { NumericAnalyte } from './analytes.js';
import { DAYS_PER_YEAR } from './calendar.js';

/** A published pediatric reference limit for an age band, in the analyte's canonical unit. */
export interface PublishedReferenceLimit {
  readonly analyte: NumericAnalyte;
  /** Inclusive lower age bound, exclusive upper age bound, in years. */
  readonly fromAgeYears: number;
  readonly toAgeYears: number;
  readonly sex?: 'female' | 'male';
  readonly lower?: number;
  readonly upper?: number;
  /** Citation key or full citation of the reference-interval study. */
  readonly source: string;
}

/** Age-band arithmetic (definitional): a day is 1/365.25 year, a week 7 days, a month 1/12 year. */
const DAY = 1 / DAYS_PER_YEAR;
const WEEK = 7 * DAY;
const MONTH = 1 / 12;
/** A band the source leaves open above ("≥18 years", "> 7 d"). */
const OPEN = Number.POSITIVE_INFINITY;

const MAYO_FERR1 =
  'Mayo Clinic Laboratories test catalogue, FERR1 Ferritin, Serum, Reference Values (mcg/L = ng/mL, no conversion) — https://mml.testcatalog.org/show/FERR1';
const MAYO_LD =
  'Mayo Clinic Laboratories test catalogue, LD Lactate Dehydrogenase (LDH), Serum, Reference Values (U/L) — https://mml.testcatalog.org/show/LD';
const LABCORP_CRP =
  'Labcorp test 006627 C-Reactive Protein (CRP), Quantitative, Reference Interval table (mg/L, no conversion; "0 to 30 d: not established") — https://es.labcorp.com/tests/006627';
const SEATTLE_ESR =
  'Seattle Children\u2019s Laboratory test catalogue, LAB322 Erythrocyte Sedimentation Rate, Reference Range "Normal ESR values according to Westergren" (mm/hour; "0 – 12 y" read as <13 y, ">12 y" as ≥13 y) — https://seattlechildrenslab.testcatalog.org/show/LAB322-1';
const AKRON_PCT =
  'Akron Children\u2019s Hospital lab test directory, Procalcitonin (Roche ECLIA), "Reference range: <.10 ng/mL" (ng/mL, no conversion; the page gives no age partition, including none for neonates) — https://akronchildrens.org/lab_tests/ProcalcitoninMV.html';
const DH_DDIMER =
  'Dartmouth Health (eD-H) laboratory test catalogue, D-Dimer (order LAB313), Reference Ranges table, published in FEU ng/mL and converted to mg/L FEU by ÷1000; the 0 minutes–15 days band has no normal range and is omitted — https://one-dh.testcatalog.org/show/7266352';
const UNC_INR =
  'UNC Medical Center McLendon Clinical Laboratories, Prothrombin Time (PT) LAB320, Reference Range "Age <6mos: Not defined; Age >6 mos: 9.9-12.6 (Corresponding INR: 0.9-1.1)"; the page notes the range changes with reagent lot — https://www.uncmedicalcenter.org/mclendon-clinical-laboratories/available-tests/prothrombin-time-pt/';
const MCEVOY_TNT =
  'McEvoy JW, Wang D, Brady T, et al. Myocardial Injury Thresholds for 4 High-Sensitivity Troponin Assays in a Population-Based Sample of US Children and Adolescents. Circulation 2023;148(1):7-16, doi:10.1161/CIRCULATIONAHA.122.063281 (abstract): NHANES 1999-2004 participants 1 to 18 years, healthy subgroup, hs-TnT (Roche) 99th percentile URL 15 ng/L (95% CI 12-17), sexes combined — https://research.universityofgalway.ie/en/publications/myocardial-injury-thresholds-for-4-high-sensitivity-troponin-assa/';
const IOWA_NTPROBNP =
  'University of Iowa Health Care Pathology Laboratory Services Handbook, N-terminal-pro-BNP (PBNP), Reference Range "Pediatric (boys and girls)" (pg/mL, no conversion; bands read as contiguous: 0-30 days <1 month, 1-11 months, 12-35 months, 3-6 y, 7-14 y, 15-18 y) — https://www.healthcare.uiowa.edu/path_handbook/rhandbook/test2621.html';
const SEATTLE_BNP =
  'Seattle Children\u2019s Laboratory test catalogue, LAB106 B-Type Natriuretic Peptide (Triage MeterPro FIA), Reference Range "0 - 7 d: 0 - 170; > 7 d: 0 - 41" pg/mL ("0 - 7 d" read as completed days 0-7, i.e. <8 days) — https://seattlechildrenslab.testcatalog.org/show/LAB106-1';

/**
 * Published pediatric reference limits used where a definition says "above normal" and the case
 * carries no laboratory reference of its own. Only verified, cited values belong here; an analyte
 * with no entry leaves the item "not assessed" rather than inventing a limit.
 *
 * Each band is [fromAgeYears, toAgeYears) in the analyte's canonical unit; every `source` names the
 * page the numbers were read from and any unit conversion applied. Laboratory reference ranges are
 * assay- and population-specific: these are fallbacks for cases without their own laboratory range.
 * Day, week and month boundaries are converted with the DAY/WEEK/MONTH constants above; a band the
 * source leaves open above ends at OPEN (+Infinity).
 */
export const PUBLISHED_REFERENCE_LIMITS: readonly PublishedReferenceLimit[] = [
  // CRP (mg/L)
  {
    analyte: 'crp',
    fromAgeYears: 1 * MONTH,
    toAgeYears: 18,
    sex: 'male',
    lower: 0,
    upper: 7,
    source: LABCORP_CRP + ': 1 m to 17 y, male 0–7',
  },
  {
    analyte: 'crp',
    fromAgeYears: 1 * MONTH,
    toAgeYears: 18,
    sex: 'female',
    lower: 0,
    upper: 9,
    source: LABCORP_CRP + ': 1 m to 17 y, female 0–9',
  },
  {
    analyte: 'crp',
    fromAgeYears: 18,
    toAgeYears: OPEN,
    lower: 0,
    upper: 10,
    source: LABCORP_CRP + ': >17 y, 0–10 (both sexes)',
  },

  // ESR (mm/h)
  {
    analyte: 'esr',
    fromAgeYears: 0,
    toAgeYears: 13,
    lower: 0,
    upper: 10,
    source: SEATTLE_ESR + ': 0 – 12 y, male and female 0-10',
  },
  {
    analyte: 'esr',
    fromAgeYears: 13,
    toAgeYears: OPEN,
    sex: 'male',
    lower: 0,
    upper: 15,
    source: SEATTLE_ESR + ': >12 y, male 0 – 15',
  },
  {
    analyte: 'esr',
    fromAgeYears: 13,
    toAgeYears: OPEN,
    sex: 'female',
    lower: 0,
    upper: 20,
    source: SEATTLE_ESR + ': >12 y, female 0 - 20',
  },

  // Procalcitonin (ng/mL)
  { analyte: 'procalcitonin', fromAgeYears: 0, toAgeYears: OPEN, upper: 0.1, source: AKRON_PCT },

  // D-dimer (mg/L FEU)
  {
    analyte: 'dDimer',
    fromAgeYears: 15 * DAY,
    toAgeYears: 1 * MONTH,
    lower: 0.445,
    upper: 1.2,
    source: DH_DDIMER + ': 15 Days – 1 Months, 445-1200 ng/mL FEU',
  },
  {
    analyte: 'dDimer',
    fromAgeYears: 1 * MONTH,
    toAgeYears: 6 * MONTH,
    lower: 0.215,
    upper: 0.878,
    source: DH_DDIMER + ': 1 Months – 6 Months, 215-878 ng/mL FEU',
  },
  {
    analyte: 'dDimer',
    fromAgeYears: 6 * MONTH,
    toAgeYears: 1,
    lower: 0.215,
    upper: 0.844,
    source: DH_DDIMER + ': 6 Months – 1 Years, 215-844 ng/mL FEU',
  },
  {
    analyte: 'dDimer',
    fromAgeYears: 1,
    toAgeYears: 6,
    lower: 0.215,
    upper: 0.78,
    source: DH_DDIMER + ': 1 Years – 6 Years, 215-780 ng/mL FEU',
  },
  {
    analyte: 'dDimer',
    fromAgeYears: 6,
    toAgeYears: 11,
    lower: 0.215,
    upper: 0.567,
    source: DH_DDIMER + ': 6 Years – 11 Years, 215-567 ng/mL FEU',
  },
  {
    analyte: 'dDimer',
    fromAgeYears: 11,
    toAgeYears: 18,
    lower: 0.215,
    upper: 0.58,
    source: DH_DDIMER + ': 11 Years – 18 Years, 215-580 ng/mL FEU',
  },
  {
    analyte: 'dDimer',
    fromAgeYears: 18,
    toAgeYears: 150,
    lower: 0,
    upper: 0.5,
    source: DH_DDIMER + ': 18 Years – 150 Years, 0-500 ng/mL FEU',
  },

  // INR (ratio)
  { analyte: 'inr', fromAgeYears: 6 * MONTH, toAgeYears: OPEN, lower: 0.9, upper: 1.1, source: UNC_INR },

  // High-sensitivity troponin T (ng/L) — matches the hs-TnT LOINC 67151-1 in analytes.ts
  { analyte: 'troponin', fromAgeYears: 1, toAgeYears: 19, upper: 15, source: MCEVOY_TNT },

  // NT-proBNP (pg/mL)
  {
    analyte: 'ntProBnp',
    fromAgeYears: 0,
    toAgeYears: 1 * MONTH,
    lower: 263,
    upper: 6500,
    source: IOWA_NTPROBNP + ': 0-30 days 263 - 6500',
  },
  {
    analyte: 'ntProBnp',
    fromAgeYears: 1 * MONTH,
    toAgeYears: 1,
    lower: 37,
    upper: 1000,
    source: IOWA_NTPROBNP + ': 1 month - 11 months 37 - 1000',
  },
  {
    analyte: 'ntProBnp',
    fromAgeYears: 1,
    toAgeYears: 3,
    lower: 39,
    upper: 675,
    source: IOWA_NTPROBNP + ': 12 months - 35 months 39 - 675',
  },
  {
    analyte: 'ntProBnp',
    fromAgeYears: 3,
    toAgeYears: 7,
    lower: 23,
    upper: 327,
    source: IOWA_NTPROBNP + ': 3 years to 6 years 23 - 327',
  },
  {
    analyte: 'ntProBnp',
    fromAgeYears: 7,
    toAgeYears: 15,
    lower: 10,
    upper: 242,
    source: IOWA_NTPROBNP + ': 7 years to 14 years 10 - 242',
  },
  {
    analyte: 'ntProBnp',
    fromAgeYears: 15,
    toAgeYears: 19,
    lower: 6,
    upper: 207,
    source: IOWA_NTPROBNP + ': 15 years to 18 years 6 - 207',
  },

  // BNP (pg/mL)
  { analyte: 'bnp', fromAgeYears: 0, toAgeYears: 8 * DAY, lower: 0, upper: 170, source: SEATTLE_BNP + ': 0 - 7 d' },
  { analyte: 'bnp', fromAgeYears: 8 * DAY, toAgeYears: OPEN, lower: 0, upper: 41, source: SEATTLE_BNP + ': > 7 d' },

  // Ferritin (ng/mL)
  {
    analyte: 'ferritin',
    fromAgeYears: 0,
    toAgeYears: 5 * WEEK,
    lower: 150,
    upper: 973,
    source: MAYO_FERR1 + ': 0 days-4 weeks 150-973 (males and females)',
  },
  {
    analyte: 'ferritin',
    fromAgeYears: 5 * WEEK,
    toAgeYears: 6 * MONTH,
    lower: 9,
    upper: 580,
    source: MAYO_FERR1 + ': 5 weeks-5 months 9-580 (males and females)',
  },
  {
    analyte: 'ferritin',
    fromAgeYears: 6 * MONTH,
    toAgeYears: 10,
    sex: 'male',
    lower: 6,
    upper: 111,
    source: MAYO_FERR1 + ': males 6 months-9 years 6-111',
  },
  {
    analyte: 'ferritin',
    fromAgeYears: 10,
    toAgeYears: 18,
    sex: 'male',
    lower: 15,
    upper: 201,
    source: MAYO_FERR1 + ': males 10-17 years 15-201',
  },
  {
    analyte: 'ferritin',
    fromAgeYears: 18,
    toAgeYears: OPEN,
    sex: 'male',
    lower: 31,
    upper: 409,
    source: MAYO_FERR1 + ': males ≥18 years 31-409',
  },
  {
    analyte: 'ferritin',
    fromAgeYears: 6 * MONTH,
    toAgeYears: 18,
    sex: 'female',
    lower: 8,
    upper: 115,
    source: MAYO_FERR1 + ': females 6 months-17 years 8-115',
  },
  {
    analyte: 'ferritin',
    fromAgeYears: 18,
    toAgeYears: 51,
    sex: 'female',
    lower: 6,
    upper: 175,
    source: MAYO_FERR1 + ': females 18-50 years 6-175',
  },
  {
    analyte: 'ferritin',
    fromAgeYears: 51,
    toAgeYears: OPEN,
    sex: 'female',
    lower: 11,
    upper: 328,
    source: MAYO_FERR1 + ': females ≥51 years 11-328',
  },

  // LDH (U/L)
  {
    analyte: 'ldh',
    fromAgeYears: 1 * DAY,
    toAgeYears: 31 * DAY,
    lower: 135,
    upper: 750,
    source: MAYO_LD + ': 1-30 days 135-750',
  },
  {
    analyte: 'ldh',
    fromAgeYears: 31 * DAY,
    toAgeYears: 1,
    lower: 180,
    upper: 435,
    source: MAYO_LD + ': 31 days-11 months 180-435',
  },
  { analyte: 'ldh', fromAgeYears: 1, toAgeYears: 4, lower: 160, upper: 370, source: MAYO_LD + ': 1-3 years 160-370' },
  { analyte: 'ldh', fromAgeYears: 4, toAgeYears: 7, lower: 145, upper: 345, source: MAYO_LD + ': 4-6 years 145-345' },
  { analyte: 'ldh', fromAgeYears: 7, toAgeYears: 10, lower: 143, upper: 290, source: MAYO_LD + ': 7-9 years 143-290' },
  {
    analyte: 'ldh',
    fromAgeYears: 10,
    toAgeYears: 13,
    lower: 120,
    upper: 293,
    source: MAYO_LD + ': 10-12 years 120-293',
  },
  {
    analyte: 'ldh',
    fromAgeYears: 13,
    toAgeYears: 16,
    lower: 110,
    upper: 283,
    source: MAYO_LD + ': 13-15 years 110-283',
  },
  {
    analyte: 'ldh',
    fromAgeYears: 16,
    toAgeYears: 18,
    lower: 105,
    upper: 233,
    source: MAYO_LD + ': 16-17 years 105-233',
  },
  {
    analyte: 'ldh',
    fromAgeYears: 18,
    toAgeYears: OPEN,
    lower: 122,
    upper: 222,
    source: MAYO_LD + ': ≥18 years 122-222',
  },
];

export interface ReferenceLimitReading {
  readonly value: number;
  readonly source: string;
}

// One reading object per table entry and bound, so callers can cache text derived from it.
const readings = new WeakMap<PublishedReferenceLimit, Partial<Record<'lower' | 'upper', ReferenceLimitReading>>>();

/** The published pediatric limit for a patient's age and sex (PUBLISHED_REFERENCE_LIMITS), or undefined where none covers them. */
export function publishedReferenceLimit(
  analyte: NumericAnalyte,
  ageYears: number,
  sex: 'female' | 'male',
  bound: 'lower' | 'upper',
): ReferenceLimitReading | undefined {
  for (const r of PUBLISHED_REFERENCE_LIMITS) {
    if (r.analyte !== analyte || ageYears < r.fromAgeYears || ageYears >= r.toAgeYears) continue;
    if (r.sex !== undefined && r.sex !== sex) continue;
    const value = r[bound];
    if (value === undefined) continue;
    let cached = readings.get(r);
    if (cached === undefined) readings.set(r, (cached = {}));
    return (cached[bound] ??= { value, source: r.source });
  }
  return undefined;
}

/** A reference limit for this patient: the reporting laboratory's own first, then a published pediatric one. */
export function referenceLimit(
  c: Case,
  analyte: NumericAnalyte,
  bound: 'lower' | 'upper',
): ReferenceLimitReading | undefined {
  const own = (
    c.labReferenceRanges as Partial<Record<NumericAnalyte, Partial<Record<'lower' | 'upper', number>>>> | undefined
  )?.[analyte]?.[bound];
  if (own !== undefined)
    return { value: own, source: 'reporting laboratory reference range (case.labReferenceRanges)' };
  return publishedReferenceLimit(analyte, c.patient.ageYears, c.patient.sex, bound);
}

export function upperReferenceLimit(c: Case, analyte: NumericAnalyte): ReferenceLimitReading | undefined {
  return referenceLimit(c, analyte, 'upper');
}

export function lowerReferenceLimit(c: Case, analyte: NumericAnalyte): ReferenceLimitReading | undefined {
  return referenceLimit(c, analyte, 'lower');
}
