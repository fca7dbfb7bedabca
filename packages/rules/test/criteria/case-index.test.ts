import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CRITERIA_SETS,
  CRITERIA_SET_IDS,
  NUMERIC_ANALYTES,
  evaluate,
  findingInWindow,
  worstLab,
  worstObservation,
  type BooleanObservationField,
  type Case,
  type LabPanel,
  type NumericObservationField,
  type Observation,
  type TimeWindow,
} from '../../src/index.js';
import { CaseIndex } from '../../src/case/case-index.js';
import { makeCase } from '../support/make-case.js';

/**
 * The criteria sets read a case through one shared CaseIndex, which reads every field of the labs and
 * observations in a single pass. It must give exactly what the case-reader functions give one field
 * at a time (same value, same hour, ties to the earliest row), and sharing it must not change results.
 */

const RUNS = { numRuns: 300 };

const NUMERIC_FIELDS: readonly NumericObservationField[] = [
  'hour',
  'temperatureC',
  'feverDays',
  'gcs',
  'vasoactiveCount',
  'fio2',
  'spo2',
  'pao2',
  'sbp',
  'dbp',
  'heartRate',
  'respiratoryRate',
];
const FINDING_FIELDS: readonly BooleanObservationField[] = [
  'subjectiveFever',
  'hepatomegaly',
  'splenomegaly',
  'lymphadenopathy',
  'activeArthritis',
  'rash',
  'conjunctivitis',
  'mucosalChanges',
  'extremityChanges',
  'giSymptoms',
  'cnsInvolvement',
  'hemorrhage',
  'shock',
];

// Few distinct hours and values, so rows share hours and values tie often.
const hour = fc.constantFrom(-30, -6, 0, 0, 6, 12, 12, 24, 30, 48);
const value = fc.constantFrom(0, 1, 2, 2, 3, 150, 150.5);

const panel: fc.Arbitrary<LabPanel> = fc
  .tuple(hour, fc.array(fc.tuple(fc.constantFrom(...NUMERIC_ANALYTES), value), { maxLength: 12 }))
  .map(([h, values]) => ({ hour: h, ...Object.fromEntries(values) }) as LabPanel);

const observation: fc.Arbitrary<Observation> = fc
  .tuple(
    hour,
    fc.array(fc.tuple(fc.constantFrom(...NUMERIC_FIELDS.filter((f) => f !== 'hour')), value), { maxLength: 6 }),
    fc.array(fc.tuple(fc.constantFrom(...FINDING_FIELDS), fc.boolean()), { maxLength: 8 }),
  )
  .map(
    ([h, numbers, findings]) =>
      ({ hour: h, ...Object.fromEntries(numbers), ...Object.fromEntries(findings) }) as Observation,
  );

const window: fc.Arbitrary<TimeWindow> = fc
  .tuple(fc.integer({ min: -40, max: 50 }), fc.integer({ min: 0, max: 60 }))
  .map(([fromHour, span]) => ({ fromHour, toHour: fromHour + span }));

const anyCase: fc.Arbitrary<Case> = fc
  .record({
    labs: fc.array(panel, { maxLength: 6 }),
    observations: fc.array(observation, { maxLength: 6 }),
  })
  .map((p) => makeCase(p));

describe('CaseIndex', () => {
  it('reads every lab analyte as worstLab does (value, hour, ties to the earliest row)', () => {
    fc.assert(
      fc.property(anyCase, window, (c, w) => {
        const index = new CaseIndex(c, w);
        for (const analyte of NUMERIC_ANALYTES) {
          for (const worst of ['highest', 'lowest'] as const) {
            expect(index.worstLab(analyte, worst)).toStrictEqual(worstLab(c, analyte, w, worst));
          }
        }
      }),
      RUNS,
    );
  });

  it('reads every numeric observation as worstObservation does and every finding as findingInWindow does', () => {
    fc.assert(
      fc.property(anyCase, window, (c, w) => {
        const index = new CaseIndex(c, w);
        for (const field of NUMERIC_FIELDS) {
          for (const worst of ['highest', 'lowest'] as const) {
            expect(index.worstObservation(field, worst)).toStrictEqual(worstObservation(c, field, w, worst));
          }
        }
        for (const field of FINDING_FIELDS) expect(index.finding(field)).toStrictEqual(findingInWindow(c, field, w));
      }),
      RUNS,
    );
  });

  it('a reading asked for twice is the same reading', () => {
    fc.assert(
      fc.property(anyCase, window, (c, w) => {
        const index = new CaseIndex(c, w);
        expect(index.worstLab('ferritin', 'highest')).toBe(index.worstLab('ferritin', 'highest'));
        expect(index.finding('splenomegaly')).toBe(index.finding('splenomegaly'));
      }),
      { numRuns: 50 },
    );
  });

  it('evaluate (one index shared by every set) gives what each set gives on its own', () => {
    fc.assert(
      fc.property(anyCase, fc.option(window, { nil: undefined }), (c, w) => {
        const options = w === undefined ? {} : { window: w };
        const together = evaluate(c, options).results;
        expect(JSON.stringify(together)).toBe(
          JSON.stringify(CRITERIA_SET_IDS.map((id) => CRITERIA_SETS[id].evaluate(c, options))),
        );
      }),
      { numRuns: 100 },
    );
  });
});
