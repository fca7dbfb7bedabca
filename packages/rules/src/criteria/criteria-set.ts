import type { Case } from '../generated/case.js';
import { CaseIndex } from '../case/case-index.js';
import { FIRST_24_HOURS } from '../case/time-window.js';
import type { CriteriaResult, CriteriaSet, CriteriaSetId, EvaluateOptions } from './criteria-result.js';

/**
 * A criteria set computed from a CaseIndex, so that `evaluate` reads a case once for all the sets
 * it runs; `evaluate(c, options)` on the set itself builds its own index.
 */
export interface IndexedCriteriaSet extends CriteriaSet {
  readonly evaluateIndexed: (index: CaseIndex) => CriteriaResult;
}

/** The index every definition reads: the caller's window, else the first 24 hours (each definition's default). */
export function caseIndexFor(c: Case, options: EvaluateOptions = {}): CaseIndex {
  return new CaseIndex(c, options.window ?? FIRST_24_HOURS);
}

export function indexedCriteriaSet(id: CriteriaSetId, name: string, evaluateIndexed: (index: CaseIndex) => CriteriaResult): IndexedCriteriaSet {
  return { id, name, evaluate: (c, options) => evaluateIndexed(caseIndexFor(c, options)), evaluateIndexed };
}
