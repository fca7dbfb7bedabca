import type { Case, LabPanel, Observation } from '../generated/case.js';
import type { NumericAnalyte } from '../units/analytes.js';
import { inWindow, type TimeWindow } from './time-window.js';

/** A value read from a case, with the hour it was observed at. */
export interface Reading<T> {
  readonly value: T;
  readonly hour: number;
}

export type Worst = 'highest' | 'lowest';

/** Numeric observation fields (vitals, GCS, vasoactive count…). */
export type NumericObservationField = {
  [K in keyof Observation]-?: NonNullable<Observation[K]> extends number ? K : never;
}[keyof Observation];

/** Yes/no observation fields (organomegaly, rash, shock…). */
export type BooleanObservationField = {
  [K in keyof Observation]-?: NonNullable<Observation[K]> extends boolean ? K : never;
}[keyof Observation];

/** Whether a value replaces the worst so far: only a strictly worse one does, so ties keep the earliest reading. */
export function isWorse(value: number, worstSoFar: number, worst: Worst): boolean {
  return worst === 'highest' ? value > worstSoFar : value < worstSoFar;
}

// Reads a field by name rather than through a picker closure (a closure per call was a measurable
// share of evaluating a case). CaseIndex reads every field of a case in one pass with the same rule.
function worstOf<T extends { hour: number }>(
  rows: readonly T[],
  window: TimeWindow,
  field: keyof T,
  worst: Worst,
): Reading<number> | undefined {
  let best: Reading<number> | undefined;
  for (const row of rows) {
    if (!inWindow(row.hour, window)) continue;
    const value = row[field] as number | undefined;
    if (value === undefined) continue;
    // Ties keep the earliest hour, so evidence points at the first time the value was seen.
    if (best === undefined || isWorse(value, best.value, worst)) {
      best = { value, hour: row.hour };
    }
  }
  return best;
}

/** The worst value of a lab analyte inside the window, or undefined when it was never measured there. */
export function worstLab(
  c: Case,
  analyte: NumericAnalyte,
  window: TimeWindow,
  worst: Worst,
): Reading<number> | undefined {
  return worstLabAmong(c.labs, analyte, window, worst);
}

/** As worstLab, over a chosen subset of the case's panels (e.g. only the fasting ones). */
export function worstLabAmong(
  panels: readonly LabPanel[],
  analyte: NumericAnalyte,
  window: TimeWindow,
  worst: Worst,
): Reading<number> | undefined {
  return worstOf<LabPanel>(panels, window, analyte, worst);
}

export function worstObservation(
  c: Case,
  field: NumericObservationField,
  window: TimeWindow,
  worst: Worst,
): Reading<number> | undefined {
  return worstOf<Observation>(c.observations, window, field, worst);
}

/**
 * A finding across the window: true if present at any assessment, false only if it was assessed
 * and absent every time, undefined if it was never assessed (not assessed is not "absent").
 * (CaseIndex reads the same for every field in one pass.)
 */
export function findingInWindow(
  c: Case,
  field: BooleanObservationField,
  window: TimeWindow,
): Reading<boolean> | undefined {
  let absent: Reading<boolean> | undefined;
  for (const row of c.observations) {
    if (!inWindow(row.hour, window)) continue;
    const value = row[field];
    if (value === true) return { value: true, hour: row.hour };
    if (value === false && absent === undefined) absent = { value: false, hour: row.hour };
  }
  return absent;
}

/** The latest recorded value of a lab analyte at or before an hour (for trends and the quiz). */
export function latestLab(c: Case, analyte: NumericAnalyte, atOrBeforeHour: number): Reading<number> | undefined {
  let latest: Reading<number> | undefined;
  for (const panel of c.labs) {
    const value = panel[analyte];
    if (value === undefined || panel.hour > atOrBeforeHour) continue;
    if (latest === undefined || panel.hour >= latest.hour) latest = { value, hour: panel.hour };
  }
  return latest;
}

/** Whether the panel that holds the worst triglyceride value in the window was fasting (undefined if not recorded). */
export function triglyceridesFastingAt(c: Case, hour: number): boolean | undefined {
  return c.labs.find((panel) => panel.hour === hour && panel.triglycerides !== undefined)?.triglyceridesFasting;
}
