import { weightForAge, weightLmsAt, lmsValue, type Sex } from '@masdrill/rules';
import { HEIGHT_FOR_AGE } from './tables/height-table.js';

// Weight-for-age (the cited LMS references and their curve) lives in the rules, which share it
// with the case gate's plausibility check.
export { weightForAge, weightLmsAt, lmsValue, type Sex };

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
