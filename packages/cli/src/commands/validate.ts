import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { admitCase, formatProblem, validateAnswers, validatePlan, type ValidationProblem } from '@masdrill/rules';
import { lintScenario } from '@masdrill/quiz';
import { CliError } from '../cli-error.js';
import { InputError, MAX_LINE_CHARS, readFailure, readInputText } from '../input-files.js';
import { displayName, STANDARD_STREAM, type Io } from '../io.js';
import { readJsonDocuments } from '../json-documents.js';
import { wrapBlock } from '../text-wrap.js';
import { flagHelp, HELP_FLAG, parseFlags, type Flag } from '../parse-flags.js';
import { UNITS_FLAG, unitsFlag } from '../units-flag.js';
import { parseYamlText } from '../yaml-text.js';
import { findScenario, readScenarioFile, scenarioCase, withLines } from '../scenario-files.js';
import { answersProblems } from '../answers-check.js';
import type { AnswersFile, CaseUnits } from '@masdrill/rules';

const FLAGS: readonly Flag[] = [
  { name: 'quiet', type: 'boolean', help: 'print only problems, not the per-file "ok" lines' },
  UNITS_FLAG,
  HELP_FLAG,
];

export const VALIDATE_HELP = `Usage: masdrill validate <path…> [flags]

Checks case files (JSON, an array of cases, or JSONL with one case per line, streamed; a line may
hold up to ${MAX_LINE_CHARS / 1024 / 1024} MB) for shape (the case schema), units and meaning (plausible values for the
age, time order, consistent vitals), and plan files (for masdrill grade) against the plan schema,
and teaching scenarios (YAML: the scenario schema, then its meaning — the case file resolves, the
case meets the constraints, stages in hour order, the expert answers are valid and score 100, each
wrong answer set scores lower with the feedback it expects) and play answers files; prints every
problem with file, line, JSON path and the fix. Directories are searched for *.json, *.jsonl,
*.yaml and *.yml files; "-" reads JSON or JSONL from standard input. Cases pass the same gate as
in masdrill evaluate, so a file validate accepts, evaluate reads.

Flags:
${flagHelp(FLAGS)}
Exit codes: 0 every file valid; 2 any problem (or a path that cannot be read).
`;

async function filesUnder(path: string): Promise<string[]> {
  if (path === STANDARD_STREAM) return [path];
  const info = await stat(path).catch(() => undefined);
  if (!info)
    throw new CliError(
      `masdrill validate: ${path}: no such file or directory. Fix: give case files or folders that hold them.`,
    );
  if (!info.isDirectory()) return [path];
  let entries: Dirent[];
  try {
    entries = await readdir(path, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw readFailure(path, error, 'folder');
  }
  return entries
    .filter((e) => e.isFile() && /\.(json|jsonl|ya?ml)$/.test(e.name) && !e.name.endsWith('.expected.json'))
    .map((e) => `${e.parentPath ?? path}/${e.name}`.replace(/\/+/g, '/'))
    .sort();
}

/** A management plan (for `masdrill grade`) rather than a case: it lists actions and has no patient. */
function isPlan(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'actions' in data && !('patient' in data);
}

/** Problems of one JSON document: a plan against the plan schema, anything else through the case gate. */
function documentProblems(data: unknown, file: string, units: CaseUnits | undefined): readonly ValidationProblem[] {
  if (isPlan(data)) {
    const plan = validatePlan(data, file);
    return plan.ok ? [] : plan.problems;
  }
  const admission = admitCase(data, { file, ...(units ? { units } : {}) });
  return admission.ok ? [] : admission.problems;
}

/** An answers file for masdrill play (stages keyed by id) rather than a scenario (stages listed). */
function isAnswers(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    'stages' in data &&
    !Array.isArray((data as { stages: unknown }).stages) &&
    !('title' in data)
  );
}

/**
 * An answers file that names its scenario is checked against it as play would: the scenario must
 * exist (beside the answers file, or by id in scenarios/) and have every stage answered.
 */
