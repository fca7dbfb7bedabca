/* Generated from packages/rules/schemas/scenario.schema.json by scripts/generate-types.mjs. Do not edit: change the schema and run `pnpm generate:types`. */

/**
 * A guideline statement ID such as HEAD-1 or GC-2.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "StatementRef".
 */
export type StatementRef = string;
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "CriteriaSetId".
 */
export type CriteriaSetId =
  | 'hlh-2004'
  | 'eular-acr-2016'
  | 'hscore'
  | 'ms-score'
  | 'ferritin-esr'
  | 'phoenix'
  | 'misc-cdc-2023'
  | 'misc-who-2020';
/**
 * diagnosis: the leading diagnosis; criteria: which criteria sets are met by now; escalation: continue or escalate; plan: the management plan.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Question".
 */
export type Question = 'diagnosis' | 'criteria' | 'escalation' | 'plan';
/**
 * How the stage's plan is scored: presentation (first-line), steroid-inadequate (MAS not responding to a glucocorticoid alone: add cyclosporine A, CSA-1) or refractory (MAS or MIS-C not responding to first-line combination therapy).
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "PlanStage".
 */
export type PlanStage = 'presentation' | 'steroid-inadequate' | 'refractory';
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "DiagnosisId".
 */
export type DiagnosisId =
  'mas' | 'sjia-flare' | 'sepsis' | 'septic-shock' | 'misc' | 'misc-with-mas' | 'primary-hlh' | 'other';
/**
 * One criteria set judged on what is known by the stage's hour: met; not-met; not-assessable (the data missing could still change the answer — missing data is not assessed, never normal).
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "CriteriaAnswer".
 */
export type CriteriaAnswer = 'met' | 'not-met' | 'not-assessable';
/**
 * continue: the patient is responding, keep the plan; escalate: the response is inadequate, step up.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Escalation".
 */
export type Escalation = 'continue' | 'escalate';

/**
 * A teaching scenario: a case (a case file, or a generated case with constraints it must meet) that unfolds over stages in hour order; each stage asks questions (leading diagnosis, criteria met, escalation, management plan) and carries the expert's answers and typical wrong answer sets with the feedback they must draw. Education and simulation only.
 */
export interface Scenario {
  schemaVersion: 1;
  /**
   * The scenario's id (lower-case letters, digits and hyphens; the file name without .yaml).
   */
  id: string;
  title: string;
  /**
   * What the scenario is about and what it teaches, in a few sentences.
   */
  summary: string;
  /**
   * The guideline statement IDs (guideline.md) the scenario teaches.
   *
   * @minItems 1
   */
  teaches: [StatementRef, ...StatementRef[]];
  /**
   * A case file (JSON, case schema), relative to the scenario file.
   */
  case?: string;
  generate?: GenerateSpec;
  constrain?: Constraints;
  /**
   * The decision points, in hour order; the first at hour 0.
   *
   * @minItems 1
   */
  stages: [ScenarioStage, ...ScenarioStage[]];
  notes?: string;
}
/**
 * A generated case: generateCase({kind, seed, index, difficulty}) from @masdrill/generator.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "GenerateSpec".
 */
export interface GenerateSpec {
  kind: 'mas' | 'sjia-flare' | 'sepsis' | 'misc';
  seed: number;
  index?: number;
  difficulty?: 'standard' | 'hard';
}
/**
 * Checks the case must pass (the seed is chosen to meet them; masdrill validate verifies it).
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Constraints".
 */
export interface Constraints {
  /**
   * @minItems 1
   */
  subtype?: [
    (
      | 'sjia-onset-mas'
      | 'known-sjia-mas'
      | 'infection-triggered-mas-in-sjia'
      | 'infection-triggered-mas-previously-well'
      | 'neonatal-mas'
      | 'sjia-flare'
      | 'bacterial-sepsis'
      | 'septic-shock'
      | 'hyperferritinemic-sepsis'
      | 'misc'
      | 'misc-with-mas'
    ),
    ...(
      | 'sjia-onset-mas'
      | 'known-sjia-mas'
      | 'infection-triggered-mas-in-sjia'
      | 'infection-triggered-mas-previously-well'
      | 'neonatal-mas'
      | 'sjia-flare'
      | 'bacterial-sepsis'
      | 'septic-shock'
      | 'hyperferritinemic-sepsis'
      | 'misc'
      | 'misc-with-mas'
    )[]
  ];
  /**
   * @minItems 1
   */
  trigger?: [
    (
      | 'active-sjia'
      | 'EBV'
      | 'CMV'
      | 'adenovirus'
      | 'other-virus'
      | 'bacterial'
      | 'SARS-CoV-2'
      | 'maternal-autoimmunity'
      | 'none'
    ),
    ...(
      | 'active-sjia'
      | 'EBV'
      | 'CMV'
      | 'adenovirus'
      | 'other-virus'
      | 'bacterial'
      | 'SARS-CoV-2'
      | 'maternal-autoimmunity'
      | 'none'
    )[]
  ];
  /**
   * @minItems 1
   */
  severity?: ['moderate' | 'severe' | 'critical', ...('moderate' | 'severe' | 'critical')[]];
  masPresent?: boolean;
  cnsInvolvement?: boolean;
  /**
   * Shock or vasoactive support documented at some hour.
   */
  shock?: boolean;
  /**
   * Age at presentation, in years (inclusive bounds).
   */
  ageYears?: {
    min?: number;
    max?: number;
  };
  /**
   * @minItems 1
   */
  sjia?: ['none' | 'suspected' | 'known', ...('none' | 'suspected' | 'known')[]];
  /**
   * A bone marrow is examined and shows (true) or does not show (false) hemophagocytosis.
   */
  marrowHemophagocytosis?: boolean;
  /**
   * The highest ferritin in the case is at least this (ng/mL).
   */
  ferritinAtLeast?: number;
  /**
   * The MAS treatment this patient needs before responding (the patient's hidden responsiveness in the response model, @masdrill/generator responseProfile): a high-dose glucocorticoid alone, with cyclosporine or anakinra, or a second-line agent (refractory).
   */
  masNeeds?: 'glucocorticoid-alone' | 'first-line-combination' | 'second-line';
  /**
   * Criteria sets that must be met on the whole case (rules evaluate).
   */
  criteriaMet?: CriteriaSetId[];
  /**
   * Criteria sets that must not be met on the whole case.
   */
  criteriaNotMet?: CriteriaSetId[];
}
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "ScenarioStage".
 */
