import type { Case, Investigations, LabPanel, Observation } from '../generated/case.js';
import { NUMERIC_ANALYTES, type NumericAnalyte } from '../units/analytes.js';
import {
  isWorse,
  type BooleanObservationField,
  type NumericObservationField,
  type Reading,
  type Worst,
} from './case-reader.js';
import { inWindow, type TimeWindow } from './time-window.js';

type BoneMarrow = NonNullable<Investigations['boneMarrow']>[number];

/**
 * Every numeric and yes/no observation field, by kind. A mapped type keeps the table complete: a
 * new observation field in the case schema does not compile until it is here.
 */
const OBSERVATION_FIELDS: {
  readonly [K in NumericObservationField | BooleanObservationField]: K extends BooleanObservationField
    ? 'finding'
    : 'numeric';
} = {
  hour: 'numeric',
  temperatureC: 'numeric',
  feverDays: 'numeric',
  gcs: 'numeric',
  vasoactiveCount: 'numeric',
  fio2: 'numeric',
  spo2: 'numeric',
  pao2: 'numeric',
  sbp: 'numeric',
  dbp: 'numeric',
  heartRate: 'numeric',
  respiratoryRate: 'numeric',
  subjectiveFever: 'finding',
  hepatomegaly: 'finding',
  splenomegaly: 'finding',
  lymphadenopathy: 'finding',
  activeArthritis: 'finding',
  rash: 'finding',
  conjunctivitis: 'finding',
  mucosalChanges: 'finding',
  extremityChanges: 'finding',
  giSymptoms: 'finding',
  cnsInvolvement: 'finding',
  hemorrhage: 'finding',
  shock: 'finding',
};

/** Field name → slot, and whether each slot is a yes/no finding (else a number). */
interface Slots {
  readonly slot: { readonly [field: string]: number | undefined };
  readonly finding: readonly boolean[];
}

/**
 * The slot lookup is a prototype-less object: a row key such as "constructor" must not find an
 * inherited property, and looking a name up here was about twice as fast as in a Map.
 */
function slotsOf(kinds: { readonly [field: string]: 'numeric' | 'finding' }): Slots {
  const slot: { [field: string]: number } = Object.create(null);
  const finding: boolean[] = [];
  for (const [field, kind] of Object.entries(kinds)) {
    slot[field] = finding.length;
    finding.push(kind === 'finding');
  }
  return { slot, finding };
}

const LAB_SLOTS = slotsOf(Object.fromEntries(NUMERIC_ANALYTES.map((analyte) => [analyte, 'numeric' as const])));
const OBSERVATION_SLOTS = slotsOf(OBSERVATION_FIELDS);

/** "No value read" in the value lists (a row's own value may be anything, even null). */
const NONE: unique symbol = Symbol('none');

/**
 * The readings of every field of some rows (lab panels or observations) inside the window, taken in
 * one pass over the rows: for a numeric field the highest and the lowest value with its hour (as
 * worstLab / worstObservation: rows in order, only a strictly worse value replaces, so ties keep the
 * earliest row); for a yes/no field the first row it was present and the first it was absent (as
 * findingInWindow: present at any assessment wins). A test holds these equal to the case-reader
 * functions.
 *
 * Why one pass: reading one named field from rows of many different shapes, field after field, was
 * the largest single cost of evaluating a case once all the criteria sets ran together; walking each
 * row's own keys once is cheap.
 */
class RowReadings {
  // Per slot. Hours of rows outside the window are never kept, so NaN can mean "none" there.
  private readonly highestValue: unknown[];
  private readonly highestHour: number[];
  private readonly lowestValue: unknown[];
  private readonly lowestHour: number[];
  private readonly presentHour: number[];
  private readonly absentHour: number[];
  // Readings are built when first asked for; null = asked for and absent.
  private readonly highest: (Reading<number> | null | undefined)[];
  private readonly lowest: (Reading<number> | null | undefined)[];
  private readonly findings: (Reading<boolean> | null | undefined)[];

