import type { TimeWindow } from '../case/time-window.js';
import {
  meanArterialPressure,
  PHOENIX_HIGHER_IS_WORSE,
  PHOENIX_LOOK_BACK_HOURS,
  PHOENIX_PUPIL_RUNG,
  PHOENIX_SUPPORT_RUNG,
  PHOENIX_VARIABLES,
} from '../criteria/phoenix-time-points.js';
import type { LabPanel, Observation } from '../generated/case.js';

/*
 * Phoenix's time points without the evidence engine's snapshots (criteria/phoenix-time-points.ts):
 * the same records (every input up to the window's end, in row order), the same time points and
 * the same carry-forward within each input's look-back, kept in reused number arrays. For each
 * time point and input: the record current there (or none), and whether the input is current at
 * any time point (otherwise it was never measured: not assessed).
 */

/** Inputs by slot, in PHOENIX_VARIABLES order. */
export const RESPIRATORY_SUPPORT = 0;
export const FIO2 = 1;
export const SPO2 = 2;
export const PAO2 = 3;
export const VASOACTIVE_COUNT = 4;
export const LACTATE = 5;
export const MAP = 6;
export const PLATELETS = 7;
export const INR = 8;
export const D_DIMER = 9;
export const FIBRINOGEN = 10;
export const GCS = 11;
export const PUPILS = 12;
const SLOTS = PHOENIX_VARIABLES.length;
if (
  PHOENIX_VARIABLES[RESPIRATORY_SUPPORT] !== 'respiratorySupport' ||
  PHOENIX_VARIABLES[MAP] !== 'map' ||
  PHOENIX_VARIABLES[PUPILS] !== 'pupils' ||
  SLOTS !== 13
)
  throw new Error('Phoenix timeline: the slots no longer follow PHOENIX_VARIABLES');

// Which of two values at the same hour is kept: the engine's own direction table.
const HIGHER = PHOENIX_VARIABLES.map((v) => PHOENIX_HIGHER_IS_WORSE[v]);
const LOOK_BACK = PHOENIX_VARIABLES.map((v) => PHOENIX_LOOK_BACK_HOURS[v]);

export class PhoenixTimeline {
  // Records per slot: value, hour and row (of the observations or the lab panels), in row order, at
  // [slot × capacity + record] of flat typed arrays (one store site per array, whatever the slot:
  // nested number arrays of mixed element kinds made every record a polymorphic store).
  private capacity = 16;
  private values = new Float64Array(SLOTS * this.capacity);
  private hours = new Float64Array(SLOTS * this.capacity);
  private rows = new Int32Array(SLOTS * this.capacity);
  private readonly counts = new Int32Array(SLOTS);
  /** The time points, ascending (the first `timePoints` entries). */
  readonly timePointHours: number[] = [];
  timePoints = 0;
  /** current[i * 13 + slot]: the record of that input current at time point i, or -1. */
  private current = new Int32Array(16 * SLOTS);
  /** Whether each input is current at some time point (else never measured: not assessed). */
  readonly assessed: boolean[] = PHOENIX_VARIABLES.map(() => false);

  clear(): this {
    this.counts.fill(0);
    return this;
  }

  /** One input's value (respiratory support and pupils as rungs), recorded at an hour up to the window's end, in row order. */
  record(slot: number, value: number, hour: number, row: number): void {
    const n = this.counts[slot]!;
    if (n === this.capacity) this.grow();
    const at = slot * this.capacity + n;
    this.values[at] = value;
    this.hours[at] = hour;
    this.rows[at] = row;
    this.counts[slot] = n + 1;
  }

  /** A lab panel's Phoenix inputs (lactate, platelets, INR, D-dimer, fibrinogen), `row` its position in the labs. */
  recordPanel(p: LabPanel, row: number): void {
    // Named reads: the generator writes every panel in one fixed shape, so each read is monomorphic.
    const hour = p.hour;
    const lactate = p.lactate;
    const platelets = p.platelets;
    const inr = p.inr;
    const dDimer = p.dDimer;
    const fibrinogen = p.fibrinogen;
    if (lactate !== undefined) this.record(LACTATE, lactate, hour, row);
    if (platelets !== undefined) this.record(PLATELETS, platelets, hour, row);
    if (inr !== undefined) this.record(INR, inr, hour, row);
    if (dDimer !== undefined) this.record(D_DIMER, dDimer, hour, row);
    if (fibrinogen !== undefined) this.record(FIBRINOGEN, fibrinogen, hour, row);
  }