async function answersAgainstScenario(answers: AnswersFile, file: string): Promise<ValidationProblem[]> {
  if (answers.scenario === undefined) return [];
  const beside = [`${dirname(file)}/${answers.scenario}.yaml`, `${dirname(file)}/${answers.scenario}.yml`];
  let scenarioFile: string;
  try {
    scenarioFile =
      (
        await Promise.all(
          beside.map((f) =>
            stat(f).then(
              (i) => (i.isFile() ? f : undefined),
              () => undefined,
            ),
          ),
        )
      ).find(Boolean) ?? (await findScenario(answers.scenario));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return [
      {
        file,
        path: '$.scenario',
        message: `no scenario "${answers.scenario}" beside the answers file or in scenarios/`,
        fix: error.message.replace(/^.*?Fix: /s, '').replace(/\.$/, ''),
      },
    ];
  }
  const read = await readScenarioFile(scenarioFile);
  // A broken scenario is reported when it is validated itself.
  return read.scenario ? answersProblems(answers, read.scenario, file) : [];
}

/** Problems of a YAML scenario (or answers) file: shape, then meaning against its case. */
export async function validateScenarioFile(file: string, io: Io): Promise<ValidationProblem[]> {
  const parsed = parseYamlText(await readInputText(file, io, 'scenario'), file);
  if (!('data' in parsed)) return [parsed];
  if (isAnswers(parsed.data)) {
    const v = validateAnswers(parsed.data, file);
    if (!v.ok) return withLines(v.problems, parsed.lines);
    return withLines(await answersAgainstScenario(v.answers, file), parsed.lines);
  }
  const read = await readScenarioFile(file);
  if (!read.scenario) return read.problems;
  const s = read.scenario;
  const problems: ValidationProblem[] = [];
  const stem = basename(file).replace(/\.ya?ml$/, '');
  if (stem !== s.id)
    problems.push({
      file,
      path: '$.id',
      message: `the id "${s.id}" is not the file name "${stem}"`,
      fix: `rename the file to ${s.id}.yaml or set id: ${stem}`,
    });
  const c = await scenarioCase(s, file, read.lines);
  if (!c.case) return withLines([...problems, ...c.problems], read.lines);
  problems.push(...lintScenario(s, c.case, file));
  return withLines(problems, read.lines);
}

/**
 * Problems of one file (a JSON case or plan, an array, JSONL, or a YAML scenario), reported as they
 * are found so a large JSONL never sits in memory. Returns how many there were.
 */
export async function validateFile(
  file: string,
  io: Io,
  units: CaseUnits | undefined,
  report: (p: ValidationProblem) => void,
): Promise<number> {
  let count = 0;
  const found = (problems: readonly ValidationProblem[]): void => {
    for (const p of problems) {
      count++;
      report(p);
    }
  };
  try {
    if (/\.ya?ml$/.test(file)) {
      found(await validateScenarioFile(file, io));
      return count;
    }
    for await (const read of readJsonDocuments(file, io, 'case')) {
      found(
        read.ok ? read.document.place(documentProblems(read.document.data, read.document.file, units)) : read.problems,
      );
    }
  } catch (error) {
    // One unreadable file is a problem of that file; the others are still checked.
    if (error instanceof InputError) found([error.problem]);
    else if (typeof (error as NodeJS.ErrnoException).code === 'string') found([readFailure(file, error).problem]);
    else throw error;
  }
  return count;
}

export async function validateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('validate', argv, FLAGS);
  if (values.help) {
    io.stdout.write(wrapBlock(VALIDATE_HELP));
    return 0;
  }
  if (positionals.length === 0)
    throw new CliError(
      'masdrill validate: give at least one case file or folder, or "-" for standard input. Run "masdrill validate --help".',
    );
  const units = unitsFlag('validate', values.units);
  const files = (await Promise.all(positionals.map(filesUnder))).flat();
  if (files.length === 0)
    throw new CliError(
      `masdrill validate: no .json, .jsonl, .yaml or .yml files under ${positionals.join(', ')}. Fix: give case files, or folders that hold them.`,
    );
  let problemCount = 0;
  let badFiles = 0;
  for (const file of files) {
    const problems = await validateFile(file, io, units, (p) => io.stderr.write(formatProblem(p) + '\n'));
    problemCount += problems;
    if (problems > 0) badFiles++;
    else if (!values.quiet) io.stdout.write(`ok  ${displayName(file)}\n`);
  }
  if (problemCount > 0) {
    const checked = files.length > badFiles ? ` (of ${files.length} checked)` : '';
    io.stderr.write(
      `${problemCount} problem${problemCount === 1 ? '' : 's'} in ${badFiles} file${badFiles === 1 ? '' : 's'}${checked}\n`,
    );
  }
  return problemCount === 0 ? 0 : 2;
}
