// @masdrill/rules — what is true. Pure, no I/O. The public API is listed here explicitly.

// Case schema and types
export type {
  Case, Provenance, Patient, Background, SarsCov2Evidence, Encounter, Observation, LabPanel,
  ReferenceLimits, Investigations, GroundTruth,
} from './generated/case.js';
export { caseSchema } from './generated/case-schema.js';
export { validateCase, jsonPath, type CaseValidation } from './case/validate-case.js';
export { lintCase } from './case/lint-case.js';
export { formatProblem, type ValidationProblem } from './case/validation-problem.js';
export { FIRST_24_HOURS, inWindow, describeWindow, type TimeWindow } from './case/time-window.js';
export {
  worstLab, worstObservation, findingInWindow, latestLab, triglyceridesFastingAt,
  type Reading, type Worst, type NumericObservationField, type BooleanObservationField,
} from './case/case-reader.js';

// Units
export { ANALYTES, NUMERIC_ANALYTES, isNumericAnalyte, type AnalyteDefinition, type NumericAnalyte, type UnitSystem } from './units/analytes.js';
export { fromCanonical, toCanonical, unitFor, roundToPrecision, UnknownUnitError } from './units/convert.js';
export { caseToCanonical, caseFromCanonical } from './units/convert-case.js';
export {
  PUBLISHED_REFERENCE_LIMITS, upperReferenceLimit, lowerReferenceLimit, type PublishedReferenceLimit, type ReferenceLimitReading,
} from './units/reference-limits.js';

// Citations
export { CITATIONS, citationKeyOf, isKnownCitation, type Citation, type CitationKey } from './citations/citations.js';

// Criteria
export type {
  CriteriaResult, CriteriaSet, CriteriaSetId, CriteriaStatus, ItemEvidence, ItemStatus, ScoreSummary, CountSummary, EvaluateOptions,
} from './criteria/criteria-result.js';
export { compare, meetsThreshold, labMeetsThreshold, describeThreshold, formatNumber, type Comparator, type Threshold } from './criteria/threshold.js';
export { countStatus, scoreStatus } from './criteria/count-status.js';
export { evaluate, CRITERIA_SETS, CRITERIA_SET_IDS, type Evaluation } from './criteria/evaluate.js';
