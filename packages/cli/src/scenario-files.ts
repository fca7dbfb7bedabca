import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  closest, formatProblem, lintCase, validateAnswers, validateCase, validateScenario, type AnswersFile, type Case, type Scenario, type ValidationProblem,
} from '@masdrill/rules';
import { generatedCaseOf } from '@masdrill/quiz';
import { parseDocument } from 'yaml';
import { CliError } from './cli-error.js';
import { SourceLines } from './source-lines.js';

/**
 * Scenario and answers files, read in one place for every command (play, validate, the quiz): YAML
 * parsed with line numbers, checked against the scenario schema, the scenario's case resolved.
 * Problems carry the file, line, JSON path and fix; a command decides how to report them.
 */

/** Where the committed scenarios live: ./scenarios, then the repository's scenarios/ next to this package. */
const SCENARIO_DIRS = [resolve('scenarios'), fileURLToPath(new URL('../../../../scenarios/', import.meta.url))];

export interface LoadedYaml {
  readonly data: unknown;
  readonly lines: SourceLines;
}

/** Parses YAML (or JSON) text; a syntax error becomes a problem with its line. */
export function parseYamlText(text: string, file: string): LoadedYaml | ValidationProblem {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    return { file, ...(line !== undefined ? { line } : {}), path: '$', message: `not valid YAML (${err.message.split('\n')[0]})`, fix: 'check indentation, colons and quotes near that line' };
  }
  return { data: doc.toJS() as unknown, lines: new SourceLines(text) };
}

export function withLines(problems: readonly ValidationProblem[], lines: SourceLines | undefined): ValidationProblem[] {
  return problems.map((p) => {
    if (p.line !== undefined || !lines) return p;
    const line = lines.lineOf(p.path);
    return line === undefined ? p : { ...p, line };
  });
}

export function fail(problems: readonly ValidationProblem[], what: string, command = 'play'): never {
  const shown = problems.slice(0, 12).map(formatProblem);
  const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more problem(s)` : '';
  throw new CliError(`masdrill ${command}: the ${what} is not valid:\n${shown.join('\n')}${more}`);
}

export async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`masdrill play: cannot read the ${what} file ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}. Fix: check the path.`);
  }
}

/** A scenario file's shape checked; problems carry lines. */
export async function readScenarioFile(file: string): Promise<{ scenario?: Scenario; problems: ValidationProblem[]; lines?: SourceLines }> {
  const text = await readFile(file, 'utf8');
  const parsed = parseYamlText(text, file);
  if (!('data' in parsed)) return { problems: [parsed] };
  const v = validateScenario(parsed.data, file);
  if (!v.ok) return { problems: withLines(v.problems, parsed.lines), lines: parsed.lines };
  return { scenario: v.scenario, problems: [], lines: parsed.lines };
}

/** The scenario's case: its case file (relative to the scenario file) or its generated case. */
export async function scenarioCase(s: Scenario, file: string, lines: SourceLines | undefined): Promise<{ case?: Case; problems: ValidationProblem[] }> {
  if (s.generate) return { case: generatedCaseOf(s)!, problems: [] };
  const caseFile = resolve(dirname(file), s.case!);
  const text = await readFile(caseFile, 'utf8').catch(() => undefined);
  if (text === undefined) return { problems: withLines([{ file, path: '$.case', message: `the case file ${s.case} (${caseFile}) does not exist`, fix: 'give a case file path relative to the scenario file' }], lines) };
  let data: unknown;
  try { data = JSON.parse(text); } catch (error) {
    return { problems: [{ file: caseFile, path: '$', message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`, fix: 'run masdrill validate on the case file' }] };
  }
  const v = validateCase(data, caseFile);
  const caseLines = new SourceLines(text);
  if (!v.ok) return { problems: withLines(v.problems, caseLines) };
  const lint = lintCase(v.case, caseFile);
  if (lint.length) return { problems: withLines(lint, caseLines) };
  return { case: v.case, problems: [] };
}

export async function findScenario(ref: string): Promise<string> {
  if (await stat(ref).then((s) => s.isFile(), () => false)) return ref;
  if (/^[a-z0-9][a-z0-9-]*$/.test(ref)) {
    for (const dir of SCENARIO_DIRS) {
      for (const ext of ['.yaml', '.yml']) {
        const candidate = `${dir.replace(/\/$/, '')}/${ref}${ext}`;
        if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
      }
    }
  }
  const { readdir } = await import('node:fs/promises');
  const ids = (await Promise.all(SCENARIO_DIRS.map((d) => readdir(d).catch(() => [] as string[])))).flat().filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, ''));
  const guess = closest(ref, [...new Set(ids)]);
  throw new CliError(`masdrill play: no scenario "${ref}" (not a file, not an id in scenarios/). Fix: ${guess ? `did you mean "${guess}"? ` : ''}give a scenario file or one of: ${[...new Set(ids)].sort().join(', ') || '(none found)'}.`);
}

/** The answers file checked against the scenario: shape, stage ids, scenario id. */
export async function readAnswers(file: string, s: Scenario): Promise<{ answers: AnswersFile; lines: SourceLines }> {
  const text = await readText(file, 'answers');
  const parsed = parseYamlText(text, file);
  if (!('data' in parsed)) fail([parsed], 'answers file');
  const v = validateAnswers(parsed.data, file);
  if (!v.ok) fail(withLines(v.problems, parsed.lines), 'answers file');
  const problems: ValidationProblem[] = [];
  const ids = s.stages.map((x) => x.id);
  if (v.answers.scenario !== undefined && v.answers.scenario !== s.id) problems.push({ file, path: '$.scenario', message: `the answers are for scenario "${v.answers.scenario}", not "${s.id}"`, fix: `play them with --scenario ${v.answers.scenario}, or correct the scenario field` });
  for (const id of Object.keys(v.answers.stages)) {
    if (ids.includes(id)) continue;
    const guess = closest(id, ids);
    problems.push({ file, path: /^[A-Za-z_$][\w$]*$/.test(id) ? `$.stages.${id}` : `$.stages[${JSON.stringify(id)}]`, message: `no stage "${id}" in scenario ${s.id}`, fix: `${guess ? `did you mean "${guess}"? ` : ''}the stages are ${ids.join(', ')}` });
  }
  if (problems.length) fail(withLines(problems, parsed.lines), 'answers file');
  return { answers: v.answers, lines: parsed.lines };
}
