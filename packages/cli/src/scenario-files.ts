import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  admitCase,
  closest,
  formatProblems,
  validateAnswers,
  validateScenario,
  type AnswersFile,
  type Case,
  type Scenario,
  type ValidationProblem,
} from '@masdrill/rules';
import { generatedCaseOf } from '@masdrill/quiz';
import { answersProblems } from './answers-check.js';
import { CliError } from './cli-error.js';
import { readFailure, readInputText } from './input-files.js';
import { displayName, STANDARD_STREAM, type Io } from './io.js';
import { SourceLines } from './source-lines.js';
import { parseYamlText } from './yaml-text.js';

// YAML parsing that never throws (alias bombs, deep nesting, several documents): yaml-text.ts.
export { parseYamlText, type LoadedYaml } from './yaml-text.js';

/**
 * Scenario and answers files, read in one place for every command (play, validate, the quiz): YAML
 * parsed with line numbers, checked against the scenario schema, the scenario's case resolved.
 * Problems carry the file, line, JSON path and fix; a command decides how to report them.
 */

/** Where the committed scenarios live: ./scenarios, then the repository's scenarios/ next to this package. */
const SCENARIO_DIRS = [resolve('scenarios'), fileURLToPath(new URL('../../../../scenarios/', import.meta.url))];

export function withLines(problems: readonly ValidationProblem[], lines: SourceLines | undefined): ValidationProblem[] {
  return problems.map((p) => {
    if (p.line !== undefined || !lines) return p;
    const line = lines.lineOf(p.path);
    return line === undefined ? p : { ...p, line };
  });
}

export function fail(problems: readonly ValidationProblem[], what: string, command = 'play'): never {
  throw new CliError(`masdrill ${command}: the ${what} is not valid:\n${formatProblems(problems)}`);
}

/** A scenario file's shape checked; problems carry lines. "-" reads standard input (give `io`). */
export async function readScenarioFile(
  path: string,
  io?: Io,
): Promise<{ scenario?: Scenario; problems: ValidationProblem[]; lines?: SourceLines }> {
  const file = displayName(path);
  let text: string;
  if (path === STANDARD_STREAM && io) text = await readInputText(path, io, 'scenario');
  else {
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw readFailure(path, error, 'scenario');
    }
  }
  const parsed = parseYamlText(text, file);
  if (!('data' in parsed)) return { problems: [parsed] };
  const v = validateScenario(parsed.data, file);
  if (!v.ok) return { problems: withLines(v.problems, parsed.lines), lines: parsed.lines };
  return { scenario: v.scenario, problems: [], lines: parsed.lines };
}

/** The scenario's case: its case file (relative to the scenario file) or its generated case. */
export async function scenarioCase(
  s: Scenario,
  file: string,
  lines: SourceLines | undefined,
): Promise<{ case?: Case; problems: ValidationProblem[] }> {
  if (s.generate) return { case: generatedCaseOf(s)!, problems: [] };
  const caseFile = resolve(dirname(file), s.case!);
  const text = await readFile(caseFile, 'utf8').catch(() => undefined);
  if (text === undefined)
    return {
      problems: withLines(
        [
          {
            file,
            path: '$.case',
            message: `the case file ${s.case} (${caseFile}) does not exist`,
            fix: 'give a case file path relative to the scenario file',
          },
        ],
        lines,
      ),
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      problems: [
        {
          file: caseFile,
          path: '$',
          message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
          fix: 'run masdrill validate on the case file',
        },
      ],
    };
  }
  // The one case gate (schema → units → meaning), as every command reads a case.
  const admission = admitCase(data, { file: caseFile });
  if (!admission.ok) return { problems: withLines(admission.problems, new SourceLines(text)) };
  return { case: admission.case, problems: [] };
}

/** A scenario reference (file, id in scenarios/, or "-") → its file; `command` names the caller in the message. */
export async function findScenario(ref: string, command = 'play'): Promise<string> {
  // Standard input: read by readScenarioFile; a case file it names is relative to the working directory.
  if (ref === STANDARD_STREAM) return ref;
  if (
    await stat(ref).then(
      (s) => s.isFile(),
      () => false,
    )
  )
    return ref;
  if (/^[a-z0-9][a-z0-9-]*$/.test(ref)) {
    for (const dir of SCENARIO_DIRS) {
      for (const ext of ['.yaml', '.yml']) {
        const candidate = `${dir.replace(/\/$/, '')}/${ref}${ext}`;
        if (
          await stat(candidate).then(
            (s) => s.isFile(),
            () => false,
          )
        )
          return candidate;
      }
    }
  }
  const { readdir } = await import('node:fs/promises');
  const ids = (await Promise.all(SCENARIO_DIRS.map((d) => readdir(d).catch(() => [] as string[]))))
    .flat()
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''));
  const guess = closest(ref, [...new Set(ids)]);
  throw new CliError(
    `masdrill ${command}: no scenario "${ref}" (not a file, not an id in scenarios/). Fix: ${guess ? `did you mean "${guess}"? ` : ''}give a scenario file or one of: ${[...new Set(ids)].sort().join(', ') || '(none found)'}.`,
  );
}

/** The answers file ("-": standard input) checked against the scenario: shape, stage ids, scenario id. */
export async function readAnswers(
  path: string,
  s: Scenario,
  io: Io,
): Promise<{ answers: AnswersFile; lines: SourceLines }> {
  const file = displayName(path);
  const parsed = parseYamlText(await readInputText(path, io, 'answers'), file);
  if (!('data' in parsed)) fail([parsed], 'answers file');
  const v = validateAnswers(parsed.data, file);
  if (!v.ok) fail(withLines(v.problems, parsed.lines), 'answers file');
  const problems = answersProblems(v.answers, s, file);
  if (problems.length) fail(withLines(problems, parsed.lines), 'answers file');
  return { answers: v.answers, lines: parsed.lines };
}
