import type { AnswersFile, Scenario, StageAnswers } from '../generated/scenario.js';
import { validate as answersFileValidator } from '../generated/answers-validator.js';
import { validate as scenarioFileValidator } from '../generated/scenario-validator.js';
import { criteriaNamed } from './criteria-answer.js';
import type { Stage } from '../generated/plan.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import { STATEMENT_IDS, isStatementId } from '../guideline/statements.js';
import { validatePlan } from '../scoring/validate-plan.js';
import { closest, schemaProblems, standaloneValidator } from '../validation/schema-problems.js';
import { completePlan } from './plan-answer.js';

export type ScenarioValidation =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };
export type AnswersValidation =
  | { readonly ok: true; readonly answers: AnswersFile }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

const SCHEMA_FILE = 'packages/rules/schemas/scenario.schema.json';
const scenarioValidator = standaloneValidator<Scenario>(scenarioFileValidator);
// The scenario schema's AnswersFile definition as a root (scripts/compile-validators.mjs).
const answersValidator = standaloneValidator<AnswersFile>(answersFileValidator);

function statementProblem(file: string, path: string, id: string): ValidationProblem {
  const guess = closest(id, STATEMENT_IDS);
  return {
    file,
    path,
    message: `"${id}" is not a statement ID of guideline.md`,
    fix: guess
      ? `did you mean "${guess}"? (IDs: ${STATEMENT_IDS.join(', ')})`
      : `use one of ${STATEMENT_IDS.join(', ')}`,
  };
}

/** Plan answers checked against the plan schema, each problem's path moved under the answer's own path. */
export function planAnswerProblems(
  answers: StageAnswers,
  at: string,
  file: string,
  stage: Stage,
  decisionHour: number,
): ValidationProblem[] {
  if (answers.plan && answers.orders)
    return [
      {
        file,
        path: `${at}.orders`,
        message: 'both a whole plan and order changes',
        fix: 'give the plan either whole (plan:) or as changes to the orders in force (orders:)',
      },
    ];
  if (answers.orders) return orderChangeProblems(answers.orders, `${at}.orders`, file, stage, decisionHour);
  if (!answers.plan) return [];
  const plan = completePlan(answers.plan, { stage, decisionHour, leading: answers.diagnosis ?? 'other' });
  const v = validatePlan(plan, file);
  if (v.ok) return [];
  return v.problems.map((p) => ({
    ...p,
    path:
      p.path.startsWith('$.actions') || p.path.startsWith('$.reassessEveryHours') || p.path.startsWith('$.notes')
        ? `${at}.plan${p.path.slice(1)}`
        : `${at}.plan`,
  }));
}

type OrderChanges = NonNullable<StageAnswers['orders']>;

/** Order changes checked as plans: each added or modified order must be a valid planned action (atHour defaults to the stage's hour). */
function orderChangeProblems(
  changes: OrderChanges,
  at: string,
  file: string,
  stage: Stage,
  decisionHour: number,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const key of ['add', 'modify'] as const) {
    const list = (changes[key] ?? []) as Record<string, unknown>[];
    if (!list.length) continue;
    const actions = list.map((a) => ({ atHour: decisionHour, ...a }));
    const plan = completePlan({ actions }, { stage, decisionHour, leading: 'other' });
    const v = validatePlan(plan, file);
    if (!v.ok)
      problems.push(
        ...v.problems.map((p) => ({
          ...p,
          path: p.path.startsWith('$.actions') ? `${at}.${key}${p.path.slice('$.actions'.length)}` : `${at}.${key}`,
        })),
      );
  }
  return problems;
}

/**
 * Checks a parsed scenario: the schema for shape, then what the schema cannot say — exactly one
 * case source, statement IDs that resolve, unique stage ids, stages in hour order from hour 0,
 * answers only to the questions a stage asks, and plan answers that are valid plans. Checks that
 * need the case (constraints, criteria, scores) are @masdrill/quiz's lintScenario. Pure.
 */
