import { CDC_WEIGHT_FOR_AGE, WHO_WEIGHT_FOR_AGE, type LmsRow } from './tables/growth-lms-table.js';
import { HEIGHT_FOR_AGE } from './tables/height-table.js';

export type Sex = 'female' | 'male';

function interpolateRow(rows: readonly LmsRow[], ageYears: number): LmsRow {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  if (ageYears <= first.ageYears) return first;
  if (ageYears >= last.ageYears) return last;
  for (let i = 1; i < rows.length; i++) {
    const hi = rows[i]!;
    if (ageYears <= hi.ageYears) {
      const lo = rows[i - 1]!;
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
  return row.m * Math.pow(1 + row.l * row.s * z, 1 / row.l);
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

/** Median height at an age (design prior table, see height-table.ts). */
export function medianHeight(ageYears: number, sex: Sex): number {
  const rows = HEIGHT_FOR_AGE.medians;
  const col = sex === 'male' ? 1 : 2;
  if (ageYears <= rows[0]![0]) return rows[0]![col]!;
  for (let i = 1; i < rows.length; i++) {
    const hi = rows[i]!;
    if (ageYears <= hi[0]) {
      const lo = rows[i - 1]!;
      const f = (ageYears - lo[0]) / (hi[0] - lo[0]);
      return lo[col]! + f * (hi[col]! - lo[col]!);
    }
  }
  return rows[rows.length - 1]![col]!;
}

/** Height (cm) at height z-score z. */
export function heightForAge(ageYears: number, sex: Sex, z: number): number {
  return medianHeight(ageYears, sex) * (1 + HEIGHT_FOR_AGE.cv * z);
}
