import { describe, expect, it } from 'vitest';
import { caseToCanonical, type Case, type LabPanel } from '../../src/index.js';
import { ferritinEsr } from '../../src/criteria/ferritin-esr.js';
import { makeCase } from '../support/make-case.js';
import { item } from '../support/evidence.js';

const sjiaCase = (labs: LabPanel[], sjia: Case['background']['sjia'] = 'known') =>
  makeCase({ background: { sjia }, labs });

describe('Ferritin:ESR ratio (Eloseily 2019)', () => {
  describe('cut-off ≥ 21.5', () => {
    it('ferritin 215 ng/mL ÷ ESR 10 mm/h = 21.5 meets ≥21.5', () => {
      const r = ferritinEsr.evaluate(sjiaCase([{ hour: 0, ferritin: 215, esr: 10 }]));
      expect(r.status).toBe('met');
      expect(r.score).toMatchObject({ value: 21.5, min: 21.5, max: 21.5 });
    });
    it('214.9 ÷ 10 = 21.49 does not; 215.1 ÷ 10 = 21.51 does', () => {
      expect(ferritinEsr.evaluate(sjiaCase([{ hour: 0, ferritin: 214.9, esr: 10 }])).status).toBe('not-met');
      expect(ferritinEsr.evaluate(sjiaCase([{ hour: 0, ferritin: 215.1, esr: 10 }])).status).toBe('met');
    });
    it('the same in SI (ferritin in µg/L, ESR in mm/h)', () => {
      expect(ferritinEsr.evaluate(caseToCanonical(sjiaCase([{ hour: 0, ferritin: 215, esr: 10 }]), 'si')).status).toBe(
        'met',
      );
      expect(
        ferritinEsr.evaluate(caseToCanonical(sjiaCase([{ hour: 0, ferritin: 214.9, esr: 10 }]), 'si')).status,
      ).toBe('not-met');
    });
  });

  describe('which panel', () => {
    it('uses the panel in the window with both values that gives the highest ratio', () => {
      const r = ferritinEsr.evaluate(
        sjiaCase([
          { hour: 0, ferritin: 3000, esr: 60 },
          { hour: 12, ferritin: 2500, esr: 10 },
          { hour: 18, ferritin: 9000 },
          { hour: 30, ferritin: 20000, esr: 2 },
        ]),
      );
      expect(item(r, 'ratio')).toMatchObject({ status: 'met', value: 250, hour: 12 });
    });
    it('ferritin and ESR from different panels are not paired → not assessable', () => {
      const r = ferritinEsr.evaluate(
        sjiaCase([
          { hour: 0, ferritin: 3000 },
          { hour: 4, esr: 10 },
        ]),
      );
      expect(r.status).toBe('not-assessable');
      expect(r.score).toBeUndefined();
      expect(item(r, 'ratio')).toMatchObject({ status: 'not-assessed', value: null });
    });
    it('ESR 0 mm/h → not computable, with a note', () => {
      const r = ferritinEsr.evaluate(sjiaCase([{ hour: 0, ferritin: 3000, esr: 0 }]));
      expect(r.status).toBe('not-assessable');
      expect(item(r, 'ratio').note).toMatch(/ESR was 0/);
      expect(r.notes.join(' ')).toMatch(/ESR 0 mm\/h/);
    });
    it('an ESR-0 panel is skipped when another panel gives a ratio', () => {
      const r = ferritinEsr.evaluate(
        sjiaCase([
          { hour: 0, ferritin: 3000, esr: 0 },
          { hour: 6, ferritin: 1000, esr: 100 },
        ]),
      );
      expect(r.status).toBe('not-met');
      expect(r.score?.value).toBe(10);
    });
  });

  describe('who it applies to', () => {
    it('suspected sJIA applies', () => {
      expect(ferritinEsr.evaluate(sjiaCase([{ hour: 0, ferritin: 5000, esr: 20 }], 'suspected')).status).toBe('met');
    });
    it('no sJIA → not applicable, but the ratio is still reported with a note', () => {
      const r = ferritinEsr.evaluate(sjiaCase([{ hour: 0, ferritin: 5000, esr: 20 }], 'none'));
      expect(r.status).toBe('not-applicable');
      expect(r.score?.value).toBe(250);
      expect(r.notes.join(' ')).toMatch(/for information only/);
    });
  });
});
