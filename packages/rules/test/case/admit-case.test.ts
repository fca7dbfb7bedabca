import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  admitCase,
  formatProblem,
  formatProblems,
  lmsValue,
  plausibleWeightRange,
  weightLmsAt,
  PLAUSIBLE_WEIGHT_Z,
  type Case,
} from '../../src/index.js';
import { makeCase } from '../support/make-case.js';

const paths = (result: ReturnType<typeof admitCase>) => (result.ok ? [] : result.problems.map((p) => p.path));

describe('admitCase: the one gate (schema → units → meaning)', () => {
  it('admits a valid case in canonical units, and says so', () => {
    const result = admitCase(makeCase({ labs: [{ hour: 0, ferritin: 9000 }] }), { file: 'c.json' });
    expect(result.ok).toBe(true);
    expect(result.ok && result.inputUnits).toBe('canonical');
  });

  it('refuses the shape before the meaning', () => {
    expect(paths(admitCase({ ...makeCase(), labs: 'none' }))).toEqual(['$.labs']);
  });

  it('lints every case: hemoglobin 950 g/dL is refused (grade skipped this)', () => {
    expect(paths(admitCase(makeCase({ labs: [{ hour: 0, hemoglobin: 950 }] })))).toEqual(['$.labs[0].hemoglobin']);
  });

  it('converts a file that says it is in SI units, and quotes the value as given', () => {
    const si: Case = { ...makeCase({ labs: [{ hour: 0, hemoglobin: 95 }] }), units: 'si' };
    const ok = admitCase(si);
    expect(ok.ok && ok.case.labs[0]!.hemoglobin).toBe(9.5);
    expect(ok.ok && ok.case.units).toBe('canonical');
    const slip = admitCase({ ...si, labs: [{ hour: 0, hemoglobin: 9500 }] });
    expect(slip.ok).toBe(false);
    expect(!slip.ok && slip.problems[0]!.message).toContain('9500 g/L');
    expect(!slip.ok && slip.problems[0]!.fix).toContain('the file is in si units');
  });

  it('--units only fills in a silent file; a conflict names both', () => {
    const silent = makeCase({ labs: [{ hour: 0, hemoglobin: 95 }] });
    const filled = admitCase(silent, { units: 'si' });
    expect(filled.ok && filled.case.labs[0]!.hemoglobin).toBe(9.5);
    const conflict = admitCase({ ...silent, units: 'conventional' }, { units: 'si', file: 'x.json' });
    expect(conflict.ok).toBe(false);
    const text = conflict.ok ? '' : formatProblem(conflict.problems[0]!);
    expect(text).toContain('conventional');
    expect(text).toContain('--units si');
    expect(admitCase({ ...makeCase(), units: 'si' }, { units: 'si' }).ok).toBe(true);
  });

  it('refuses a weight no child of that age has (a 17-year-old of 1 kg), by the WHO/CDC references', () => {
    expect(paths(admitCase(makeCase({ patient: { ageYears: 17, sex: 'female', weightKg: 1 } })))).toEqual([
      '$.patient.weightKg',
    ]);
    expect(paths(admitCase(makeCase({ patient: { ageYears: 0.5, sex: 'male', weightKg: 70 } })))).toEqual([
      '$.patient.weightKg',
    ]);
    expect(paths(admitCase(makeCase({ patient: { ageYears: 17, sex: 'female', weightKg: 55 } })))).toEqual([]);
    // A preterm newborn lies below the term references: not refused.
    expect(
      paths(admitCase(makeCase({ patient: { ageYears: 0.01, sex: 'male', weightKg: 0.6, gestationalAgeWeeks: 25 } }))),
    ).toEqual([]);
  });

  it('the weight limits are exactly ±6 SD on the reference curve (boundaries inclusive)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 21, noNaN: true }),
        fc.constantFrom('female' as const, 'male' as const),
        (age, sex) => {
          const range = plausibleWeightRange(age, sex);
          const row = weightLmsAt(age, sex);
          expect(range.min).toBe(lmsValue(row, -PLAUSIBLE_WEIGHT_Z));
          expect(range.max).toBe(lmsValue(row, PLAUSIBLE_WEIGHT_Z));
          expect(range.min).toBeGreaterThan(0);
          const at = (weightKg: number) => paths(admitCase(makeCase({ patient: { ageYears: age, sex, weightKg } })));
          if (range.max <= 250) expect(at(range.max)).toEqual([]);
          expect(at(range.min)).toEqual([]);
          expect(at(range.min * 0.999)).toEqual(['$.patient.weightKg']);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('formatProblems', () => {
  const p = (i: number) => ({ file: 'f', path: `$.x${i}`, message: `m${i}`, fix: 'do it' });
  it('shows the first problems and counts the rest', () => {
    const text = formatProblems(
      Array.from({ length: 14 }, (_, i) => p(i)),
      12,
    );
    expect(text.split('\n')).toHaveLength(13);
    expect(text).toMatch(/… and 2 more problems$/);
  });
  it('never doubles the punctuation of a question', () => {
    expect(formatProblem({ file: 'f', path: '$', message: 'mg and g swapped?', fix: 'x' })).toBe(
      'f: $: mg and g swapped? Fix: x',
    );
  });
});
