/**
 * The probability of hemophagocytic syndrome for an HScore.
 *
 * Fardet 2014 publishes a table (HScore → probability), not a formula. masdrill uses its OWN
 * logistic fit to that table: the minimax fit over the 15 exactly-tabulated points,
 *   logit P = −10.41 + 0.06234 × HScore   (largest error 0.76 percentage points; "<1" at 90 and ">99" at ≥250 hold).
 * clinical-reference.md §1.3 gives −10.54 + 0.0628 and claims ±2 points everywhere, but that fit
 * misses the table at HScore 160 by 2.06 points (37.9 % vs 40 %), so it was refitted.
 * A test checks the fit against every published table point within ±2 percentage points.
 */
export const HSCORE_PROBABILITY_FIT = {
  intercept: -10.41,
  slope: 0.06234,
  citation: 'masdrill-hscore-fit',
  method:
    "masdrill's own logistic fit to the published HScore probability table (Fardet 2014), logit P = −10.41 + 0.06234 × HScore (within 0.76 percentage points of every tabulated value); not a published formula",
} as const;

/** The published table (Fardet 2014): HScore → probability in percent; `<` / `>` mark the open ends ("<1", ">99"). */
export const HSCORE_PROBABILITY_TABLE: readonly {
  readonly score: number;
  readonly percent: number;
  readonly bound?: '<' | '>';
}[] = [
  { score: 90, percent: 1, bound: '<' },
  { score: 100, percent: 1 },
  { score: 110, percent: 3 },
  { score: 120, percent: 5 },
  { score: 130, percent: 9 },
  { score: 140, percent: 16 },
  { score: 150, percent: 25 },
  { score: 160, percent: 40 },
  { score: 170, percent: 54 },
  { score: 180, percent: 70 },
  { score: 190, percent: 80 },
  { score: 200, percent: 88 },
  { score: 210, percent: 93 },
  { score: 220, percent: 96 },
  { score: 230, percent: 98 },
  { score: 240, percent: 99 },
  { score: 250, percent: 99, bound: '>' },
];

/** Probability (0–1) of hemophagocytic syndrome by masdrill's fit. */
export function hscoreProbability(score: number): number {
  return 1 / (1 + Math.exp(-(HSCORE_PROBABILITY_FIT.intercept + HSCORE_PROBABILITY_FIT.slope * score)));
}
