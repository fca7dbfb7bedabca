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
export function lmsValue(row: LmsRow, z: number): number {
  if (Math.abs(row.l) < 1e-9) return row.m * Math.exp(row.s * z);
  const base = 1 + row.l * row.s * z;
  // Far tails of negative-L curves break down; clamp the base so the value stays finite and positive.
  return row.m * Math.pow(Math.max(base, 0.05), 1 / row.l);
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
