import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANALYTES,
  NUMERIC_ANALYTES,
  caseFromCanonical,
  caseToCanonical,
  fromCanonical,
  toCanonical,
  UnknownUnitError,
  labMeetsThreshold,
} from '../../src/index.js';
import { makeCase } from '../support/make-case.js';

describe('unit conversion', () => {
  it('uses the published factors for the mixed-unit analytes', () => {
    expect(fromCanonical('triglycerides', 265.71, 'mmol/L')).toBeCloseTo(3.0, 4);
    expect(toCanonical('triglycerides', 1.76, 'mmol/L')).toBeCloseTo(155.88, 2);
    expect(fromCanonical('fibrinogen', 150, 'g/L')).toBe(1.5);
    expect(fromCanonical('hemoglobin', 9, 'g/L')).toBe(90);
    expect(fromCanonical('crp', 30, 'mg/dL')).toBe(3);
  });

  it('round-trips every unit of every analyte', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMERIC_ANALYTES),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (analyte, value) => {
          for (const unit of Object.keys(ANALYTES[analyte].units)) {
            const back = toCanonical(analyte, fromCanonical(analyte, value, unit), unit);
            expect(back).toBeCloseTo(value, 6);
          }
        },
      ),
    );
  });

  it('round-trips whole cases through SI and conventional units', () => {
    fc.assert(
      fc.property(
        fc.record({
          ferritin: fc.integer({ min: 0, max: 100000 }),
          triglycerides: fc.integer({ min: 0, max: 2000 }),
          fibrinogen: fc.integer({ min: 0, max: 1500 }),
          hemoglobin: fc.double({ min: 2, max: 20, noNaN: true }),
        }),
        fc.constantFrom('si' as const, 'conventional' as const),
        (labs, system) => {
          const c = makeCase({ labs: [{ hour: 0, ...labs }] });
          const back = caseToCanonical(caseFromCanonical(c, system), system);
          for (const [k, v] of Object.entries(labs))
            expect((back.labs[0] as unknown as Record<string, number>)[k]).toBeCloseTo(v, 6);
        },
      ),
    );
  });

  it('refuses an unknown unit by name', () => {
    expect(() => fromCanonical('ferritin', 1, 'mg/dL')).toThrow(UnknownUnitError);
    expect(() => fromCanonical('ferritin', 1, 'mg/dL')).toThrow(/ferritin has no unit "mg\/dL"; known: ng\/mL, µg\/L/);
  });

  it('compares at the published boundary despite floating-point round trips', () => {
    const threeMmol = toCanonical('triglycerides', 3.0, 'mmol/L');
    expect(labMeetsThreshold('triglycerides', threeMmol, { comparator: '>=', value: 3.0, unit: 'mmol/L' })).toBe(true);
    expect(
      labMeetsThreshold('triglycerides', toCanonical('triglycerides', 2.99, 'mmol/L'), {
        comparator: '>=',
        value: 3.0,
        unit: 'mmol/L',
      }),
    ).toBe(false);
    expect(labMeetsThreshold('ferritin', 684, { comparator: '>', value: 684, unit: 'ng/mL' })).toBe(false);
    expect(labMeetsThreshold('ferritin', 684.01, { comparator: '>', value: 684, unit: 'ng/mL' })).toBe(true);
  });
});

describe('threshold text', () => {
  it('prints the published precision when a threshold carries it', async () => {
    const { describeThreshold } = await import('../../src/index.js');
    expect(describeThreshold({ comparator: '>=', value: 3.0, unit: 'mmol/L', decimals: 1 })).toBe('≥ 3.0 mmol/L');
    expect(describeThreshold({ comparator: '>', value: 684, unit: 'ng/mL' })).toBe('> 684 ng/mL');
    expect(describeThreshold({ comparator: '<', value: 150000, unit: '/µL' })).toBe('< 150,000 /µL');
  });
});
