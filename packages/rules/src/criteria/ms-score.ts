import type { Case } from '../generated/case.js';
import { FIRST_24_HOURS } from '../case/time-window.js';
import type { CriteriaResult, CriteriaSet, EvaluateOptions } from './criteria-result.js';

// STUB: to be implemented from ../shared/clinical-reference.md.
function evaluate(_c: Case, options: EvaluateOptions = {}): CriteriaResult {
  const window = options.window ?? FIRST_24_HOURS;
  return {
    id: 'ms-score', name: 'MS score (MAS vs active sJIA)', citation: 'minoia-2019',
    window: { ...window, rule: 'worst value in the window' },
    status: 'not-assessable', summary: 'not implemented yet', items: [], notes: [],
  };
}

export const msScore: CriteriaSet = { id: 'ms-score', name: 'MS score (MAS vs active sJIA)', evaluate };
