// @masdrill/rules — what is true. Pure, no I/O. The public API is listed here explicitly.

// Case schema and types
export type {
  Case,
  Provenance,
  Patient,
  Background,
  SarsCov2Evidence,
  Encounter,
  Observation,
  LabPanel,
  ReferenceLimits,
  Investigations,
  GroundTruth,
} from './generated/case.js';
export { caseSchema } from './generated/case-schema.js';
export { validateCase, type CaseValidation } from './case/validate-case.js';
export { jsonPath, closest, schemaProblems, type ProblemHints } from './validation/schema-problems.js';
export { lintCase, type LintOptions } from './case/lint-case.js';
export { admitCase, type AdmitOptions, type Admission } from './case/admit-case.js';
export { CASE_UNITS, isCaseUnits, type CaseUnits } from './case/case-units.js';
export { formatProblem, formatProblems, type ValidationProblem } from './validation/validation-problem.js';
export { FIRST_24_HOURS, inWindow, describeWindow, type TimeWindow } from './case/time-window.js';
export {
  worstLab,
  worstObservation,
  findingInWindow,
  latestLab,
  triglyceridesFastingAt,
  type Reading,
  type Worst,
  type NumericObservationField,
  type BooleanObservationField,
} from './case/case-reader.js';

// Units
export {
  ANALYTES,
  NUMERIC_ANALYTES,
  isNumericAnalyte,
  type AnalyteDefinition,
  type NumericAnalyte,
  type UnitSystem,
} from './units/analytes.js';
export { fromCanonical, toCanonical, unitFor, roundToPrecision, UnknownUnitError } from './units/convert.js';
export { DAYS_PER_YEAR } from './units/calendar.js';
export { caseToCanonical, caseFromCanonical } from './units/convert-case.js';
export { roundCaseInUnits, decimalsInUnit } from './units/round-case.js';
export {
  PUBLISHED_REFERENCE_LIMITS,
  publishedReferenceLimit,
  referenceLimit,
  upperReferenceLimit,
  lowerReferenceLimit,
  type PublishedReferenceLimit,
  type ReferenceLimitReading,
} from './units/reference-limits.js';

// Growth references
export {
  WHO_WEIGHT_FOR_AGE,
  CDC_WEIGHT_FOR_AGE,
  weightLmsAt,
  lmsValue,
  weightForAge,
  plausibleWeightRange,
  PLAUSIBLE_WEIGHT_Z,
  type LmsRow,
  type LmsTable,
  type Sex,
} from './growth/weight-for-age.js';

// Citations
export { CITATIONS, citationKeyOf, isKnownCitation, type Citation, type CitationKey } from './citations/citations.js';

// Criteria
export type {
  CriteriaResult,
  CriteriaSet,
  CriteriaSetId,
  CriteriaStatus,
  ItemEvidence,
  ItemStatus,
  ScoreSummary,
  CountSummary,
  EvaluateOptions,
} from './criteria/criteria-result.js';
export {
  compare,
  meetsThreshold,
  labMeetsThreshold,
  describeThreshold,
  formatNumber,
  type Comparator,
  type Threshold,
} from './criteria/threshold.js';
export { countStatus, scoreStatus } from './criteria/count-status.js';
export { evaluate, CRITERIA_SETS, CRITERIA_SET_IDS, defaultWindowOf, type Evaluation } from './criteria/evaluate.js';
export {
  DEFAULT_WINDOW_TEXT,
  defaultWindow,
  lastRecordedHour,
  type DefaultWindowRule,
} from './criteria/default-window.js';
export {
  PHOENIX_SF_RATIO,
  PHOENIX_SF_MAX_SPO2,
  PHOENIX_VASOACTIVES,
  PHOENIX_LACTATE,
  PHOENIX_COAGULATION,
  PHOENIX_COAGULATION_CAP,
  PHOENIX_GCS,
  PHOENIX_GCS_POINTS,
  PHOENIX_FIXED_PUPILS_POINTS,
  PHOENIX_NEURO_CAP,
  PHOENIX_SEPSIS_CUTOFF,
  PHOENIX_MAP_BANDS,
  phoenixMapBand,
} from './criteria/phoenix.js';
export { MISC_CDC_2023 } from './criteria/misc-cdc-2023.js';
export { EULAR_ACR_2016 } from './criteria/eular-acr-2016.js';
// The score tables, for the sweep's histogram grids (a score's reachable range)
export { HSCORE } from './criteria/hscore.js';
export { MS_SCORE } from './criteria/ms-score.js';
export { FERRITIN_ESR } from './criteria/ferritin-esr.js';
// Statuses for sweeps: compiled from the same threshold tables, no evidence, no per-case index
export { CaseStatuses, STATUS_CODES, statusRowOf } from './statuses/case-statuses.js';
export { StatusRow } from './statuses/status-row.js';
export { WindowScan } from './statuses/window-scan.js';
export { PhoenixSystemPoints, type PhoenixInputs } from './statuses/phoenix-system-points.js';
export { MiscCdc2023Categories } from './statuses/misc-cdc-2023-categories.js';
export {
  PUBLISHED_PERFORMANCE,
  type PublishedPerformance,
  type PublishedProportion,
} from './performance/published-performance.js';

