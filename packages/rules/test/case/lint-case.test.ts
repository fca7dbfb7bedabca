import { describe, expect, it } from 'vitest';
import { lintCase } from '../../src/index.js';
import { makeCase } from '../support/make-case.js';

const paths = (c: Parameters<typeof lintCase>[0]) => lintCase(c, 'c.json').map((p) => p.path);

describe('lintCase', () => {
  it('passes a consistent case', () => {
    expect(
      lintCase(makeCase({ labs: [{ hour: 0, ferritin: 9000 }], observations: [{ hour: 0, sbp: 100, dbp: 60 }] })),
    ).toEqual([]);
  });

  it('catches a unit slip as an implausible value and names the stored unit', () => {
    const [p] = lintCase(makeCase({ labs: [{ hour: 0, hemoglobin: 90 }] }), 'c.json');
    expect(p).toMatchObject({ path: '$.labs[0].hemoglobin' });
    expect(p!.fix).toContain(
      'hemoglobin is read in g/dL; if the file holds si units (g/L), say so with "units": "si" in the case or --units si',
    );
  });

  it('accepts the plausible-range limits themselves and rejects just beyond', () => {
    expect(paths(makeCase({ labs: [{ hour: 0, sodium: 90 }] }))).toEqual([]);
    expect(paths(makeCase({ labs: [{ hour: 0, sodium: 89.9 }] }))).toEqual(['$.labs[0].sodium']);
  });

  it('catches two panels at one hour, swapped blood pressures and FiO2 without support', () => {
    expect(paths(makeCase({ labs: [{ hour: 0 }, { hour: 0 }] }))).toEqual(['$.labs[1].hour']);
    expect(paths(makeCase({ observations: [{ hour: 0, sbp: 60, dbp: 100 }] }))).toEqual(['$.observations[0].dbp']);
    expect(paths(makeCase({ observations: [{ hour: 0, respiratorySupport: 'none', fio2: 0.5 }] }))).toEqual([
      '$.observations[0].fio2',
    ]);
    expect(paths(makeCase({ observations: [{ hour: 0, shock: false, vasoactiveCount: 1 }] }))).toEqual([
      '$.observations[0].shock',
    ]);
  });

  it('catches an sJIA duration longer than the child has lived', () => {
    expect(paths(makeCase({ patient: { ageYears: 3 }, background: { sjia: 'known', sjiaDurationYears: 5 } }))).toEqual([
      '$.background.sjiaDurationYears',
    ]);
  });
});
