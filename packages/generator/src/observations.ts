import { FIRST_24_HOURS, MISC_CDC_2023, PHOENIX_GCS, type Observation } from '@masdrill/rules';
import { mapped } from './case-body.js';
import type { Rng } from './rng.js';
import { OUTCOME_TABLE } from './tables/outcome-table.js';
import { TEMPERATURE_HOURS } from './tables/schedule-table.js';
import { RESTING_VITALS, TEMPERATURE_COURSE, VITAL_SIGN_READINGS } from './tables/vitals-table.js';

export type FindingKey =
  | 'hepatomegaly'
  | 'splenomegaly'
  | 'lymphadenopathy'
  | 'activeArthritis'
  | 'rash'
  | 'conjunctivitis'
  | 'mucosalChanges'
  | 'extremityChanges'
  | 'giSymptoms'
  | 'cnsInvolvement'
  | 'hemorrhage';

export type RespiratorySupport = 'none' | 'oxygen' | 'noninvasive' | 'invasive';

/** Everything that decides one case's observations; vitals are derived from it. Arrays are per hour. */
export interface ObservationPlan {
  readonly ageYears: number;
  readonly hours: readonly number[];
  readonly temperatureC: readonly number[];
  readonly feverDays: readonly number[];
  /** The findings recorded (present or absent) at every hour, in output order: a constant of the kind. */
  readonly recorded: ObservationLayout;
  /** The hour from which a finding is present (absent before; never present when undefined). Start from the layout's noOnsets(). */
  readonly onset: Partial<Record<FindingKey, number>>;
  readonly shock: readonly boolean[];
  readonly vasoactives: readonly number[];
  readonly support: readonly RespiratorySupport[];
  readonly fio2: readonly number[];
  readonly spo2: readonly number[];
  readonly gcs: readonly number[];
  readonly bothPupilsFixed?: readonly boolean[];
  /**
   * Hours after this are left out (default: none); their vital-sign draws are still taken, so
   * every observation kept and every later draw is that of the whole case.
   */
  readonly throughHour?: number;
}

/** The keys after the findings, in output order. */
const VITALS_KEYS = [
  'shock',
  'vasoactiveCount',
  'respiratorySupport',
  'fio2',
  'spo2',
  'sbp',
  'dbp',
  'heartRate',
  'respiratoryRate',
  'gcs',
  'pupils',
] as const satisfies readonly (keyof Observation)[];

/**
 * The keys of a kind's observations, in output order: hour, temperature, fever days, the findings
 * the kind records, then support, vitals, GCS and pupils. Every observation of a layout is made by
 * its record(), which holds every key (undefined when not recorded): the records share one hidden class
 * per layout, so readers that name a field see a handful of shapes, not one per combination of
 * recorded fields. JSON.stringify leaves undefined keys out, so the bytes are those of a record
 * holding only what was set. Make one per kind at module level (a layout per case defeats it).
 */
export class ObservationLayout {
  readonly keys: readonly string[];
  /** A new record of this layout: the findings from present (present[k] for findings[k]), the rest from values. */
  readonly record: (values: ObservationValues, present: readonly boolean[]) => Observation;
  /**
   * A plan's onsets with every finding of the layout undefined, to fill in: one shape per layout, so
   * buildObservations' look-ups by finding find the key (a look-up that misses on an object of one
   * of many shapes goes through V8's slow path; measured 2% of generation).
   */
  readonly noOnsets: () => Partial<Record<FindingKey, number>>;

  constructor(readonly findings: readonly FindingKey[]) {
    this.keys = ['hour', 'temperatureC', 'feverDays', ...findings, ...VITALS_KEYS];
    for (const key of this.keys)
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new Error(`not an observation key: ${key}`);
    // An object literal compiled once per layout: V8 makes each record whole from the literal's
    // boilerplate, every field stored by name at a site that sees one layout. Spreading a template
    // (`{ ...template }`) and storing fields by name and by computed key at sites that see every
    // layout went through V8's generic paths: ~0.4 µs a record, a tenth of a case's cost.
    const findingAt = new Map<string, number>(findings.map((key, k) => [key, k]));
    const fields = this.keys.map((key) =>
      findingAt.has(key) ? `${key}: present[${findingAt.get(key)}]` : `${key}: values.${key}`,
    );
    this.record = new Function('values', 'present', `return { ${fields.join(', ')} };`) as ObservationLayout['record'];
    this.noOnsets = new Function(`return { ${findings.map((k) => `${k}: undefined`).join(', ')} };`) as () => Partial<
      Record<FindingKey, number>
    >;
  }
}
/** An observation's fields other than the findings (undefined: not recorded). */
type ObservationValues = {
  [K in 'hour' | 'temperatureC' | 'feverDays' | (typeof VITALS_KEYS)[number]]: Observation[K];
};