export function validateScenario(data: unknown, file = '<input>'): ScenarioValidation {
  const validate = scenarioValidator;
  if (!validate(data))
    return { ok: false, problems: schemaProblems(validate.errors, data, file, { schemaFile: SCHEMA_FILE }) };
  const s = data;
  const problems: ValidationProblem[] = [];
  const push = (path: string, message: string, fix: string) => problems.push({ file, path, message, fix });
  if ((s.case === undefined) === (s.generate === undefined)) {
    push(
      '$',
      s.case === undefined ? 'no case source' : 'two case sources (case and generate)',
      'give exactly one of "case: <file>" or "generate: {kind, seed}"',
    );
  }
  s.teaches.forEach((id, i) => {
    if (!isStatementId(id)) problems.push(statementProblem(file, `$.teaches[${i}]`, id));
  });
  const seen = new Map<string, number>();
  let previousHour = -1;
  s.stages.forEach((stage, i) => {
    const at = `$.stages[${i}]`;
    const first = seen.get(stage.id);
    if (first !== undefined)
      push(`${at}.id`, `stage id "${stage.id}" is used twice (also stages[${first}])`, 'give each stage its own id');
    seen.set(stage.id, i);
    if (i === 0 && stage.hour !== 0)
      push(`${at}.hour`, `the first stage is at hour ${stage.hour}`, 'start the scenario at presentation, hour 0');
    if (i > 0 && stage.hour <= previousHour)
      push(
        `${at}.hour`,
        `hour ${stage.hour} is not after the previous stage (hour ${previousHour})`,
        'list stages in increasing hour order',
      );
    previousHour = Math.max(previousHour, stage.hour);
    if (i === 0 && stage.planStage !== undefined && stage.planStage !== 'presentation')
      push(
        `${at}.planStage`,
        `the first stage cannot be ${stage.planStage}: nothing has been tried yet`,
        'use planStage: presentation (or leave it out)',
      );
    if (i === 0 && stage.asks.includes('escalation'))
      push(
        `${at}.asks`,
        'the first stage asks about escalation, but nothing has been started yet',
        'ask escalation from the second stage on',
      );
    const planStage = stage.planStage ?? 'presentation';
    const sets: { answers: StageAnswers; path: string }[] = [];
    if (stage.expert) sets.push({ answers: stage.expert, path: `${at}.expert` });
    (stage.wrong ?? []).forEach((w, j) => {
      sets.push({ answers: w.answers, path: `${at}.wrong[${j}].answers` });
      w.expectFeedback.forEach((id, k) => {
        if (!isStatementId(id)) problems.push(statementProblem(file, `${at}.wrong[${j}].expectFeedback[${k}]`, id));
      });
    });
    for (const { answers, path } of sets) {
      for (const q of ['diagnosis', 'criteria', 'escalation', 'plan'] as const) {
        if (answers[q] !== undefined && !stage.asks.includes(q))
          push(
            `${path}.${q}`,
            `an answer to "${q}", which this stage does not ask`,
            `remove it, or add "${q}" to the stage's asks`,
          );
      }
      if (answers.orders !== undefined && !stage.asks.includes('plan'))
        push(
          `${path}.orders`,
          'order changes at a stage that does not ask for a plan',
          'remove them, or add "plan" to the stage\'s asks',
        );
      if (
        answers.diagnosis !== undefined &&
        stage.diagnosisOptions &&
        !stage.diagnosisOptions.includes(answers.diagnosis)
      ) {
        push(
          `${path}.diagnosis`,
          `"${answers.diagnosis}" is not among the stage's diagnosisOptions`,
          `use one of ${stage.diagnosisOptions.join(', ')}, or add it to diagnosisOptions`,
        );
      }
      if (answers.criteria !== undefined && stage.criteriaSets) {
        const list = Array.isArray(answers.criteria);
        criteriaNamed(answers.criteria).forEach((c, k) => {
          if (!stage.criteriaSets!.includes(c))
            push(
              list ? `${path}.criteria[${k}]` : `${path}.criteria[${JSON.stringify(c)}]`,
              `"${c}" is not among the stage's criteriaSets`,
              `use one of ${stage.criteriaSets!.join(', ')}`,
            );
        });
      }
      problems.push(...planAnswerProblems(answers, path, file, planStage, stage.hour));
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, scenario: s };
}

/** Checks a parsed answers file (masdrill play --answers): shape, and plan answers that are valid plans. Stage ids are checked against the scenario by the player. */
export function validateAnswers(data: unknown, file = '<input>'): AnswersValidation {
  const validate = answersValidator;
  if (!validate(data))
    return {
      ok: false,
      problems: schemaProblems(validate.errors, data, file, { schemaFile: `${SCHEMA_FILE} (definitions.AnswersFile)` }),
    };
  const problems: ValidationProblem[] = [];
  for (const [id, answers] of Object.entries(data.stages)) {
    const at = /^[A-Za-z_$][\w$]*$/.test(id) ? `$.stages.${id}` : `$.stages[${JSON.stringify(id)}]`;
    problems.push(...planAnswerProblems(answers, at, file, 'presentation', 0));
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers: data };
}
