import type { Case } from '../generated/case.js';
import { FIRST_24_HOURS } from '../case/time-window.js';
import type { CriteriaResult, CriteriaSet, EvaluateOptions } from './criteria-result.js';

// STUB: to be implemented from ../shared/clinical-reference.md.
function evaluate(_c: Case, options: EvaluateOptions = {}): CriteriaResult {
  const window = options.window ?? FIRST_24_HOURS;
  return {
    id: 'hscore', name: 'HScore', citation: 'fardet-2014',
    window: { ...window, rule: 'worst value in the window' },
    status: 'not-assessable', summary: 'not implemented yet', items: [], notes: [],
  };
}

export const hscore: CriteriaSet = { id: 'hscore', name: 'HScore', evaluate };
