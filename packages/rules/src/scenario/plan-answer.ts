import type { DiagnosisId, Plan, PlannedAction, Stage } from '../generated/plan.js';
import type { PlanAnswer } from '../generated/scenario.js';

/** What a stage fixes about a plan: the trainee answers only the actions, the reassessment interval and the differential. */
export interface PlanContext {
  readonly caseId?: string;
  readonly stage: Stage;
  readonly decisionHour: number;
  readonly leading: DiagnosisId;
}

/** A stage's plan answer made into a full Plan (plan schema). Pure; the actions are taken as given (validate the result). */
export function completePlan(answer: PlanAnswer, ctx: PlanContext): Plan {
  const plan: Plan = {
    schemaVersion: 1,
    ...(ctx.caseId !== undefined ? { caseId: ctx.caseId } : {}),
    stage: ctx.stage,
    decisionHour: ctx.decisionHour,
    diagnosis: { leading: ctx.leading, ...(answer.differential ? { differential: [...answer.differential] } : {}) },
    actions: answer.actions as unknown as PlannedAction[],
  };
  if (answer.reassessEveryHours !== undefined) plan.reassessEveryHours = answer.reassessEveryHours;
  if (answer.notes !== undefined) plan.notes = answer.notes;
  return plan;
}

/** The answer part of a Plan (the inverse of completePlan). */
export function planAnswerOf(plan: Plan): PlanAnswer {
  const answer: PlanAnswer = { actions: plan.actions.map((a) => ({ ...a })) };
  if (plan.reassessEveryHours !== undefined) answer.reassessEveryHours = plan.reassessEveryHours;
  if (plan.diagnosis.differential?.length) answer.differential = [...plan.diagnosis.differential];
  return answer;
}
