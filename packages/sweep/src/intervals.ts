/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Estimate {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export const NO_ESTIMATE: Estimate = { value: null, lower: null, upper: null };

/**
 * A proportion k/n with its Wilson score 95% interval (Wilson EB, J Am Stat Assoc 1927;22:209–12;
 * recommended over the Wald interval by Brown, Cai & DasGupta, Stat Sci 2001;16:101–33).
 */
export function wilson(k: number, n: number): Estimate {
  if (n === 0) return NO_ESTIMATE;
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { value: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/**
 * A likelihood ratio (sensitivity a/(a+c) over false-positive rate b/(b+d)) with the log-method
 * 95% interval (Simel DL, Samsa GP, Matchar DB, J Clin Epidemiol 1991;44:763–70). With a zero in
 * the ratio's numerator or denominator the ratio or its interval is undefined and given as null.
 */
export function likelihoodRatio(a: number, positives: number, b: number, negatives: number): Estimate {
  if (positives === 0 || negatives === 0 || b === 0) return NO_ESTIMATE;
  const value = a / positives / (b / negatives);
  if (a === 0) return { value, lower: null, upper: null };
  const se = Math.sqrt(1 / a - 1 / positives + 1 / b - 1 / negatives);
  return { value, lower: Math.exp(Math.log(value) - Z95 * se), upper: Math.exp(Math.log(value) + Z95 * se) };
}

/** PPV at a set prevalence, from sensitivity and specificity (Bayes' rule). */
export function predictiveValues(
  sensitivity: number,
  specificity: number,
  prevalence: number,
): { ppv: number | null; npv: number | null } {
  const tp = sensitivity * prevalence;
  const fp = (1 - specificity) * (1 - prevalence);
  const tn = specificity * (1 - prevalence);
  const fn = (1 - sensitivity) * prevalence;
  return { ppv: tp + fp > 0 ? tp / (tp + fp) : null, npv: tn + fn > 0 ? tn / (tn + fn) : null };
}

/**
 * The central 95% range of a proportion measured on n patients when the true value is p: the
 * 2.5th and 97.5th percentiles of Binomial(n, p) / n. A synthetic figure inside it is one a study
 * of the published size could have reported had the published value been true.
 */
export function samplingBand(p: number, n: number): { lower: number; upper: number } {
  if (p <= 0) return { lower: 0, upper: 0 };
  if (p >= 1) return { lower: 1, upper: 1 };
  // Log-space pmf: (1 − p)^n underflows for the sizes and proportions published.
  const logPmf: number[] = [n * Math.log(1 - p)];
  for (let k = 0; k < n; k++) logPmf.push(logPmf[k]! + Math.log((n - k) / (k + 1)) + Math.log(p / (1 - p)));
  const peak = Math.max(...logPmf);
  const pmf = logPmf.map((l) => Math.exp(l - peak));
  const total = pmf.reduce((s, x) => s + x, 0);
  let cumulative = 0;
  let lower = -1;
  let upper = n;
  for (let k = 0; k <= n; k++) {
    cumulative += pmf[k]! / total;
    if (lower < 0 && cumulative >= 0.025) lower = k;
    if (cumulative >= 0.975) {
      upper = k;
      break;
    }
  }
  return { lower: lower / n, upper: upper / n };
}
