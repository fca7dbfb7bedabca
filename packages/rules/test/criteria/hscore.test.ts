import { describe, expect, it } from 'vitest';
import { caseToCanonical, type Case, type LabPanel, type Observation } from '../../src/index.js';
import { hscore } from '../../src/criteria/hscore.js';
import { hscoreProbability, HSCORE_PROBABILITY_TABLE } from '../../src/criteria/hscore-probability.js';
import { labsAt0, makeCase, observedAt0 } from '../support/make-case.js';
import { item } from '../support/evidence.js';

const withLabs = (labs: Omit<LabPanel, 'hour'>) => makeCase({ labs: labsAt0(labs) });
const withSiLabs = (labs: Omit<LabPanel, 'hour'>) => caseToCanonical(withLabs(labs), 'si');
const withObs = (obs: Omit<Observation, 'hour'>) => makeCase({ observations: observedAt0(obs) });
const pointsOf = (c: Case, id: string) => item(hscore.evaluate(c), id).points;

/** Every item assessed at its lowest band (score 0), with overrides. */
function complete(
  parts: {
    obs?: Omit<Observation, 'hour'>;
    labs?: Omit<LabPanel, 'hour'>;
    background?: Partial<Case['background']>;
    marrow?: boolean;
  } = {},
): Case {
  return makeCase({
    background: { hivPositive: false, immunosuppressiveTherapy: [], ...parts.background },
    observations: observedAt0({ temperatureC: 37.0, hepatomegaly: false, splenomegaly: false, ...parts.obs }),
    labs: labsAt0({
      hemoglobin: 12,
      wbc: 8,
      platelets: 250,
      ferritin: 300,
      triglycerides: 100,
      fibrinogen: 300,
      ast: 20,
      ...parts.labs,
    }),
    investigations: { boneMarrow: [{ hour: 1, hemophagocytosis: parts.marrow ?? false }] },
  });
}

