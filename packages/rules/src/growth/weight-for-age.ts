import type { CitationKey } from '../citations/citations.js';

/**
 * Weight-for-age growth references as LMS tables (clinical-reference.md §2.4): the generator draws
 * weights from them, and the case gate uses them to refuse a weight no child of that age has.
 */

/** One row of an LMS growth reference: Box-Cox power L, median M (kg), coefficient of variation S. */
export interface LmsRow {
  readonly ageYears: number;
  readonly l: number;
  readonly m: number;
  readonly s: number;
}

export interface LmsTable {
  readonly citation: CitationKey;
  /** Where in the source. */
  readonly where: string;
  readonly male: readonly LmsRow[];
  readonly female: readonly LmsRow[];
}

export type Sex = 'female' | 'male';

const mo = (months: number): number => months / 12;
const rows = (table: readonly (readonly [number, number, number, number])[]): LmsRow[] =>
  table.map(([ageYears, l, m, s]) => ({ ageYears, l, m, s }));

/** WHO Child Growth Standards 2006, weight-for-age, birth to 24 months (clinical-reference.md §2.4). */
export const WHO_WEIGHT_FOR_AGE: LmsTable = {
  citation: 'who-growth-2006',
  where: 'weight-for-age LMS, clinical-reference.md §2.4',
  male: rows([
    [mo(0), 0.3487, 3.3464, 0.14602],
    [mo(3), 0.1738, 6.3762, 0.11727],
    [mo(6), 0.1257, 7.934, 0.10958],
    [mo(9), 0.0917, 8.9014, 0.10881],
    [mo(12), 0.0644, 9.6479, 0.10925],
    [mo(18), 0.0211, 10.9385, 0.11119],
    [mo(24), -0.0137, 12.1515, 0.11426],
  ]),
  female: rows([
    [mo(0), 0.3809, 3.2322, 0.14171],
    [mo(3), 0.0402, 5.8458, 0.12619],
    [mo(6), -0.0756, 7.297, 0.12204],
    [mo(9), -0.1507, 8.2254, 0.12199],
    [mo(12), -0.2024, 8.9481, 0.12268],
    [mo(18), -0.2637, 10.2315, 0.12309],
    [mo(24), -0.2941, 11.4775, 0.1239],
  ]),
};

/** CDC 2000 weight-for-age (wtage.csv), 2 to 18 years (clinical-reference.md §2.4). */
export const CDC_WEIGHT_FOR_AGE: LmsTable = {
  citation: 'cdc-growth-2000',
  where: 'wtage.csv LMS, clinical-reference.md §2.4',
  male: rows([
    [2, -0.206, 12.67, 0.1081],
    [3, -0.621, 14.4, 0.1119],
    [4, -0.915, 16.32, 0.12],
    [5, -1.0, 18.49, 0.1299],
    [6, -1.087, 20.78, 0.1391],
    [7, -1.236, 23.17, 0.1473],
    [8, -1.352, 25.75, 0.156],
    [9, -1.339, 28.68, 0.1667],
    [10, -1.207, 32.09, 0.1789],
    [11, -1.019, 36.07, 0.19],
    [12, -0.837, 40.67, 0.1966],
    [13, -0.698, 45.81, 0.1967],
    [14, -0.632, 51.23, 0.1908],
    [15, -0.666, 56.49, 0.1817],
    [16, -0.802, 61.1, 0.1725],
    [17, -0.973, 64.7, 0.1656],
    [18, -1.066, 67.29, 0.1619],
  ]),
  female: rows([
    [2, -0.735, 12.06, 0.1074],
    [3, -1.024, 13.94, 0.1195],
    [4, -1.177, 15.88, 0.1318],
    [5, -1.288, 18.02, 0.1412],
    [6, -1.327, 20.34, 0.1496],
    [7, -1.266, 22.87, 0.1597],
    [8, -1.128, 25.76, 0.1721],
    [9, -0.971, 29.14, 0.1852],
    [10, -0.847, 33.06, 0.1959],
    [11, -0.787, 37.39, 0.202],
    [12, -0.808, 41.83, 0.2023],
    [13, -0.916, 45.98, 0.1974],
    [14, -1.112, 49.49, 0.1886],
    [15, -1.376, 52.14, 0.1779],
    [16, -1.651, 53.95, 0.1681],
    [17, -1.838, 55.18, 0.1618],
    [18, -1.851, 56.23, 0.1604],
  ]),
};

