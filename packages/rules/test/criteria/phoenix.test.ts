import { describe, expect, it } from 'vitest';
import type { Case, LabPanel, Observation } from '../../src/index.js';
import { caseToCanonical } from '../../src/units/convert-case.js';
import { PHOENIX_MAP_BANDS, meanArterialPressure, phoenix, phoenixMapPoints } from '../../src/criteria/phoenix.js';
import type { CriteriaResult } from '../../src/criteria/criteria-result.js';
import { makeCase } from '../support/make-case.js';
import { item } from '../support/evidence.js';

// A child with every Phoenix item assessed and normal: the score is 0 and fully known.
const NORMAL_OBS: Omit<Observation, 'hour'> = {
  respiratorySupport: 'none',
  fio2: 0.21,
  spo2: 99,
  vasoactiveCount: 0,
  sbp: 100,
  dbp: 60,
  gcs: 15,
  pupils: 'both-reactive',
};
const NORMAL_LABS: Omit<LabPanel, 'hour'> = { lactate: 1, platelets: 250, inr: 1.0, dDimer: 0.3, fibrinogen: 300 };

function normalCase(
  obs: Partial<Observation> = {},
  labs: Partial<LabPanel> = {},
  parts: Parameters<typeof makeCase>[0] = {},
): Case {
  return makeCase({
    encounter: { suspectedInfection: true },
    ...parts,
    observations: [{ hour: 0, ...NORMAL_OBS, ...obs }],
    labs: [{ hour: 0, ...NORMAL_LABS, ...labs }],
  });
}

const points = (r: CriteriaResult, id: string) => item(r, id).points;

describe('Phoenix: a fully assessed normal child', () => {
  it('scores 0 with nothing left open', () => {
    const r = phoenix.evaluate(normalCase());
    expect(r.score).toMatchObject({ value: 0, min: 0, max: 0 });
    expect(r.status).toBe('not-met');
    expect(r.classifications).toEqual({ sepsis: 'not-met', 'septic-shock': 'not-met' });
    for (const s of ['respiratory', 'cardiovascular', 'coagulation', 'neurological'])
      expect(item(r, s).status).toBe('not-met');
  });
});