  /** An observation's Phoenix inputs (support and pupils as rungs, MAP from its own SBP and DBP), `row` its position. */
  recordObservation(o: Observation, row: number): void {
    const hour = o.hour;
    const support = o.respiratorySupport;
    const fio2 = o.fio2;
    const spo2 = o.spo2;
    const pao2 = o.pao2;
    const vasoactiveCount = o.vasoactiveCount;
    const sbp = o.sbp;
    const dbp = o.dbp;
    const gcs = o.gcs;
    const pupils = o.pupils;
    if (support !== undefined) this.record(RESPIRATORY_SUPPORT, PHOENIX_SUPPORT_RUNG[support], hour, row);
    if (fio2 !== undefined) this.record(FIO2, fio2, hour, row);
    if (spo2 !== undefined) this.record(SPO2, spo2, hour, row);
    if (pao2 !== undefined) this.record(PAO2, pao2, hour, row);
    if (vasoactiveCount !== undefined) this.record(VASOACTIVE_COUNT, vasoactiveCount, hour, row);
    if (sbp !== undefined && dbp !== undefined) this.record(MAP, meanArterialPressure(sbp, dbp), hour, row);
    if (gcs !== undefined) this.record(GCS, gcs, hour, row);
    if (pupils !== undefined) this.record(PUPILS, PHOENIX_PUPIL_RUNG[pupils], hour, row);
  }

  /** Twice the records per slot, each slot's records kept. */
  private grow(): void {
    const old = this.capacity;
    const capacity = old * 2;
    const values = new Float64Array(SLOTS * capacity);
    const hours = new Float64Array(SLOTS * capacity);
    const rows = new Int32Array(SLOTS * capacity);
    for (let slot = 0; slot < SLOTS; slot++) {
      values.set(this.values.subarray(slot * old, slot * old + old), slot * capacity);
      hours.set(this.hours.subarray(slot * old, slot * old + old), slot * capacity);
      rows.set(this.rows.subarray(slot * old, slot * old + old), slot * capacity);
    }
    this.capacity = capacity;
    this.values = values;
    this.hours = hours;
    this.rows = rows;
  }

  /** The time points of the window and, at each, the current record of every input. */
  finish(window: TimeWindow): void {
    const from = window.fromHour;
    const to = window.toHour;
    // Every hour in the window at which an input was recorded, and the window's first hour when a
    // value from before it is still current there.
    const points = this.timePointHours;
    let n = 0;
    for (let slot = 0; slot < SLOTS; slot++) {
      const hours = this.hours;
      const base = slot * this.capacity;
      const lookBack = LOOK_BACK[slot]!;
      for (let r = 0, count = this.counts[slot]!; r < count; r++) {
        const hour = hours[base + r]!;
        // A value from before the window still current at its first hour (withinLookBack, with the slot's look-back).
        const point = hour >= from && hour <= to ? hour : from >= hour && from - hour < lookBack ? from : NaN;
        if (Number.isNaN(point) || hour > to) continue;
        let seen = false;
        for (let i = 0; i < n; i++)
          if (points[i] === point) {
            seen = true;
            break;
          }
        if (!seen) points[n++] = point;
      }
    }
    // Insertion sort: a handful of time points.
    for (let i = 1; i < n; i++) {
      const h = points[i]!;
      let j = i - 1;
      while (j >= 0 && points[j]! > h) {
        points[j + 1] = points[j]!;
        j--;
      }
      points[j + 1] = h;
    }
    this.timePoints = n;

    if (this.current.length < n * SLOTS) this.current = new Int32Array(n * SLOTS * 2);
    const current = this.current;
    for (let slot = 0; slot < SLOTS; slot++) {
      const values = this.values;
      const hours = this.hours;
      const base = slot * this.capacity;
      const count = this.counts[slot]!;
      const higher = HIGHER[slot]!;
      const lookBack = LOOK_BACK[slot]!;
      let assessed = false;
      for (let i = 0; i < n; i++) {
        const at = points[i]!;
        // The last record at or before the time point (the worse of two at the same hour).
        let last = -1;
        for (let r = base; r < base + count; r++) {
          const hour = hours[r]!;
          if (hour > at) continue;
          if (
            last === -1 ||
            hour > hours[last]! ||
            (hour === hours[last]! && (higher ? values[r]! > values[last]! : values[r]! < values[last]!))
          )
            last = r;
        }
        // Current: "T₁ − T₀ < look-back" (withinLookBack).
        const isCurrent = last !== -1 && at >= hours[last]! && at - hours[last]! < lookBack;
        if (isCurrent) last -= base;
        current[i * SLOTS + slot] = isCurrent ? last : -1;
        if (isCurrent) assessed = true;
      }
      this.assessed[slot] = assessed;
    }
  }

  /** The record of an input current at time point i, or -1 (lapsed or never measured). */
  currentAt(i: number, slot: number): number {
    return this.current[i * SLOTS + slot]!;
  }

  value(slot: number, record: number): number {
    return this.values[slot * this.capacity + record]!;
  }

  hour(slot: number, record: number): number {
    return this.hours[slot * this.capacity + record]!;
  }

  row(slot: number, record: number): number {
    return this.rows[slot * this.capacity + record]!;
  }

  /** Never current at any time point of the window: its items are not assessed. */
  never(slot: number): boolean {
    return !this.assessed[slot]!;
  }
}
