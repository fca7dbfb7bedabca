import type { Observation } from '@masdrill/rules';
import { plainObjectMaker } from './plain-object.js';
import type { Rng } from './rng.js';
import { RESTING_VITALS } from './tables/vitals-table.js';

export type FindingKey =
  | 'hepatomegaly' | 'splenomegaly' | 'lymphadenopathy' | 'activeArthritis' | 'rash' | 'conjunctivitis'
  | 'mucosalChanges' | 'extremityChanges' | 'giSymptoms' | 'cnsInvolvement' | 'hemorrhage';

export type RespiratorySupport = 'none' | 'oxygen' | 'noninvasive' | 'invasive';

/** Everything that decides one case's observations; vitals are derived from it. Arrays are per hour. */
export interface ObservationPlan {
  readonly ageYears: number;
  readonly hours: readonly number[];
  readonly temperatureC: readonly number[];
  readonly feverDays: readonly number[];
  /** The findings recorded (present or absent) at every hour, in output order. */
  readonly recorded: readonly FindingKey[];
  /** The hour from which a finding is present (absent before; never present when missing). */
  readonly onset: Partial<Record<FindingKey, number>>;
  readonly shock: readonly boolean[];
  readonly vasoactives: readonly number[];
  readonly support: readonly RespiratorySupport[];
  readonly fio2: readonly number[];
  readonly spo2: readonly number[];
  readonly gcs: readonly number[];
  readonly bothPupilsFixed?: readonly boolean[];
}

const ObservationRecord = plainObjectMaker<Record<string, unknown>>();

export function restingVitals(ageYears: number): { heartRate: number; respiratoryRate: number; sbp: number } {
  for (const band of RESTING_VITALS.bands) if (ageYears < band.toAgeYears) return band;
  return RESTING_VITALS.bands[RESTING_VITALS.bands.length - 1]!;
}

/** Observations per hour: findings, temperature, vitals (derived from fever, shock and support), GCS. */
export function buildObservations(plan: ObservationPlan, rng: Rng): Observation[] {
  const rest = restingVitals(plan.ageYears);
  // Each finding's onset looked up once per case, not once per hour (onset's keys differ case to case).
  const recorded = plan.recorded;
  const onsets = recorded.map((key) => plan.onset[key]);
  const out: Observation[] = [];
  for (let i = 0; i < plan.hours.length; i++) {
    const hour = plan.hours[i]!;
    const t = plan.temperatureC[i]!;
    const shock = plan.shock[i]!;
    const support = plan.support[i]!;
    const o = new ObservationRecord();
    o.hour = hour;
    o.temperatureC = Math.round(t * 10) / 10;
    if (plan.feverDays[i]! > 0 || hour >= 0) o.feverDays = Math.round(plan.feverDays[i]! * 10) / 10;
    for (let k = 0; k < recorded.length; k++) {
      const onset = onsets[k];
      o[recorded[k]!] = onset !== undefined && hour >= onset;
    }
    o.shock = shock;
    o.vasoactiveCount = plan.vasoactives[i]!;
    o.respiratorySupport = support;
    if (support !== 'none') o.fio2 = Math.round(plan.fio2[i]! * 100) / 100;
    o.spo2 = Math.round(plan.spo2[i]!);
    const feverHr = t > 37 ? (t - 37) * RESTING_VITALS.heartRatePerDegree : 0;
    const hr = rest.heartRate * (shock ? RESTING_VITALS.shockHeartRateFactor : 1) + feverHr + 6 * rng.normal();
    const rr = rest.respiratoryRate * (support === 'none' ? 1.1 : support === 'invasive' ? 1 : 1.35) + 2 * rng.normal();
    const sbp = rest.sbp * (shock ? RESTING_VITALS.shockSbpFactor + 0.06 * rng.normal() : 1 + 0.06 * rng.normal());
    const dbp = sbp * (RESTING_VITALS.dbpFraction + 0.03 * rng.normal());
    o.sbp = Math.round(Math.max(35, sbp));
    o.dbp = Math.round(Math.max(18, Math.min(dbp, sbp - 10)));
    o.heartRate = Math.round(Math.max(40, hr));
    o.respiratoryRate = Math.round(Math.max(8, rr));
    o.gcs = plan.gcs[i]!;
    if (plan.bothPupilsFixed?.[i]) o.pupils = 'both-fixed';
    else if (plan.gcs[i]! <= 10) o.pupils = 'both-reactive';
    out.push(o as unknown as Observation);
  }
  return out;
}

/** Temperatures over the hours: a peak at hour 0 or 12 (febrile hours to 24 h stay ≥ 38.0), fever easing after 24 h; afebrile stays < 38.0. */
export function temperatureCourse(hours: readonly number[], febrile: boolean, peak: number, rng: Rng): number[] {
  const peakAt = rng.chance(0.5) ? 0 : 12;
  return hours.map((h) => {
    if (h < 0) return 36.8 + 0.5 * rng.next();
    if (!febrile) return 36.6 + 1.3 * rng.next();
    if (h === peakAt) return peak;
    // Up to 0.9 °C below the peak, never under 38.0: uniform over what is left above 38.0 (a floor
    // at 38.0 put 5–11% of febrile readings exactly on it).
    if (h <= 24) return peak - Math.min(0.9, peak - 38.0) * rng.next();
    return h <= 48 ? 37.6 + 1.1 * rng.next() : 37.0 + 1.0 * rng.next();
  });
}

/** Days of fever at each hour, given the days at presentation. */
export function feverDayCourse(hours: readonly number[], febrile: boolean, daysAt0: number): number[] {
  return hours.map((h) => (h < 0 ? 0 : febrile ? daysAt0 + Math.min(h, 36) / 24 : 0));
}
