import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '@masdrill/rules';
import { caseStream, DIFFICULTIES, generateCase, KINDS, parseMix } from '../src/index.js';

const HORIZON = 24;

/** The whole case as a cut one must be: its rows after the horizon removed, its id marked. */
function cutByHand(whole: Case, throughHour: number): Case {
  return {
    ...whole,
    id: `${whole.id}-through-${throughHour}h`,
    labs: whole.labs.filter((p) => p.hour <= throughHour),
    observations: whole.observations.filter((o) => o.hour <= throughHour),
  };
}

// Generous timeouts: many cases on a shared machine.
describe('a case generated through an hour (for sweeps)', { timeout: 120_000 }, () => {
  it('is the whole case with its labs and observations after that hour removed, the truth unchanged', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(...DIFFICULTIES),
        fc.constantFrom(HORIZON, 30, 48),
        (kind, seed, index, difficulty, throughHour) => {
          const whole = generateCase({ kind, seed, index, difficulty });
          const cut = generateCase({ kind, seed, index, difficulty }, { throughHour });
          // Not vacuous: the whole case has rows after the horizon (labs at 48 and 72 h, observations too).
          expect(whole.labs.some((p) => p.hour > throughHour)).toBe(true);
          expect(whole.observations.some((o) => o.hour > throughHour)).toBe(true);
          expect(cut).toStrictEqual(cutByHand(whole, throughHour));
          expect(cut.truth).toStrictEqual(whole.truth);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('is marked in its id, and the same alone or from a cohort stream', () => {
    const mix = parseMix('mas:1,sjia-flare:1,sepsis:1,misc:1');
    const cases = [...caseStream({ mix, n: 12, seed: 3, start: 100, throughHour: HORIZON })];
    const whole = [...caseStream({ mix, n: 12, seed: 3, start: 100 })];
    cases.forEach((c, i) => {
      expect(c.id).toBe(`gen-3-${100 + i}-through-24h`);
      expect(c).toStrictEqual(cutByHand(whole[i]!, HORIZON));
    });
  });

  it('refuses a horizon inside the first day (the generator checks its labels over hours 0–24)', () => {
    for (const throughHour of [0, 12, 23.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => generateCase({ kind: 'mas', seed: 1, index: 0 }, { throughHour })).toThrow(/throughHour/);
    expect(() => caseStream({ kind: 'mas', n: 1, seed: 1, throughHour: 12 }).next()).toThrow(/throughHour/);
  });
});
