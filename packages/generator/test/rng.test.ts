import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { probit } from '../src/normal.js';
import { caseRng, Rng } from '../src/rng.js';

describe('Rng', () => {
  it("keeps seedrandom's alea stream exactly for a string key (frozen patients respond as authored)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 300 }), (seed, draws) => {
        const ours = new Rng(seed);
        const reference = seedrandom.alea(seed);
        for (let i = 0; i < draws; i++) expect(ours.next()).toBe(reference());
      }),
      { numRuns: 300 },
    );
  });

  it("steps a numeric key's stream by seedrandom's alea recurrence from its seeded state", () => {
    fc.assert(
      fc.property(fc.nat({ max: 4294967295 }), fc.maxSafeInteger(), fc.integer({ min: 1, max: 300 }), (s, i, draws) => {
        const ours = caseRng(s, i);
        const reference = seedrandom.alea('', { state: ours.state() });
        for (let k = 0; k < draws; k++) expect(ours.next()).toBe(reference());
      }),
      { numRuns: 300 },
    );
    for (const [seed, index] of [
      [1, 0],
      [42, 999_999],
      [4294967295, 9007199254740991],
    ] as const) {
      const ours = caseRng(seed, index);
      const reference = seedrandom.alea('', { state: ours.state() });
      for (let i = 0; i < 10_000; i++) expect(ours.next()).toBe(reference());
    }
  });

  it('seeds Alea with three 32-bit fractions in [0, 1) and the carry 1', () => {
    fc.assert(
      fc.property(fc.nat({ max: 4294967295 }), fc.maxSafeInteger(), (seed, index) => {
        const { c, s0, s1, s2 } = caseRng(seed, index).state();
        expect(c).toBe(1);
        for (const s of [s0, s1, s2]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThan(1);
          expect(Number.isInteger(s * 2 ** 32)).toBe(true);
        }
      }),
    );
  });

  it('gives every case of a seed its own stream, and a number key its own stream apart from its text', () => {
    const starts = new Set<number>();
    for (let index = 0; index < 200_000; index++) starts.add(caseRng(7, index).state().s0);
    expect(starts.size).toBe(200_000); // s0 is a bijection of the index's low word for a fixed seed
    const first = (r: Rng) => [r.next(), r.next(), r.next()];
    expect(first(caseRng(1, 2))).not.toEqual(first(caseRng(2, 1)));
    expect(first(caseRng(1, 2))).not.toEqual(first(new Rng(1, 2, 5)));
    expect(first(caseRng(1, 2))).not.toEqual(first(new Rng('1:2')));
    expect(first(caseRng(1, 2 ** 32))).not.toEqual(first(caseRng(1, 0)));
    expect(first(caseRng(1, 0))).toEqual(first(caseRng(1, 0)));
  });

  it('draws uniforms without a visible first-draw bias across neighbouring cases', () => {
    // Neighbouring keys must not start their streams alike: the first draw of consecutive cases is uniform.
    const n = 100_000;
    const bins = new Array<number>(10).fill(0);
    for (let index = 0; index < n; index++) bins[Math.floor(caseRng(3, index).next() * 10)]!++;
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(5 * Math.sqrt(n / 10)); // ±5 SD
  });

  it('draws standard normals: mean 0, SD 1, normal tail fractions (the ziggurat base strip beyond 3.44 too), no lag-1 correlation', () => {
    for (const seed of ['normal:1', 'normal:2', 'normal:3']) {
      const rng = new Rng(seed);
      const n = 400_000;
      let sum = 0;
      let sq = 0;
      let beyond1 = 0;
      let beyond2 = 0;
      let beyond3 = 0;
      let beyond35 = 0;
      let cross = 0;
      let prev = 0;
      for (let i = 0; i < n; i++) {
        const z = rng.normal();
        sum += z;
        sq += z * z;
        if (Math.abs(z) > 1) beyond1++;
        if (Math.abs(z) > 2) beyond2++;
        if (Math.abs(z) > 3) beyond3++;
        if (Math.abs(z) > 3.5) beyond35++;
        cross += z * prev;
        prev = z;
      }
      const mean = sum / n;
      expect(Math.abs(mean)).toBeLessThan(0.008); // SE 0.0016
      expect(Math.abs(Math.sqrt(sq / n - mean * mean) - 1)).toBeLessThan(0.006); // SE ~0.0011
      expect(Math.abs(beyond1 / n - 0.3173)).toBeLessThan(0.004); // SE ~0.0007
      expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.0017); // SE ~0.00033
      expect(Math.abs(beyond3 / n - 0.0027)).toBeLessThan(0.0005); // SE ~0.00008
      expect(Math.abs(beyond35 / n - 0.000465)).toBeLessThan(0.00018); // SE ~0.000034
      expect(Math.abs(cross / n)).toBeLessThan(0.008); // SE ~0.0016
    }
  });

  it('draws normals whose 50 equiprobable bins pass a chi-square test', () => {
    const bins = 50;
    const edges = Array.from({ length: bins - 1 }, (_, i) => probit((i + 1) / bins));
    for (const seed of ['chi:1', 'chi:2']) {
      const rng = new Rng(seed);
      const n = 500_000;
      const counts = new Array<number>(bins).fill(0);
      for (let i = 0; i < n; i++) {
        const z = rng.normal();
        let lo = 0;
        let hi = bins - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (z < edges[mid]!) hi = mid;
          else lo = mid + 1;
        }
        counts[lo]!++;
      }
      const expected = n / bins;
      const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
      expect(chi2).toBeLessThan(90); // 49 degrees of freedom: P(χ² > 90) ≈ 0.0003
    }
  });

  it('is deterministic: the same key, the same normals', () => {
    const a = caseRng(11, 12);
    const b = caseRng(11, 12);
    for (let i = 0; i < 1000; i++) expect(a.normal()).toBe(b.normal());
  });
});
