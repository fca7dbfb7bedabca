import { Z95, type Estimate } from './intervals.js';

export interface RocPoint {
  /** "Positive" means score ≥ threshold. */
  readonly threshold: number;
  readonly sensitivity: number;
  readonly specificity: number;
}

export interface Roc {
  readonly positives: number;
  readonly negatives: number;
  /** From the highest threshold down (the curve from (0,0) to (1,1)); the first point is "nobody positive". */
  readonly points: readonly RocPoint[];
  readonly auc: Estimate;
  /** The threshold maximising Youden's J = sensitivity + specificity − 1 (the lowest such threshold on a tie). */
  readonly youden: (RocPoint & { readonly j: number }) | null;
}

/**
 * The empirical ROC curve of "score ≥ t" from two histograms on one grid (counts per slot, and each
 * slot's lower edge `thresholds`, ascending), with the AUC as the Mann–Whitney probability that a
 * positive outscores a negative (values in one slot tie: half) and its 95% interval from the
 * Hanley–McNeil standard error (Hanley JA, McNeil BJ, Radiology 1982;143:29–36).
 */
export function rocFromHistograms(
  positive: ArrayLike<number>,
  negative: ArrayLike<number>,
  thresholds: ArrayLike<number>,
): Roc {
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < thresholds.length; i++) {
    positives += positive[i]!;
    negatives += negative[i]!;
  }
  if (positives === 0 || negatives === 0)
    return { positives, negatives, points: [], auc: { value: null, lower: null, upper: null }, youden: null };
  const points: RocPoint[] = [{ threshold: Infinity, sensitivity: 0, specificity: 1 }];
  let tp = 0;
  let fp = 0;
  let area = 0;
  let youden: (RocPoint & { j: number }) | null = null;
  for (let slot = thresholds.length - 1; slot >= 0; slot--) {
    const p = positive[slot]!;
    const n = negative[slot]!;
    if (p === 0 && n === 0) continue;
    // Negatives below this slot are outscored by its positives; negatives in it tie (half).
    area += p * (negatives - fp - n) + 0.5 * p * n;
    tp += p;
    fp += n;
    const point = { threshold: thresholds[slot]!, sensitivity: tp / positives, specificity: 1 - fp / negatives };
    points.push(point);
    const j = point.sensitivity + point.specificity - 1;
    if (youden === null || j >= youden.j) youden = { ...point, j };
  }
  const a = area / (positives * negatives);
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const se = Math.sqrt(
    Math.max(
      0,
      (a * (1 - a) + (positives - 1) * (q1 - a * a) + (negatives - 1) * (q2 - a * a)) / (positives * negatives),
    ),
  );
  return {
    positives,
    negatives,
    points,
    auc: { value: a, lower: Math.max(0, a - Z95 * se), upper: Math.min(1, a + Z95 * se) },
    youden,
  };
}
