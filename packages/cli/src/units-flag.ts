import { CASE_UNITS, isCaseUnits, type CaseUnits } from '@masdrill/rules/evaluate';
import { CliError } from './cli-error.js';
import type { Flag } from './parse-flags.js';

/** --units, the same for every command that reads cases. */
export const UNITS_FLAG: Flag = {
  name: 'units',
  type: 'string',
  value: 'U',
  help: `units of lab values in files that do not say theirs: ${CASE_UNITS.join(', ')}\n(default canonical); a file's own "units" field wins, a conflict is an error`,
};

/** The --units value, checked; undefined when not given (each file's own field decides). */
export function unitsFlag(command: string, value: unknown): CaseUnits | undefined {
  if (value === undefined) return undefined;
  if (isCaseUnits(value)) return value;
  throw new CliError(
    `masdrill ${command}: --units "${String(value)}" is not a unit system. Fix: use one of ${CASE_UNITS.join(', ')}.`,
  );
}
