import type { TimeWindow } from '../case/time-window.js';
import {
  PHOENIX_COAGULATION_CAP,
  PHOENIX_FIXED_PUPILS_POINTS,
  PHOENIX_GCS_POINTS,
  PHOENIX_NEURO_CAP,
  PHOENIX_ROOM_AIR_FIO2,
  oxygenationRatio,
  phoenixMapPoints,
} from '../criteria/phoenix.js';
import { meanArterialPressure, PHOENIX_PUPIL_RUNG, PHOENIX_SUPPORT_RUNG } from '../criteria/phoenix-time-points.js';
import type { Case, LabPanel, Observation } from '../generated/case.js';
import { MET, testStatus } from './compiled-test.js';
import {
  bandPoints,
  COAGULATION_TESTS,
  GCS_TEST,
  LACTATE_BANDS,
  PF_BANDS,
  SF_BANDS,
  SF_MAX_SPO2,
  VASOACTIVE_BANDS,
} from './phoenix-compiled-tables.js';
import {
  D_DIMER,
  FIBRINOGEN,
  FIO2,
  GCS,
  INR,
  LACTATE,
  MAP,
  PAO2,
  PhoenixTimeline,
  PLATELETS,
  PUPILS,
  RESPIRATORY_SUPPORT,
  SPO2,
  VASOACTIVE_COUNT,
} from './phoenix-timeline.js';

/*
 * Phoenix points per organ system at the time point that decides the score — the engine's items
 * `respiratory`, `cardiovascular`, `coagulation`, `neurological` and its score value — from the
 * compiled PhoenixTimeline, filled from Phoenix's inputs only (as WindowScan records them), without
 * evidence (criteria/phoenix.ts scoreRespiratory … scoreNeurological, points only; the reachable bounds are the status plan's).
 * For callers that need the parts, not the status: the generator completes a sepsis case's organ
 * dysfunction with them. A property test holds them equal to the engine's items.
 */

const NO_SUPPORT = PHOENIX_SUPPORT_RUNG.none;
const INVASIVE = PHOENIX_SUPPORT_RUNG.invasive;
const BOTH_FIXED = PHOENIX_PUPIL_RUNG['both-fixed'];

/** Whether a current FiO₂ can pair with a PaO₂ / SpO₂ record: as old as or older than it (phoenix.ts fio2Usable). */
function fio2Pairs(t: PhoenixTimeline, fio2: number, slot: number, record: number): boolean {
  return record !== -1 && fio2 !== -1 && t.value(FIO2, fio2) > 0 && t.hour(FIO2, fio2) <= t.hour(slot, record);
}

/** Respiratory points at time point i (scoreRespiratory's `points`). */
function respiratoryAt(t: PhoenixTimeline, i: number): number {
  const recorded = t.currentAt(i, RESPIRATORY_SUPPORT);
  const fio2 = t.currentAt(i, FIO2);
  const spo2 = t.currentAt(i, SPO2);
  const pao2 = t.currentAt(i, PAO2);
  const rung = recorded === -1 ? -1 : t.value(RESPIRATORY_SUPPORT, recorded);
  const fio2ImpliesSupport =
    fio2 !== -1 &&
    t.value(FIO2, fio2) > PHOENIX_ROOM_AIR_FIO2 &&
    !(rung === NO_SUPPORT && t.row(RESPIRATORY_SUPPORT, recorded) === t.row(FIO2, fio2));
  const supported = (recorded !== -1 && rung !== NO_SUPPORT) || fio2ImpliesSupport;
  if (!supported) return 0;
  const pfPoints = fio2Pairs(t, fio2, PAO2, pao2)
    ? bandPoints(PF_BANDS, oxygenationRatio(t.value(PAO2, pao2), t.value(FIO2, fio2)))
    : 0;
  const sfValid = spo2 !== -1 && testStatus(SF_MAX_SPO2, t.value(SPO2, spo2)) === MET;
  const sfPoints =
    sfValid && fio2Pairs(t, fio2, SPO2, spo2)
      ? bandPoints(SF_BANDS, oxygenationRatio(t.value(SPO2, spo2), t.value(FIO2, fio2)))
      : 0;
  const oxygenation = Math.max(pfPoints, sfPoints);
  // Two and three points need invasive ventilation; any other support scores at most one.
  return rung === INVASIVE ? oxygenation : Math.min(oxygenation, 1);
}

/** Cardiovascular points at time point i (scoreCardiovascular's `points`): vasoactives + lactate + MAP for age. */
function cardiovascularAt(t: PhoenixTimeline, i: number, ageMonths: number): number {
  const vaso = t.currentAt(i, VASOACTIVE_COUNT);
  const lactate = t.currentAt(i, LACTATE);
  const map = t.currentAt(i, MAP);
  return (
    (vaso === -1 ? 0 : bandPoints(VASOACTIVE_BANDS, t.value(VASOACTIVE_COUNT, vaso))) +
    (lactate === -1 ? 0 : bandPoints(LACTATE_BANDS, t.value(LACTATE, lactate))) +
    (map === -1 ? 0 : (phoenixMapPoints(ageMonths, t.value(MAP, map)) ?? 0))
  );
}

