import type {
  Case,
  CriteriaAnswerInput,
  CriteriaJudgement,
  CriteriaSetId,
  DiagnosisId,
  Escalation,
  ExpectedPlan,
  FeedbackItem,
  LabPanel,
  Observation,
  Plan,
  PlanAnswer,
  PlannedAction,
  PriorOrder,
  Question,
  Scenario,
  ScenarioStage,
  ScoreReport,
  Stage,
} from '@masdrill/rules';
import type { CourseReason, MasTreatment, ResponseCourse } from '@masdrill/generator';
import type { Order } from './orders.js';

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
  /** How far the MAS treatment in force went since the last stage ('none' at presentation and outside MAS). */
  readonly masTreatment: MasTreatment;
  /**
   * What the trainee is told, written from what happened: the orders in force with their status, the
   * course since the last stage, key labs then and now, the latest vital signs (stage-situation.ts).
   * Empty at presentation, where the scenario's prompt speaks.
   */
  readonly situation: string;
  /** How this stage's plan is scored: the scenario's planStage, else from the response (course-stage.ts). */
  readonly planStage: Stage;
  /** The stage the patient's course alone calls for (planStage differs only when the scenario forces one). */
  readonly coursePlanStage: Stage;
  /** The escalation the course calls for. */
  readonly expectedEscalation: Escalation;
  /** The orders written before this stage, as the rules read them (done, finished, running, stopped). */
  readonly priorOrders: readonly PriorOrder[];
  /** The guideline's plan for this patient now (rules expectedPlan at planStage and hour, given the prior orders), computed once. */
  readonly expected: ExpectedPlan;
  readonly diagnosisOptions: readonly DiagnosisId[];
  readonly criteriaSets: readonly CriteriaSetId[];
}

/**
 * What the trainee has answered at one stage. `plan` is the complete plan (plan schema) stored when
 * it is submitted: the orders not stopped at this hour (in force, pending, and the record of one-offs
 * given and courses run) with the reassessment interval and the working diagnosis. It is what the
 * stage is scored on; an order changed after submitting clears it (submit again).
 */
export interface GivenAnswers {
  readonly diagnosis?: DiagnosisId;
  /** Each asked criteria set judged met, not-met or not-assessable (a list answer is stored as met / not-met). */
  readonly criteria?: CriteriaJudgement;
  readonly escalation?: Escalation;
  readonly plan?: Plan;
}

/**
 * A session's state: everything a front end renders (through a view that hides `caseNow` and the
 * truth). Plain data, changed only by sessionReducer.
 *
 * Flow: `start` → at each stage answer what it asks, one decision at a time (answerDiagnosis,
 * answerCriteria, answerEscalation; for the plan: addOrder / stopOrder / modifyOrder / continueOrder /
 * setReassessment on the orders in force, then submitPlan) → `advance` scores the stage and moves
 * time to the next (the patient responds to the orders in force) → … → phase "finished".
 */
export interface SessionState {
  readonly scenario: Scenario;
  /** The patient before any plan (the scenario's case). */
  readonly baseCase: Case;
  readonly phase: 'ready' | 'stage' | 'finished';
  /** -1 before start. */
  readonly stageIndex: number;
  readonly current?: StageView;
  /** Answers given so far, per stage index (the current stage's as they are given). */
  readonly answers: readonly GivenAnswers[];
  /**
   * Every order written in the session, in the order written, with when each was stopped: the orders
   * in force at an hour are those not stopped (orderStatus in orders.ts gives each one's state: day n
   * of a course, given, pending, active). Orders persist from stage to stage until stopped.
   */
  readonly orders: readonly Order[];
  /** The reassessment interval the trainee has set (hours), carried from stage to stage. */
  readonly reassessEveryHours?: number;
  /** The plans in force for the patient, one per stage where orders were submitted or changed (what respondToPlans reads). */
  readonly plans: readonly Plan[];
  /** One report per finished stage. */
  readonly reports: readonly StageReport[];
  /** The course at each stage after the first. */
  readonly courses: readonly CourseEntry[];
  /** The patient at the end of the session (after the last stage's plan), once finished. */
  readonly finalCourse?: CourseEntry;
  /** The hour the patient died, when they did: the session finishes there and the stages not reached score 0. */
  readonly diedAtHour?: number;
  /** Why the last action was refused (the state is otherwise unchanged). */
  readonly error?: string;
}

