import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likelihoodRatio, predictiveValues, samplingBand, wilson } from '../src/intervals.js';

describe('Wilson interval', () => {
  it('matches published worked values', () => {
    // Newcombe, Stat Med 1998;17:857 Table I: 81/263 → 0.2553–0.3662; 0/10 → 0–0.2775.
    const a = wilson(81, 263);
    expect(a.lower).toBeCloseTo(0.2553, 4);
    expect(a.upper).toBeCloseTo(0.3662, 4);
    const b = wilson(0, 10);
    expect(b.lower).toBe(0);
    expect(b.upper).toBeCloseTo(0.2775, 4);
    expect(wilson(0, 0)).toEqual({ value: null, lower: null, upper: null });
  });

  it('holds the estimate inside [lower, upper] ⊂ [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const e = wilson(k, n);
        expect(e.lower!).toBeGreaterThanOrEqual(0);
        expect(e.upper!).toBeLessThanOrEqual(1);
        expect(e.lower!).toBeLessThanOrEqual(e.value! + 1e-12);
        expect(e.upper!).toBeGreaterThanOrEqual(e.value! - 1e-12);
      }),
    );
  });

  it('narrows as n grows at the same proportion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 10 }), (n, tenths) => {
        const k = Math.round((tenths / 10) * n);
        const small = wilson(k, n);
        const large = wilson(k * 4, n * 4);
        expect(large.upper! - large.lower!).toBeLessThan(small.upper! - small.lower! + 1e-12);
      }),
    );
  });
});

describe('likelihood ratios', () => {
  it('gives LR+ = sens / (1 − spec) with a log-method interval around it', () => {
    const lr = likelihoodRatio(90, 100, 10, 100); // sens 0.9, spec 0.9
    expect(lr.value).toBeCloseTo(9, 10);
    expect(lr.lower!).toBeLessThan(9);
    expect(lr.upper!).toBeGreaterThan(9);
    expect(Math.log(lr.value!) - Math.log(lr.lower!)).toBeCloseTo(Math.log(lr.upper!) - Math.log(lr.value!), 10);
  });
  it('gives no ratio when no negative tests positive', () => {
    expect(likelihoodRatio(90, 100, 0, 100).value).toBeNull();
  });
});

describe('predictive values at a prevalence', () => {
  it('follows Bayes’ rule and rises with prevalence (PPV) or falls (NPV)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (se, sp, p) => {
          const a = predictiveValues(se, sp, p);
          const b = predictiveValues(se, sp, p + 0.4);
          expect(a.ppv!).toBeCloseTo((se * p) / (se * p + (1 - sp) * (1 - p)), 12);
          expect(b.ppv!).toBeGreaterThanOrEqual(a.ppv! - 1e-12);
          expect(b.npv!).toBeLessThanOrEqual(a.npv! + 1e-12);
        },
      ),
    );
  });
});

describe('published sampling band', () => {
  it('is the central 95% of Binomial(n, p)/n', () => {
    // Binomial(100, 0.5): P(X ≤ 39) = 0.0176, P(X ≤ 40) = 0.0284 → 2.5th percentile 40; symmetric → 60.
    expect(samplingBand(0.5, 100)).toEqual({ lower: 0.4, upper: 0.6 });
  });
  it('holds the published value and survives sizes where (1 − p)^n underflows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (n, p) => {
        const band = samplingBand(p, n);
        expect(band.lower).toBeLessThanOrEqual(p + 1 / n);
        expect(band.upper).toBeGreaterThanOrEqual(p - 1 / n);
        expect(band.lower).toBeLessThanOrEqual(band.upper);
      }),
    );
    const narrow = samplingBand(0.95, 404);
    expect(narrow.lower).toBeGreaterThan(0.92);
    expect(narrow.upper).toBeLessThan(0.975);
  });
});
