import type { Case, Observation } from '../generated/case.js';
import type { TimeWindow } from '../case/time-window.js';

/*
 * Phoenix time points: the score is computed AT A TIME POINT from the values current then, and the
 * score of the first 24 hours is the worst TOTAL at any one time point.
 *
 * Sources (CU-DBMI-Peds/phoenix):
 * - articles/ehr_implementation_notes.md, "Data cleaning and preparation": "Last observation carry
 *   forward within appropriate window for each variable - max carry forward is from prior 24 hours";
 *   "Missing values": use the last known value if it is within the look-back window, otherwise the
 *   value is missing (NULL, 0 points); the worked FiO₂/lactate table carries FiO₂ to later rows
 *   "Assuming T₁ - T₀ < 6 hours; NULL Otherwise" (so a value exactly one look-back old has lapsed).
 * - the same document, per input, "Look Back" (table below).
 * - the same document, PFR and SFR caveats: "PFR is only valid if the time of FiO₂ value is the same
 *   as, or before, the time of PaO₂ value" (and likewise SFR with SpO₂).
 * - articles/phoenix.md, "Worst in first 24 hours": per-organ maxima from different times must not
 *   be summed ("The correct signal score for the patient in the above example is 2, not 3").
 * - R/score_prepared_phoenix_data.R, aggregation "jama2024": scores per time point, septic shock
 *   score per time point = (cardiovascular ≥ 1) × total, then the maximum over the window.
 */

/** The Phoenix inputs the case schema carries, each carried forward on its own. */
export type PhoenixVariable =
  | 'respiratorySupport'
  | 'fio2'
  | 'spo2'
  | 'pao2'
  | 'vasoactiveCount'
  | 'lactate'
  | 'map'
  | 'platelets'
  | 'inr'
  | 'dDimer'
  | 'fibrinogen'
  | 'gcs'
  | 'pupils';

export const PHOENIX_VARIABLES: readonly PhoenixVariable[] = [
  'respiratorySupport',
  'fio2',
  'spo2',
  'pao2',
  'vasoactiveCount',
  'lactate',
  'map',
  'platelets',
  'inr',
  'dDimer',
  'fibrinogen',
  'gcs',
  'pupils',
];

/**
 * Look-back (hours) for last-observation-carried-forward, from the "Look Back" line of each input in
 * CU-DBMI-Peds/phoenix articles/ehr_implementation_notes.md:
 * - PaO₂, SpO₂, FiO₂: 6 h (Respiratory → Inputs); ORS and IMV: 6 h ("If it has been more than six
 *   hours since last known data point indicating the patient has respiratory support … no longer");
 *   the case schema holds both in `respiratorySupport`;
 * - systemic vasoactive medications: 12 h; lactate: 6 h (Cardiovascular → Inputs);
 * - MAP: 6 h (and SBP, DBP: 6 h each; the MAP here is calculated from SBP and DBP of one observation);
 * - platelets, INR, D-dimer, fibrinogen: 24 h (Coagulation → Inputs);
 * - GCS (total and components): 12 h; pupils: 6 h (Neurologic → Inputs).
 */
export const PHOENIX_LOOK_BACK_HOURS: Readonly<Record<PhoenixVariable, number>> = {
  respiratorySupport: 6,
  fio2: 6,
  spo2: 6,
  pao2: 6,
  vasoactiveCount: 12,
  lactate: 6,
  map: 6,
  platelets: 24,
  inr: 24,
  dDimer: 24,
  fibrinogen: 24,
  gcs: 12,
  pupils: 6,
};

/** MAP = DBP + (SBP − DBP) / 3 (rubric footnote f; the schema carries no measured MAP). */
export function meanArterialPressure(sbp: number, dbp: number): number {
  return dbp + (sbp - dbp) / 3;
}

export type PhoenixValue<V extends PhoenixVariable> = V extends 'respiratorySupport'
  ? NonNullable<Observation['respiratorySupport']>
  : V extends 'pupils'
    ? NonNullable<Observation['pupils']>
    : number;

/** One recorded value: when, and which row of its array it came from (observation or lab panel). */
export interface Recorded<T> {
  readonly value: T;
  readonly hour: number;
  readonly row: number;
}

/**
 * A variable at a time point:
 * - current: its last value is within the look-back;
 * - lapsed: the variable was measured (it is current at some time point of this evaluation) but not
 *   at this one (older than the look-back, or not yet measured): NULL here, 0 points (published rule);
 * - never: no value of it is current at any time point: not assessed.
 */
export type Carried<T> =
  | { readonly state: 'current'; readonly record: Recorded<T> }
  | { readonly state: 'lapsed'; readonly last: Recorded<T> | undefined }
  | { readonly state: 'never' };

export type PhoenixSeries = { readonly [V in PhoenixVariable]: readonly Recorded<PhoenixValue<V>>[] };

