import type { TimeWindow } from '../case/time-window.js';
import { meanArterialPressure, PHOENIX_PUPIL_RUNG, PHOENIX_SUPPORT_RUNG } from '../criteria/phoenix-time-points.js';
import type { Case, LabPanel, Observation } from '../generated/case.js';
import { phoenixMapBand } from '../criteria/phoenix.js';
import { scoreAt, SYSTEM_POINTS } from './phoenix-status-plan.js';
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
 * compiled PhoenixTimeline, filled from Phoenix's inputs only (as WindowScan records them) and scored
 * by the status plan's scoreAt, without evidence. For callers that need the parts, not the status: the generator completes a sepsis case's organ
 * dysfunction with them. A property test holds them equal to the engine's items.
 */

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
    const band = phoenixMapBand(c.patient.ageYears * 12);
    this.respiratory = 0;
    this.cardiovascular = 0;
    this.coagulation = 0;
    this.neurological = 0;
    this.total = 0;
    let best = -Infinity;
    for (let i = 0; i < t.timePoints; i++) {
      // The status plan's scoring of one time point (its bounds are not read here).
      scoreAt(t, i, band);
      const respiratory = SYSTEM_POINTS[0]!;
      const cardiovascular = SYSTEM_POINTS[1]!;
      const coagulation = SYSTEM_POINTS[2]!;
      const neurological = SYSTEM_POINTS[3]!;
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
