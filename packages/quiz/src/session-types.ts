import type {
  Case, CriteriaSetId, DiagnosisId, Escalation, ExpectedPlan, FeedbackItem, Plan, PlanAnswer, Question, Scenario, ScenarioStage, ScoreReport, Stage, StageAnswers,
} from '@masdrill/rules';
import type { CourseReason, MasTreatment, ResponseCourse } from '@masdrill/generator';

/** The patient's course as seen at a stage (from the plans so far). */
export interface CourseEntry {
  readonly stageId: string;
  readonly hour: number;
  readonly course: ResponseCourse;
  /** A process the guideline treats is not falling on the plan in force. */
  readonly inadequate: boolean;
  readonly masTreatment: MasTreatment;
  readonly reasons: readonly CourseReason[];
}

/** What the trainee is facing now. */
export interface StageView {
  readonly index: number;
  readonly stage: ScenarioStage;
  readonly hour: number;
  /** The case as the trainee sees it: rows up to this hour, no ground truth, no outcome. */
  readonly visible: Case;
  /** The full case at this hour (the patient after the plans so far), for scoring only: a front end never shows it. */
  readonly caseNow: Case;
  /** The patient's course since the last plan (undefined at the first stage). */
  readonly course?: ResponseCourse;
  readonly courseReasons: readonly CourseReason[];
  /** How this stage's plan is scored: the scenario's planStage, else from the response (course-stage.ts). */
  readonly planStage: Stage;
  /** The stage the patient's course alone calls for (planStage differs only when the scenario forces one). */
  readonly coursePlanStage: Stage;
  /** The escalation the course calls for. */
  readonly expectedEscalation: Escalation;
  /** The guideline's plan for this patient now (rules expectedPlan at planStage and hour), computed once. */
  readonly expected: ExpectedPlan;
  readonly diagnosisOptions: readonly DiagnosisId[];
  readonly criteriaSets: readonly CriteriaSetId[];
}

/** A session's state: everything a front end renders. Plain data. */
export interface SessionState {
  readonly scenario: Scenario;
  /** The patient before any plan (the scenario's case). */
  readonly baseCase: Case;
  readonly phase: 'ready' | 'stage' | 'finished';
  /** -1 before start. */
  readonly stageIndex: number;
  readonly current?: StageView;
  /** Answers given so far, per stage index. */
  readonly answers: readonly StageAnswers[];
  /** The plans submitted so far (each complete: plan schema), in stage order. */
  readonly plans: readonly Plan[];
  /** One report per finished stage. */
  readonly reports: readonly StageReport[];
  /** The course at each stage after the first. */
  readonly courses: readonly CourseEntry[];
  /** The patient at the end of the session (after the last stage's plan), once finished. */
  readonly finalCourse?: CourseEntry;
  /** Why the last action was refused (the state is otherwise unchanged). */
  readonly error?: string;
}

export type SessionAction =
  | { readonly type: 'start' }
  | { readonly type: 'answerDiagnosis'; readonly diagnosis: DiagnosisId }
  | { readonly type: 'answerCriteria'; readonly criteria: readonly CriteriaSetId[] }
  | { readonly type: 'answerEscalation'; readonly escalation: Escalation }
  | { readonly type: 'submitPlan'; readonly plan: PlanAnswer }
  /** Scores the current stage and moves time on to the next (the patient responds), or finishes. */
  | { readonly type: 'advance' };

/** One question's result at a stage. */
export interface QuestionResult {
  readonly question: Question;
  readonly weight: number;
  /** 0…1 */
  readonly fraction: number;
  readonly answer: unknown;
  readonly expected: unknown;
}

/** A feedback item of a stage, with the question it is about. */
export type StageFeedback = FeedbackItem & { readonly question: Question };

export interface StageReport {
  readonly stageId: string;
  readonly title: string;
  readonly hour: number;
  readonly planStage: Stage;
  /** The stage the patient's course alone calls for. */
  readonly coursePlanStage: Stage;
  readonly course?: ResponseCourse;
  /** 0–100: the weighted questions. */
  readonly score: number;
  readonly questions: readonly QuestionResult[];
  /** The plan's score report (rules scorePlan), when the stage asks for a plan. */
  readonly plan?: ScoreReport;
  /** Feedback: the questions' and the plan's, problems first. */
  readonly feedback: readonly StageFeedback[];
  /** Statement IDs cited by the feedback that is not "good" (what went wrong rests on these). */
  readonly problemStatementIds: readonly string[];
  /** Every statement ID the stage's feedback cites. */
  readonly statementIds: readonly string[];
}

export interface SessionReport {
  readonly scenarioId: string;
  readonly title: string;
  readonly caseId: string;
  readonly overall: number;
  readonly stages: readonly StageReport[];
  readonly courses: readonly CourseEntry[];
  readonly finalCourse?: CourseEntry;
  readonly statementIds: readonly string[];
  readonly disclaimer: string;
}
