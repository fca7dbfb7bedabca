import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundedValue,
  probabilityBelow,
  quartiles,
  unboundedValueAt,
  valueAt,
  valueBelow,
  type Quartiles,
} from '../src/distribution.js';
import { normalCdf } from '../src/normal.js';
import { temperatureCourse } from '../src/observations.js';
import { POPULATION_TABLES } from '../src/population-tables.js';
import { Rng } from '../src/rng.js';
import { prior } from '../src/source.js';

function isQuartiles(v: unknown): v is Quartiles {
  return v !== null && typeof v === 'object' && 'median' in v && 'q1' in v && 'q3' in v && 'scale' in v;
}

/** Every bounded quartile distribution in the population tables, with its path. */
function boundedDistributions(): { path: string; d: Quartiles }[] {
  const out: { path: string; d: Quartiles }[] = [];
  const walk = (node: unknown, at: string): void => {
    if (isQuartiles(node)) {
      if (node.min !== undefined || node.max !== undefined) out.push({ path: at, d: node });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) if (k !== 'source') walk(v, `${at}.${k}`);
  };
  walk(POPULATION_TABLES, 'POPULATION_TABLES');
  return out;
}

const N = 10_000;
const DISTRIBUTIONS = boundedDistributions();

describe('bounded quartile distributions truncate, never clamp', () => {
  it('finds the bounded distributions of the tables (ages, durations, temperatures, fever days, labs)', () => {
    const paths = DISTRIBUTIONS.map((x) => x.path);
    for (const p of [
      'mas.ageYears',
      'mas.neonatalAgeDays',
      'mas.sjiaDurationYears',
      'sjiaFlare.ageYears',
      'sepsis.ageYears',
      'sepsis.ferritin.otherwise',
      'misc.feverDaysAtPresentation',
      'misc.labs.crp.at0',
    ]) {
      expect(
        paths.some((x) => x.endsWith(p)),
        p,
      ).toBe(true);
    }
    expect(DISTRIBUTIONS.length).toBeGreaterThan(100);
  });

  for (const { path, d } of DISTRIBUTIONS) {
    it(`${path.replace('POPULATION_TABLES.', '')}: ${N} draws within [${d.min ?? '−∞'}, ${d.max ?? '∞'}], under 1% at a bound, quartiles kept`, () => {
      const rng = new Rng(`bounded:${path}`);
      let outside = 0,
        atBound = 0,
        belowQ1 = 0,
        belowMedian = 0,
        belowQ3 = 0;
      for (let i = 0; i < N; i++) {
        const v = valueAt(d, rng.normal());
        if ((d.min !== undefined && v < d.min) || (d.max !== undefined && v > d.max)) outside++;
        if (v === d.min || v === d.max) atBound++;
        if (v < d.q1) belowQ1++;
        if (v < d.median) belowMedian++;
        if (v < d.q3) belowQ3++;
      }
      expect(outside).toBe(0);
      expect(atBound / N).toBeLessThan(0.01);
      // The published median and quartiles stay the distribution's own (±2 points: 10,000 draws).
      expect(Math.abs(belowQ1 / N - 0.25)).toBeLessThan(0.02);
      expect(Math.abs(belowMedian / N - 0.5)).toBeLessThan(0.02);
      expect(Math.abs(belowQ3 / N - 0.75)).toBeLessThan(0.02);
    });
  }

  it('stays strictly inside the bounds at extreme deviates, monotone in z', () => {
    for (const { d } of DISTRIBUTIONS) {
      let prev = -Infinity;
      for (const z of [-40, -12, -8.5, -6, -3, -1, -0.6745, 0, 0.6745, 1, 3, 6, 8.5, 12, 40]) {
        const v = valueAt(d, z);
        if (d.min !== undefined) expect(v).toBeGreaterThan(d.min);
        if (d.max !== undefined) expect(v).toBeLessThan(d.max);
        expect(v).toBeGreaterThanOrEqual(prev);
        prev = v;
      }
    }
  });

  it('is the split distribution itself between the quartiles and on unbounded sides', () => {
    const d = quartiles(10, 4, 15, 'linear', prior('test'), { min: 1, max: 18 });
    const open = quartiles(10, 4, 15, 'linear', prior('test'));
    for (const z of [-0.6, -0.2, 0, 0.3, 0.67]) expect(valueAt(d, z)).toBe(valueAt(open, z));
    const low = quartiles(10, 4, 15, 'linear', prior('test'), { min: 1 });
    for (const z of [1, 2.5, 5]) expect(valueAt(low, z)).toBe(unboundedValueAt(low, z));
  });

  it('probabilityBelow is the CDF of what valueAt draws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DISTRIBUTIONS), fc.double({ min: -4, max: 4, noNaN: true }), ({ d }, z) => {
        expect(probabilityBelow(d, valueAt(d, z))).toBeCloseTo(normalCdf(z), 5);
      }),
      { numRuns: 500 },
    );
  });

  it('boundedValue maps an unbounded value to the bounded draw at the same deviate', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DISTRIBUTIONS), fc.double({ min: -5, max: 5, noNaN: true }), ({ d }, z) => {
        const v = boundedValue(d, unboundedValueAt(d, z));
        expect(Math.abs(v - valueAt(d, z))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v)));
      }),
      { numRuns: 500 },
    );
  });

  it('valueBelow stays strictly below the limit and within the bounds, with no mass on either', () => {
    const d = POPULATION_TABLES.mas.sjiaDurationYears;
    const rng = new Rng('limits');
    let wrongSide = 0,
      onLimit = 0;
    for (let i = 0; i < N; i++) {
      const limit = 1 + 16 * rng.next();
      const below = valueBelow(d, limit, rng.next());
      if (!(below < limit && below > d.min!)) wrongSide++;
      if (limit - below < 1e-9) onLimit++;
    }
    expect(wrongSide).toBe(0);
    expect(onLimit / N).toBeLessThan(0.01);
  });

  it('rejects bounds inside the IQR (they would contradict the published quartiles)', () => {
    expect(() => quartiles(10, 4, 15, 'linear', prior('test'), { min: 5 })).toThrow(/min/);
    expect(() => quartiles(10, 4, 15, 'linear', prior('test'), { max: 15 })).toThrow(/max/);
  });

  it('febrile readings to 24 h stay ≥ 38.0 °C without piling on it', () => {
    const rng = new Rng('temperature');
    const hours = [0, 12, 24];
    let outside = 0,
      at38 = 0,
      total = 0;
    for (let i = 0; i < N; i++) {
      const peak = 38.1 + 0.6 * rng.next();
      for (const t of temperatureCourse(hours, true, peak, rng)) {
        if (t < 38 || t > peak) outside++;
        if (t === 38) at38++;
        total++;
      }
    }
    expect(outside).toBe(0);
    expect(at38 / total).toBeLessThan(0.01);
  });
});