const RR = RESTING_VITALS.respiratoryRateFactor;
const V = VITAL_SIGN_READINGS;
const T = TEMPERATURE_COURSE;
/** A febrile reading stays at or above the fever threshold the definitions read (CDC 2023: ≥ 38.0 °C). */
const FEVER_C = MISC_CDC_2023.fever.value;

export function restingVitals(ageYears: number): { heartRate: number; respiratoryRate: number; sbp: number } {
  for (const band of RESTING_VITALS.bands) if (ageYears < band.toAgeYears) return band;
  return RESTING_VITALS.bands[RESTING_VITALS.bands.length - 1]!;
}

/** Observations per hour: findings, temperature, vitals (derived from fever, shock and support), GCS. */
export function buildObservations(plan: ObservationPlan, rng: Rng): Observation[] {
  const rest = restingVitals(plan.ageYears);
  // Each finding's onset looked up once per case, not once per hour (onset's keys differ case to case).
  const recorded = plan.recorded.findings;
  const layout = plan.recorded;
  const present: boolean[] = mapped(recorded, () => false); // this hour's findings, reused hour to hour
  const onsets = mapped(recorded, (key) => plan.onset[key]);
  // This hour's values, refilled hour to hour: every key set each time, one shape.
  const v: ObservationValues = {
    hour: 0,
    temperatureC: undefined,
    feverDays: undefined,
    shock: undefined,
    vasoactiveCount: undefined,
    respiratorySupport: undefined,
    fio2: undefined,
    spo2: undefined,
    sbp: undefined,
    dbp: undefined,
    heartRate: undefined,
    respiratoryRate: undefined,
    gcs: undefined,
    pupils: undefined,
  };
  const out: Observation[] = [];
  const throughHour = plan.throughHour ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < plan.hours.length; i++) {
    const hour = plan.hours[i]!;
    const t = plan.temperatureC[i]!;
    const shock = plan.shock[i]!;
    const support = plan.support[i]!;
    for (let k = 0; k < recorded.length; k++) {
      const onset = onsets[k];
      present[k] = onset !== undefined && hour >= onset;
    }
    v.hour = hour;
    v.temperatureC = Math.round(t * 10) / 10;
    v.feverDays = plan.feverDays[i]! > 0 || hour >= 0 ? Math.round(plan.feverDays[i]! * 10) / 10 : undefined;
    v.shock = shock;
    v.vasoactiveCount = plan.vasoactives[i]!;
    v.respiratorySupport = support;
    // FiO₂ charted at every reading, 0.21 on room air (charted only on support, its presence told sepsis from MAS).
    v.fio2 = Math.round(plan.fio2[i]! * 100) / 100;
    v.spo2 = Math.round(plan.spo2[i]!);
    const feverHr =
      t > RESTING_VITALS.heartRateFeverFromC
        ? (t - RESTING_VITALS.heartRateFeverFromC) * RESTING_VITALS.heartRatePerDegree
        : 0;
    const hr =
      rest.heartRate * (shock ? RESTING_VITALS.shockHeartRateFactor : 1) + feverHr + V.heartRateSd * rng.normal();
    const rr =
      rest.respiratoryRate *
        (support === 'none' ? RR.none : support === 'invasive' ? RR.invasive : RR.oxygenOrNoninvasive) +
      V.respiratoryRateSd * rng.normal();
    const sbp =
      rest.sbp *
      (shock ? RESTING_VITALS.shockSbpFactor + V.sbpRelativeSd * rng.normal() : 1 + V.sbpRelativeSd * rng.normal());
    const dbp = sbp * (RESTING_VITALS.dbpFraction + V.dbpFractionSd * rng.normal());
    if (hour > throughHour) continue; // past the horizon: the hour's draws taken, nothing recorded
    v.sbp = Math.round(Math.max(V.minSbp, sbp));
    v.dbp = Math.round(Math.max(V.minDbp, Math.min(dbp, sbp - V.minPulsePressure)));
    v.heartRate = Math.round(Math.max(V.minHeartRate, hr));
    v.respiratoryRate = Math.round(Math.max(V.minRespiratoryRate, rr));
    // Intubated and sedated, the GCS is not assessable: left unrecorded (not assessed), as the schema has no marker for it.
    v.gcs = support !== 'invasive' ? plan.gcs[i]! : undefined;
    v.pupils = plan.bothPupilsFixed?.[i]
      ? 'both-fixed'
      : plan.gcs[i]! <= PHOENIX_GCS.value
        ? 'both-reactive'
        : undefined;
    out.push(layout.record(v, present));
  }
  return out;
}

