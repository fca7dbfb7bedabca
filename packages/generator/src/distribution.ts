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

export function quartiles(
  median: number,
  q1: number,
  q3: number,
  scale: 'log' | 'linear',
  source: Source,
  bounds: { min?: number; max?: number } = {},
): Quartiles {
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
export function quartilesFromProportion(
  median: number,
  cut: number,
  pBelow: number,
  scale: 'log' | 'linear',
  source: Source,
  bounds: { min?: number; max?: number } = {},
): Quartiles {
  const z = probit(pBelow);
  const spread = scale === 'log' ? (Math.log(cut) - Math.log(median)) / z : (cut - median) / z;
  const s = Math.abs(spread) * Z_QUARTILE;
  return scale === 'log'
    ? quartiles(median, median * Math.exp(-s), median * Math.exp(s), scale, source, bounds)
    : quartiles(median, median - s, median + s, scale, source, bounds);
}

/**
 * A Quartiles distribution with its logs and half-spreads worked out once, drawn from on the
 * sampling scale (the log for log-scale distributions, the value itself for linear ones). Lab
 * readings stay on that scale from the draw to the end and take one exp there (the `…Scaled`
 * methods); the value-scale methods are thin wrappers for draws of one value.
 */
export class SplitDistribution {
  readonly log: boolean;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** The median on the sampling scale (its log for log-scale distributions). */
  private readonly m: number;
  /** Spread per unit deviate below and above the median, on the sampling scale. */
  private readonly sLow: number;
  private readonly sHigh: number;
  /** The quartiles on the sampling scale, where the bounded tails begin. */
  private readonly sq1: number;
  private readonly sq3: number;
  /** Φ of the bounds' deviates (NaN until first needed, or when unbounded on that side). */
  private pMinCache = NaN;
  private pMaxCache = NaN;

  constructor(d: Quartiles) {
    this.log = d.scale === 'log';
    this.median = d.median;
    this.q1 = d.q1;
    this.q3 = d.q3;
    this.min = d.min;
    this.max = d.max;
    this.m = this.scaled(d.median);
    this.sq1 = this.scaled(d.q1);
    this.sq3 = this.scaled(d.q3);
    this.sLow = (this.m - this.sq1) / Z_QUARTILE;
    this.sHigh = (this.sq3 - this.m) / Z_QUARTILE;
  }

  /** A value on the sampling scale (its log for a log-scale distribution). */
  scaled(x: number): number {
    return this.log ? Math.log(x) : x;
  }

  /** The value of a number on the sampling scale (the inverse of `scaled`). */
  unscaled(y: number): number {
    return this.log ? Math.exp(y) : y;
  }

  /** The unbounded split distribution at standard-normal deviate z, on the sampling scale. */
  unboundedScaled(z: number): number {
    return this.m + z * (z < 0 ? this.sLow : this.sHigh);
  }

  /** The unbounded split distribution's value at standard-normal deviate z. */
  unbounded(z: number): number {
    return this.unscaled(this.unboundedScaled(z));
  }

  /** The deviate at which the unbounded split distribution takes y on the sampling scale. */
  deviateOfScaled(y: number): number {
    return (y - this.m) / (y < this.m ? this.sLow : this.sHigh);
  }

  /** The deviate at which the unbounded split distribution takes value x (the inverse of `unbounded`). */
  deviate(x: number): number {
    if (this.log && x <= 0) return -Infinity;
    return this.deviateOfScaled(this.scaled(x));
  }

  /** P(X < min) under the unbounded split distribution. */
  pMin(): number {
    if (Number.isNaN(this.pMinCache)) this.pMinCache = normalCdf(this.deviate(this.min!));
    return this.pMinCache;
  }

  pMax(): number {
    if (Number.isNaN(this.pMaxCache)) this.pMaxCache = normalCdf(this.deviate(this.max!));
    return this.pMaxCache;
  }

  /** See valueAt. */
  valueAt(z: number): number {
    return this.inBoundedTailAt(z) ? this.within(this.unscaled(this.tailScaledAt(z))) : this.unbounded(z);
  }

  /**
   * valueAt on the sampling scale, without the guard that keeps the value strictly within the bounds
   * (`within`, applied to the value once the caller has left the sampling scale).
   */
  valueAtScaled(z: number): number {
    return this.inBoundedTailAt(z) ? this.tailScaledAt(z) : this.unboundedScaled(z);
  }

  /** Whether valueAt maps deviate z through a bounded tail (beyond a quartile on a side with a bound). */
  inBoundedTailAt(z: number): boolean {
    return (z < -Z_QUARTILE && this.min !== undefined) || (z > Z_QUARTILE && this.max !== undefined);
  }

  /** valueAt in a bounded tail (see inBoundedTailAt), on the sampling scale. */
  private tailScaledAt(z: number): number {
    if (z < -Z_QUARTILE) {
      const pMin = this.pMin();
      return this.unboundedScaled(probit(pMin + (normalCdf(z) * (0.25 - pMin)) / 0.25));
    }
    const pMax = this.pMax();
    return this.unboundedScaled(probit(0.75 + ((normalCdf(z) - 0.75) * (pMax - 0.75)) / 0.25));
  }

  /**
   * A value of a bounded tail kept strictly inside (min, max): a numerical guard, since Φ is
   * approximate to ~1e-7 and the exp of a log near a bound may round onto it.
   */
  within(v: number): number {
    if (this.min !== undefined && !(v > this.min)) return nextAbove(this.min);
    if (this.max !== undefined && !(v < this.max)) return nextBelow(this.max);
    return v;
  }

  /** Whether `bounded` moves x: x lies beyond a quartile on a bounded side. */
  inBoundedTail(x: number): boolean {
    return (x < this.q1 && this.min !== undefined) || (x > this.q3 && this.max !== undefined);
  }

  /** Whether `boundedScaled` moves y (on the sampling scale): y lies beyond a quartile on a bounded side. */
  inBoundedTailScaled(y: number): boolean {
    return (y < this.sq1 && this.min !== undefined) || (y > this.sq3 && this.max !== undefined);
  }

  /** `bounded` on the sampling scale, without the final guard (see valueAtScaled). */
  boundedScaled(y: number): number {
    return this.inBoundedTailScaled(y) ? this.valueAtScaled(this.deviateOfScaled(y)) : y;
  }

  /** See boundedValue. */
  bounded(x: number): number {
    return this.inBoundedTail(x) ? this.valueAt(this.deviate(x)) : x;
  }
}

const SPLITS = new WeakMap<Quartiles, SplitDistribution>();

/** The worked-out form of a distribution (one per Quartiles object). */
export function splitOf(d: Quartiles): SplitDistribution {
  let split = SPLITS.get(d);
  if (split === undefined) SPLITS.set(d, (split = new SplitDistribution(d)));
  return split;
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
  return splitOf(d).valueAt(z);
}

/**
 * The value the bounded distribution takes at the quantile where the unbounded split distribution
 * takes x: x itself between the quartiles, pulled into (min, max) in a bounded tail. Keeps readings
 * derived from a drawn value (a lab trajectory through the hour-0 value) inside the bounds without
 * clamping them onto a bound; boundedValue(d, unboundedValueAt(d, z)) = valueAt(d, z).
 */
export function boundedValue(d: Quartiles, x: number): number {
  return splitOf(d).bounded(x);
}

/** The unbounded split distribution's value at deviate z (what valueAt would give without min/max). */
export function unboundedValueAt(d: Quartiles, z: number): number {
  return splitOf(d).unbounded(z);
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
  const split = splitOf(d);
  const p = normalCdf(split.deviate(x));
  if (p < 0.25 && d.min !== undefined) {
    const pMin = split.pMin();
    return Math.max(0, ((p - pMin) * 0.25) / (0.25 - pMin));
  }
  if (p > 0.75 && d.max !== undefined) {
    const pMax = split.pMax();
    return Math.min(1, 0.75 + ((p - 0.75) * 0.25) / (pMax - 0.75));
  }
  return p;
}

function nextAbove(x: number): number {
  return x + Math.max(Math.abs(x), 1) * Number.EPSILON * 4;
}

function nextBelow(x: number): number {
  return x - Math.max(Math.abs(x), 1) * Number.EPSILON * 4;
}
