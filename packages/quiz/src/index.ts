// @masdrill/quiz — what a trainee does: scenarios played as sessions through a pure reducer.
// The public API, listed explicitly.

// Session engine
export type {
  SessionState,
  SessionAction,
  StageView,
  StageReport,
  SessionReport,
  QuestionResult,
  StageFeedback,
  CourseEntry,
  GivenAnswers,
  OrderInput,
  StageShown,
  StatementQuote,
} from './session-types.js';
export { createSession, sessionReducer, planOfOrders, FINAL_COURSE_AFTER_HOURS } from './session.js';
export { scoreStage, workingDiagnosis, QUESTION_WEIGHTS } from './stage-score.js';

// Orders in force
export {
  makeOrder,
  orderStatus,
  notStopped,
  priorOrdersAt,
  isDone,
  isChangeable,
  reconcile,
  type Order,
  type OrderStatus,
  type OrderLine,
  type Reconciled,
} from './orders.js';
export { orderKindRule, type OrderKindRule } from './order-kinds.js';
export { planStageFor, escalationFor } from './course-stage.js';
export { expertAnswers } from './expert.js';
export { playSession, fromAnswersFile, expertExcept, EXPERT, SessionError, type AnswerSource } from './play.js';
export { sessionReport, formatSessionReport } from './report.js';
export { showScenario, formatShownScenario, type ShownScenario } from './show-scenario.js';

// Questions and the trainee's view
export {
  DIAGNOSIS_MIMICS,
  ALL_CRITERIA_SETS,
  defaultDiagnosisOptions,
  criteriaAt,
  criteriaKeyAt,
  criteriaMetAt,
  scenarioSeed,
} from './questions.js';
export { diagnosisFeedback, criteriaFeedback, planNotes } from './question-feedback.js';
export { escalationFeedback, type EscalationContext } from './escalation-feedback.js';
export { stageSituation, orderLines, stageOrderLines, planLines, statusText } from './stage-situation.js';
export { visibleCase } from './visible-case.js';
export { seededShuffle, hashSeed } from './seeded-order.js';

// Scenarios
export { drillScenario, DEFAULT_STAGES } from './drill.js';
export { teachableDrill, TEACHABLE_DRILL_TRIES } from './teachable-drill.js';
export { generatedCaseOf, constraintProblems, caseFacts } from './scenario-case.js';
export { checkScenario, lintScenario, type ScenarioCheck, type WrongSetResult } from './lint-scenario.js';

// The front ends' view of a session (the only coupling of a UI to the engine)
export {
  viewOf,
  debriefOf,
  orderEntryCheck,
  orderRows,
  searchCatalogue,
  orderText,
  labRows,
  formatValue,
  ACTION_CATALOGUE,
  type QuizView,
  type QuizAction,
  type OrderRow,
  type LabRow,
  type LabFlag,
  type PatientView,
  type StageQuestions,
  type Choice,
  type OrderDraft,
  type CatalogueEntry,
  type OrderCheck,
  type Debrief,
  type DebriefStage,
  type DebriefFeedback,
} from './view.js';

// Attempt history (pure: the CLI reads and appends the file)
export {
  TOPICS,
  attemptRecord,
  parseAttemptLog,
  attemptStats,
  weakTopics,
  type Topic,
  type AttemptRecord,
  type LogProblem,
  type TopicStats,
  type AttemptStats,
} from './history/attempt-log.js';
