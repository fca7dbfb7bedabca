import type { Case, LabPanel, Observation } from '../generated/case.js';
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
  | 'respiratorySupport' | 'fio2' | 'spo2' | 'pao2'
  | 'vasoactiveCount' | 'lactate' | 'map'
  | 'platelets' | 'inr' | 'dDimer' | 'fibrinogen'
  | 'gcs' | 'pupils';

export const PHOENIX_VARIABLES: readonly PhoenixVariable[] = [
  'respiratorySupport', 'fio2', 'spo2', 'pao2', 'vasoactiveCount', 'lactate', 'map',
  'platelets', 'inr', 'dDimer', 'fibrinogen', 'gcs', 'pupils',
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

const SUPPORT_LADDER: readonly NonNullable<Observation['respiratorySupport']>[] = ['none', 'oxygen', 'noninvasive', 'invasive'];
const PUPIL_LADDER: readonly NonNullable<Observation['pupils']>[] = ['both-reactive', 'one-fixed', 'both-fixed'];

/**
 * Which of two values recorded at the same hour is used (the case lint rejects two observations or two
 * panels at one hour, so this only makes unlinted input deterministic): the worse one, as a single
 * time point was scored before.
 */
const WORSE: { readonly [V in PhoenixVariable]: (a: PhoenixValue<V>, b: PhoenixValue<V>) => boolean } = {
  respiratorySupport: (a, b) => SUPPORT_LADDER.indexOf(a) > SUPPORT_LADDER.indexOf(b),
  fio2: (a, b) => a > b,
  spo2: (a, b) => a < b,
  pao2: (a, b) => a < b,
  vasoactiveCount: (a, b) => a > b,
  lactate: (a, b) => a > b,
  map: (a, b) => a < b,
  platelets: (a, b) => a < b,
  inr: (a, b) => a > b,
  dDimer: (a, b) => a > b,
  fibrinogen: (a, b) => a < b,
  gcs: (a, b) => a < b,
  pupils: (a, b) => PUPIL_LADDER.indexOf(a) > PUPIL_LADDER.indexOf(b),
};

function fromRows<R extends { hour: number }, T>(rows: readonly R[], pick: (row: R) => T | undefined, toHour: number): Recorded<T>[] {
  const out: Recorded<T>[] = [];
  rows.forEach((row, i) => {
    if (row.hour > toHour) return; // values after the window never reach it
    const value = pick(row);
    if (value !== undefined) out.push({ value, hour: row.hour, row: i });
  });
  return out;
}

/** Every recorded Phoenix input up to the end of the window (earlier values may be carried into it). */
export function phoenixSeries(c: Case, window: TimeWindow): PhoenixSeries {
  const obs = <T>(pick: (o: Observation) => T | undefined) => fromRows(c.observations, pick, window.toHour);
  const lab = (pick: (l: LabPanel) => number | undefined) => fromRows(c.labs, pick, window.toHour);
  return {
    respiratorySupport: obs((o) => o.respiratorySupport),
    fio2: obs((o) => o.fio2),
    spo2: obs((o) => o.spo2),
    pao2: obs((o) => o.pao2),
    vasoactiveCount: obs((o) => o.vasoactiveCount),
    // MAP from the SBP and DBP of the same observation.
    map: obs((o) => (o.sbp !== undefined && o.dbp !== undefined ? meanArterialPressure(o.sbp, o.dbp) : undefined)),
    gcs: obs((o) => o.gcs),
    pupils: obs((o) => o.pupils),
    lactate: lab((l) => l.lactate),
    platelets: lab((l) => l.platelets),
    inr: lab((l) => l.inr),
    dDimer: lab((l) => l.dDimer),
    fibrinogen: lab((l) => l.fibrinogen),
  };
}

/** The last value of a variable at or before `hour` (the worse of two at the same hour). */
function lastAtOrBefore<V extends PhoenixVariable>(variable: V, records: readonly Recorded<PhoenixValue<V>>[], hour: number): Recorded<PhoenixValue<V>> | undefined {
  let last: Recorded<PhoenixValue<V>> | undefined;
  for (const r of records) {
    if (r.hour > hour) continue;
    if (last === undefined || r.hour > last.hour || (r.hour === last.hour && WORSE[variable](r.value, last.value))) last = r;
  }
  return last;
}

/** Whether a value recorded at `recordedHour` is still current at `hour` ("T₁ − T₀ < look-back"). */
export function withinLookBack(variable: PhoenixVariable, recordedHour: number, hour: number): boolean {
  return hour >= recordedHour && hour - recordedHour < PHOENIX_LOOK_BACK_HOURS[variable];
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
      else if (r.hour < window.fromHour && withinLookBack(variable, r.hour, window.fromHour)) hours.add(window.fromHour);
    }
  }
  return [...hours].sort((a, b) => a - b);
}

/** A snapshot per time point (one empty snapshot when there are none), each variable current, lapsed or never. */
export function phoenixSnapshots(c: Case, window: TimeWindow): PhoenixSnapshot[] {
  const series = phoenixSeries(c, window);
  const hours = phoenixTimePoints(series, window);

  const current = hours.map((hour) => {
    const row: Partial<Record<PhoenixVariable, Recorded<unknown> | undefined>> = {};
    for (const variable of PHOENIX_VARIABLES) {
      const last = lastAtOrBefore(variable, series[variable] as readonly Recorded<PhoenixValue<typeof variable>>[], hour);
      row[variable] = last !== undefined && withinLookBack(variable, last.hour, hour) ? last : undefined;
    }
    return row;
  });
  const assessed = new Set(PHOENIX_VARIABLES.filter((v) => current.some((row) => row[v] !== undefined)));

  const snapshot = (hour: number | null, row: Partial<Record<PhoenixVariable, Recorded<unknown> | undefined>>): PhoenixSnapshot => {
    const values = {} as Record<PhoenixVariable, Carried<unknown>>;
    for (const variable of PHOENIX_VARIABLES) {
      const record = row[variable];
      values[variable] = record !== undefined
        ? { state: 'current', record }
        : assessed.has(variable)
          ? { state: 'lapsed', last: hour === null ? undefined : lastAtOrBefore(variable, series[variable] as readonly Recorded<PhoenixValue<typeof variable>>[], hour) }
          : { state: 'never' };
    }
    return { hour, values: values as PhoenixSnapshot['values'] };
  };

  if (hours.length === 0) return [snapshot(null, {})];
  return hours.map((hour, i) => snapshot(hour, current[i]!));
}

/** The current value of a variable at a snapshot, or undefined (lapsed or never measured). */
export function currentValue<V extends PhoenixVariable>(s: PhoenixSnapshot, variable: V): Recorded<PhoenixValue<V>> | undefined {
  const v = s.values[variable] as Carried<PhoenixValue<V>>;
  return v.state === 'current' ? v.record : undefined;
}

/** Whether a variable was never measured (not current at any time point): its items are not assessed. */
export function neverMeasured(s: PhoenixSnapshot, variable: PhoenixVariable): boolean {
  return s.values[variable].state === 'never';
}
