import { describe, expect, it } from 'vitest';
import { caseToCanonical, type Case, type LabPanel, type Observation } from '../../src/index.js';
import { hlh2004 } from '../../src/criteria/hlh-2004.js';
import { labsAt0, makeCase, observedAt0 } from '../support/make-case.js';
import { item } from '../support/evidence.js';

const statusOf = (c: Case, id: string) => item(hlh2004.evaluate(c), id).status;
const withLabs = (labs: Omit<LabPanel, 'hour'>, patient: Partial<Case['patient']> = {}) =>
  makeCase({ labs: labsAt0(labs), patient });
const withSiLabs = (labs: Omit<LabPanel, 'hour'>, patient: Partial<Case['patient']> = {}) =>
  caseToCanonical(withLabs(labs, patient), 'si');
const withObs = (obs: Omit<Observation, 'hour'>) => makeCase({ observations: observedAt0(obs) });

/** A case meeting exactly the named criteria (others assessed and not met), to test the 5-of-8 count. */
function caseMeeting(met: ReadonlySet<string>, unassessed: ReadonlySet<string> = new Set()): Case {
  const obs: Omit<Observation, 'hour'> = {};
  const labs: Omit<LabPanel, 'hour'> = {};
  const c = makeCase({});
  const pick = (id: string, yes: () => void, no: () => void) => {
    if (unassessed.has(id)) return;
    (met.has(id) ? yes : no)();
  };
  pick(
    'fever',
    () => {
      obs.temperatureC = 39.5;
    },
    () => {
      obs.temperatureC = 37.0;
    },
  );
  pick(
    'splenomegaly',
    () => {
      obs.splenomegaly = true;
    },
    () => {
      obs.splenomegaly = false;
    },
  );
  pick(
    'cytopenias',
    () => {
      labs.hemoglobin = 7.5;
      labs.platelets = 50;
      labs.anc = 2.0;
    },
    () => {
      labs.hemoglobin = 12;
      labs.platelets = 250;
      labs.anc = 3.0;
    },
  );
  pick(
    'tg-fibrinogen',
    () => {
      labs.fibrinogen = 100;
      labs.triglycerides = 150;
      labs.triglyceridesFasting = true;
    },
    () => {
      labs.fibrinogen = 300;
      labs.triglycerides = 150;
      labs.triglyceridesFasting = true;
    },
  );
  pick(
    'hemophagocytosis',
    () => {
      c.investigations.boneMarrow = [{ hour: 2, hemophagocytosis: true }];
    },
    () => {
      c.investigations.boneMarrow = [{ hour: 2, hemophagocytosis: false }];
    },
  );
  pick(
    'nk-activity',
    () => {
      labs.nkCellActivity = 'absent';
    },
    () => {
      labs.nkCellActivity = 'normal';
    },
  );
  pick(
    'ferritin',
    () => {
      labs.ferritin = 12000;
    },
    () => {
      labs.ferritin = 200;
    },
  );
  pick(
    'scd25',
    () => {
      labs.sCd25 = 5000;
    },
    () => {
      labs.sCd25 = 1000;
    },
  );
  c.observations = observedAt0(obs);
  c.labs = labsAt0(labs);
  return c;
}