/** Temperatures over the hours: a peak at hour 0 or 12 (febrile hours to 24 h stay ≥ 38.0), fever easing after 24 h; afebrile stays < 38.0. */
export function temperatureCourse(hours: readonly number[], febrile: boolean, peak: number, rng: Rng): number[] {
  const peakAt = rng.chance(T.peakAtFirstHour.p) ? TEMPERATURE_HOURS.peakHours[0] : TEMPERATURE_HOURS.peakHours[1];
  return mapped(hours, (h) => {
    if (h < 0) return T.beforePresentation.from + T.beforePresentation.width * rng.next();
    if (!febrile) return T.afebrile.from + T.afebrile.width * rng.next();
    if (h === peakAt) return peak;
    // Up to maxBelowPeak under the peak, never under 38.0: uniform over what is left above 38.0 (a
    // floor at 38.0 put 5–11% of febrile readings exactly on it).
    if (h <= FIRST_24_HOURS.toHour) return peak - Math.min(T.maxBelowPeak, peak - FEVER_C) * rng.next();
    return h <= TEMPERATURE_HOURS.easingUntilHour
      ? T.easing.from + T.easing.width * rng.next()
      : T.late.from + T.late.width * rng.next();
  });
}

/** Days of fever at each hour, given the days at presentation. */
export function feverDayCourse(hours: readonly number[], febrile: boolean, daysAt0: number): number[] {
  return mapped(hours, (h) => (h < 0 ? 0 : febrile ? daysAt0 + Math.min(h, T.feverDaysUntilHour) / 24 : 0));
}

/**
 * A reading put into shock on at least `vasoactives` agents: the pressure falls and the heart rate
 * rises by the shock factors (RESTING_VITALS), keeping the reading's own scatter. Deterministic.
 */
export function chartShock(o: Observation, ageYears: number, vasoactives: number): void {
  if (!o.shock) {
    const rest = restingVitals(ageYears);
    o.sbp = Math.round(Math.max(V.minSbp, o.sbp! * RESTING_VITALS.shockSbpFactor));
    o.dbp = Math.round(
      Math.max(V.minDbp, Math.min(o.dbp! * RESTING_VITALS.shockSbpFactor, o.sbp - V.minPulsePressure)),
    );
    o.heartRate = Math.round(o.heartRate! + rest.heartRate * (RESTING_VITALS.shockHeartRateFactor - 1));
  }
  o.shock = true;
  o.vasoactiveCount = Math.max(o.vasoactiveCount ?? 0, vasoactives);
}

/**
 * A patient who dies is charted in multi-organ failure before it (OUTCOME_TABLE.terminalCourse):
 * from its hour to the last reading, refractory shock on vasoactives and invasive ventilation (the
 * GCS then not assessable). Deterministic: the readings keep their scatter, shifted to the shock levels.
 */
export function chartTerminalCourse(observations: Observation[], ageYears: number): void {
  const tc = OUTCOME_TABLE.terminalCourse;
  const rest = restingVitals(ageYears);
  for (const o of observations) {
    if (o.hour < tc.fromHour) continue;
    chartShock(o, ageYears, tc.vasoactives);
    if (o.respiratorySupport !== 'invasive') {
      o.respiratorySupport = 'invasive';
      o.respiratoryRate = Math.round(Math.max(V.minRespiratoryRate, rest.respiratoryRate * RR.invasive));
    }
    o.fio2 = Math.max(o.fio2 ?? 0, tc.fio2);
    o.spo2 = Math.min(o.spo2 ?? 100, tc.spo2);
    o.gcs = undefined; // not assessable; kept as a key so the record keeps its shape
  }
}
