import { normalCdf, probit, Z_QUARTILE } from './normal.js';
import type { Source } from './source.js';

/**
 * A continuous distribution given by its median and quartiles (as papers report them). Sampled as a
 * split normal (linear scale) or split log-normal (log scale): the two halves have their own spread,
 * so the median and both quartiles are reproduced exactly and skew is kept. Tails beyond the
 * quartiles are an extrapolation (a design choice); `min`/`max` clamp them.
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

/** The value at standard-normal deviate z. */
export function valueAt(d: Quartiles, z: number): number {
  let v: number;
  if (d.scale === 'log') {
    const m = Math.log(d.median);
    const s = z < 0 ? (m - Math.log(d.q1)) / Z_QUARTILE : (Math.log(d.q3) - m) / Z_QUARTILE;
    v = Math.exp(m + z * s);
  } else {
    const s = z < 0 ? (d.median - d.q1) / Z_QUARTILE : (d.q3 - d.median) / Z_QUARTILE;
    v = d.median + z * s;
  }
  if (d.min !== undefined && v < d.min) v = d.min;
  if (d.max !== undefined && v > d.max) v = d.max;
  return v;
}

/**
 * A draw from the distribution truncated to values below `limit` (e.g. an sJIA duration shorter
 * than the child's age), from a uniform u in [0, 1): the quantile u × P(X < limit).
 */
export function valueBelow(d: Quartiles, limit: number, u: number): number {
  const p = probabilityBelow(d, limit);
  return Math.min(valueAt(d, probit(Math.max(1e-12, u * p))), limit);
}

/** P(X < x) under the distribution (ignoring clamps): for tests and reports. */
export function probabilityBelow(d: Quartiles, x: number): number {
  if (d.scale === 'log') {
    const m = Math.log(d.median);
    const lx = Math.log(x);
    const s = lx < m ? (m - Math.log(d.q1)) / Z_QUARTILE : (Math.log(d.q3) - m) / Z_QUARTILE;
    return normalCdf((lx - m) / s);
  }
  const s = x < d.median ? (d.median - d.q1) / Z_QUARTILE : (d.q3 - d.median) / Z_QUARTILE;
  return normalCdf((x - d.median) / s);
}
