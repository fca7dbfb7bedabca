import type { TimeWindow } from '../case/time-window.js';
import type { Case, LabPanel, Observation } from '../generated/case.js';
import { phoenixMapBand } from '../criteria/phoenix.js';
import { scoreAt, SYSTEM_POINTS } from './phoenix-status-plan.js';
import { PhoenixTimeline } from './phoenix-timeline.js';

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
  for (let row = 0; row < labs.length; row++) if (labs[row]!.hour <= to) t.recordPanel(labs[row]!, row);
  const observations = c.observations;
  for (let row = 0; row < observations.length; row++)
    if (observations[row]!.hour <= to) t.recordObservation(observations[row]!, row);
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
