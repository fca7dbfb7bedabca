/**
 * Reading one criteria item from a case into ItemEvidence: the worst value in the window,
 * converted into the unit the threshold was published in, compared, and explained. Shared by the
 * MAS criteria calculators (HLH-2004, 2016 EULAR/ACR/PRINTO, HScore, MS score, ferritin:ESR).
 */
import type { Case } from '../generated/case.js';
import type { NumericAnalyte } from '../units/analytes.js';
import { fromCanonical } from '../units/convert.js';
import {
  findingInWindow, worstLab, worstObservation,
  type BooleanObservationField, type NumericObservationField, type Worst,
} from '../case/case-reader.js';
import type { TimeWindow } from '../case/time-window.js';
import type { CriteriaStatus, ItemEvidence, ItemStatus } from './criteria-result.js';
import { describeThreshold, meetsThreshold, type Threshold } from './threshold.js';

/** A value read from a case and expressed in a chosen (published) unit. */
export interface UnitReading {
  readonly value: number;
  readonly unit: string;
  readonly hour: number;
}

/** The worst value of a lab analyte in the window, converted into `unit`; undefined when never measured there. */
export function readLab(c: Case, analyte: NumericAnalyte, unit: string, window: TimeWindow, worst: Worst): UnitReading | undefined {
  const reading = worstLab(c, analyte, window, worst);
  if (reading === undefined) return undefined;
  return { value: fromCanonical(analyte, reading.value, unit), unit, hour: reading.hour };
}

/** What an item is called and on whose authority, common to every item kind. */
export interface ItemLabel {
  readonly id: string;
  readonly label: string;
  readonly citation: string;
  readonly note?: string;
}

export interface LabItemSpec extends ItemLabel {
  readonly analyte: NumericAnalyte;
  readonly worst: Worst;
  readonly threshold: Threshold;
}

export interface ObservationItemSpec extends ItemLabel {
  readonly field: NumericObservationField;
  readonly worst: Worst;
  readonly threshold: Threshold;
}

export interface FindingItemSpec extends ItemLabel {
  readonly field: BooleanObservationField;
}

/** An item compared against a threshold, given a reading already in the threshold's unit (or none). */
export function thresholdItem(spec: ItemLabel & { readonly threshold: Threshold }, reading: UnitReading | undefined): ItemEvidence {
  // One object literal, no spreads: this runs for most items of every case (it dominated the profile).
  const item: { -readonly [K in keyof ItemEvidence]: ItemEvidence[K] } = {
    id: spec.id,
    label: spec.label,
    status: reading === undefined ? 'not-assessed' : meetsThreshold(reading.value, spec.threshold) ? 'met' : 'not-met',
    value: reading === undefined ? null : reading.value,
    unit: reading === undefined ? spec.threshold.unit : reading.unit,
    threshold: describeThreshold(spec.threshold),
    hour: reading === undefined ? null : reading.hour,
    citation: spec.citation,
  };
  if (spec.note !== undefined) item.note = spec.note;
  return item;
}

/** A lab item: worst value in the window, in the threshold's unit, against the threshold. Missing → not assessed. */
export function labItem(c: Case, spec: LabItemSpec, window: TimeWindow): ItemEvidence {
  return thresholdItem(spec, readLab(c, spec.analyte, spec.threshold.unit, window, spec.worst));
}

/** A numeric observation item (temperature…): worst value in the window against the threshold. */
export function observationItem(c: Case, spec: ObservationItemSpec, window: TimeWindow): ItemEvidence {
  const reading = worstObservation(c, spec.field, window, spec.worst);
  return thresholdItem(spec, reading === undefined ? undefined : { ...reading, unit: spec.threshold.unit });
}

/** A yes/no finding: present at any assessment → met; assessed and always absent → not met; never assessed → not assessed. */
export function findingItem(c: Case, spec: FindingItemSpec, window: TimeWindow): ItemEvidence {
  const reading = findingInWindow(c, spec.field, window);
  const item: { -readonly [K in keyof ItemEvidence]: ItemEvidence[K] } = {
    id: spec.id,
    label: spec.label,
    status: reading === undefined ? 'not-assessed' : reading.value ? 'met' : 'not-met',
    value: reading === undefined ? null : reading.value,
    unit: null,
    threshold: 'present',
    hour: reading === undefined ? null : reading.hour,
    citation: spec.citation,
  };
  if (spec.note !== undefined) item.note = spec.note;
  return item;
}

/** A criteria-level tri-state as an item status (a criterion made of sub-items). */
export function itemStatusOf(status: CriteriaStatus): ItemStatus {
  return status === 'met' ? 'met' : status === 'not-met' ? 'not-met' : 'not-assessed';
}