/** Coagulation points at time point i (scoreCoagulation): one per abnormal test, capped. */
function coagulationAt(t: PhoenixTimeline, i: number): number {
  let met = 0;
  for (const test of COAGULATION_TESTS) {
    const r = t.currentAt(i, test.slot);
    if (r !== -1 && testStatus(test.test, t.value(test.slot, r)) === MET) met += 1;
  }
  return Math.min(met, PHOENIX_COAGULATION_CAP);
}

/** Neurological points at time point i (scoreNeurological): low GCS and bilaterally fixed pupils, capped. */
function neurologicalAt(t: PhoenixTimeline, i: number): number {
  const gcs = t.currentAt(i, GCS);
  const pupils = t.currentAt(i, PUPILS);
  const gcsLow = gcs !== -1 && testStatus(GCS_TEST, t.value(GCS, gcs)) === MET;
  const fixed = pupils !== -1 && t.value(PUPILS, pupils) === BOTH_FIXED;
  return Math.min((fixed ? PHOENIX_FIXED_PUPILS_POINTS : 0) + (gcsLow ? PHOENIX_GCS_POINTS : 0), PHOENIX_NEURO_CAP);
}

/** What Phoenix reads of a case (a case under construction will do). */
export interface PhoenixInputs {
  readonly patient: Pick<Case['patient'], 'ageYears'>;
  readonly observations: readonly Observation[];
  readonly labs: readonly LabPanel[];
}

/** Phoenix's inputs recorded up to the window's end, in row order, as WindowScan records them. */
function recordInputs(t: PhoenixTimeline, c: PhoenixInputs, window: TimeWindow): void {
  const to = window.toHour;
  t.clear();
  const labs = c.labs;
  for (let row = 0; row < labs.length; row++) {
    const p = labs[row]!;
    const hour = p.hour;
    if (hour > to) continue;
    const lactate = p.lactate;
    const platelets = p.platelets;
    const inr = p.inr;
    const dDimer = p.dDimer;
    const fibrinogen = p.fibrinogen;
    if (lactate !== undefined) t.record(LACTATE, lactate, hour, row);
    if (platelets !== undefined) t.record(PLATELETS, platelets, hour, row);
    if (inr !== undefined) t.record(INR, inr, hour, row);
    if (dDimer !== undefined) t.record(D_DIMER, dDimer, hour, row);
    if (fibrinogen !== undefined) t.record(FIBRINOGEN, fibrinogen, hour, row);
  }
  const observations = c.observations;
  for (let row = 0; row < observations.length; row++) {
    const o = observations[row]!;
    const hour = o.hour;
    if (hour > to) continue;
    const support = o.respiratorySupport;
    const fio2 = o.fio2;
    const spo2 = o.spo2;
    const pao2 = o.pao2;
    const vasoactiveCount = o.vasoactiveCount;
    const sbp = o.sbp;
    const dbp = o.dbp;
    const gcs = o.gcs;
    const pupils = o.pupils;
    if (support !== undefined) t.record(RESPIRATORY_SUPPORT, PHOENIX_SUPPORT_RUNG[support], hour, row);
    if (fio2 !== undefined) t.record(FIO2, fio2, hour, row);
    if (spo2 !== undefined) t.record(SPO2, spo2, hour, row);
    if (pao2 !== undefined) t.record(PAO2, pao2, hour, row);
    if (vasoactiveCount !== undefined) t.record(VASOACTIVE_COUNT, vasoactiveCount, hour, row);
    // MAP from the SBP and DBP of one observation.
    if (sbp !== undefined && dbp !== undefined) t.record(MAP, meanArterialPressure(sbp, dbp), hour, row);
    if (gcs !== undefined) t.record(GCS, gcs, hour, row);
    if (pupils !== undefined) t.record(PUPILS, PHOENIX_PUPIL_RUNG[pupils], hour, row);
  }
  t.finish(window);
}

/**
 * The Phoenix Sepsis Score of a case in a window and its points per organ system at the time point
 * that decides it (the highest total, the earliest on ties; all 0 without a time point). One
 * object, reused: read its fields before computing again.
 */
export class PhoenixSystemPoints {
  respiratory = 0;
  cardiovascular = 0;
  coagulation = 0;
  neurological = 0;
  total = 0;
  private readonly timeline = new PhoenixTimeline();

  compute(c: PhoenixInputs, window: TimeWindow): this {
    const t = this.timeline;
    recordInputs(t, c, window);
    const ageMonths = c.patient.ageYears * 12;
    this.respiratory = 0;
    this.cardiovascular = 0;
    this.coagulation = 0;
    this.neurological = 0;
    this.total = 0;
    let best = -Infinity;
    for (let i = 0; i < t.timePoints; i++) {
      const respiratory = respiratoryAt(t, i);
      const cardiovascular = cardiovascularAt(t, i, ageMonths);
      const coagulation = coagulationAt(t, i);
      const neurological = neurologicalAt(t, i);
      // Summed in PHOENIX_SYSTEMS order, as the engine sums them.
      const total = respiratory + cardiovascular + coagulation + neurological;
      if (total > best) {
        best = total;
        this.respiratory = respiratory;
        this.cardiovascular = cardiovascular;
        this.coagulation = coagulation;
        this.neurological = neurological;
        this.total = total;
      }
    }
    return this;
  }
}
