import type { Case } from '../generated/case.js';
import { CaseIndex } from '../case/case-index.js';
import type { TimeWindow } from '../case/time-window.js';
import type { CriteriaResult, CriteriaSet, CriteriaSetId, EvaluateOptions } from './criteria-result.js';
import { defaultWindow, type DefaultWindowRule } from './default-window.js';

/**
 * A criteria set computed from a CaseIndex, so that `evaluate` reads a case once for all the sets
 * that read the same window; `evaluate(c, options)` on the set itself builds its own index.
 */
export interface IndexedCriteriaSet extends CriteriaSet {
  /** The window the definition describes, read by default (up to the decision hour). */
  readonly defaultWindow: DefaultWindowRule;
  readonly evaluateIndexed: (index: CaseIndex, options: EvaluateOptions) => CriteriaResult;
}

/** The window a set reads: the caller's, else the set's own default up to the decision hour. */
export function windowFor(c: Case, rule: DefaultWindowRule, options: EvaluateOptions = {}): TimeWindow {
  return options.window ?? defaultWindow(c, rule, options.atHour);
}

export function indexedCriteriaSet(
  id: CriteriaSetId,
  name: string,
  defaultWindowRule: DefaultWindowRule,
  evaluateIndexed: (index: CaseIndex, options: EvaluateOptions) => CriteriaResult,
): IndexedCriteriaSet {
  return {
    id,
    name,
    defaultWindow: defaultWindowRule,
    evaluate: (c, options = {}) => evaluateIndexed(new CaseIndex(c, windowFor(c, defaultWindowRule, options)), options),
    evaluateIndexed,
  };
}
