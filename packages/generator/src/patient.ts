import type { Patient } from '@masdrill/rules';
import { heightForAge, weightForAge, type Sex } from './growth.js';
import { HEIGHT_FOR_AGE } from './tables/height-table.js';
import type { Rng } from './rng.js';

/**
 * A patient of the given age and sex: weight from the WHO (<2 y) / CDC (2–18 y) weight-for-age LMS
 * at a drawn z-score, height at a z-score correlated with it (design-prior height table).
 * `weightZ` lets a cohort shift weight (e.g. obesity in MIS-C).
 */
export function makePatient(rng: Rng, ageYears: number, sex: Sex, weightZ = rng.normal(), extra: Partial<Patient> = {}): Patient {
  const zw = Math.max(-3.5, Math.min(3.5, weightZ));
  const r = HEIGHT_FOR_AGE.weightCorrelation;
  const zh = Math.max(-3, Math.min(3, r * Math.max(-3, Math.min(3, weightZ)) + Math.sqrt(1 - r * r) * rng.normal()));
  const weight = weightForAge(ageYears, sex, zw);
  const height = heightForAge(ageYears, sex, zh);
  return {
    ageYears: Math.round(ageYears * 1000) / 1000,
    sex,
    weightKg: Math.round(weight * 10) / 10,
    heightCm: Math.round(height * 10) / 10,
    ...extra,
  };
}
