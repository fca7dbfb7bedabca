import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Case } from '@masdrill/rules';
import { generateCase, phoenixParts, miscCategoryCount, DIFFICULTIES } from '../src/index.js';

const seedIndex = {
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  index: fc.integer({ min: 0, max: 2 ** 32 }),
  difficulty: fc.constantFrom(...DIFFICULTIES),
};
const sepsis = fc.record(seedIndex).map((s) => generateCase({ kind: 'sepsis', ...s }));
const misc = fc.record(seedIndex).map((s) => generateCase({ kind: 'misc', ...s }));

const inWindow = (h: number): boolean => h >= 0 && h <= 24;

describe('labels built to their definitions (generator side)', () => {
  it('every sepsis case has suspected infection and Phoenix ≥2; septic shock has a cardiovascular point, other sepsis none', () => {
    fc.assert(
      fc.property(sepsis, (c: Case) => {
        expect(c.encounter.suspectedInfection).toBe(true);
        expect(c.patient.ageYears).toBeLessThan(18);
        const parts = phoenixParts(c.patient, c.observations, c.labs);
        expect(parts.total).toBeGreaterThanOrEqual(2);
        const shock = c.observations.some((o) => inWindow(o.hour) && (o.vasoactiveCount ?? 0) > 0);
        if (c.truth!.subtype === 'septic-shock') expect(shock).toBe(true);
        if (!shock) expect(parts.cardiovascular).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('every MIS-C case meets the CSTE/CDC 2023 clinical and laboratory criteria', () => {
    fc.assert(
      fc.property(misc, (c: Case) => {
        expect(c.patient.ageYears).toBeLessThan(21);
        expect(c.encounter.hospitalized).toBe(true);
        expect(c.encounter.moreLikelyAlternativeDiagnosis).toBeNull();
        expect(
          Math.max(...c.observations.filter((o) => inWindow(o.hour)).map((o) => o.temperatureC!)),
        ).toBeGreaterThanOrEqual(38);
        expect(Math.max(...c.labs.filter((p) => inWindow(p.hour)).map((p) => p.crp ?? 0))).toBeGreaterThanOrEqual(30);
        const sars = c.background.sarsCov2!;
        expect(sars.rnaOrAntigen === 'positive' || sars.serology === 'positive').toBe(true);
        expect(miscCategoryCount({ ...c, echo: c.investigations.echo ?? [] })).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});

describe('labels agree with the rules (@masdrill/rules criteria)', () => {
  it('every sepsis case is Phoenix sepsis (suspected infection + score ≥2)', () => {
    fc.assert(
      fc.property(sepsis, (c: Case) => {
        const r = evaluate(c, { only: ['phoenix'] }).results[0]!;
        expect(r.score?.value ?? 0, r.summary).toBeGreaterThanOrEqual(2);
        expect(r.status, r.summary).toBe('met');
      }),
      { numRuns: 200 },
    );
  });

  it('septic-shock cases are Phoenix septic shock', () => {
    fc.assert(
      fc.property(
        sepsis.filter((c) => c.truth!.subtype === 'septic-shock'),
        (c: Case) => {
          const r = evaluate(c, { only: ['phoenix'] }).results[0]!;
          expect(r.classifications?.['septic-shock'], r.summary).toBe('met');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('every MIS-C case meets CSTE/CDC 2023', () => {
    fc.assert(
      fc.property(misc, (c: Case) => {
        const r = evaluate(c, { only: ['misc-cdc-2023'] }).results[0]!;
        expect(r.status, r.summary).toBe('met');
      }),
      { numRuns: 200 },
    );
  });
});