export interface ScenarioStage {
  /**
   * The stage's id (used as the key in answers files).
   */
  id: string;
  /**
   * Hours from presentation.
   */
  hour: number;
  title: string;
  /**
   * What the trainee is told at this stage.
   */
  prompt?: string;
  /**
   * @minItems 1
   */
  asks: [Question, ...Question[]];
  planStage?: PlanStage;
  /**
   * The choices offered (default: the expected diagnosis and its mimics).
   *
   * @minItems 2
   */
  diagnosisOptions?: [DiagnosisId, DiagnosisId, ...DiagnosisId[]];
  /**
   * The criteria sets asked about (default: all).
   *
   * @minItems 1
   */
  criteriaSets?: [CriteriaSetId, ...CriteriaSetId[]];
  expert?: StageAnswers;
  wrong?: WrongAnswerSet[];
}
/**
 * Answers to a stage's questions. The plan is given either whole (plan: every action in force now — orders already in force that it lists unchanged continue, a changed dose modifies them, a continuing order it leaves out is stopped; one-off orders already given and finished courses stay done) or as changes to the orders in force (orders: stop, modify, add; what is not named continues). In a scenario's expert answers every field is optional: what is left out is derived from the rules (the expected diagnosis, evaluate, the patient's course, expectedPlan, without repeating one-off orders already given).
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "StageAnswers".
 */
export interface StageAnswers {
  diagnosis?: DiagnosisId;
  /**
   * The criteria answer: a list of the sets judged met (every other set asked is judged not met; an empty list: none met), or a judgement per set — met, not-met or not-assessable (a set left out is judged not met). The key is what rules evaluate says on the chart by the stage's hour: met, not met, or not assessable where the missing data could still change the answer.
   */
  criteria?: CriteriaSetId[] | CriteriaJudgements;
  escalation?: Escalation;
  plan?: PlanAnswer;
  orders?: OrderChanges;
}
/**
 * A judgement per criteria set (a set left out is judged not met).
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "CriteriaJudgements".
 */
export interface CriteriaJudgements {
  'hlh-2004'?: CriteriaAnswer;
  'eular-acr-2016'?: CriteriaAnswer;
  hscore?: CriteriaAnswer;
  'ms-score'?: CriteriaAnswer;
  'ferritin-esr'?: CriteriaAnswer;
  phoenix?: CriteriaAnswer;
  'misc-cdc-2023'?: CriteriaAnswer;
  'misc-who-2020'?: CriteriaAnswer;
}
/**
 * The management plan as of this stage: every action in force now (plan schema: packages/rules/schemas/plan.schema.json). Orders already in force that it lists with the same dose continue from their start hour; one-off orders already given and finished courses need not be listed again (they stay done). The stage fills in the rest of the plan: schemaVersion, caseId, stage, decisionHour, and the leading diagnosis from the diagnosis answer.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "PlanAnswer".
 */
export interface PlanAnswer {
  /**
   * Planned actions: {action, atHour, dose?, everyHours?, note?} (plan schema PlannedAction).
   *
   * @maxItems 200
   */
  actions: {}[];
  reassessEveryHours?: number;
  differential?: DiagnosisId[];
  notes?: string;
}
/**
 * Changes to the orders in force at this stage (packages/quiz order model: each order is continuing until stopped, a course with a length — methylprednisolone pulses 3–5 days, GC-1 — or a one-off given once — IVIG, cultures, PCR, echo, marrow). Orders not named continue. The plan is submitted as it stands after the changes.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "OrderChanges".
 */
export interface OrderChanges {
  /**
   * Action ids of continuing orders (or courses) to stop now.
   */
  stop?: string[];
  /**
   * New versions of orders in force, matched by action id: {action, dose?, everyHours?, note?}; the old order stops and the new one starts now (atHour defaults to the stage's hour).
   *
   * @maxItems 100
   */
  modify?: {}[];
  /**
   * New orders: {action, atHour?, dose?, everyHours?, note?} (plan schema PlannedAction; atHour defaults to the stage's hour).
   *
   * @maxItems 100
   */
  add?: {}[];
  reassessEveryHours?: number;
}
/**
 * A typical wrong answer set for this stage (the other questions and stages get the expert's answers), the feedback it must draw and the score it must stay under.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "WrongAnswerSet".
 */
export interface WrongAnswerSet {
  name: string;
  answers: StageAnswers;
  /**
   * Statement IDs the stage's feedback must cite.
   *
   * @minItems 1
   */
  expectFeedback: [StatementRef, ...StatementRef[]];
  /**
   * The stage score must be below this.
   */
  expectScoreBelow: number;
}
/**
 * A trainee's answers for a headless session (masdrill play --answers): per stage id, the answers to that stage's questions. A question left unanswered scores 0.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "AnswersFile".
 */
export interface AnswersFile {
  schemaVersion?: 1;
  /**
   * The scenario these answers are for (checked when given).
   */
  scenario?: string;
  stages: {
    [k: string]: StageAnswers;
  };
}
