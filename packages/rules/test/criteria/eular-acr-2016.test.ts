import { describe, expect, it } from 'vitest';
import { caseToCanonical, type Case, type LabPanel, type Observation } from '../../src/index.js';
import { eularAcr2016 } from '../../src/criteria/eular-acr-2016.js';
import { labsAt0, makeCase, observedAt0 } from '../support/make-case.js';
import { item } from '../support/evidence.js';

const FEBRILE: Omit<Observation, 'hour'> = { temperatureC: 39.2 };

/** A febrile child with known sJIA and these labs (conventional units). */
function sjiaCase(
  labs: Omit<LabPanel, 'hour'>,
  obs: Omit<Observation, 'hour'> = FEBRILE,
  sjia: Case['background']['sjia'] = 'known',
): Case {
  return makeCase({ background: { sjia }, observations: observedAt0(obs), labs: labsAt0(labs) });
}
/** The same, with the labs given in SI units. */
const sjiaCaseSi = (labs: Omit<LabPanel, 'hour'>) => caseToCanonical(sjiaCase(labs), 'si');

const statusOf = (c: Case, id: string) => item(eularAcr2016.evaluate(c), id).status;

/** Labs meeting ferritin and exactly the named other items; the rest assessed and not met. */
function labsMeeting(
  ferritin: number | undefined,
  others: ReadonlySet<string>,
  missing: ReadonlySet<string> = new Set(),
): Omit<LabPanel, 'hour'> {
  const labs: Omit<LabPanel, 'hour'> = {};
  if (ferritin !== undefined) labs.ferritin = ferritin;
  if (!missing.has('platelets')) labs.platelets = others.has('platelets') ? 120 : 300;
  if (!missing.has('ast')) labs.ast = others.has('ast') ? 200 : 30;
  if (!missing.has('triglycerides')) labs.triglycerides = others.has('triglycerides') ? 300 : 100;
  if (!missing.has('fibrinogen')) labs.fibrinogen = others.has('fibrinogen') ? 150 : 450;
  return labs;
}

