import { prior, proportion, type Proportion, type Source, type UniformSpan } from '../source.js';

/** The fraction of inspired oxygen of room air (definitional, not a parameter). */
export const ROOM_AIR_FIO2 = 0.21;

/** Resting vital signs by age band (upper age bound exclusive, years). */
export interface VitalsBand {
  readonly toAgeYears: number;
  readonly heartRate: number;
  readonly respiratoryRate: number;
  readonly sbp: number;
}

export const RESTING_VITALS: {
  readonly source: Source;
  readonly bands: readonly VitalsBand[];
  /** Fever raises the heart rate by heartRatePerDegree beats/min per °C above heartRateFeverFromC. */
  readonly heartRatePerDegree: number;
  readonly heartRateFeverFromC: number;
  readonly dbpFraction: number;
  /** In shock: heart rate × this, systolic pressure × that. */
  readonly shockHeartRateFactor: number;
  readonly shockSbpFactor: number;
  /** Respiratory rate as a multiple of the resting rate, by respiratory support (oxygen and noninvasive support share one factor). */
  readonly respiratoryRateFactor: {
    readonly none: number;
    readonly invasive: number;
    readonly oxygenOrNoninvasive: number;
  };
} = {
  source: prior(
    'round resting values for age; fever adds ~10 beats/min per °C above 37; shock raises the heart rate ~22% and lowers the systolic pressure ~28%; the respiratory rate is ~10% above resting without support, ~35% above on oxygen or noninvasive support, resting when ventilated',
  ),
  bands: [
    { toAgeYears: 1, heartRate: 135, respiratoryRate: 38, sbp: 80 },
    { toAgeYears: 3, heartRate: 120, respiratoryRate: 28, sbp: 92 },
    { toAgeYears: 6, heartRate: 105, respiratoryRate: 24, sbp: 98 },
    { toAgeYears: 12, heartRate: 90, respiratoryRate: 20, sbp: 105 },
    { toAgeYears: 99, heartRate: 78, respiratoryRate: 16, sbp: 115 },
  ],
  heartRatePerDegree: 10,
  heartRateFeverFromC: 37,
  dbpFraction: 0.58,
  shockHeartRateFactor: 1.22,
  shockSbpFactor: 0.72,
  respiratoryRateFactor: { none: 1.1, invasive: 1, oxygenOrNoninvasive: 1.35 },
};

/** How single vital-sign readings scatter around their expected values (RESTING_VITALS), and the floors they are kept above. */
export const VITAL_SIGN_READINGS: {
  readonly source: Source;
  /** SDs: heart rate (beats/min), respiratory rate (breaths/min). */
  readonly heartRateSd: number;
  readonly respiratoryRateSd: number;
  /** SD of the systolic pressure as a fraction of the resting value (around 1, or around shockSbpFactor in shock). */
  readonly sbpRelativeSd: number;
  /** SD of the diastolic-to-systolic ratio around dbpFraction. */
  readonly dbpFractionSd: number;
  /** Floors: systolic and diastolic pressure (mmHg), heart rate (beats/min), respiratory rate (breaths/min). */
  readonly minSbp: number;
  readonly minDbp: number;
  readonly minHeartRate: number;
  readonly minRespiratoryRate: number;
  /** Least pulse pressure (mmHg): the diastolic stays at least this far below the systolic. */
  readonly minPulsePressure: number;
} = {
  source: prior(
    'reading-to-reading scatter of vital signs, and floors that keep every synthetic reading physiological',
  ),
  heartRateSd: 6,
  respiratoryRateSd: 2,
  sbpRelativeSd: 0.06,
  dbpFractionSd: 0.03,
  minSbp: 35,
  minDbp: 18,
  minHeartRate: 40,
  minRespiratoryRate: 8,
  minPulsePressure: 10,
};

/** The body temperature over the hours (°C) and the fever-day count (observations.ts; hours in TEMPERATURE_HOURS, schedule-table.ts). */
export const TEMPERATURE_COURSE: {
  readonly source: Source;
  /** A febrile case peaks at the first of TEMPERATURE_HOURS.peakHours with this probability, else at the second. */
  readonly peakAtFirstHour: Proportion;
  /** Temperature (°C) before presentation (the known-sJIA clinic visit), and at every hour of an afebrile case. */
  readonly beforePresentation: UniformSpan;
  readonly afebrile: UniformSpan;
  /** A febrile reading off the peak, in the first 24 h: at most this far (°C) below the peak. */
  readonly maxBelowPeak: number;
  /** A febrile case's temperature (°C) after 24 h up to TEMPERATURE_HOURS.easingUntilHour, and after it. */
  readonly easing: UniformSpan;
  readonly late: UniformSpan;
  /** Fever days keep adding up to this hour from presentation, then stay. */
  readonly feverDaysUntilHour: number;
} = {
  source: prior(
    'pre-illness and afebrile temperatures around 37 °C; febrile readings within 0.9 °C of the peak in the first 24 h, easing to 37.6–38.7 °C by 48 h and 37.0–38.0 °C after; fever days counted up to 36 h',
  ),
  peakAtFirstHour: proportion(0.5, prior('fever peaking at presentation rather than at 12 h')),
  beforePresentation: { from: 36.8, width: 0.5 },
  afebrile: { from: 36.6, width: 1.3 },
  maxBelowPeak: 0.9,
  easing: { from: 37.6, width: 1.1 },
  // Below 37.95 so no late reading rounds up to a fever of 38.0 (5% did).
  late: { from: 37.0, width: 0.95 },
  feverDaysUntilHour: 36,
};
