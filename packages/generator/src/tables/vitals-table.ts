import { cite, prior, type Source } from '../source.js';

/** Resting vital signs by age band (upper age bound exclusive, years). */
export interface VitalsBand {
  readonly toAgeYears: number;
  readonly heartRate: number;
  readonly respiratoryRate: number;
  readonly sbp: number;
}

export const RESTING_VITALS: {
  readonly source: Source; readonly bands: readonly VitalsBand[]; readonly heartRatePerDegree: number; readonly dbpFraction: number;
  /** In shock: heart rate × this, systolic pressure × that. */
  readonly shockHeartRateFactor: number; readonly shockSbpFactor: number;
} = {
  source: prior('round resting values for age; fever adds ~10 beats/min per °C above 37; shock raises the heart rate ~22% and lowers the systolic pressure ~28%'),
  bands: [
    { toAgeYears: 1, heartRate: 135, respiratoryRate: 38, sbp: 80 },
    { toAgeYears: 3, heartRate: 120, respiratoryRate: 28, sbp: 92 },
    { toAgeYears: 6, heartRate: 105, respiratoryRate: 24, sbp: 98 },
    { toAgeYears: 12, heartRate: 90, respiratoryRate: 20, sbp: 105 },
    { toAgeYears: 99, heartRate: 78, respiratoryRate: 16, sbp: 115 },
  ],
  heartRatePerDegree: 10,
  dbpFraction: 0.58,
  shockHeartRateFactor: 1.22,
  shockSbpFactor: 0.72,
};

/**
 * Phoenix cardiovascular MAP bands: the mean arterial pressure above which an age band scores 0
 * points (upper age bound exclusive, years). Used only to build non-shock sepsis cases that score
 * no cardiovascular point (clinical-reference.md §1.9).
 */
export const PHOENIX_MAP_ZERO_POINTS_ABOVE: { readonly source: Source; readonly bands: readonly { readonly toAgeYears: number; readonly map: number }[] } = {
  source: cite('schlapbach-2024-phoenix', 'age-based MAP bands'),
  bands: [
    { toAgeYears: 1 / 12, map: 30 },
    { toAgeYears: 1, map: 38 },
    { toAgeYears: 2, map: 43 },
    { toAgeYears: 5, map: 44 },
    { toAgeYears: 12, map: 48 },
    { toAgeYears: 99, map: 51 },
  ],
};