describe('HScore (Fardet 2014)', () => {
  describe('temperature: <38.4 → 0; 38.4–39.4 → 33; >39.4 → 49', () => {
    it.each([
      [38.39, 0],
      [38.4, 33],
      [38.41, 33],
      [39.4, 33],
      [39.41, 49],
      [41, 49],
    ])('%s °C scores %s', (t, pts) => {
      expect(pointsOf(withObs({ temperatureC: t }), 'temperature')).toBe(pts);
    });
  });

  describe('organomegaly: one organ → 23, both → 38', () => {
    it('none 0, hepatomegaly 23, splenomegaly 23, both 38', () => {
      expect(pointsOf(withObs({ hepatomegaly: false, splenomegaly: false }), 'organomegaly')).toBe(0);
      expect(pointsOf(withObs({ hepatomegaly: true, splenomegaly: false }), 'organomegaly')).toBe(23);
      expect(pointsOf(withObs({ hepatomegaly: false, splenomegaly: true }), 'organomegaly')).toBe(23);
      expect(pointsOf(withObs({ hepatomegaly: true, splenomegaly: true }), 'organomegaly')).toBe(38);
    });
    it('one organ enlarged and the other not examined → not assessed, 23–38 points', () => {
      const r = hscore.evaluate(complete({ obs: { hepatomegaly: true, splenomegaly: undefined } }));
      expect(item(r, 'organomegaly').status).toBe('not-assessed');
      expect(r.score).toMatchObject({ value: 23, min: 23, max: 38 });
    });
  });

  describe('cytopenias: Hb ≤ 9.2 g/dL, WBC ≤ 5.0 ×10⁹/L, platelets ≤ 110 ×10⁹/L', () => {
    it('hemoglobin exactly 9.2 g/dL is low; 9.21 is not; 9.19 is (conventional)', () => {
      expect(item(hscore.evaluate(withLabs({ hemoglobin: 9.2 })), 'cytopenia.hemoglobin').status).toBe('met');
      expect(item(hscore.evaluate(withLabs({ hemoglobin: 9.21 })), 'cytopenia.hemoglobin').status).toBe('not-met');
      expect(item(hscore.evaluate(withLabs({ hemoglobin: 9.19 })), 'cytopenia.hemoglobin').status).toBe('met');
    });
    it('hemoglobin exactly 92 g/L is low; 92.1 g/L is not (SI)', () => {
      expect(item(hscore.evaluate(withSiLabs({ hemoglobin: 92 })), 'cytopenia.hemoglobin').status).toBe('met');
      expect(item(hscore.evaluate(withSiLabs({ hemoglobin: 92.1 })), 'cytopenia.hemoglobin').status).toBe('not-met');
    });
    it('WBC exactly 5.0 is low, 5.01 is not; platelets exactly 110 are low, 110.1 are not (both unit systems)', () => {
      for (const build of [withLabs, withSiLabs]) {
        expect(item(hscore.evaluate(build({ wbc: 5.0 })), 'cytopenia.wbc').status).toBe('met');
        expect(item(hscore.evaluate(build({ wbc: 5.01 })), 'cytopenia.wbc').status).toBe('not-met');
        expect(item(hscore.evaluate(build({ platelets: 110 })), 'cytopenia.platelets').status).toBe('met');
        expect(item(hscore.evaluate(build({ platelets: 110.1 })), 'cytopenia.platelets').status).toBe('not-met');
      }
    });
    it('1 lineage → 0, 2 lineages → 24, 3 lineages → 34', () => {
      expect(pointsOf(withLabs({ hemoglobin: 8, wbc: 8, platelets: 250 }), 'cytopenias')).toBe(0);
      expect(pointsOf(withLabs({ hemoglobin: 8, wbc: 3, platelets: 250 }), 'cytopenias')).toBe(24);
      expect(pointsOf(withLabs({ hemoglobin: 8, wbc: 3, platelets: 50 }), 'cytopenias')).toBe(34);
    });
  });

  describe('ferritin: <2000 → 0; 2000–6000 → 35; >6000 → 50 ng/mL', () => {
    it.each([
      [1999.99, 0],
      [2000, 35],
      [2000.01, 35],
      [6000, 35],
      [6000.01, 50],
    ])('%s ng/mL scores %s (both unit systems)', (f, pts) => {
      expect(pointsOf(withLabs({ ferritin: f }), 'ferritin')).toBe(pts);
      expect(pointsOf(withSiLabs({ ferritin: f }), 'ferritin')).toBe(pts);
    });
  });

  describe('triglycerides: mmol/L <1.5 → 0; 1.5–4 → 44; >4 → 64, or mg/dL <132.7 / 132.7–354 / >354, each in the unit entered', () => {
    const si = (c: Case, id: string) => item(hscore.evaluate(c, { enteredUnits: 'si' }), id).points;
    it.each([
      [1.49, 0],
      [1.5, 44],
      [1.51, 44],
      [4, 44],
      [4.01, 64],
    ])('%s mmol/L entered in SI scores %s', (tg, pts) => {
      expect(si(withSiLabs({ triglycerides: tg }), 'triglycerides')).toBe(pts);
    });
    it('in mg/dL, the printed mg/dL bands: 132.6 scores 0, 132.7 scores 44 (1.498 mmol/L, but the definition prints 132.7 mg/dL)', () => {
      expect(pointsOf(withLabs({ triglycerides: 132.6 }), 'triglycerides')).toBe(0);
      expect(pointsOf(withLabs({ triglycerides: 132.7 }), 'triglycerides')).toBe(44);
    });
    it('in mg/dL: 354 scores 44; 354.1 scores 64', () => {
      expect(pointsOf(withLabs({ triglycerides: 354 }), 'triglycerides')).toBe(44);
      expect(pointsOf(withLabs({ triglycerides: 354.1 }), 'triglycerides')).toBe(64);
    });
    it('shows the value in the unit entered, beside the bands printed in it', () => {
      const tg = item(hscore.evaluate(withLabs({ triglycerides: 177.14 })), 'triglycerides');
      expect(tg).toMatchObject({
        unit: 'mg/dL',
        value: 177.14,
        threshold: '< 132.7 mg/dL → 0; 132.7–354 mg/dL → 44; > 354 mg/dL → 64',
      });
      const tgSi = item(hscore.evaluate(withSiLabs({ triglycerides: 2.0 }), { enteredUnits: 'si' }), 'triglycerides');
      expect(tgSi.unit).toBe('mmol/L');
      expect(tgSi.value).toBeCloseTo(2.0, 6);
    });
  });

  describe('fibrinogen in g/L: ≤2.5 → 30', () => {
    it('exactly 2.5 g/L scores 30; 2.51 scores 0; 2.49 scores 30 (SI)', () => {
      expect(pointsOf(withSiLabs({ fibrinogen: 2.5 }), 'fibrinogen')).toBe(30);
      expect(pointsOf(withSiLabs({ fibrinogen: 2.51 }), 'fibrinogen')).toBe(0);
      expect(pointsOf(withSiLabs({ fibrinogen: 2.49 }), 'fibrinogen')).toBe(30);
    });
    it('exactly 250 mg/dL scores 30; 251 mg/dL scores 0 (conventional)', () => {
      expect(pointsOf(withLabs({ fibrinogen: 250 }), 'fibrinogen')).toBe(30);
      expect(pointsOf(withLabs({ fibrinogen: 251 }), 'fibrinogen')).toBe(0);
    });
  });

  describe('AST: ≥30 IU/L → 19', () => {
    it('exactly 30 scores 19; 29.99 scores 0; 30.01 scores 19 (both unit systems)', () => {
      for (const build of [withLabs, withSiLabs]) {
        expect(pointsOf(build({ ast: 30 }), 'ast')).toBe(19);
        expect(pointsOf(build({ ast: 29.99 }), 'ast')).toBe(0);
        expect(pointsOf(build({ ast: 30.01 }), 'ast')).toBe(19);
      }
    });
  });

  describe('hemophagocytosis on marrow → 35; known immunosuppression → 18', () => {
    it('marrow hemophagocytosis scores 35, a marrow without scores 0', () => {
      expect(pointsOf(complete({ marrow: true }), 'hemophagocytosis')).toBe(35);
      expect(pointsOf(complete({ marrow: false }), 'hemophagocytosis')).toBe(0);
    });
    it('HIV positive scores 18', () => {
      expect(pointsOf(makeCase({ background: { hivPositive: true } }), 'immunosuppression')).toBe(18);
    });
    it.each(['glucocorticoid', 'cyclosporine', 'azathioprine', 'tacrolimus', 'mycophenolate'] as const)(
      'long-term %s scores 18',
      (agent) => {
        expect(pointsOf(makeCase({ background: { immunosuppressiveTherapy: [agent] } }), 'immunosuppression')).toBe(18);
      },
    );
    it.each(['methotrexate', 'anakinra', 'canakinumab', 'tocilizumab'] as const)(
      '%s alone does not count (masdrill choice)',
      (agent) => {
        expect(
          item(hscore.evaluate(makeCase({ background: { immunosuppressiveTherapy: [agent] } })), 'immunosuppression'),
        ).toMatchObject({ status: 'not-met', points: 0 });
      },
    );
    it('no therapy list and no HIV status → not assessed (0–18)', () => {
      const r = hscore.evaluate(makeCase());
      expect(item(r, 'immunosuppression').status).toBe('not-assessed');
    });
    it('HIV negative but therapy not recorded → not assessed', () => {
      expect(item(hscore.evaluate(makeCase({ background: { hivPositive: false } })), 'immunosuppression').status).toBe(
        'not-assessed',
      );
    });
    it('an empty therapy list with unrecorded HIV status → not met (no KNOWN immunosuppression)', () => {
      expect(
        item(hscore.evaluate(makeCase({ background: { immunosuppressiveTherapy: [] } })), 'immunosuppression').status,
      ).toBe('not-met');
    });
    it('an unnamed "other" therapy → not assessed', () => {
      expect(
        item(hscore.evaluate(makeCase({ background: { immunosuppressiveTherapy: ['other'] } })), 'immunosuppression')
          .status,
      ).toBe('not-assessed');
    });
  });

  describe('total, bounds and cut-off ≥ 169', () => {
    it('a complete case at the lowest bands scores 0 and is not met', () => {
      const r = hscore.evaluate(complete());
      expect(r.score).toMatchObject({ value: 0, min: 0, max: 0 });
      expect(r.status).toBe('not-met');
    });
    it('a complete case at every top band scores 337', () => {
      const r = hscore.evaluate(
        complete({
          background: { hivPositive: true },
          obs: { temperatureC: 40, hepatomegaly: true, splenomegaly: true },
          labs: {
            hemoglobin: 7,
            wbc: 2,
            platelets: 40,
            ferritin: 20000,
            triglycerides: 500,
            fibrinogen: 100,
            ast: 300,
          },
          marrow: true,
        }),
      );
      expect(r.score).toMatchObject({ value: 337, min: 337, max: 337 });
      expect(r.status).toBe('met');
    });
    it('exactly 169 (18 + 33 + 38 + 50 + 30) meets ≥169', () => {
      const r = hscore.evaluate(
        complete({
          background: { immunosuppressiveTherapy: ['glucocorticoid'] },
          obs: { temperatureC: 39, hepatomegaly: true, splenomegaly: true },
          labs: { ferritin: 7000, fibrinogen: 200 },
        }),
      );
      expect(r.score?.value).toBe(169);
      expect(r.status).toBe('met');
    });
    it('the same without immunosuppression (151) does not', () => {
      const r = hscore.evaluate(
        complete({
          obs: { temperatureC: 39, hepatomegaly: true, splenomegaly: true },
          labs: { ferritin: 7000, fibrinogen: 200 },
        }),
      );
      expect(r.score?.value).toBe(151);
      expect(r.status).toBe('not-met');
    });
    it('an empty case: value 0, bounds 0–337, not assessable', () => {
      const r = hscore.evaluate(makeCase());
      expect(r.score).toMatchObject({ value: 0, min: 0, max: 337 });
      expect(r.status).toBe('not-assessable');
      expect(r.items.every((i) => i.status === 'not-assessed')).toBe(true);
    });
    it('met when the assessed points already reach 169 with items missing', () => {
      const c = makeCase({
        observations: observedAt0({ temperatureC: 40, hepatomegaly: true, splenomegaly: true }),
        labs: labsAt0({ ferritin: 9000, triglycerides: 400 }),
      });
      const r = hscore.evaluate(c);
      expect(r.score?.value).toBe(49 + 38 + 50 + 64);
      expect(r.status).toBe('met');
    });
    it('not met when even the missing items at their highest points cannot reach 169', () => {
      const r = hscore.evaluate(complete({ obs: { temperatureC: undefined } }));
      expect(r.score).toMatchObject({ value: 0, min: 0, max: 49 });
      expect(r.status).toBe('not-met');
    });
  });

  describe("probability: masdrill's logistic fit to the published table", () => {
    const published = HSCORE_PROBABILITY_TABLE.filter((p) => p.bound === undefined);
    it.each(published.map((p) => [p.score, p.percent]))(
      'HScore %s → %s% within ±2 percentage points',
      (score, percent) => {
        expect(Math.abs(hscoreProbability(score) * 100 - percent)).toBeLessThanOrEqual(2);
      },
    );
    it('HScore 90 → < 1%', () => {
      expect(hscoreProbability(90) * 100).toBeLessThan(1);
    });
    it.each([250, 280, 337])('HScore %s → > 99%', (score) => {
      expect(hscoreProbability(score) * 100).toBeGreaterThan(99);
    });
    it("the result says plainly that the formula is masdrill's fit, not a published one", () => {
      const r = hscore.evaluate(complete());
      expect(r.score?.probability?.method).toMatch(/masdrill's own logistic fit.*not a published formula/);
      expect(r.notes.join(' ')).toMatch(/masdrill-hscore-fit/);
    });
    it('the cut-off text gives sensitivity 93% and specificity 86%', () => {
      expect(hscore.evaluate(makeCase()).score?.cutoff).toBe('≥ 169 (sensitivity 93%, specificity 86%)');
    });
    it('notes that HScore was derived in adults', () => {
      expect(hscore.evaluate(makeCase()).notes.join(' ')).toMatch(/derived in adults/);
    });
  });
});