describe('Phoenix respiratory', () => {
  const resp = (obs: Partial<Observation>) => points(phoenix.evaluate(normalCase(obs)), 'respiratory');

  it('uses SpO2:FiO2 only when SpO2 ≤ 97 %', () => {
    // 97/0.4 = 242.5 < 292 on oxygen → 1 point; 98 % gives no valid S/F → 0 points, not assessed.
    expect(resp({ respiratorySupport: 'oxygen', fio2: 0.4, spo2: 97 })).toBe(1);
    const r98 = phoenix.evaluate(normalCase({ respiratorySupport: 'oxygen', fio2: 0.4, spo2: 98 }));
    expect(points(r98, 'respiratory')).toBe(0);
    expect(item(r98, 'respiratory').status).toBe('not-assessed');
    expect(item(r98, 'respiratory.oxygenation').value).toBeNull();
  });

  it('a valid S/F does not close an unmeasured PaO2 on a ventilator: SpO2 97 and 98 reach the same maximum', () => {
    // On invasive ventilation with FiO2 0.3 and no PaO2: 97/0.3 = 323 scores 0, 98 % gives no S/F. A PaO2:FiO2
    // < 100 would score 3 either way (the rubric takes the worse of P/F and S/F), so both could reach 3.
    const at = (spo2: number) => phoenix.evaluate(normalCase({ respiratorySupport: 'invasive', fio2: 0.3, spo2 }));
    for (const spo2 of [97, 98]) {
      const r = at(spo2);
      expect(points(r, 'respiratory'), `SpO2 ${spo2}`).toBe(0);
      expect(r.score?.max, `SpO2 ${spo2}`).toBe(3);
      expect(item(r, 'respiratory').status, `SpO2 ${spo2}`).toBe('not-assessed');
      expect(r.status, `SpO2 ${spo2}`).toBe('not-met');
    }
    // With the PaO2 measured the maximum closes: P/F 90/0.3 = 300 → 1 point, nothing left open.
    const measured = phoenix.evaluate(normalCase({ respiratorySupport: 'invasive', fio2: 0.3, spo2: 97, pao2: 90 }));
    expect(measured.score).toMatchObject({ value: 1, max: 1 });
  });

  it('S/F band edges 292 / 220 / 148 on invasive ventilation', () => {
    const imv = (spo2: number, fio2: number) => resp({ respiratorySupport: 'invasive', spo2, fio2 });
    expect(imv(87.6, 0.3)).toBe(0); // 292
    expect(imv(87.5, 0.3)).toBe(1); // 291.7
    expect(imv(88, 0.4)).toBe(1); // 220
    expect(imv(87.9, 0.4)).toBe(2); // 219.75
    expect(imv(74, 0.5)).toBe(2); // 148
    expect(imv(73.9, 0.5)).toBe(3); // 147.8
  });

  it('P/F band edges 400 / 200 / 100 on invasive ventilation', () => {
    const imv = (pao2: number) => resp({ respiratorySupport: 'invasive', fio2: 1.0, spo2: 99, pao2 });
    expect(imv(400)).toBe(0);
    expect(imv(399)).toBe(1);
    expect(imv(200)).toBe(1);
    expect(imv(199)).toBe(2);
    expect(imv(100)).toBe(2);
    expect(imv(99)).toBe(3);
  });

  it('2 and 3 points need invasive ventilation; 1 point needs some support', () => {
    expect(resp({ respiratorySupport: 'noninvasive', fio2: 1.0, pao2: 50 })).toBe(1);
    expect(resp({ respiratorySupport: 'oxygen', fio2: 0.5, spo2: 70 })).toBe(1);
    expect(resp({ respiratorySupport: 'invasive', fio2: 1.0, pao2: 50 })).toBe(3);
    // Hypoxaemia on room air scores nothing: the respiratory points need respiratory support.
    expect(resp({ respiratorySupport: 'none', fio2: 0.21, spo2: 85 })).toBe(0);
  });

  it('FiO2 > 0.21 implies support when the support field is not recorded', () => {
    const r = phoenix.evaluate(normalCase({ respiratorySupport: undefined, fio2: 0.35, spo2: 91 }));
    expect(points(r, 'respiratory')).toBe(1); // 91/0.35 = 260 → 1 point even on IMV
    expect(item(r, 'respiratory').status).toBe('met');
  });

  it('FiO2 0.21 with the support field unrecorded leaves support unknown (CPAP on room air exists)', () => {
    const r = phoenix.evaluate(normalCase({ respiratorySupport: undefined, fio2: 0.21, spo2: 99, pao2: 60 }));
    expect(points(r, 'respiratory')).toBe(0);
    expect(item(r, 'respiratory').status).toBe('not-assessed');
    expect(r.score?.max).toBe(1); // P/F 286 scores at most 1 point, even on invasive ventilation
    expect(
      points(phoenix.evaluate(normalCase({ respiratorySupport: 'noninvasive', fio2: 0.21, pao2: 60 })), 'respiratory'),
    ).toBe(1);
  });

  it('nothing respiratory recorded: 0 points, not assessed, up to 3', () => {
    const r = phoenix.evaluate(normalCase({ respiratorySupport: undefined, fio2: undefined, spo2: undefined }));
    expect(points(r, 'respiratory')).toBe(0);
    expect(item(r, 'respiratory').status).toBe('not-assessed');
    expect(r.score?.max).toBe(3);
  });

  it('reads the ratio and the support at the same observation, worst observation in the window', () => {
    const c = makeCase({
      observations: [
        { hour: 0, respiratorySupport: 'none', fio2: 0.21, spo2: 88 },
        { hour: 6, respiratorySupport: 'invasive', fio2: 0.5, spo2: 95 }, // 190 → 2
        { hour: 30, respiratorySupport: 'invasive', fio2: 1.0, spo2: 70 }, // outside the window
      ],
    });
    const r = phoenix.evaluate(c);
    expect(points(r, 'respiratory')).toBe(2);
    expect(item(r, 'respiratory.oxygenation')).toMatchObject({ hour: 6, unit: 'SpO₂:FiO₂', value: 190 });
    expect(points(phoenix.evaluate(c, { window: { fromHour: 0, toHour: 48 } }), 'respiratory')).toBe(3);
  });
});

