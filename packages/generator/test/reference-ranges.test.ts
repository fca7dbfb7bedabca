import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  NUMERIC_ANALYTES,
  publishedReferenceLimit,
  upperReferenceLimit,
  type NumericAnalyte,
} from '@masdrill/rules';
import { generateCase } from '../src/generate-case.js';
import { KINDS } from '../src/kind.js';
import { labReferenceRangesFor, SYNTHETIC_LAB_REFERENCE_RANGES } from '../src/tables/reference-range-table.js';

const synthetic = SYNTHETIC_LAB_REFERENCE_RANGES.ranges as Readonly<
  Partial<Record<NumericAnalyte, { lower?: number; upper?: number }>>
>;

describe('the reference limits a generated case carries', () => {
  it("are the synthetic laboratory's only where no published pediatric limit covers the patient", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 21, noNaN: true }),
        fc.constantFrom('female' as const, 'male' as const),
        (ageYears, sex) => {
          const ranges = labReferenceRangesFor({ ageYears, sex }) as Readonly<
            Partial<Record<NumericAnalyte, { lower?: number; upper?: number }>>
          >;
          for (const analyte of NUMERIC_ANALYTES) {
            for (const bound of ['lower', 'upper'] as const) {
              const published = publishedReferenceLimit(analyte, ageYears, sex, bound);
              const carried = ranges[analyte]?.[bound];
              // A published limit wins (the rules read it, with its citation); else the synthetic prior, if any.
              expect(carried, `${analyte} ${bound} at ${ageYears} y`).toBe(
                published === undefined ? synthetic[analyte]?.[bound] : undefined,
              );
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("follow the patient: an infant's troponin limit is the synthetic one, a school child's the published hs-TnT 99th percentile", () => {
    expect(labReferenceRangesFor({ ageYears: 0.5, sex: 'male' }).troponin?.upper).toBe(synthetic.troponin!.upper);
    expect(labReferenceRangesFor({ ageYears: 9, sex: 'male' }).troponin).toBeUndefined();
    expect(publishedReferenceLimit('troponin', 9, 'male', 'upper')?.value).toBe(15);
  });

  it('are shared, frozen objects: one per age band and sex, never changed by a consumer', () => {
    const a = labReferenceRangesFor({ ageYears: 9.1, sex: 'female' });
    expect(labReferenceRangesFor({ ageYears: 9.9, sex: 'female' })).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.fibrinogen)).toBe(true);
  });

  it('so evaluate cites the published source for "above normal" in generated MIS-C', () => {
    let cited = 0;
    for (let index = 0; index < 200; index++) {
      const c = generateCase({ kind: 'misc', seed: 21, index });
      if (c.patient.ageYears < 1 || c.patient.ageYears >= 19) continue; // the published hs-TnT limit covers 1–18 y
      expect(upperReferenceLimit(c, 'troponin')?.source).toMatch(/McEvoy/);
      const cdc = evaluate(c, { only: ['misc-cdc-2023'] }).results[0]!;
      if (JSON.stringify(cdc).includes('McEvoy')) cited++;
    }
    expect(cited).toBeGreaterThan(100);
  });

  it("every kind's cases carry them", () => {
    for (const kind of KINDS) {
      const c = generateCase({ kind, seed: 3, index: 1 });
      expect(c.labReferenceRanges).toBe(labReferenceRangesFor(c.patient));
    }
  });
});