describe('HLH-2004 (Henter 2007)', () => {
  describe('fever ≥ 38.5 °C on the highest temperature', () => {
    it('38.5 °C meets ≥38.5, 38.49 °C does not, 38.51 °C does', () => {
      expect(statusOf(withObs({ temperatureC: 38.5 }), 'fever')).toBe('met');
      expect(statusOf(withObs({ temperatureC: 38.49 }), 'fever')).toBe('not-met');
      expect(statusOf(withObs({ temperatureC: 38.51 }), 'fever')).toBe('met');
    });
    it('reads the highest temperature in the window', () => {
      const c = makeCase({
        observations: [
          { hour: 0, temperatureC: 37.2 },
          { hour: 10, temperatureC: 39.0 },
          { hour: 30, temperatureC: 40.5 },
        ],
      });
      // The default window is the illness up to the decision hour: by hour 24 the highest is 39.0 °C at hour 10.
      const fever = item(hlh2004.evaluate(c, { atHour: 24 }), 'fever');
      expect(fever).toMatchObject({ status: 'met', value: 39.0, hour: 10, unit: '°C', threshold: '≥ 38.5 °C' });
      expect(item(hlh2004.evaluate(c), 'fever')).toMatchObject({ value: 40.5, hour: 30 });
    });
    it('days of fever or subjective fever without a temperature leave fever not assessed', () => {
      expect(statusOf(withObs({ feverDays: 5, subjectiveFever: true }), 'fever')).toBe('not-assessed');
    });
    it('records that one reproduction prints "Fever" without a number', () => {
      expect(hlh2004.evaluate(makeCase()).notes.join(' ')).toMatch(/"Fever" without a number/);
    });
  });

  describe('splenomegaly', () => {
    it('present → met, absent → not met, not examined → not assessed', () => {
      expect(statusOf(withObs({ splenomegaly: true }), 'splenomegaly')).toBe('met');
      expect(statusOf(withObs({ splenomegaly: false }), 'splenomegaly')).toBe('not-met');
      expect(statusOf(withObs({ hepatomegaly: true }), 'splenomegaly')).toBe('not-assessed');
    });
  });

  describe('cytopenias affecting ≥ 2 of 3 lineages', () => {
    it('hemoglobin exactly 90 g/L does not meet <90 g/L; 89.9 g/L does (SI)', () => {
      expect(statusOf(withSiLabs({ hemoglobin: 90 }), 'cytopenia.hemoglobin')).toBe('not-met');
      expect(statusOf(withSiLabs({ hemoglobin: 89.9 }), 'cytopenia.hemoglobin')).toBe('met');
      expect(statusOf(withSiLabs({ hemoglobin: 90.1 }), 'cytopenia.hemoglobin')).toBe('not-met');
    });
    it('hemoglobin 9.0 g/dL does not meet <90 g/L; 8.99 g/dL does (conventional), shown in g/L', () => {
      expect(item(hlh2004.evaluate(withLabs({ hemoglobin: 9.0 })), 'cytopenia.hemoglobin')).toMatchObject({
        status: 'not-met',
        value: 90,
        unit: 'g/L',
      });
      expect(statusOf(withLabs({ hemoglobin: 8.99 }), 'cytopenia.hemoglobin')).toBe('met');
    });
    it('an infant of 27 days uses <100 g/L; at 28 days (4 weeks) the <90 g/L rule applies', () => {
      const days = (d: number) => ({ ageYears: d / 365.25 });
      expect(statusOf(withSiLabs({ hemoglobin: 95 }, days(27)), 'cytopenia.hemoglobin')).toBe('met');
      expect(statusOf(withSiLabs({ hemoglobin: 95 }, days(28)), 'cytopenia.hemoglobin')).toBe('not-met');
      expect(statusOf(withSiLabs({ hemoglobin: 100 }, days(27)), 'cytopenia.hemoglobin')).toBe('not-met');
      expect(statusOf(withSiLabs({ hemoglobin: 99.9 }, days(27)), 'cytopenia.hemoglobin')).toBe('met');
      expect(statusOf(withLabs({ hemoglobin: 9.99 }, days(27)), 'cytopenia.hemoglobin')).toBe('met');
    });
    it('platelets exactly 100 ×10⁹/L do not meet <100; 99.9 do; 100.1 do not (both unit systems)', () => {
      for (const build of [withLabs, withSiLabs]) {
        expect(statusOf(build({ platelets: 100 }), 'cytopenia.platelets')).toBe('not-met');
        expect(statusOf(build({ platelets: 99.9 }), 'cytopenia.platelets')).toBe('met');
        expect(statusOf(build({ platelets: 100.1 }), 'cytopenia.platelets')).toBe('not-met');
      }
    });
    it('neutrophils exactly 1.0 ×10⁹/L do not meet <1.0; 0.99 do; 1.01 do not', () => {
      for (const build of [withLabs, withSiLabs]) {
        expect(statusOf(build({ anc: 1.0 }), 'cytopenia.neutrophils')).toBe('not-met');
        expect(statusOf(build({ anc: 0.99 }), 'cytopenia.neutrophils')).toBe('met');
        expect(statusOf(build({ anc: 1.01 }), 'cytopenia.neutrophils')).toBe('not-met');
      }
    });
    it('is one criterion, tri-state over lineages', () => {
      expect(statusOf(withLabs({ hemoglobin: 8, platelets: 50 }), 'cytopenias')).toBe('met');
      expect(statusOf(withLabs({ hemoglobin: 8, platelets: 50, anc: 0.5 }), 'cytopenias')).toBe('met');
      expect(statusOf(withLabs({ hemoglobin: 8 }), 'cytopenias')).toBe('not-assessed');
      expect(statusOf(withLabs({ hemoglobin: 8, platelets: 200 }), 'cytopenias')).toBe('not-assessed');
      expect(statusOf(withLabs({ hemoglobin: 8, platelets: 200, anc: 3 }), 'cytopenias')).toBe('not-met');
      expect(statusOf(withLabs({ hemoglobin: 12, platelets: 200 }), 'cytopenias')).toBe('not-met');
    });
    it('counts three low lineages as one criterion', () => {
      const r = hlh2004.evaluate(withLabs({ hemoglobin: 8, platelets: 50, anc: 0.5 }));
      expect(r.count?.met).toBe(1);
    });
  });

  describe('fasting hypertriglyceridemia ≥ 3.0 mmol/L and/or fibrinogen ≤ 1.5 g/L', () => {
    const tg = (mmol: number, fasting?: boolean) =>
      withSiLabs({ triglycerides: mmol, ...(fasting === undefined ? {} : { triglyceridesFasting: fasting }) });
    const siStatus = (c: Case) =>
      item(hlh2004.evaluate(c, { enteredUnits: 'si' }), 'tg-fibrinogen.triglycerides').status;
    it('fasting TG entered in SI: exactly 3.0 mmol/L meets ≥3.0; 2.99 and 2.995 do not; 3.01 does', () => {
      expect(siStatus(tg(3.0, true))).toBe('met');
      expect(siStatus(tg(2.99, true))).toBe('not-met');
      expect(siStatus(tg(2.995, true))).toBe('not-met'); // 265.27 mg/dL: judged in mmol/L, the unit entered
      expect(siStatus(tg(3.01, true))).toBe('met');
    });
    it('fasting TG entered in mg/dL (as stored): exactly 265 mg/dL meets ≥265 mg/dL; 264.9 does not', () => {
      expect(
        statusOf(withLabs({ triglycerides: 265, triglyceridesFasting: true }), 'tg-fibrinogen.triglycerides'),
      ).toBe('met');
      expect(
        statusOf(withLabs({ triglycerides: 264.9, triglyceridesFasting: true }), 'tg-fibrinogen.triglycerides'),
      ).toBe('not-met');
    });
    it('shows the TG value in the unit entered, beside the threshold printed in that unit', () => {
      const tgItem = item(
        hlh2004.evaluate(withLabs({ triglycerides: 354.28, triglyceridesFasting: true })),
        'tg-fibrinogen.triglycerides',
      );
      expect(tgItem).toMatchObject({ unit: 'mg/dL', value: 354.28, threshold: '≥ 265 mg/dL' });
      const si = item(hlh2004.evaluate(tg(4.0, true), { enteredUnits: 'si' }), 'tg-fibrinogen.triglycerides');
      expect(si).toMatchObject({ unit: 'mmol/L', threshold: '≥ 3.0 mmol/L' });
      expect(si.value).toBeCloseTo(4.0, 6);
    });
    it('a non-fasting TG at or above 3.0 mmol/L does not establish the criterion (not assessed)', () => {
      expect(statusOf(tg(3.5, false), 'tg-fibrinogen.triglycerides')).toBe('not-assessed');
    });
    it('a non-fasting TG below 3.0 mmol/L counts as not met', () => {
      expect(statusOf(tg(2.0, false), 'tg-fibrinogen.triglycerides')).toBe('not-met');
    });
    it('a TG at or above the cut-off with fasting status not recorded does not establish the criterion: not assessed, with a note', () => {
      const tgItem = item(hlh2004.evaluate(tg(3.0)), 'tg-fibrinogen.triglycerides');
      expect(tgItem.status).toBe('not-assessed');
      expect(tgItem.note).toMatch(/fasting status not recorded.*it would if fasting/);
      expect(statusOf(tg(2.0), 'tg-fibrinogen.triglycerides')).toBe('not-met');
    });
    it('a fasting value meeting the cut-off wins over a higher non-fasting value', () => {
      const c = caseToCanonical(
        makeCase({
          labs: [
            { hour: 2, triglycerides: 5.0, triglyceridesFasting: false },
            { hour: 8, triglycerides: 3.2, triglyceridesFasting: true },
          ],
        }),
        'si',
      );
      expect(item(hlh2004.evaluate(c), 'tg-fibrinogen.triglycerides')).toMatchObject({ status: 'met', hour: 8 });
    });
    it('fibrinogen exactly 1.5 g/L meets ≤1.5; 1.51 does not; 1.49 does (SI)', () => {
      expect(statusOf(withSiLabs({ fibrinogen: 1.5 }), 'tg-fibrinogen.fibrinogen')).toBe('met');
      expect(statusOf(withSiLabs({ fibrinogen: 1.51 }), 'tg-fibrinogen.fibrinogen')).toBe('not-met');
      expect(statusOf(withSiLabs({ fibrinogen: 1.49 }), 'tg-fibrinogen.fibrinogen')).toBe('met');
    });
    it('fibrinogen exactly 150 mg/dL meets ≤1.5 g/L; 151 mg/dL does not (conventional)', () => {
      expect(statusOf(withLabs({ fibrinogen: 150 }), 'tg-fibrinogen.fibrinogen')).toBe('met');
      expect(statusOf(withLabs({ fibrinogen: 151 }), 'tg-fibrinogen.fibrinogen')).toBe('not-met');
    });
    it('is one criterion: either part met → met; both not met → not met; otherwise not assessed', () => {
      expect(statusOf(withLabs({ fibrinogen: 100 }), 'tg-fibrinogen')).toBe('met');
      expect(
        statusOf(withLabs({ fibrinogen: 100, triglycerides: 400, triglyceridesFasting: true }), 'tg-fibrinogen'),
      ).toBe('met');
      expect(statusOf(withLabs({ fibrinogen: 300 }), 'tg-fibrinogen')).toBe('not-assessed');
      expect(statusOf(withLabs({ fibrinogen: 300, triglycerides: 100 }), 'tg-fibrinogen')).toBe('not-met');
    });
  });

  describe('hemophagocytosis on bone marrow', () => {
    const marrow = (bm: NonNullable<Case['investigations']['boneMarrow']>) =>
      makeCase({ investigations: { boneMarrow: bm } });
    it('seen in a marrow in the window → met', () => {
      expect(item(hlh2004.evaluate(marrow([{ hour: 6, hemophagocytosis: true }])), 'hemophagocytosis')).toMatchObject({
        status: 'met',
        hour: 6,
      });
    });
    it('a marrow without it → not met, with the DX-4 note that absence does not exclude', () => {
      const h = item(hlh2004.evaluate(marrow([{ hour: 6, hemophagocytosis: false }])), 'hemophagocytosis');
      expect(h.status).toBe('not-met');
      expect(h.note).toMatch(/does not exclude.*DX-4/);
    });
    it('no marrow in the window → not assessed; a marrow on day 3 is in the default window (the illness)', () => {
      expect(
        item(hlh2004.evaluate(marrow([{ hour: 48, hemophagocytosis: true }]), { atHour: 24 }), 'hemophagocytosis')
          .status,
      ).toBe('not-assessed');
      expect(statusOf(marrow([{ hour: 48, hemophagocytosis: true }]), 'hemophagocytosis')).toBe('met');
      expect(statusOf(makeCase(), 'hemophagocytosis')).toBe('not-assessed');
    });
  });

  describe('low or absent NK-cell activity', () => {
    it('low or absent → met, normal → not met, not measured → not assessed', () => {
      expect(statusOf(withLabs({ nkCellActivity: 'low' }), 'nk-activity')).toBe('met');
      expect(statusOf(withLabs({ nkCellActivity: 'absent' }), 'nk-activity')).toBe('met');
      expect(statusOf(withLabs({ nkCellActivity: 'normal' }), 'nk-activity')).toBe('not-met');
      expect(statusOf(withLabs({ ferritin: 100 }), 'nk-activity')).toBe('not-assessed');
    });
  });

  describe('ferritin ≥ 500 µg/L and sCD25 ≥ 2400 U/mL', () => {
    it('ferritin exactly 500 meets ≥500; 499.9 does not; 500.1 does (both unit systems)', () => {
      for (const build of [withLabs, withSiLabs]) {
        expect(statusOf(build({ ferritin: 500 }), 'ferritin')).toBe('met');
        expect(statusOf(build({ ferritin: 499.9 }), 'ferritin')).toBe('not-met');
        expect(statusOf(build({ ferritin: 500.1 }), 'ferritin')).toBe('met');
      }
    });
    it('the ferritin item notes that > 10,000 µg/L is highly specific', () => {
      expect(item(hlh2004.evaluate(withLabs({ ferritin: 800 })), 'ferritin').note).toMatch(/10,000/);
    });
    it('sCD25 exactly 2400 U/mL meets ≥2400; 2399 does not; 2401 does', () => {
      for (const build of [withLabs, withSiLabs]) {
        expect(statusOf(build({ sCd25: 2400 }), 'scd25')).toBe('met');
        expect(statusOf(build({ sCd25: 2399 }), 'scd25')).toBe('not-met');
        expect(statusOf(build({ sCd25: 2401 }), 'scd25')).toBe('met');
      }
    });
    it('a missing ferritin is not assessed, never met nor not met', () => {
      expect(item(hlh2004.evaluate(makeCase()), 'ferritin')).toMatchObject({
        status: 'not-assessed',
        value: null,
        hour: null,
      });
    });
  });

  describe('overall: arm A or ≥ 5 of 8', () => {
    const all = [
      'fever',
      'splenomegaly',
      'cytopenias',
      'tg-fibrinogen',
      'hemophagocytosis',
      'nk-activity',
      'ferritin',
      'scd25',
    ];
    it('lists the 8 criteria first, in table order, and counts over them', () => {
      const r = hlh2004.evaluate(caseMeeting(new Set(all.slice(0, 5))));
      expect(r.items.slice(0, 8).map((i) => i.id)).toEqual(all);
      expect(r.count).toEqual({ met: 5, notAssessed: 0, required: 5, of: 8 });
    });
    it('5 of 8 met → met', () => {
      expect(
        hlh2004.evaluate(caseMeeting(new Set(['fever', 'cytopenias', 'ferritin', 'scd25', 'hemophagocytosis']))).status,
      ).toBe('met');
    });
    it('4 of 8 met with the other 4 assessed → not met', () => {
      const r = hlh2004.evaluate(caseMeeting(new Set(['fever', 'cytopenias', 'ferritin', 'scd25'])));
      expect(r.status).toBe('not-met');
      expect(r.summary).toMatch(/4 of 8/);
    });
    it('4 of 8 met with 1 not assessed → not assessable', () => {
      const r = hlh2004.evaluate(
        caseMeeting(new Set(['fever', 'cytopenias', 'ferritin', 'tg-fibrinogen']), new Set(['nk-activity'])),
      );
      expect(r.status).toBe('not-assessable');
      expect(r.count).toEqual({ met: 4, notAssessed: 1, required: 5, of: 8 });
    });
    it('3 met with 1 not assessed cannot reach 5 → not met', () => {
      expect(
        hlh2004.evaluate(caseMeeting(new Set(['fever', 'cytopenias', 'ferritin']), new Set(['nk-activity']))).status,
      ).toBe('not-met');
    });
    it('an empty case is not assessable, every item not assessed', () => {
      const r = hlh2004.evaluate(makeCase());
      expect(r.status).toBe('not-assessable');
      expect(r.items.filter((i) => i.id !== 'molecular-diagnosis').every((i) => i.status === 'not-assessed')).toBe(
        true,
      );
    });
    it('a molecular diagnosis (arm A) → met whatever the clinical criteria', () => {
      const c = caseMeeting(new Set());
      c.encounter = { knownHlhGeneticDiagnosis: true };
      const r = hlh2004.evaluate(c);
      expect(r.status).toBe('met');
      expect(r.classifications).toEqual({ 'molecular-diagnosis': 'met', 'clinical-criteria': 'not-met' });
      expect(r.summary).toMatch(/arm A/);
    });
    it('an unrecorded molecular diagnosis does not keep a not-met result open', () => {
      const r = hlh2004.evaluate(caseMeeting(new Set(['fever'])));
      expect(r.status).toBe('not-met');
      expect(r.classifications?.['molecular-diagnosis']).toBe('not-assessable');
    });
    it('reads only the window: a value outside it is not assessed', () => {
      const c = makeCase({ labs: [{ hour: 30, ferritin: 9000 }] });
      expect(item(hlh2004.evaluate(c, { window: { fromHour: 0, toHour: 24 } }), 'ferritin').status).toBe(
        'not-assessed',
      );
      expect(item(hlh2004.evaluate(c, { atHour: 24 }), 'ferritin').status).toBe('not-assessed');
      expect(item(hlh2004.evaluate(c, { window: { fromHour: 0, toHour: 48 } }), 'ferritin').status).toBe('met');
      expect(hlh2004.evaluate(c, { window: { fromHour: 0, toHour: 48 } }).window).toMatchObject({
        fromHour: 0,
        toHour: 48,
      });
    });
  });
});