describe('Phoenix cardiovascular', () => {
  const cv = (obs: Partial<Observation> = {}, labs: Partial<LabPanel> = {}, ageYears = 6) =>
    points(phoenix.evaluate(normalCase(obs, labs, { patient: { ageYears } })), 'cardiovascular');

  it('vasoactives: 1 drug → 1, ≥ 2 → 2', () => {
    expect(cv({ vasoactiveCount: 0 })).toBe(0);
    expect(cv({ vasoactiveCount: 1 })).toBe(1);
    expect(cv({ vasoactiveCount: 2 })).toBe(2);
    expect(cv({ vasoactiveCount: 3 })).toBe(2);
  });

  it('lactate 4.9 / 5 / 10.9 / 11 mmol/L → 0 / 1 / 1 / 2', () => {
    expect(cv({}, { lactate: 4.9 })).toBe(0);
    expect(cv({}, { lactate: 5 })).toBe(1);
    expect(cv({}, { lactate: 10.9 })).toBe(1);
    expect(cv({}, { lactate: 11 })).toBe(2);
  });

  it('lactate published in mmol/L reads the same from an SI-entered case', () => {
    const c = caseToCanonical(normalCase({}, { lactate: 5 }), 'si');
    expect(points(phoenix.evaluate(c), 'cardiovascular.lactate')).toBe(1);
  });

  it('MAP = DBP + (SBP − DBP)/3', () => {
    expect(meanArterialPressure(67, 32)).toBeCloseTo(43.667, 3);
    const r = phoenix.evaluate(normalCase({ sbp: 67, dbp: 32 }, {}, { patient: { ageYears: 3 } }));
    expect(item(r, 'cardiovascular.map')).toMatchObject({ value: 43.7, unit: 'mmHg', points: 1 });
  });

  describe.each(PHOENIX_MAP_BANDS.map((b) => [b.label, b] as const))('MAP band %s', (_label, band) => {
    const months = (band.fromMonths + band.toMonths) / 2;
    const viaCase = (map: number) => cv({ dbp: map - 1, sbp: map + 2 }, {}, months / 12);
    it('edges: at the 1-point edge 0, just below 1; at the 2-point edge 1, just below 2', () => {
      expect(phoenixMapPoints(months, band.onePointBelow)).toBe(0);
      expect(phoenixMapPoints(months, band.onePointBelow - 0.01)).toBe(1);
      expect(phoenixMapPoints(months, band.twoPointsBelow)).toBe(1);
      expect(phoenixMapPoints(months, band.twoPointsBelow - 0.01)).toBe(2);
      expect(viaCase(band.onePointBelow)).toBe(0);
      expect(viaCase(band.onePointBelow - 0.5)).toBe(1);
      expect(viaCase(band.twoPointsBelow)).toBe(1);
      expect(viaCase(band.twoPointsBelow - 0.5)).toBe(2);
    });
  });

  it('published integer bands: MAP 30 at < 1 month is 1 point, MAP 30.5 is 1 point in the software reading', () => {
    expect(phoenixMapPoints(0.5, 30)).toBe(1);
    expect(phoenixMapPoints(0.5, 30.5)).toBe(1);
    expect(phoenixMapPoints(0.5, 31)).toBe(0);
  });

  it.each([
    // [age just below edge, age at edge, a MAP that scores differently in the two bands]
    [0.99, 1, 35],
    [11.99, 12, 40],
    [23.99, 24, 44.5],
    [59.99, 60, 46],
    [143.99, 144, 50],
  ])('age edge %s vs %s months with MAP %s', (below, at, map) => {
    expect(phoenixMapPoints(below, map)).toBe(0);
    expect(phoenixMapPoints(at, map)).toBe(1);
    expect(cv({ dbp: map - 1, sbp: map + 2 }, {}, below / 12)).toBe(0);
    expect(cv({ dbp: map - 1, sbp: map + 2 }, {}, at / 12)).toBe(1);
  });

  it('sums the three items up to 6', () => {
    expect(cv({ vasoactiveCount: 2, sbp: 20, dbp: 10 }, { lactate: 12 })).toBe(6);
  });

  it('takes the lowest MAP in the window', () => {
    const c = makeCase({
      patient: { ageYears: 6 },
      observations: [
        { hour: 0, sbp: 100, dbp: 60 },
        { hour: 4, sbp: 60, dbp: 30 },
        { hour: 40, sbp: 20, dbp: 10 },
      ],
    });
    expect(item(phoenix.evaluate(c), 'cardiovascular.map')).toMatchObject({ value: 40, hour: 4, points: 1 });
  });
});

