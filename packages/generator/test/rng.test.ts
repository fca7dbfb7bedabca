import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { Rng } from '../src/rng.js';

describe('Rng', () => {
  it("draws exactly seedrandom's alea stream for the same seed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 300 }), (seed, draws) => {
        const ours = new Rng(seed);
        const reference = seedrandom.alea(seed);
        for (let i = 0; i < draws; i++) expect(ours.next()).toBe(reference());
      }),
      { numRuns: 500 },
    );
  });

  it('matches on the seeds cases and mixes use', () => {
    for (const seed of ['1:0', '42:999999', '4294967295:9007199254740991', '7:mix:mas:1,sepsis:1:3']) {
      const ours = new Rng(seed);
      const reference = seedrandom.alea(seed);
      for (let i = 0; i < 10_000; i++) expect(ours.next()).toBe(reference());
    }
  });
});
