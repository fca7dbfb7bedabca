import type { Case } from '../generated/case.js';
import { caseToCanonical } from '../units/convert-case.js';
import type { CaseUnits } from './case-units.js';
import { lintCase } from './lint-case.js';
import { validateCase } from './validate-case.js';
import type { ValidationProblem } from '../validation/validation-problem.js';

export interface AdmitOptions {
  /** Named in every problem ("cases.jsonl", "<stdin>"). */
  readonly file?: string;
  /**
   * The units the reader was told (--units). It only fills in a file that does not say: a file
   * whose `units` field names another system is refused, naming both.
   */
  readonly units?: CaseUnits;
}

/** An admitted case is canonical; a refused one comes with every problem found. */
export type Admission =
  | { readonly ok: true; readonly case: Case; readonly inputUnits: CaseUnits }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

/**
 * The one gate every case passes before anything reads it: shape (the case schema), then its unit
 * system (the file's own `units` field, or the reader's, never two that disagree), then meaning
 * (lintCase, in canonical units where the plausibility limits are defined). The case that comes
 * out is in canonical units and says so.
 */
export function admitCase(data: unknown, options: AdmitOptions = {}): Admission {
  const file = options.file ?? '<input>';
  const shape = validateCase(data, file);
  if (!shape.ok) return shape;
  const stated = shape.case.units;
  if (stated !== undefined && options.units !== undefined && stated !== options.units) {
    return {
      ok: false,
      problems: [
        {
          file,
          path: '$.units',
          message: `the file says its values are in ${stated} units, but ${options.units} units were asked for (--units ${options.units})`,
          fix: `drop --units (the file's own "units" field decides), or correct the field if the values really are ${options.units}`,
        },
      ],
    };
  }
  const inputUnits = stated ?? options.units ?? 'canonical';
  const canonical = inputUnits === 'canonical' ? shape.case : caseToCanonical(shape.case, inputUnits);
  const problems = lintCase(canonical, file, { inputUnits });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, case: canonical, inputUnits };
}
