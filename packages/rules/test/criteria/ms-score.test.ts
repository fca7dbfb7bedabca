import { describe, expect, it } from 'vitest';
import { caseToCanonical, type Case, type LabPanel, type Observation } from '../../src/index.js';
import { msScore } from '../../src/criteria/ms-score.js';
import { labsAt0, makeCase, observedAt0 } from '../support/make-case.js';
import { item } from '../support/evidence.js';

const NO_FINDINGS: Omit<Observation, 'hour'> = {
  temperatureC: 39.5,
  cnsInvolvement: false,
  hemorrhage: false,
  activeArthritis: false,
};

function sjiaCase(
  labs: Omit<LabPanel, 'hour'>,
  obs: Omit<Observation, 'hour'> = {},
  sjia: Case['background']['sjia'] = 'known',
): Case {
  return makeCase({ background: { sjia }, observations: observedAt0({ ...NO_FINDINGS, ...obs }), labs: labsAt0(labs) });
}

const TYPICAL_MAS = { platelets: 120, ldh: 1200, fibrinogen: 150, ferritin: 10_000 };
const TYPICAL_FLARE = { platelets: 450, ldh: 400, fibrinogen: 600, ferritin: 1000 };

describe('MS score (Minoia 2019)', () => {
  describe('formula', () => {
    it('typical MAS (no CNS/bleeding/arthritis, PLT 120, LDH 1200, fibrinogen 150, ferritin 10,000) = +1.24 → met', () => {
      const r = msScore.evaluate(sjiaCase(TYPICAL_MAS));
      expect(r.score?.value).toBeCloseTo(1.24, 10);
      expect(r.status).toBe('met');
    });
    it('typical flare (arthritis, PLT 450, LDH 400, fibrinogen 600, ferritin 1000) = −4.55 → not met', () => {
      const r = msScore.evaluate(sjiaCase(TYPICAL_FLARE, { activeArthritis: true }));
      expect(r.score?.value).toBeCloseTo(-4.55, 10);
      expect(r.status).toBe('not-met');
    });
    it('the same typical MAS in SI units (fibrinogen 1.5 g/L read as 150 mg/dL) = +1.24', () => {
      const r = msScore.evaluate(caseToCanonical(sjiaCase({ ...TYPICAL_MAS, fibrinogen: 1.5 }), 'si'));
      expect(r.score?.value).toBeCloseTo(1.24, 10);
      const fib = item(r, 'fibrinogen');
      expect(fib.unit).toBe('mg/dL');
      expect(fib.value).toBeCloseTo(150, 10);
      expect(fib.points).toBeCloseTo(-0.6, 10);
    });
    it('each finding adds its coefficient: CNS +2.44, haemorrhage +1.54, arthritis −1.30', () => {
      const base = msScore.evaluate(sjiaCase(TYPICAL_MAS)).score?.value ?? NaN;
      expect(msScore.evaluate(sjiaCase(TYPICAL_MAS, { cnsInvolvement: true })).score?.value).toBeCloseTo(
        base + 2.44,
        10,
      );
      expect(msScore.evaluate(sjiaCase(TYPICAL_MAS, { hemorrhage: true })).score?.value).toBeCloseTo(base + 1.54, 10);
      expect(msScore.evaluate(sjiaCase(TYPICAL_MAS, { activeArthritis: true })).score?.value).toBeCloseTo(
        base - 1.3,
        10,
      );
    });
  });

  describe('cut-off ≥ −2.1', () => {
    // −0.003×200 + 0.001×500 − 0.004×500 + 0.0001×0 = −2.1
    it('a score of exactly −2.1 meets ≥ −2.1', () => {
      const r = msScore.evaluate(sjiaCase({ platelets: 200, ldh: 500, fibrinogen: 500, ferritin: 0 }));
      expect(r.score?.value).toBeCloseTo(-2.1, 10);
      expect(r.status).toBe('met');
    });
    it('−2.103 (platelets 201) does not; −2.099 (LDH 501) does', () => {
      expect(msScore.evaluate(sjiaCase({ platelets: 201, ldh: 500, fibrinogen: 500, ferritin: 0 })).status).toBe(
        'not-met',
      );
      expect(msScore.evaluate(sjiaCase({ platelets: 200, ldh: 501, fibrinogen: 500, ferritin: 0 })).status).toBe('met');
    });
    it('the same boundary with fibrinogen given as 5.0 g/L (SI)', () => {
      expect(
        msScore.evaluate(caseToCanonical(sjiaCase({ platelets: 200, ldh: 500, fibrinogen: 5.0, ferritin: 0 }), 'si'))
          .status,
      ).toBe('met');
      expect(
        msScore.evaluate(caseToCanonical(sjiaCase({ platelets: 200, ldh: 500, fibrinogen: 5.01, ferritin: 0 }), 'si'))
          .status,
      ).toBe('not-met');
    });
  });

  describe('who it applies to (as the 2016 criteria)', () => {
    it('no sJIA → not applicable, the score still shown', () => {
      const r = msScore.evaluate(sjiaCase(TYPICAL_MAS, {}, 'none'));
      expect(r.status).toBe('not-applicable');
      expect(r.score?.value).toBeCloseTo(1.24, 10);
    });
    it('afebrile (37.5 °C) → not applicable; fever not assessed → not assessable', () => {
      expect(msScore.evaluate(sjiaCase(TYPICAL_MAS, { temperatureC: 37.5 })).status).toBe('not-applicable');
      expect(msScore.evaluate(sjiaCase(TYPICAL_MAS, { temperatureC: undefined })).status).toBe('not-assessable');
    });
  });

  describe('missing items', () => {
    it('a missing yes/no item gives honest bounds: CNS unknown spans +0 to +2.44', () => {
      const r = msScore.evaluate(sjiaCase(TYPICAL_FLARE, { activeArthritis: true, cnsInvolvement: undefined }));
      expect(item(r, 'cns').status).toBe('not-assessed');
      expect(r.score?.min).toBeCloseTo(-4.55, 10);
      expect(r.score?.max).toBeCloseTo(-2.11, 10);
      expect(r.status).toBe('not-met');
    });
    it('missing arthritis near the cut-off → not assessable', () => {
      const r = msScore.evaluate(
        sjiaCase({ platelets: 200, ldh: 500, fibrinogen: 500, ferritin: 1000 }, { activeArthritis: undefined }),
      );
      expect(r.status).toBe('not-assessable');
    });
    it('a missing ferritin (unbounded above) → no score, not assessable', () => {
      const r = msScore.evaluate(sjiaCase({ platelets: 450, ldh: 400, fibrinogen: 600 }, { activeArthritis: true }));
      expect(r.score).toBeUndefined();
      expect(r.status).toBe('not-assessable');
      expect(item(r, 'ferritin')).toMatchObject({ status: 'not-assessed', value: null });
    });
    it('missing platelets (can lower the score without bound) → not assessable; missing ferritin with the rest already ≥ −2.1 → met, no score', () => {
      // Without platelets: 1.2 − 0.6 + 1.0 = +1.6; platelets can only lower it, without bound → not assessable.
      expect(msScore.evaluate(sjiaCase({ ldh: 1200, fibrinogen: 150, ferritin: 10_000 })).status).toBe(
        'not-assessable',
      );
      // A missing ferritin can only raise the score: already ≥ −2.1 without it → met.
      const r = msScore.evaluate(sjiaCase({ platelets: 120, ldh: 1200, fibrinogen: 150 }));
      expect(r.status).toBe('met');
      expect(r.score).toBeUndefined();
    });
    it('an empty case → not assessable, every item not assessed', () => {
      const r = msScore.evaluate(
        makeCase({ background: { sjia: 'known' }, observations: observedAt0({ temperatureC: 39 }) }),
      );
      expect(r.status).toBe('not-assessable');
      expect(r.items.filter((i) => !i.id.startsWith('entry.')).every((i) => i.status === 'not-assessed')).toBe(true);
    });
  });

  it('reads the worst values in the window: lowest platelets and fibrinogen, highest LDH and ferritin', () => {
    const c = makeCase({
      background: { sjia: 'known' },
      observations: observedAt0(NO_FINDINGS),
      labs: [
        { hour: 0, platelets: 300, ldh: 500, fibrinogen: 400, ferritin: 2000 },
        { hour: 20, platelets: 120, ldh: 1200, fibrinogen: 150, ferritin: 10_000 },
        { hour: 40, platelets: 10, ferritin: 90_000 },
      ],
    });
    expect(msScore.evaluate(c).score?.value).toBeCloseTo(1.24, 10);
  });
});