describe('Phoenix coagulation', () => {
  const coag = (labs: Partial<LabPanel>) => points(phoenix.evaluate(normalCase({}, labs)), 'coagulation');

  it('platelets 100 vs 99 ×10³/µL', () => {
    expect(coag({ platelets: 100 })).toBe(0);
    expect(coag({ platelets: 99 })).toBe(1);
  });
  it('INR 1.3 vs 1.31', () => {
    expect(coag({ inr: 1.3 })).toBe(0);
    expect(coag({ inr: 1.31 })).toBe(1);
  });
  it('D-dimer 2 vs 2.01 mg/L FEU', () => {
    expect(coag({ dDimer: 2 })).toBe(0);
    expect(coag({ dDimer: 2.01 })).toBe(1);
  });
  it('fibrinogen 100 vs 99 mg/dL, and 1.0 vs 0.99 g/L entered in SI', () => {
    expect(coag({ fibrinogen: 100 })).toBe(0);
    expect(coag({ fibrinogen: 99 })).toBe(1);
    expect(points(phoenix.evaluate(caseToCanonical(normalCase({}, { fibrinogen: 1.0 }), 'si')), 'coagulation')).toBe(0);
    expect(points(phoenix.evaluate(caseToCanonical(normalCase({}, { fibrinogen: 0.99 }), 'si')), 'coagulation')).toBe(
      1,
    );
  });
  it('caps at 2 points with all four abnormal', () => {
    const r = phoenix.evaluate(normalCase({}, { platelets: 20, inr: 3, dDimer: 10, fibrinogen: 50 }));
    expect(points(r, 'coagulation')).toBe(2);
    expect(r.items.filter((i) => i.id.startsWith('coagulation.') && i.status === 'met')).toHaveLength(4);
  });
  it('two missing tests leave the bound open only up to the cap', () => {
    const c = makeCase({ labs: [{ hour: 0, platelets: 50, inr: 1.0 }] });
    const r = phoenix.evaluate(c);
    expect(points(r, 'coagulation')).toBe(1);
    expect(item(r, 'coagulation').status).toBe('met');
    expect(item(r, 'coagulation.dDimer').status).toBe('not-assessed');
    expect(item(r, 'coagulation').note).toMatch(/up to 2/);
  });
  it('reports values in the published unit', () => {
    const r = phoenix.evaluate(normalCase({}, { platelets: 95 }));
    expect(item(r, 'coagulation.platelets')).toMatchObject({
      value: 95,
      unit: '×10³/µL',
      threshold: '< 100 ×10³/µL → 1 point',
      status: 'met',
    });
  });
});

describe('Phoenix neurological', () => {
  const neuro = (obs: Partial<Observation>) => points(phoenix.evaluate(normalCase(obs)), 'neurological');
  it('GCS 10 → 1, 11 → 0', () => {
    expect(neuro({ gcs: 10 })).toBe(1);
    expect(neuro({ gcs: 11 })).toBe(0);
  });
  it('bilaterally fixed pupils → 2; one fixed pupil → 0; capped at 2', () => {
    expect(neuro({ pupils: 'both-fixed' })).toBe(2);
    expect(neuro({ pupils: 'one-fixed' })).toBe(0);
    expect(neuro({ pupils: 'both-fixed', gcs: 3 })).toBe(2);
  });
});

describe('Phoenix missing data', () => {
  it('an empty case scores 0, nothing met, up to 13', () => {
    const r = phoenix.evaluate(makeCase({ encounter: { suspectedInfection: true } }));
    expect(r.score).toMatchObject({ value: 0, min: 0, max: 13 });
    // The authors score missing values 0 and decide on the data known: not sepsis, though it could reach 13.
    expect(r.status).toBe('not-met');
    expect(r.items.filter((i) => i.status === 'met').map((i) => i.id)).toEqual(['suspected-infection']);
    expect(r.classifications).toEqual({ sepsis: 'not-met', 'septic-shock': 'not-met' });
    expect(r.reachable).toEqual({ sepsis: true, 'septic-shock': true });
    expect(r.summary).toContain('could reach 13');
  });

  it('missing items score 0 (published rule) but stay not assessed', () => {
    const r = phoenix.evaluate(normalCase({ gcs: undefined }, { lactate: undefined }));
    expect(r.score).toMatchObject({ value: 0, max: 3 });
    expect(item(r, 'neurological.gcs').status).toBe('not-assessed');
    expect(item(r, 'cardiovascular.lactate').status).toBe('not-assessed');
    expect(r.status).toBe('not-met');
    expect(r.reachable).toEqual({ sepsis: true, 'septic-shock': true });
  });

  it('a known score of 2 is met whatever is missing', () => {
    const c = makeCase({ encounter: { suspectedInfection: true }, labs: [{ hour: 0, platelets: 50, inr: 2 }] });
    const r = phoenix.evaluate(c);
    expect(r.score?.value).toBe(2);
    expect(r.status).toBe('met');
    expect(r.classifications?.sepsis).toBe('met');
    // Cardiovascular unknown: not septic shock on the data known (the authors' rule), though it could be.
    expect(r.classifications?.['septic-shock']).toBe('not-met');
    expect(r.reachable).toEqual({ sepsis: false, 'septic-shock': true });
  });
});

