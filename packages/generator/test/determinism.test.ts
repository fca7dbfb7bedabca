import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectedPlan } from '@masdrill/rules';
import {
  caseStream,
  generateCase,
  kindAt,
  parseMix,
  respondToPlans,
  DIFFICULTIES,
  KINDS,
  formatMix,
  MixError,
} from '../src/index.js';

const bytes = (v: unknown): string => JSON.stringify(v);

// Generous timeouts: these build cohorts (or many cases) on a shared machine.
describe('reproducibility', { timeout: 60_000 }, () => {
  it('the same (seed, index) gives the same bytes, alone or inside any cohort, in any order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('standard', 'hard' as const),
        (seed, index, extra, difficulty) => {
          const mix = parseMix('mas:3,sjia-flare:1,sepsis:2,misc:2');
          const n = index + extra;
          const all = [...caseStream({ mix, n, seed, difficulty })];
          const alone = generateCase({ kind: kindAt(mix, seed, index), seed, index, difficulty });
          expect(bytes(all[index])).toBe(bytes(alone));
          // A shard starting at `index` holds the same case.
          const [first] = caseStream({ mix, n: 1, seed, difficulty, start: index });
          expect(bytes(first)).toBe(bytes(alone));
          // Generating in reverse order changes nothing.
          const reversed = Array.from({ length: n }, (_, i) => n - 1 - i).map((i) =>
            generateCase({ kind: kindAt(mix, seed, i), seed, index: i, difficulty }),
          );
          expect(bytes(reversed[n - 1 - index])).toBe(bytes(alone));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the kind of case i does not depend on n, and each block holds the exact proportions', () => {
    const mix = parseMix('mas:10,sepsis:5,misc:5');
    for (const seed of [0, 1, 2026, 4294967295]) {
      const kinds = Array.from({ length: 60 }, (_, i) => kindAt(mix, seed, i));
      for (let b = 0; b < 3; b++) {
        const block = kinds.slice(b * 20, b * 20 + 20);
        expect(block.filter((k) => k === 'mas')).toHaveLength(10);
        expect(block.filter((k) => k === 'sepsis')).toHaveLength(5);
        expect(block.filter((k) => k === 'misc')).toHaveLength(5);
      }
      // Random access agrees with sequential access.
      expect(kindAt(mix, seed, 37)).toBe(kinds[37]);
      expect([...caseStream({ mix, n: 20, seed })].map((c) => c.truth!.kind)).toEqual(kinds.slice(0, 20));
    }
  });

  it('different seeds or indices give different cases', () => {
    expect(bytes(generateCase({ kind: 'mas', seed: 1, index: 0 }))).not.toBe(
      bytes(generateCase({ kind: 'mas', seed: 2, index: 0 })),
    );
    expect(bytes(generateCase({ kind: 'mas', seed: 1, index: 0 }).labs)).not.toBe(
      bytes(generateCase({ kind: 'mas', seed: 1, index: 1 }).labs),
    );
  });

  it('the stream is lazy (asks for nothing it does not yield)', () => {
    const it = caseStream({ kind: 'sepsis', n: 1e9, seed: 3 });
    expect(it.next().value!.id).toBe('gen-3-0');
    expect(it.next().value!.id).toBe('gen-3-1');
  });
});

describe('no clock and no Math.random, by construction', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('generates every kind at every difficulty, and responds to a plan, with Math.random and the clock made to throw', () => {
    const forbidden = (name: string) => (): never => {
      throw new Error(`the generator called ${name}`);
    };
    vi.spyOn(Math, 'random').mockImplementation(forbidden('Math.random'));
    vi.spyOn(Date, 'now').mockImplementation(forbidden('Date.now'));
    vi.spyOn(performance, 'now').mockImplementation(forbidden('performance.now'));
    for (const kind of KINDS)
      for (const difficulty of DIFFICULTIES)
        for (let index = 0; index < 40; index++) {
          const c = generateCase({ kind, seed: 77, index, difficulty });
          if (index < 5) respondToPlans(c, [expectedPlan(c, 'presentation').plan], 72);
        }
    expect(Math.random).not.toHaveBeenCalled();
    expect(Date.now).not.toHaveBeenCalled();
  });
});

describe('parseMix', () => {
  it('reads kind:weight pairs in any order into canonical order', () => {
    expect(formatMix(parseMix('misc:5, sepsis:5,mas:10'))).toBe('mas:10,sepsis:5,misc:5');
    expect(formatMix(parseMix('flare:2'))).toBe('sjia-flare:2');
  });
  it.each(['', 'mas', 'mas:0', 'mas:1.5', 'bogus:3', 'mas:1,mas:2', 'mas:-1'])(
    'rejects %j with a message saying how to fix it',
    (text) => {
      expect(() => parseMix(text)).toThrow(MixError);
    },
  );
  it('knows every kind', () => {
    expect(formatMix(parseMix(KINDS.map((k) => `${k}:1`).join(',')))).toBe(KINDS.map((k) => `${k}:1`).join(','));
  });
});
