import {
  admitCase,
  formatProblems,
  formatScoreReport,
  lintPlanAgainstCase,
  scorePlan,
  validatePlan,
  type ValidationProblem,
} from '@masdrill/rules';
import { CliError } from '../cli-error.js';
import { DISCLAIMER } from '../help.js';
import { readInputText } from '../input-files.js';
import { displayName, STANDARD_STREAM, type Io } from '../io.js';
import { parseJson } from '../json-text.js';
import { flagHelp, HELP_FLAG, parseFlags, type Flag } from '../parse-flags.js';
import { SourceLines } from '../source-lines.js';
import { wrapBlock } from '../text-wrap.js';
import { UNITS_FLAG, unitsFlag } from '../units-flag.js';

const FLAGS: readonly Flag[] = [
  {
    name: 'case',
    type: 'string',
    value: 'FILE',
    help: 'the case (JSON, packages/rules/schemas/case.schema.json); "-" reads stdin',
  },
  {
    name: 'plan',
    type: 'string',
    value: 'FILE',
    help: 'the plan (JSON, packages/rules/schemas/plan.schema.json; examples in\ncases/plans/); "-" reads standard input',
  },
  UNITS_FLAG,
  { name: 'json', type: 'boolean', help: 'print the score report as JSON (score-report.schema.json)' },
  HELP_FLAG,
];

export const GRADE_HELP = `masdrill grade — score a management plan against the guideline for one case.
${DISCLAIMER}

Usage: masdrill grade --case case.json --plan plan.json [--json]

The case passes the same gate as in masdrill evaluate and validate (schema, units, plausible values).

Flags:
${flagHelp(FLAGS)}
Exit codes: 0 graded; 2 bad input (the message names the file, line, JSON path and the fix).
`;

/** A JSON file read and parsed, or a CliError naming the file, the line and the fix. */
async function readJson(
  path: string,
  io: Io,
  what: string,
): Promise<{ data: unknown; place: (problems: readonly ValidationProblem[]) => ValidationProblem[] }> {
  const file = displayName(path);
  const text = await readInputText(path, io, what);
  const parsed = parseJson(text, file);
  if (!parsed.ok) throw new CliError(`masdrill grade: the ${what} is not valid:\n${formatProblems([parsed.problem])}`);
  let lines: SourceLines | undefined;
  const place = (problems: readonly ValidationProblem[]) =>
    problems.map((p) => {
      lines ??= new SourceLines(text);
      const line = p.line ?? lines.lineOf(p.path);
      return line === undefined ? p : { ...p, line };
    });
  return { data: parsed.data, place };
}

function fail(problems: readonly ValidationProblem[], what: string): never {
  throw new CliError(`masdrill grade: the ${what} is not valid:\n${formatProblems(problems, 10)}`);
}

export async function gradeCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags('grade', argv, FLAGS, false);
  if (values.help) {
    io.stdout.write(wrapBlock(GRADE_HELP));
    return 0;
  }
  const caseFile = values.case;
  const planFile = values.plan;
  if (typeof caseFile !== 'string' || typeof planFile !== 'string') {
    throw new CliError('masdrill grade: give both --case <file> and --plan <file>. Run "masdrill grade --help".');
  }
  if (caseFile === STANDARD_STREAM && planFile === STANDARD_STREAM)
    throw new CliError(
      'masdrill grade: --case and --plan cannot both read standard input. Fix: give one of them as a file.',
    );
  const units = unitsFlag('grade', values.units);
  const caseJson = await readJson(caseFile, io, 'case');
  const planJson = await readJson(planFile, io, 'plan');
  const admission = admitCase(caseJson.data, { file: displayName(caseFile), ...(units ? { units } : {}) });
  if (!admission.ok) fail(caseJson.place(admission.problems), 'case');
  const pv = validatePlan(planJson.data, displayName(planFile));
  if (!pv.ok) fail(planJson.place(pv.problems), 'plan');
  const lint = lintPlanAgainstCase(pv.plan, admission.case, displayName(planFile));
  if (lint.length) fail(planJson.place(lint), 'plan');
  const report = scorePlan(admission.case, pv.plan);
  io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : wrapBlock(formatScoreReport(report)));
  return 0;
}
