import type { Case } from '../generated/case.js';
import type { Plan } from '../generated/plan.js';
import { validate as planValidator } from '../generated/plan-validator.js';
import { closest, schemaProblems, standaloneValidator } from '../validation/schema-problems.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import { ACTIONS, ACTION_IDS } from '../guideline/actions.js';
import { caseFeatures } from '../guideline/case-features.js';
import { checkDose, UNIT_INFO } from './dose-check.js';

export type PlanValidation =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

const validator = standaloneValidator<Plan>(planValidator);

function actionIdHint(instancePath: string, value: unknown): { message: string; fix: string } | undefined {
  if (!instancePath.endsWith('/action')) return undefined;
  const guess = typeof value === 'string' ? closest(value, ACTION_IDS) : undefined;
  return {
    message: `unknown action id ${JSON.stringify(value)}`,
    fix: guess
      ? `did you mean "${guess}"? The catalogue: ${ACTION_IDS.join(', ')}`
      : `use an action id from the catalogue: ${ACTION_IDS.join(', ')}`,
  };
}

/** Checks the shape of a parsed plan: schema, with did-you-mean suggestions for action ids and property names. */
export function validatePlan(data: unknown, file = '<input>'): PlanValidation {
  const validate = validator;
  if (validate(data)) return { ok: true, plan: data };
  return {
    ok: false,
    problems: schemaProblems(validate.errors, data, file, {
      schemaFile: 'packages/rules/schemas/plan.schema.json',
      enumHint: actionIdHint,
    }),
  };
}

/**
 * Checks a well-formed plan against the case for input mistakes the grader cannot sensibly grade:
 * a plan for another case, a unit that cannot be a dose of that action, a per-dose unit with a
 * continuous infusion, a dose more than 10,000-fold off any published dose (absurd).
 */
export function lintPlanAgainstCase(plan: Plan, c: Case, file = '<input>'): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (plan.caseId !== undefined && plan.caseId !== c.id) {
    problems.push({
      file,
      path: '$.caseId',
      message: `the plan is for case "${plan.caseId}" but the case is "${c.id}"`,
      fix: 'grade the plan with its own case, or correct caseId',
    });
  }
  const f = caseFeatures(c, plan.stage ?? 'presentation', plan.decisionHour ?? 0, undefined, 'chart');
  plan.actions.forEach((a, n) => {
    const def = ACTIONS[a.action];
    if (a.dose) {
      const info = UNIT_INFO[a.dose.unit];
      if (def.units && !def.units.includes(a.dose.unit)) {
        problems.push({
          file,
          path: `$.actions[${n}].dose.unit`,
          message: `"${a.dose.unit}" is not a unit for ${a.action}`,
          fix: `use one of ${def.units.join(', ')}`,
        });
        return;
      }
      if (!def.units && def.doseRules.length === 0 && info.measure !== 'mass') {
        problems.push({
          file,
          path: `$.actions[${n}].dose.unit`,
          message: `"${a.dose.unit}" is not a unit for ${a.action}`,
          fix: 'omit the dose or give it in mg',
        });
        return;
      }
      if (a.dose.frequency === 'continuous' && info.scope === 'per-dose' && info.measure === 'mass') {
        problems.push({
          file,
          path: `$.actions[${n}].dose.unit`,
          message: 'a continuous infusion cannot be dosed per dose',
          fix: 'use a "/day" unit (e.g. mg/kg/day) with a continuous infusion',
        });
        return;
      }
      const check = checkDose(a.action, a.dose, f);
      const absurd = check.problems.find((p) => p.kind === 'absurd');
      if (absurd) {
        problems.push({
          file,
          path: `$.actions[${n}].dose.amount`,
          message: `absurd dose for ${a.action}: ${absurd.message}`,
          fix: `check the amount and unit; the published dose is ${check.rule?.label ?? def.doseRules.map((r) => r.label).join(' or ')}`,
        });
      }
    }
  });
  return problems;
}