describe('Phoenix sepsis and septic shock', () => {
  const shockCase = (suspectedInfection?: boolean) =>
    normalCase(
      { vasoactiveCount: 1 },
      { platelets: 50 },
      { encounter: suspectedInfection === undefined ? {} : { suspectedInfection } },
    );

  it('sepsis = suspected infection + score ≥ 2; septic shock adds ≥ 1 cardiovascular point', () => {
    expect(phoenix.evaluate(shockCase(true)).classifications).toEqual({ sepsis: 'met', 'septic-shock': 'met' });
    const noCv = normalCase({ gcs: 8 }, { platelets: 50 });
    expect(phoenix.evaluate(noCv).classifications).toEqual({ sepsis: 'met', 'septic-shock': 'not-met' });
  });

  it('score 1 is not sepsis', () => {
    const r = phoenix.evaluate(normalCase({ vasoactiveCount: 1 }));
    expect(r.score?.value).toBe(1);
    expect(r.status).toBe('not-met');
    expect(r.classifications).toEqual({ sepsis: 'not-met', 'septic-shock': 'not-met' });
  });

  it('no suspected infection → not sepsis; not recorded → not assessable', () => {
    expect(phoenix.evaluate(shockCase(false)).classifications).toEqual({
      sepsis: 'not-met',
      'septic-shock': 'not-met',
    });
    expect(phoenix.evaluate(shockCase(undefined)).classifications).toEqual({
      sepsis: 'not-assessable',
      'septic-shock': 'not-assessable',
    });
    // The status is sepsis: with suspected infection unrecorded it is open, whatever the score.
    expect(phoenix.evaluate(shockCase(undefined)).status).toBe('not-assessable');
  });

  it('the status answers sepsis: a score ≥ 2 without suspected infection is not met, the score stays as evidence', () => {
    const r = phoenix.evaluate(shockCase(false));
    expect(r.score?.value).toBe(2);
    expect(r.status).toBe('not-met');
    expect(phoenix.evaluate(shockCase(true)).status).toBe('met');
  });
});

describe('Phoenix applicability', () => {
  const sick = (patient: Partial<Case['patient']>, background: Partial<Case['background']> = {}) =>
    phoenix.evaluate(normalCase({ vasoactiveCount: 2 }, {}, { patient, background }));

  it('age 17.99 y applies, 18 y does not', () => {
    expect(sick({ ageYears: 17.99 }).status).toBe('met');
    const r = sick({ ageYears: 18 });
    expect(r.status).toBe('not-applicable');
    expect(r.classifications).toEqual({ sepsis: 'not-applicable', 'septic-shock': 'not-applicable' });
  });

  it('the birth hospitalization is excluded', () => {
    expect(sick({ ageYears: 0.02 }, { birthHospitalization: true }).status).toBe('not-applicable');
    expect(sick({ ageYears: 0.02 }, { birthHospitalization: false }).status).toBe('met');
  });

  it('gestational age < 37 weeks at encounter start is excluded (GA at birth + age)', () => {
    const weeks = (w: number) => (w * 7) / 365.25;
    expect(sick({ ageYears: weeks(2), gestationalAgeWeeks: 30 }).status).toBe('not-applicable'); // 32 weeks
    expect(sick({ ageYears: weeks(7), gestationalAgeWeeks: 30 }).status).toBe('met'); // 37 weeks
    expect(sick({ ageYears: 6, gestationalAgeWeeks: 28 }).status).toBe('met'); // prematurity long ago
  });
});

describe('Phoenix evidence', () => {
  it('every item carries a threshold and a citation; systems carry their points', () => {
    const r = phoenix.evaluate(normalCase({ vasoactiveCount: 1, gcs: 9 }, { inr: 1.5 }));
    for (const i of r.items) {
      expect(i.threshold.length).toBeGreaterThan(0);
      expect(i.citation).toMatch(/^schlapbach-2024-phoenix/);
    }
    expect(item(r, 'cardiovascular')).toMatchObject({ value: 1, points: 1, unit: 'points' });
    expect(item(r, 'neurological.gcs')).toMatchObject({ value: 9, status: 'met', points: 1 });
    expect(r.summary).toContain('Phoenix Sepsis Score 3');
    // The first 24 h up to the decision hour (the last hour recorded, 0 here), and it says which window that is.
    expect(r.window).toMatchObject({
      fromHour: 0,
      toHour: 0,
      rule: 'highest total at one time point, each input carried forward within its look-back',
    });
    expect(r.window.read).toMatch(/default for this definition: the first 24 h/);
    expect(phoenix.evaluate(makeCase({ observations: [{ hour: 40, gcs: 15 }] })).window).toMatchObject({
      fromHour: 0,
      toHour: 24,
    });
  });
});