describe('2016 EULAR/ACR/PRINTO classification criteria for MAS in sJIA (Ravelli 2016)', () => {
  describe('who they apply to: a febrile patient with known or suspected sJIA', () => {
    const classified = labsMeeting(5000, new Set(['platelets', 'ast']));
    it('no sJIA → not applicable, even with MAS-range labs', () => {
      const r = eularAcr2016.evaluate(sjiaCase(classified, FEBRILE, 'none'));
      expect(r.status).toBe('not-applicable');
      expect(r.summary).toMatch(/no known or suspected sJIA/);
    });
    it('suspected sJIA counts like known sJIA', () => {
      expect(eularAcr2016.evaluate(sjiaCase(classified, FEBRILE, 'suspected')).status).toBe('met');
    });
    it('highest temperature 38.0 °C is febrile (masdrill reading); 37.99 °C is not → not applicable', () => {
      expect(eularAcr2016.evaluate(sjiaCase(classified, { temperatureC: 38.0 })).status).toBe('met');
      expect(eularAcr2016.evaluate(sjiaCase(classified, { temperatureC: 37.99 })).status).toBe('not-applicable');
    });
    it('days of fever or a subjective fever also make the patient febrile', () => {
      expect(eularAcr2016.evaluate(sjiaCase(classified, { feverDays: 3 })).status).toBe('met');
      expect(eularAcr2016.evaluate(sjiaCase(classified, { subjectiveFever: true, temperatureC: 37.0 })).status).toBe(
        'met',
      );
    });
    it('fever not assessed at all → not assessable', () => {
      const r = eularAcr2016.evaluate(sjiaCase(classified, { splenomegaly: true }));
      expect(r.status).toBe('not-assessable');
      expect(r.summary).toMatch(/fever was not assessed/);
      expect(item(r, 'entry.febrile').status).toBe('not-assessed');
    });
    it("notes that 38.0 °C is masdrill's operational reading", () => {
      expect(eularAcr2016.evaluate(makeCase()).notes.join(' ')).toMatch(/38\.0 °C.*CDC MIS-C/);
    });
  });

  describe('ferritin > 684 ng/mL (required)', () => {
    it('ferritin exactly 684 ng/mL does not meet >684; 684.01 does; 683.99 does not', () => {
      expect(statusOf(sjiaCase({ ferritin: 684 }), 'ferritin')).toBe('not-met');
      expect(statusOf(sjiaCase({ ferritin: 684.01 }), 'ferritin')).toBe('met');
      expect(statusOf(sjiaCase({ ferritin: 683.99 }), 'ferritin')).toBe('not-met');
    });
    it('the same in µg/L (SI)', () => {
      expect(statusOf(sjiaCaseSi({ ferritin: 684 }), 'ferritin')).toBe('not-met');
      expect(statusOf(sjiaCaseSi({ ferritin: 684.01 }), 'ferritin')).toBe('met');
    });
  });

  describe('any 2 of 4', () => {
    it('platelets exactly 181 ×10⁹/L meet ≤181; 181.1 do not; 180.9 do (both unit systems)', () => {
      for (const build of [sjiaCase, sjiaCaseSi]) {
        expect(statusOf(build({ platelets: 181 }), 'platelets')).toBe('met');
        expect(statusOf(build({ platelets: 181.1 }), 'platelets')).toBe('not-met');
        expect(statusOf(build({ platelets: 180.9 }), 'platelets')).toBe('met');
      }
    });
    it('AST exactly 48 U/L does not meet >48; 48.01 does; 47.99 does not', () => {
      for (const build of [sjiaCase, sjiaCaseSi]) {
        expect(statusOf(build({ ast: 48 }), 'ast')).toBe('not-met');
        expect(statusOf(build({ ast: 48.01 }), 'ast')).toBe('met');
        expect(statusOf(build({ ast: 47.99 }), 'ast')).toBe('not-met');
      }
    });
    it('triglycerides exactly 156 mg/dL do not meet >156; 156.01 do; 155.99 do not (conventional)', () => {
      expect(statusOf(sjiaCase({ triglycerides: 156 }), 'triglycerides')).toBe('not-met');
      expect(statusOf(sjiaCase({ triglycerides: 156.01 }), 'triglycerides')).toBe('met');
      expect(statusOf(sjiaCase({ triglycerides: 155.99 }), 'triglycerides')).toBe('not-met');
    });
    it('triglycerides in mmol/L: 156 mg/dL ÷ 88.57 does not meet; 1.76 does not; 1.77 does (SI)', () => {
      expect(statusOf(sjiaCaseSi({ triglycerides: 156 / 88.57 }), 'triglycerides')).toBe('not-met');
      expect(statusOf(sjiaCaseSi({ triglycerides: 1.76 }), 'triglycerides')).toBe('not-met');
      expect(statusOf(sjiaCaseSi({ triglycerides: 1.77 }), 'triglycerides')).toBe('met');
    });
    it('fibrinogen exactly 360 mg/dL meets ≤360; 360.1 does not; 359.9 does (conventional)', () => {
      expect(statusOf(sjiaCase({ fibrinogen: 360 }), 'fibrinogen')).toBe('met');
      expect(statusOf(sjiaCase({ fibrinogen: 360.1 }), 'fibrinogen')).toBe('not-met');
      expect(statusOf(sjiaCase({ fibrinogen: 359.9 }), 'fibrinogen')).toBe('met');
    });
    it('fibrinogen exactly 3.6 g/L meets ≤360 mg/dL; 3.61 g/L does not; 3.59 does (SI)', () => {
      expect(statusOf(sjiaCaseSi({ fibrinogen: 3.6 }), 'fibrinogen')).toBe('met');
      expect(statusOf(sjiaCaseSi({ fibrinogen: 3.61 }), 'fibrinogen')).toBe('not-met');
      expect(statusOf(sjiaCaseSi({ fibrinogen: 3.59 }), 'fibrinogen')).toBe('met');
    });
    it('reads the worst value: lowest platelets and fibrinogen, highest AST and TG', () => {
      const c = makeCase({
        background: { sjia: 'known' },
        observations: observedAt0(FEBRILE),
        labs: [
          { hour: 0, platelets: 250, ast: 40, fibrinogen: 400, triglycerides: 120 },
          { hour: 12, platelets: 150, ast: 90, fibrinogen: 300, triglycerides: 200 },
        ],
      });
      const r = eularAcr2016.evaluate(c);
      for (const id of ['platelets', 'ast', 'triglycerides', 'fibrinogen'])
        expect(item(r, id)).toMatchObject({ status: 'met', hour: 12 });
    });
  });

  describe('classification', () => {
    it('ferritin > 684 and 2 of 4 → classified', () => {
      const r = eularAcr2016.evaluate(sjiaCase(labsMeeting(1000, new Set(['platelets', 'fibrinogen']))));
      expect(r.status).toBe('met');
      expect(r.count).toEqual({ met: 2, notAssessed: 0, required: 2, of: 4 });
    });
    it('ferritin > 684 and only 1 of 4, others assessed → not classified', () => {
      expect(eularAcr2016.evaluate(sjiaCase(labsMeeting(1000, new Set(['ast'])))).status).toBe('not-met');
    });
    it('ferritin > 684, 1 of 4 met and 1 not assessed → not assessable', () => {
      expect(eularAcr2016.evaluate(sjiaCase(labsMeeting(1000, new Set(['ast']), new Set(['fibrinogen'])))).status).toBe(
        'not-assessable',
      );
    });
    it('ferritin ≤ 684 → not classified, whatever the other items and missing data', () => {
      expect(
        eularAcr2016.evaluate(sjiaCase(labsMeeting(684, new Set(['ast', 'platelets', 'fibrinogen', 'triglycerides']))))
          .status,
      ).toBe('not-met');
      expect(eularAcr2016.evaluate(sjiaCase({ ferritin: 600 })).status).toBe('not-met');
    });
    it('ferritin not assessed with 2 of 4 met → not assessable', () => {
      expect(eularAcr2016.evaluate(sjiaCase(labsMeeting(undefined, new Set(['ast', 'platelets'])))).status).toBe(
        'not-assessable',
      );
    });
    it('0 of 4 met and 1 not assessed cannot reach 2 → not classified', () => {
      expect(eularAcr2016.evaluate(sjiaCase(labsMeeting(5000, new Set(), new Set(['ast'])))).status).toBe('not-met');
    });
    it('missing items are not assessed, never met', () => {
      const r = eularAcr2016.evaluate(sjiaCase({}));
      for (const id of ['ferritin', 'platelets', 'ast', 'triglycerides', 'fibrinogen'])
        expect(item(r, id)).toMatchObject({ status: 'not-assessed', value: null });
      expect(r.status).toBe('not-assessable');
    });
  });
});