  constructor(rows: readonly { readonly hour: number }[], window: TimeWindow, slots: Slots) {
    const size = slots.finding.length;
    // Filled, so that the lists keep one element kind while they are written.
    const highestValue: unknown[] = new Array(size).fill(NONE);
    const highestHour: number[] = new Array(size).fill(NaN);
    const lowestValue: unknown[] = new Array(size).fill(NONE);
    const lowestHour: number[] = new Array(size).fill(NaN);
    const presentHour: number[] = new Array(size).fill(NaN);
    const absentHour: number[] = new Array(size).fill(NaN);
    for (const row of rows) {
      const hour = row.hour;
      if (!inWindow(hour, window)) continue;
      for (const key in row) {
        const value = (row as Readonly<Record<string, unknown>>)[key];
        if (value === undefined) continue;
        const slot = slots.slot[key];
        if (slot === undefined) continue;
        if (slots.finding[slot]) {
          if (value === true) {
            if (Number.isNaN(presentHour[slot])) presentHour[slot] = hour;
          } else if (value === false) {
            if (Number.isNaN(absentHour[slot])) absentHour[slot] = hour;
          }
          continue;
        }
        // Compared as the case-reader compares them (whatever the value), so the readings are the same.
        const highest = highestValue[slot];
        if (highest === NONE || isWorse(value as number, highest as number, 'highest')) {
          highestValue[slot] = value;
          highestHour[slot] = hour;
        }
        const lowest = lowestValue[slot];
        if (lowest === NONE || isWorse(value as number, lowest as number, 'lowest')) {
          lowestValue[slot] = value;
          lowestHour[slot] = hour;
        }
      }
    }
    this.highestValue = highestValue;
    this.highestHour = highestHour;
    this.lowestValue = lowestValue;
    this.lowestHour = lowestHour;
    this.presentHour = presentHour;
    this.absentHour = absentHour;
    this.highest = new Array(size);
    this.lowest = new Array(size);
    this.findings = new Array(size);
  }

  /** The worst value of a numeric field, or undefined when it has no value in the window. */
  worst(slot: number, worst: Worst): Reading<number> | undefined {
    const memo = worst === 'highest' ? this.highest : this.lowest;
    let reading = memo[slot];
    if (reading === undefined) {
      const value = (worst === 'highest' ? this.highestValue : this.lowestValue)[slot];
      const hour = (worst === 'highest' ? this.highestHour : this.lowestHour)[slot]!;
      reading = value === NONE ? null : { value: value as number, hour };
      memo[slot] = reading;
    }
    return reading ?? undefined;
  }

  /** A yes/no field: present at the first row it was, else absent at the first row it was, else undefined. */
  finding(slot: number): Reading<boolean> | undefined {
    let reading = this.findings[slot];
    if (reading === undefined) {
      const present = this.presentHour[slot]!;
      const absent = this.absentHour[slot]!;
      reading = !Number.isNaN(present)
        ? { value: true, hour: present }
        : !Number.isNaN(absent)
          ? { value: false, hour: absent }
          : null;
      this.findings[slot] = reading;
    }
    return reading ?? undefined;
  }
}

/**
 * One case read for one window, shared by every criteria set of an evaluate call. The sets ask for
 * the same readings over and over (ferritin, platelets, fibrinogen, temperature, organomegaly…
 * are each read by three to five sets), so the labs and the observations are each read once, on
 * first use, and kept.
 *
 * Readings are shared between sets: treat them as read-only. The case must not change while an
 * index of it is in use (evaluate builds a new index per call).
 */
export class CaseIndex {
  readonly case: Case;
  readonly window: TimeWindow;
  private labs: RowReadings | undefined;
  private observations: RowReadings | undefined;
  private labsInside: readonly LabPanel[] | undefined;
  private observationsInside: readonly Observation[] | undefined;
  private boneMarrowInside: readonly BoneMarrow[] | undefined;

  constructor(c: Case, window: TimeWindow) {
    this.case = c;
    this.window = window;
  }

  /** The worst value of a lab analyte in the window (as worstLab), or undefined when never measured there. */
  worstLab(analyte: NumericAnalyte, worst: Worst): Reading<number> | undefined {
    this.labs ??= new RowReadings(this.case.labs, this.window, LAB_SLOTS);
    return this.labs.worst(LAB_SLOTS.slot[analyte]!, worst);
  }

  /** The worst value of a numeric observation in the window (as worstObservation). */
  worstObservation(field: NumericObservationField, worst: Worst): Reading<number> | undefined {
    this.observations ??= new RowReadings(this.case.observations, this.window, OBSERVATION_SLOTS);
    return this.observations.worst(OBSERVATION_SLOTS.slot[field]!, worst);
  }

  /** A yes/no finding across the window (as findingInWindow): present, assessed and absent, or undefined. */
  finding(field: BooleanObservationField): Reading<boolean> | undefined {
    this.observations ??= new RowReadings(this.case.observations, this.window, OBSERVATION_SLOTS);
    return this.observations.finding(OBSERVATION_SLOTS.slot[field]!);
  }

  /** The lab panels inside the window, in case order. */
  labsInWindow(): readonly LabPanel[] {
    return (this.labsInside ??= this.case.labs.filter((panel) => inWindow(panel.hour, this.window)));
  }

  /** The observations inside the window, in case order. */
  observationsInWindow(): readonly Observation[] {
    return (this.observationsInside ??= this.case.observations.filter((row) => inWindow(row.hour, this.window)));
  }

  /** The bone marrow examinations inside the window, in case order. */
  boneMarrowInWindow(): readonly BoneMarrow[] {
    return (this.boneMarrowInside ??= (this.case.investigations.boneMarrow ?? []).filter((m) =>
      inWindow(m.hour, this.window),
    ));
  }
}
