// @masdrill/rules/evaluate — the part of the rules a command that only admits and evaluates cases
// needs (`masdrill evaluate`), without the guideline, plan scoring or scenarios the main entry also
// loads: start-up is mostly imports, and this entry loads about half the modules. Every name here
// is also exported, unchanged, by the main entry (index.ts).
export type { Case } from './generated/case.js';
export { admitCase, type AdmitOptions, type Admission } from './case/admit-case.js';
export { CASE_UNITS, isCaseUnits, type CaseUnits } from './case/case-units.js';
export { formatProblem, formatProblems, type ValidationProblem } from './validation/validation-problem.js';
export type { TimeWindow } from './case/time-window.js';
export { evaluate, CRITERIA_SET_IDS, type Evaluation } from './criteria/evaluate.js';
export type { CriteriaResult, CriteriaSetId, ItemEvidence } from './criteria/criteria-result.js';
