import type { CitationKey } from '../citations/citations.js';
import type { CriteriaSetId } from '../criteria/criteria-result.js';

/** A published proportion (sensitivity or specificity) with the group size it was measured on, when the source gives one. */
export interface PublishedProportion {
  readonly value: number;
  /** Patients in the group the proportion is of (positives for sensitivity, negatives for specificity); null when the source does not say. */
  readonly n: number | null;
}

/**
 * One published performance figure of a criteria set (or a single marker), with its source.
 * Numbers are as clinical-reference.md §1 gives them; `comparable` says whether a synthetic figure
 * may be held against it: the published rule is the one the engine applies (same items, same
 * cut-off) and was measured in children, as the synthetic cohorts are.
 */
export interface PublishedPerformance {
  readonly id: string;
  /** The criteria set, or 'ferritin' for ferritin alone. */
  readonly subject: CriteriaSetId | 'ferritin';
  readonly cutoff: string;
  readonly positives: string;
  readonly negatives: string;
  /** When the features were read, in the source's words. */
  readonly timePoint: string;
  readonly sensitivity: PublishedProportion;
  readonly specificity: PublishedProportion;
  readonly comparable: boolean;
  readonly citation: CitationKey;
  /** Where in clinical-reference.md, and what the reader should know. */
  readonly note: string;
}

export const PUBLISHED_PERFORMANCE: readonly PublishedPerformance[] = [
  {
    id: 'ravelli-2016-validation',
    subject: 'eular-acr-2016',
    cutoff: 'ferritin > 684 ng/mL and 2 of 4',
    positives: 'sJIA with MAS',
    negatives: 'active sJIA without MAS or systemic infection',
    timePoint: 'features at MAS onset',
    sensitivity: { value: 0.73, n: null },
    specificity: { value: 0.99, n: null },
    comparable: true,
    citation: 'ravelli-2016',
    note: 'clinical-reference.md §1.2. The derivation used 428 expert-classified profiles (161 sJIA-MAS, 267 confusable); the size of the validation sample behind 0.73/0.99 is not given there, so no sampling band.',
  },
  {
    id: 'minoia-2019-development',
    subject: 'ms-score',
    cutoff: 'MS ≥ −2.1',
    positives: 'sJIA with MAS',
    negatives: 'active sJIA without MAS',
    timePoint: 'MAS onset (same multinational cohort)',
    sensitivity: { value: 0.85, n: 362 },
    specificity: { value: 0.95, n: 404 },
    comparable: true,
    citation: 'minoia-2019',
    note: 'clinical-reference.md §1.4: development sample 362 MAS vs 404 active sJIA (80/20 split; Bayesian model averaging), κ 0.80, model AUC 0.95.',
  },
  {
    id: 'eloseily-2019-ratio',
    subject: 'ferritin-esr',
    cutoff: 'ferritin:ESR ≥ 21.5',
    positives: 'sJIA with MAS',
    negatives: 'active sJIA without MAS',
    timePoint: 'MAS onset (same international cohort)',
    sensitivity: { value: 0.82, n: null },
    specificity: { value: 0.78, n: null },
    comparable: true,
    citation: 'eloseily-2019',
    note: 'clinical-reference.md §1.5; group sizes not given there, so no sampling band.',
  },
  {
    id: 'eloseily-2019-ferritin',
    subject: 'ferritin',
    cutoff: 'the cut-off giving 95% sensitivity (value [U])',
    positives: 'all-cause MAS',
    negatives: 'febrile hospitalized children',
    timePoint: 'MAS onset',
    sensitivity: { value: 0.95, n: null },
    specificity: { value: 0.893, n: null },
    comparable: false,
    citation: 'eloseily-2019',
    note: 'clinical-reference.md §1.5: specificity at a fixed 95% sensitivity; the ferritin cut-off itself is unverified, so it is shown beside the ROC curve, not held against a status.',
  },
  {
    id: 'fardet-2014-derivation',
    subject: 'hscore',
    cutoff: 'HScore ≥ 169',
    positives: 'reactive hemophagocytic syndrome (adults)',
    negatives: 'no reactive hemophagocytic syndrome (adults)',
    timePoint: 'at evaluation',
    sensitivity: { value: 0.93, n: 162 },
    specificity: { value: 0.86, n: 104 },
    comparable: false,
    citation: 'fardet-2014',
    note: 'clinical-reference.md §1.3: 312 patients, 162 reactive HS, 104 not, 46 undetermined; developed in adults, not validated in children or ICU, so shown beside the pediatric synthetic cohort, not held against it.',
  },
  {
    id: 'lachmann-2020-icu',
    subject: 'hlh-2004',
    cutoff: '≥ 4 of 8 criteria (the guideline says 5)',
    positives: 'HLH (adult ICU, ferritin ≥ 500 µg/L)',
    negatives: 'no HLH (adult ICU, ferritin ≥ 500 µg/L)',
    timePoint: 'ICU stay',
    sensitivity: { value: 0.95, n: 40 },
    specificity: { value: 0.936, n: 2583 },
    comparable: false,
    citation: 'lachmann-2020',
    note: 'clinical-reference.md §1.1: n = 2623 with 40 HLH; best cut-off 4 criteria, not the 5 the engine applies, so shown, not compared.',
  },
];
