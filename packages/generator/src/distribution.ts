import { normalCdf, probit, Z_QUARTILE } from './normal.js';
import type { Source } from './source.js';

/**
 * A continuous distribution given by its median and quartiles (as papers report them). Sampled as a
 * split normal (linear scale) or split log-normal (log scale): the two halves have their own spread,
 * so the median and both quartiles are reproduced exactly and skew is kept. Tails beyond the
 * quartiles are an extrapolation (a design choice). `min`/`max` bound the support: they truncate
 * the tails, they do not clamp them (see `valueAt`), so no mass piles up at a bound.
 */
export interface Quartiles {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly scale: 'log' | 'linear';
  readonly source: Source;
  readonly min?: number;
  readonly max?: number;
}

export function quartiles(median: number, q1: number, q3: number, scale: 'log' | 'linear', source: Source, bounds: { min?: number; max?: number } = {}): Quartiles {
  if (!(q1 <= median && median <= q3)) throw new Error(`quartiles out of order: ${q1} ≤ ${median} ≤ ${q3}`);
  if (scale === 'log' && q1 <= 0) throw new Error('log-scale quartiles must be positive');
  // A bound inside the IQR would contradict the published quartiles (a quarter of the mass lies beyond each).
  if (bounds.min !== undefined && !(bounds.min < q1)) throw new Error(`min ${bounds.min} must lie below q1 ${q1}`);
  if (bounds.max !== undefined && !(bounds.max > q3)) throw new Error(`max ${bounds.max} must lie above q3 ${q3}`);
  return { median, q1, q3, scale, source, ...bounds };
}

/**
 * Quartiles for a distribution whose median and one published proportion are known:
 * P(X < cut) = pBelow, symmetric in the chosen scale.
 */
export function quartilesFromProportion(median: number, cut: number, pBelow: number, scale: 'log' | 'linear', source: Source, bounds: { min?: number; max?: number } = {}): Quartiles {
  const z = probit(pBelow);
  const spread = scale === 'log' ? (Math.log(cut) - Math.log(median)) / z : (cut - median) / z;
  const s = Math.abs(spread) * Z_QUARTILE;
  return scale === 'log'
    ? quartiles(median, median * Math.exp(-s), median * Math.exp(s), scale, source, bounds)
    : quartiles(median, median - s, median + s, scale, source, bounds);
}

/** The unbounded split distribution's value at standard-normal deviate z. */
function splitValue(d: Quartiles, z: number): number {
  if (d.scale === 'log') {
    const m = Math.log(d.median);
    const s = z < 0 ? (m - Math.log(d.q1)) / Z_QUARTILE : (Math.log(d.q3) - m) / Z_QUARTILE;
    return Math.exp(m + z * s);
  }
  const s = z < 0 ? (d.median - d.q1) / Z_QUARTILE : (d.q3 - d.median) / Z_QUARTILE;
  return d.median + z * s;
}

/** The deviate at which the unbounded split distribution takes value x (the inverse of splitValue). */
function splitDeviate(d: Quartiles, x: number): number {
  if (d.scale === 'log') {
    if (x <= 0) return -Infinity;
    const m = Math.log(d.median);
    const lx = Math.log(x);
    const s = lx < m ? (m - Math.log(d.q1)) / Z_QUARTILE : (Math.log(d.q3) - m) / Z_QUARTILE;
    return (lx - m) / s;
  }
  const s = x < d.median ? (d.median - d.q1) / Z_QUARTILE : (d.q3 - d.median) / Z_QUARTILE;
  return (x - d.median) / s;
}

/**
 * The value at standard-normal deviate z (z ~ N(0, 1) gives a draw from the distribution).
 *
 * Between the quartiles this is the split distribution itself. Beyond a quartile on a bounded side
 * the draw stays in its tail: the tail is the split distribution's own tail conditioned to lie
 * between the quartile and the bound, still holding its quarter of the mass — the quantile
 * p = Φ(z) ∈ (0, ¼) is mapped linearly onto (P(X < min), ¼) (mirrored above q3). So bounded draws
 * keep the published median and quartiles exactly, never fall outside [min, max], and put no mass
 * at a bound (the old clamp piled the whole extrapolated tail there: 14.7% of MAS ages at 1.0 y).
 * Monotone in z, so a Gaussian copula through z keeps its rank correlation. One deviate in, one
 * value out: a draw consumes the same random numbers as before.
 */
export function valueAt(d: Quartiles, z: number): number {
  if (z < -Z_QUARTILE && d.min !== undefined) {
    const pMin = normalCdf(splitDeviate(d, d.min));
    const v = splitValue(d, probit(pMin + normalCdf(z) * (0.25 - pMin) / 0.25));
    return v > d.min ? v : nextAbove(d.min); // numerical guard: Φ is approximate to ~1e-7
  }
  if (z > Z_QUARTILE && d.max !== undefined) {
    const pMax = normalCdf(splitDeviate(d, d.max));
    const v = splitValue(d, probit(0.75 + (normalCdf(z) - 0.75) * (pMax - 0.75) / 0.25));
    return v < d.max ? v : nextBelow(d.max);
  }
  return splitValue(d, z);
}

/**
 * The value the bounded distribution takes at the quantile where the unbounded split distribution
 * takes x: x itself between the quartiles, pulled into (min, max) in a bounded tail. Keeps readings
 * derived from a drawn value (a lab trajectory through the hour-0 value) inside the bounds without
 * clamping them onto a bound; boundedValue(d, unboundedValueAt(d, z)) = valueAt(d, z).
 */
export function boundedValue(d: Quartiles, x: number): number {
  if ((x < d.q1 && d.min !== undefined) || (x > d.q3 && d.max !== undefined)) return valueAt(d, splitDeviate(d, x));
  return x;
}

/** The unbounded split distribution's value at deviate z (what valueAt would give without min/max). */
export function unboundedValueAt(d: Quartiles, z: number): number {
  return splitValue(d, z);
}

/**
 * A draw from the distribution truncated to values below `limit` (e.g. an sJIA duration shorter
 * than the child's age), from a uniform u in [0, 1): the quantile u × P(X < limit). Strictly below
 * the limit and within [min, max].
 */
export function valueBelow(d: Quartiles, limit: number, u: number): number {
  const p = probabilityBelow(d, limit);
  const v = valueAt(d, probit(Math.max(1e-12, u * p)));
  return v < limit ? v : nextBelow(limit);
}

/** P(X < x) under the distribution as sampled (0 below min, 1 above max): for draws, tests and reports. */
export function probabilityBelow(d: Quartiles, x: number): number {
  if (d.min !== undefined && x <= d.min) return 0;
  if (d.max !== undefined && x >= d.max) return 1;
  const p = normalCdf(splitDeviate(d, x));
  if (p < 0.25 && d.min !== undefined) {
    const pMin = normalCdf(splitDeviate(d, d.min));
    return Math.max(0, (p - pMin) * 0.25 / (0.25 - pMin));
  }
  if (p > 0.75 && d.max !== undefined) {
    const pMax = normalCdf(splitDeviate(d, d.max));
    return Math.min(1, 0.75 + (p - 0.75) * 0.25 / (pMax - 0.75));
  }
  return p;
}

function nextAbove(x: number): number {
  return x + Math.max(Math.abs(x), 1) * Number.EPSILON * 4;
}

function nextBelow(x: number): number {
  return x - Math.max(Math.abs(x), 1) * Number.EPSILON * 4;
}