/** A new order as the trainee writes it: atHour defaults to the stage's hour. */
export type OrderInput = Omit<PlannedAction, 'atHour'> & { readonly atHour?: number };

/**
 * What a front end dispatches. Each is one decision; a refused one leaves the state as it was but
 * for `error`. Order actions are accepted at stages that ask for a plan.
 */
export type SessionAction =
  | { readonly type: 'start' }
  | { readonly type: 'answerDiagnosis'; readonly diagnosis: DiagnosisId }
  /** The sets judged met (the others not met), or a judgement per set: met, not-met, not-assessable. */
  | { readonly type: 'answerCriteria'; readonly criteria: CriteriaAnswerInput }
  | { readonly type: 'answerEscalation'; readonly escalation: Escalation }
  /** Write a new order (checked against the plan schema and the action catalogue). */
  | { readonly type: 'addOrder'; readonly order: OrderInput }
  /** Stop a continuing order or a running course now. */
  | { readonly type: 'stopOrder'; readonly orderId: string }
  /** Change an order in force (dose, interval): the old one stops now and the new one starts now. */
  | { readonly type: 'modifyOrder'; readonly orderId: string; readonly order: OrderInput }
  /** Keep an order: undoes a stop or modify made at this stage. */
  | { readonly type: 'continueOrder'; readonly orderId: string }
  | { readonly type: 'setReassessment'; readonly everyHours: number }
  /**
   * Submit the plan: without `plan`, the orders as they stand; with `plan` (a whole plan: every action
   * in force now), the orders are first reconciled to it (orders.ts reconcile). Stores the complete plan.
   */
  | { readonly type: 'submitPlan'; readonly plan?: PlanAnswer }
  /** Scores the current stage and moves time on to the next (the patient responds), or finishes. */
  | { readonly type: 'advance' };

interface QuestionScore {
  readonly weight: number;
  /** 0…1 */
  readonly fraction: number;
}

/** One question's result at a stage: its answer and the expected answer, typed per question. */
export type QuestionResult =
  | (QuestionScore & {
      readonly question: 'diagnosis';
      readonly answer: DiagnosisId | null;
      readonly expected: readonly DiagnosisId[];
    })
  | (QuestionScore & {
      readonly question: 'criteria';
      /** Each asked set judged met, not-met or not-assessable; expected: the key on the chart by the stage's hour. */
      readonly answer: CriteriaJudgement | null;
      readonly expected: CriteriaJudgement;
    })
  | (QuestionScore & {
      readonly question: 'escalation';
      readonly answer: Escalation | null;
      readonly expected: Escalation;
    })
  | (QuestionScore & { readonly question: 'plan'; readonly answer: Plan | null; readonly expected: Plan });

/** A guideline statement as the debrief quotes it (the rules' paraphrase; guideline.md holds the wording). */
export interface StatementQuote {
  readonly id: string;
  readonly text: string;
}

/** A feedback item of a stage, with the question it is about and the statements it rests on, quoted. */
export type StageFeedback = FeedbackItem & { readonly question: Question; readonly quotes?: readonly StatementQuote[] };

/** What the trainee was shown at a stage: the latest vital signs and lab panel of the chart at that hour. */
export interface StageShown {
  readonly vitals?: Observation;
  readonly labs?: LabPanel;
}

export interface StageReport {
  readonly stageId: string;
  readonly title: string;
  readonly hour: number;
  /** The scenario's prompt for the stage. */
  readonly prompt?: string;
  /** What the trainee was told from the chart and the orders (StageView.situation). */
  readonly situation?: string;
  readonly shown?: StageShown;
  /** The trainee's orders at the end of the stage, one line each with its status (stopped ones too). */
  readonly orders?: readonly string[];
  /** The expert's orders for this stage (the guideline's plan given what was done), one line each. */
  readonly expertOrders?: readonly string[];
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
  readonly diedAtHour?: number;
  readonly statementIds: readonly string[];
  readonly disclaimer: string;
}
