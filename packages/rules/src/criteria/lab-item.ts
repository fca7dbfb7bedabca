/**
 * Reading one criteria item from a case into ItemEvidence: the worst value in the window,
 * converted into the unit the threshold was published in, compared, and explained. Shared by the
 * MAS criteria calculators (HLH-2004, 2016 EULAR/ACR/PRINTO, HScore, MS score, ferritin:ESR).
 */
import type { NumericAnalyte } from '../units/analytes.js';
import { fromCanonical } from '../units/convert.js';
import type { BooleanObservationField, NumericObservationField, Worst } from '../case/case-reader.js';
import type { CaseIndex } from '../case/case-index.js';
import type { CriteriaStatus, ItemEvidence, ItemStatus } from './criteria-result.js';
import { describeThreshold, meetsThreshold, type Threshold } from './threshold.js';

/** A value read from a case and expressed in a chosen (published) unit. */
export interface UnitReading {
  readonly value: number;
  readonly unit: string;
  readonly hour: number;
}

/** The worst value of a lab analyte in the window, converted into `unit`; undefined when never measured there. */
export function readLab(
  index: CaseIndex,
  analyte: NumericAnalyte,
  unit: string,
  worst: Worst,
): UnitReading | undefined {
  const reading = index.worstLab(analyte, worst);
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

/** An item under construction: optional properties are added in order, only when they have a value. */
export type WritableItem = { -readonly [K in keyof ItemEvidence]: ItemEvidence[K] };

/** An item compared against a threshold, given a reading already in the threshold's unit (or none). */
export function thresholdItem(
  spec: ItemLabel & { readonly threshold: Threshold },
  reading: UnitReading | undefined,
): ItemEvidence {
  // One object literal, no spreads: this runs for most items of every case (it dominated the profile).
  const item: WritableItem = {
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
export function labItem(index: CaseIndex, spec: LabItemSpec): ItemEvidence {
  return thresholdItem(spec, readLab(index, spec.analyte, spec.threshold.unit, spec.worst));
}

/** A numeric observation item (temperature…): worst value in the window against the threshold. */
export function observationItem(index: CaseIndex, spec: ObservationItemSpec): ItemEvidence {
  const reading = index.worstObservation(spec.field, spec.worst);
  return thresholdItem(
    spec,
    reading === undefined ? undefined : { value: reading.value, unit: spec.threshold.unit, hour: reading.hour },
  );
}

/** A yes/no finding: present at any assessment → met; assessed and always absent → not met; never assessed → not assessed. */
export function findingItem(index: CaseIndex, spec: FindingItemSpec): ItemEvidence {
  const reading = index.finding(spec.field);
  const item: WritableItem = {
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

/**
 * An item built by thresholdItem or findingItem with another reading (status, value, unit, hour), its
 * properties in the same order: what `{ ...item, status, value, unit, hour }` gives, without the
 * spread (slow on Node 20).
 */
export function withReading(
  item: ItemEvidence,
  status: ItemStatus,
  value: ItemEvidence['value'],
  unit: string | null,
  hour: number | null,
): ItemEvidence {
  const copy: WritableItem = {
    id: item.id,
    label: item.label,
    status,
    value,
    unit,
    threshold: item.threshold,
    hour,
    citation: item.citation,
  };
  if (item.note !== undefined) copy.note = item.note;
  return copy;
}

/** A criteria-level tri-state as an item status (a criterion made of sub-items). */
export function itemStatusOf(status: CriteriaStatus): ItemStatus {
  return status === 'met' ? 'met' : status === 'not-met' ? 'not-met' : 'not-assessed';
}
