import type { Case } from '../generated/case.js';
import { validate as caseValidator } from '../generated/case-validator.js';
import { schemaProblems, standaloneValidator } from '../validation/schema-problems.js';
import type { ValidationProblem } from '../validation/validation-problem.js';

export type CaseValidation =
  | { readonly ok: true; readonly case: Case }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

const validate = standaloneValidator<Case>(caseValidator);

/** Validate the shape of a parsed case. Errors name the file, the JSON path, what was expected and the fix. */
export function validateCase(data: unknown, file = '<input>'): CaseValidation {
  if (validate(data)) return { ok: true, case: data };
  return {
    ok: false,
    problems: schemaProblems(validate.errors, data, file, { schemaFile: 'packages/rules/schemas/case.schema.json' }),
  };
}
