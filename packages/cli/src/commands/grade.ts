import { readFile } from 'node:fs/promises';
import {
  formatProblem, formatScoreReport, lintPlanAgainstCase, scorePlan, validateCase, validatePlan, type Case, type Plan, type ValidationProblem,
} from '@masdrill/rules';
import { CliError } from '../cli-error.js';
import { DISCLAIMER } from '../help.js';
import type { Io } from '../main.js';
import { parseFlags } from '../parse-flags.js';

export const GRADE_HELP = `masdrill grade — score a management plan against the guideline for one case.
${DISCLAIMER}

Usage: masdrill grade --case case.json --plan plan.json [--json]

  --case <file>   the case (JSON, packages/rules/schemas/case.schema.json)
  --plan <file>   the plan (JSON, packages/rules/schemas/plan.schema.json; examples in cases/plans/)
  --json          print the score report as JSON (packages/rules/schemas/score-report.schema.json)

Exit codes: 0 graded; 2 bad input (the message names the file, the JSON path and the fix).
`;

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`masdrill grade: cannot read the ${what} file ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(`${file}: $: not valid JSON (${detail}). Fix: check the ${what} file's syntax (quotes, commas, brackets).`);
  }
}

function fail(problems: readonly ValidationProblem[], what: string): never {
  const shown = problems.slice(0, 10).map(formatProblem);
  const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more problem(s)` : '';
  throw new CliError(`masdrill grade: the ${what} is not valid:\n${shown.join('\n')}${more}`);
}

export async function gradeCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags('grade', argv, {
    case: { type: 'string' },
    plan: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, false);
  if (values.help) { io.stdout.write(GRADE_HELP); return 0; }
  const caseFile = values.case;
  const planFile = values.plan;
  if (typeof caseFile !== 'string' || typeof planFile !== 'string') {
    throw new CliError('masdrill grade: give both --case <file> and --plan <file>. Run "masdrill grade --help".');
  }
  const caseData = await readJson(caseFile, 'case');
  const planData = await readJson(planFile, 'plan');
  const cv = validateCase(caseData, caseFile);
  if (!cv.ok) fail(cv.problems, 'case');
  const pv = validatePlan(planData, planFile);
  if (!pv.ok) fail(pv.problems, 'plan');
  const c: Case = cv.case;
  const plan: Plan = pv.plan;
  const lint = lintPlanAgainstCase(plan, c, planFile);
  if (lint.length) fail(lint, 'plan');
  const report = scorePlan(c, plan);
  io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatScoreReport(report));
  return 0;
}
