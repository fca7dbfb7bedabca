import type { Patient } from '@masdrill/rules';
import { heightForAge, weightForAge, type Sex } from './growth.js';
import { HEIGHT_FOR_AGE } from './tables/height-table.js';
import { ANTHROPOMETRY_Z_LIMITS } from './tables/shared-priors-table.js';
import type { Rng } from './rng.js';

/**
 * A patient of the given age and sex: weight from the WHO (<2 y) / CDC (2–18 y) weight-for-age LMS
 * at a drawn z-score, height at a z-score correlated with it (design-prior height table).
 * `weightZ` lets a cohort shift weight (e.g. obesity in MIS-C).
 */
export function makePatient(
  rng: Rng,
  ageYears: number,
  sex: Sex,
  weightZ = rng.normal(),
  extra: Partial<Patient> = {},
): Patient {
  const { weightZ: wl, weightZForHeight: wh, heightZ: hl } = ANTHROPOMETRY_Z_LIMITS;
  const zw = Math.max(wl.min, Math.min(wl.max, weightZ));
  const r = HEIGHT_FOR_AGE.weightCorrelation;
  const zh = Math.max(
    hl.min,
    Math.min(hl.max, r * Math.max(wh.min, Math.min(wh.max, weightZ)) + Math.sqrt(1 - r * r) * rng.normal()),
  );
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
