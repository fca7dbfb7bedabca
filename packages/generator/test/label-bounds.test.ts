import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case, Observation } from '@masdrill/rules';
import { generateCase, KINDS, DIFFICULTIES } from '../src/index.js';
import { phoenixSurelyAtLeastTwo } from '../src/label-bounds.js';
import { phoenixParts } from '../src/label-checks.js';

// The cheap check skips the rules' Phoenix calculator while cases are built; it must never disagree with it.
const strip = (o: Observation): Observation => ({
  ...o,
  vasoactiveCount: 0,
  shock: false,
  giSymptoms: false,
  rash: false,
});
/** A generated case, and variants pushed toward the cut-offs and the "no" side. */
function variants(c: Case): Case[] {
  return [
    c,
    { ...c, observations: c.observations.map(strip), labs: c.labs.map(({ inr: _inr, ...l }) => l) },
    {
      ...c,
      observations: c.observations.map(strip),
      labs: c.labs.map((l) => ({ ...l, platelets: 150, alc: 1, troponin: 14 })),
      investigations: {
        ...c.investigations,
        echo: (c.investigations.echo ?? []).map((e) => ({ ...e, lvefPercent: 55, coronaryZMax: 1.9 })),
      },
    },
    { ...c, labs: c.labs.map((l) => ({ ...l, platelets: 99, inr: 1.31, lactate: 5 })) },
  ];
}

describe("the cheap Phoenix check agrees with the rules' calculator whenever it answers", () => {
  it('Phoenix: "surely ≥ 2" is never wrong', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.constantFrom(...DIFFICULTIES),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.nat(10_000),
        (kind, difficulty, seed, index) => {
          for (const v of variants(generateCase({ kind, seed, index, difficulty }))) {
            if (phoenixSurelyAtLeastTwo(v.observations, v.labs))
              expect(phoenixParts(v.patient, v.observations, v.labs).total).toBeGreaterThanOrEqual(2);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000); // 400 generated cases, each in several variants: generous on a shared machine
});