function interpolateRow(table: readonly LmsRow[], ageYears: number): LmsRow {
  const first = table[0]!;
  const last = table[table.length - 1]!;
  if (ageYears <= first.ageYears) return first;
  if (ageYears >= last.ageYears) return last;
  for (let i = 1; i < table.length; i++) {
    const hi = table[i]!;
    if (ageYears <= hi.ageYears) {
      const lo = table[i - 1]!;
      const f = (ageYears - lo.ageYears) / (hi.ageYears - lo.ageYears);
      return { ageYears, l: lo.l + f * (hi.l - lo.l), m: lo.m + f * (hi.m - lo.m), s: lo.s + f * (hi.s - lo.s) };
    }
  }
  return last;
}

/**
 * The weight-for-age LMS parameters at an age: WHO 2006 below 2 years, CDC 2000 from 2 years
 * (CDC's own advice, clinical-reference.md §2.4), linearly interpolated between tabulated ages;
 * ages past 18 use the 18-year row.
 */
export function weightLmsAt(ageYears: number, sex: Sex): LmsRow {
  const table = ageYears < 2 ? WHO_WEIGHT_FOR_AGE : CDC_WEIGHT_FOR_AGE;
  return interpolateRow(sex === 'male' ? table.male : table.female, ageYears);
}

/** X = M·(1 + L·S·z)^(1/L) (L ≠ 0), M·exp(S·z) (L = 0). */
function lmsCore(row: LmsRow, z: number): number {
  if (Math.abs(row.l) < 1e-9) return row.m * Math.exp(row.s * z);
  return row.m * (1 + row.l * row.s * z) ** (1 / row.l);
}

/** The LMS formula is used within ±2 SD; beyond, the curve continues in a straight line. */
const LMS_LINEAR_BEYOND_Z = 2;

/**
 * The value at z-score z: X = M·(1 + L·S·z)^(1/L) within ±2 SD (clinical-reference.md §2.4). Beyond
 * that, the strongly negative L of the adolescent CDC curves makes (1 + L·S·z) approach 0 near
 * z = 3 and the weight explode (≈ 280 kg at z 3.3 for a 17-year-old girl), so the curve continues
 * linearly with the slope between 1 and 2 SD. A design choice for realistic tails, not a published method.
 */
export function lmsValue(row: LmsRow, z: number): number {
  if (Math.abs(z) <= LMS_LINEAR_BEYOND_Z) return lmsCore(row, z);
  const sign = Math.sign(z);
  const at2 = lmsCore(row, sign * LMS_LINEAR_BEYOND_Z);
  const at1 = lmsCore(row, sign * (LMS_LINEAR_BEYOND_Z - 1));
  return at2 + (Math.abs(z) - LMS_LINEAR_BEYOND_Z) * (at2 - at1);
}

/** The weight (kg) at weight-for-age z-score z. */
export function weightForAge(ageYears: number, sex: Sex, z: number): number {
  return lmsValue(weightLmsAt(ageYears, sex), z);
}

/**
 * How far from the reference a weight may lie before the case gate refuses it as a slip (grams for
 * kilograms, a swapped age): ±6 SD on the curve above. An input-sanity limit, a design choice
 * like the analytes' plausible ranges, not a clinical threshold: it is never scored, and the
 * generator stays within ±3.5 SD.
 */
export const PLAUSIBLE_WEIGHT_Z = 6;

/** The plausible weight range (kg) for an age and sex. */
export function plausibleWeightRange(ageYears: number, sex: Sex): { readonly min: number; readonly max: number } {
  const row = weightLmsAt(ageYears, sex);
  return { min: lmsValue(row, -PLAUSIBLE_WEIGHT_Z), max: lmsValue(row, PLAUSIBLE_WEIGHT_Z) };
}
