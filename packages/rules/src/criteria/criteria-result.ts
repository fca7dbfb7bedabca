import type { TimeWindow } from '../case/time-window.js';
import type { UnitSystem } from '../units/analytes.js';

/** Per item: met, not met, or not assessed (missing data is never "normal"). */
export type ItemStatus = 'met' | 'not-met' | 'not-assessed';

/**
 * Per criteria set:
 * - met / not-met: decided by the assessed items alone;
 * - not-assessable: the items that were not assessed could still change the answer;
 * - not-applicable: the definition does not apply to this patient (e.g. 2016 criteria without sJIA).
 */
export type CriteriaStatus = 'met' | 'not-met' | 'not-assessable' | 'not-applicable';

export type CriteriaSetId =
  | 'hlh-2004'
  | 'eular-acr-2016'
  | 'hscore'
  | 'ms-score'
  | 'ferritin-esr'
  | 'phoenix'
  | 'misc-cdc-2023'
  | 'misc-who-2020';

/** The evidence behind one item: what was read, against what, and on whose authority. */
export interface ItemEvidence {
  readonly id: string;
  readonly label: string;
  readonly status: ItemStatus;
  /** The value read, in `unit` (the threshold's published unit for lab items); null when not assessed. */
  readonly value: number | string | boolean | null;
  readonly unit: string | null;
  /** The cut-off in words, e.g. "≥ 500 ng/mL" or "present". */
  readonly threshold: string;
  /** The hour of the reading used, or null. */
  readonly hour: number | null;
  /** Points this item contributes, for scores. */
  readonly points?: number;
  /** Citation: a reference key from the citations table, optionally with a location. */
  readonly citation: string;
  readonly note?: string;
}

/** Score-type results (HScore, MS score, ferritin:ESR, Phoenix). */
export interface ScoreSummary {
  /** The score from the assessed items (missing items contribute nothing). */
  readonly value: number;
  /** The bounds the score could take if the not-assessed items were known (equal to value when complete). */
  readonly min: number;
  readonly max: number;
  readonly cutoff: string;
  /** For HScore: the probability of hemophagocytic syndrome, with where the number comes from. */
  readonly probability?: { readonly value: number; readonly method: string };
}

export interface CountSummary {
  readonly met: number;
  readonly notAssessed: number;
  readonly required: number;
  readonly of: number;
}

export interface CriteriaResult {
  readonly id: CriteriaSetId;
  readonly name: string;
  readonly citation: string;
  /** The hours read, which window that is (the definition's default up to the decision hour, or the caller's), and the rule applied there. */
  readonly window: TimeWindow & { readonly read: string; readonly rule: string };
  readonly status: CriteriaStatus;
  /** Why the status is what it is, in one sentence. */
  readonly summary: string;
  readonly count?: CountSummary;
  readonly score?: ScoreSummary;
  /** Named sub-classifications, e.g. Phoenix "sepsis" / "septic shock", CDC "confirmed" / "probable". */
  readonly classifications?: Readonly<Record<string, CriteriaStatus>>;
  /**
   * Evidence, not the status: per classification, whether the items not assessed could still turn it
   * to met (Phoenix decides on the data known, as its authors do, and keeps this apart).
   */
  readonly reachable?: Readonly<Record<string, boolean>>;
  readonly items: readonly ItemEvidence[];
  readonly notes: readonly string[];
}

export interface EvaluateOptions {
  /** Override each definition's default window. */
  readonly window?: TimeWindow;
  /**
   * The decision hour: each definition reads its own default window up to it (default: the last hour
   * recorded in the case). Ignored when `window` is given.
   */
  readonly atHour?: number;
  /**
   * The units the lab values were entered in before they were brought to canonical units ('si' or
   * 'conventional'; default 'canonical', i.e. entered as stored). A threshold printed in two units is
   * judged in the unit the value was entered in (HLH-2004 triglycerides ≥ 3.0 mmol/L or ≥ 265 mg/dL).
   */
  readonly enteredUnits?: 'canonical' | UnitSystem;
}

/** A criteria set: a pure function of a case. */
export interface CriteriaSet {
  readonly id: CriteriaSetId;
  readonly name: string;
  readonly evaluate: (c: import('../generated/case.js').Case, options?: EvaluateOptions) => CriteriaResult;
}