// Guideline and scoring
export type {
  Plan,
  Stage,
  DiagnosisId,
  Diagnosis,
  ActionId,
  PlannedAction,
  Dose,
  DoseUnit,
  Frequency,
  Route,
} from './generated/plan.js';
export { planSchema } from './generated/plan-schema.js';
export type {
  ScoreReport,
  ScoreComponent,
  ComponentId,
  Severity,
  FeedbackItem,
  Formula,
  CaseFeatureReading,
  RequirementResult,
} from './generated/score-report.js';
export { scoreReportSchema } from './generated/score-report-schema.js';
export {
  STATEMENTS,
  STATEMENT_IDS,
  isStatementId,
  type Statement,
  type StatementId,
  type StatementSection,
} from './guideline/statements.js';
export { DESIGN_CHOICES, type Basis, type DesignChoice } from './guideline/provenance.js';
export {
  ACTIONS,
  ACTION_IDS,
  isActionId,
  orderKindOf,
  type OrderKind,
  type ActionDefinition,
  type ActionCategory,
  type DoseRule,
  type DoseBasis,
  type DoseScope,
  type Companion,
  type When,
} from './guideline/actions.js';
export {
  caseFeatures,
  type CaseFeatures,
  type CaseKind,
  type InfectionTrigger,
  type FeatureBasis,
  type FeatureReading,
} from './guideline/case-features.js';
export { lumbarPunctureHazards, LP_PLATELETS, type Hazard } from './guideline/procedure-safety.js';
export { bodySurfaceAreaM2 } from './guideline/body-surface-area.js';
export { acceptedDiagnoses, DIAGNOSIS_LABELS, type AcceptedDiagnoses } from './guideline/diagnoses.js';
export {
  INDICATIONS,
  EXTRA_RULES,
  classifyExtra,
  requirementsFor,
  type Requirement,
  type RequirementLevel,
  type IndicationRule,
  type ExtraRule,
  type ExtraLevel,
  type ExtraClassification,
} from './guideline/indications.js';
export { PITFALLS, type PitfallDetector } from './scoring/pitfalls.js';
export { orderHistory, NO_HISTORY, type PriorOrder, type OrderHistory } from './guideline/prior-orders.js';
export {
  treatmentControl,
  MAS_CONTROL,
  PROCESS_CONTROL,
  HIGH_DOSE_ANAKINRA,
  type TreatmentControl,
  type ControlOrder,
  type ControlPatient,
  type HiddenResponsiveness,
  type MasRole,
  type MasControlEntry,
  type ControlledProcess,
  type DoseBand,
} from './guideline/treatment-control.js';
export {
  guidelineInventory,
  basisUses,
  featureGrid,
  type GuidelineInventory,
  type BasisUse,
} from './scoring/inventory.js';
export { SCORING_FORMULA, COMPONENT_LABELS, HARMFUL_OVER_MAXIMUM, formulaText } from './scoring/formula.js';
export {
  checkDose,
  absolutePerDoseMg,
  dosePerKgPerDay,
  DOSES_PER_DOSING_DAY,
  UNIT_INFO,
  type DoseCheck,
  type DoseProblem,
  type DoseProblemKind,
} from './scoring/dose-check.js';
export {
  expectedPlan,
  expectedPlanFor,
  expertDose,
  expertRule,
  type ExpectedPlan,
  type PlanOptions,
} from './scoring/expected-plan.js';
export { scorePlan, SCORE_DISCLAIMER } from './scoring/score-plan.js';
export type { PlanInstance, RequirementOutcome, ScoringContext, PitfallFinding } from './scoring/context.js';
export { validatePlan, lintPlanAgainstCase, type PlanValidation } from './scoring/validate-plan.js';
export { formatScoreReport } from './scoring/format-report.js';
export { SEVERITIES, bySeverity } from './scoring/severity.js';

// Scenarios
export type {
  Scenario,
  ScenarioStage,
  StageAnswers,
  PlanAnswer,
  WrongAnswerSet,
  AnswersFile,
  GenerateSpec,
  Constraints,
  Question,
  Escalation,
  PlanStage,
  StatementRef,
  CriteriaSetId as ScenarioCriteriaSetId,
  CriteriaAnswer,
  CriteriaJudgements,
} from './generated/scenario.js';
export { scenarioSchema } from './generated/scenario-schema.js';
export {
  validateScenario,
  validateAnswers,
  planAnswerProblems,
  type ScenarioValidation,
  type AnswersValidation,
} from './scenario/validate-scenario.js';
export { completePlan, planAnswerOf, type PlanContext } from './scenario/plan-answer.js';
export {
  CRITERIA_ANSWERS,
  criteriaJudgement,
  criteriaKeyOf,
  criteriaNamed,
  type CriteriaAnswerInput,
  type CriteriaJudgement,
} from './scenario/criteria-answer.js';