export interface PhoenixSnapshot {
  /** The time point (hour from presentation); null when no Phoenix input is current at any hour of the window. */
  readonly hour: number | null;
  readonly values: { readonly [V in PhoenixVariable]: Carried<PhoenixValue<V>> };
}

/** Respiratory support and pupils as rungs of their ladders (a higher rung is worse). */
export const PHOENIX_SUPPORT_RUNG: Readonly<Record<NonNullable<Observation['respiratorySupport']>, number>> = {
  none: 0,
  oxygen: 1,
  noninvasive: 2,
  invasive: 3,
};
export const PHOENIX_PUPIL_RUNG: Readonly<Record<NonNullable<Observation['pupils']>, number>> = {
  'both-reactive': 0,
  'one-fixed': 1,
  'both-fixed': 2,
};

/** Which way each input is worse: the higher value (or rung), or the lower. */
export const PHOENIX_HIGHER_IS_WORSE: Readonly<Record<PhoenixVariable, boolean>> = {
  respiratorySupport: true,
  fio2: true,
  spo2: false,
  pao2: false,
  vasoactiveCount: true,
  lactate: true,
  map: false,
  platelets: false,
  inr: true,
  dDimer: true,
  fibrinogen: false,
  gcs: false,
  pupils: true,
};

/**
 * Which of two values recorded at the same hour is used (the case lint rejects two observations or two
 * panels at one hour, so this only makes unlinted input deterministic): the worse one, as a single
 * time point was scored before.
 */
function worse<V extends PhoenixVariable>(variable: V, a: PhoenixValue<V>, b: PhoenixValue<V>): boolean {
  const rank = (value: PhoenixValue<V>): number =>
    variable === 'respiratorySupport'
      ? PHOENIX_SUPPORT_RUNG[value as NonNullable<Observation['respiratorySupport']>]
      : variable === 'pupils'
        ? PHOENIX_PUPIL_RUNG[value as NonNullable<Observation['pupils']>]
        : (value as number);
  return PHOENIX_HIGHER_IS_WORSE[variable] ? rank(a) > rank(b) : rank(a) < rank(b);
}

function append<T>(records: Recorded<T>[], value: T | undefined, hour: number, row: number): void {
  if (value !== undefined) records.push({ value, hour, row });
}

/** Every recorded Phoenix input up to the end of the window (earlier values may be carried into it). */
export function phoenixSeries(c: Case, window: TimeWindow): PhoenixSeries {
  // One pass over the rows, each value appended to its variable's list in row order (fields named
  // one by one: reading them through a list of names, or walking each row's keys, was slower).
  const series: { [V in PhoenixVariable]: Recorded<PhoenixValue<V>>[] } = {
    respiratorySupport: [],
    fio2: [],
    spo2: [],
    pao2: [],
    vasoactiveCount: [],
    lactate: [],
    map: [],
    platelets: [],
    inr: [],
    dDimer: [],
    fibrinogen: [],
    gcs: [],
    pupils: [],
  };
  const observations = c.observations;
  for (let row = 0; row < observations.length; row++) {
    const o = observations[row]!;
    const hour = o.hour;
    if (hour > window.toHour) continue; // values after the window never reach it
    append(series.respiratorySupport, o.respiratorySupport, hour, row);
    append(series.fio2, o.fio2, hour, row);
    append(series.spo2, o.spo2, hour, row);
    append(series.pao2, o.pao2, hour, row);
    append(series.vasoactiveCount, o.vasoactiveCount, hour, row);
    // MAP from the SBP and DBP of the same observation.
    if (o.sbp !== undefined && o.dbp !== undefined)
      series.map.push({ value: meanArterialPressure(o.sbp, o.dbp), hour, row });
    append(series.gcs, o.gcs, hour, row);
    append(series.pupils, o.pupils, hour, row);
  }
  const labs = c.labs;
  for (let row = 0; row < labs.length; row++) {
    const l = labs[row]!;
    const hour = l.hour;
    if (hour > window.toHour) continue;
    append(series.lactate, l.lactate, hour, row);
    append(series.platelets, l.platelets, hour, row);
    append(series.inr, l.inr, hour, row);
    append(series.dDimer, l.dDimer, hour, row);
    append(series.fibrinogen, l.fibrinogen, hour, row);
  }
  return series;
}

/** The last value of a variable at or before `hour` (the worse of two at the same hour). */
function lastAtOrBefore<V extends PhoenixVariable>(
  variable: V,
  records: readonly Recorded<PhoenixValue<V>>[],
  hour: number,
): Recorded<PhoenixValue<V>> | undefined {
  let last: Recorded<PhoenixValue<V>> | undefined;
  for (const r of records) {
    if (r.hour > hour) continue;
    if (last === undefined || r.hour > last.hour || (r.hour === last.hour && worse(variable, r.value, last.value)))
      last = r;
  }
  return last;
}

/** Whether a value recorded at `recordedHour` is still current at `hour` ("T₁ − T₀ < look-back"). */
export function withinLookBack(variable: PhoenixVariable, recordedHour: number, hour: number): boolean {
  return hour >= recordedHour && hour - recordedHour < PHOENIX_LOOK_BACK_HOURS[variable];
}

function ascending(a: number, b: number): number {
  return a - b;
}

/**
 * The time points: every hour in the window at which a Phoenix input was recorded, and the window's
 * first hour when a value recorded before the window is still current there (so a value carried into
 * the window is scored even if nothing else is recorded while it is current).
 */
export function phoenixTimePoints(series: PhoenixSeries, window: TimeWindow): number[] {
  const hours = new Set<number>();
  for (const variable of PHOENIX_VARIABLES) {
    for (const r of series[variable] as readonly Recorded<unknown>[]) {
      if (r.hour >= window.fromHour && r.hour <= window.toHour) hours.add(r.hour);
      else if (r.hour < window.fromHour && withinLookBack(variable, r.hour, window.fromHour))
        hours.add(window.fromHour);
    }
  }
  return [...hours].sort(ascending);
}

/** Shared by every snapshot: "never" carries no reading. */
const NEVER: Carried<never> = Object.freeze({ state: 'never' });

type CarriedValues = Record<PhoenixVariable, Carried<unknown>>;

/** A snapshot's values from one Carried per variable, in PHOENIX_VARIABLES order (one object shape for all). */
function valuesOf(carried: readonly Carried<unknown>[]): PhoenixSnapshot['values'] {
  const values: CarriedValues = {
    respiratorySupport: carried[0]!,
    fio2: carried[1]!,
    spo2: carried[2]!,
    pao2: carried[3]!,
    vasoactiveCount: carried[4]!,
    lactate: carried[5]!,
    map: carried[6]!,
    platelets: carried[7]!,
    inr: carried[8]!,
    dDimer: carried[9]!,
    fibrinogen: carried[10]!,
    gcs: carried[11]!,
    pupils: carried[12]!,
  };
  return values as PhoenixSnapshot['values'];
}

const ALL_NEVER: readonly Carried<unknown>[] = PHOENIX_VARIABLES.map(() => NEVER);

/** A snapshot per time point (one empty snapshot when there are none), each variable current, lapsed or never. */
export function phoenixSnapshots(c: Case, window: TimeWindow): PhoenixSnapshot[] {
  const series = phoenixSeries(c, window);
  const hours = phoenixTimePoints(series, window);
  // Nothing current at any hour of the window: one snapshot, every variable never measured (not assessed).
  if (hours.length === 0) return [{ hour: null, values: valuesOf(ALL_NEVER) }];

  // carried[i][v]: variable v at time point i; "never" unless it is current at some time point.
  const carried = hours.map(() => ALL_NEVER.slice());
  const lasts: (Recorded<unknown> | undefined)[] = [];
  const current: boolean[] = [];
  for (let v = 0; v < PHOENIX_VARIABLES.length; v++) {
    const variable = PHOENIX_VARIABLES[v]!;
    const records = series[variable] as readonly Recorded<PhoenixValue<typeof variable>>[];
    if (records.length === 0) continue; // never recorded: never current
    // Its last value at or before each time point, and whether that value is still current there.
    let assessed = false;
    for (let i = 0; i < hours.length; i++) {
      const last = lastAtOrBefore(variable, records, hours[i]!);
      lasts[i] = last;
      current[i] = last !== undefined && withinLookBack(variable, last.hour, hours[i]!);
      if (current[i]) assessed = true;
    }
    // Current at no time point: "never" everywhere. Otherwise current, or lapsed (NULL, 0 points) where it is not.
    if (!assessed) continue;
    for (let i = 0; i < hours.length; i++) {
      carried[i]![v] = current[i] ? { state: 'current', record: lasts[i]! } : { state: 'lapsed', last: lasts[i] };
    }
  }
  return hours.map((hour, i) => ({ hour, values: valuesOf(carried[i]!) }));
}

/** The current value of a variable at a snapshot, or undefined (lapsed or never measured). */
export function currentValue<V extends PhoenixVariable>(
  s: PhoenixSnapshot,
  variable: V,
): Recorded<PhoenixValue<V>> | undefined {
  const v = s.values[variable] as Carried<PhoenixValue<V>>;
  return v.state === 'current' ? v.record : undefined;
}

/** Whether a variable was never measured (not current at any time point): its items are not assessed. */
export function neverMeasured(s: PhoenixSnapshot, variable: PhoenixVariable): boolean {
  return s.values[variable].state === 'never';
}
