import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { lintCase, validateAnswers, validateCase, validatePlan, formatProblem, type ValidationProblem } from '@masdrill/rules';
import { lintScenario } from '@masdrill/quiz';
import { parse as parseYaml } from 'yaml';
import { CliError } from '../cli-error.js';
import type { Io } from '../main.js';
import { parseFlags } from '../parse-flags.js';
import { SourceLines } from '../source-lines.js';
import { parseYamlText, readScenarioFile, scenarioCase, withLines } from '../scenario-files.js';

export const VALIDATE_HELP = `Usage: masdrill validate <path…> [flags]

Checks case files (JSON, or JSONL with one case per line) for shape (the case schema) and meaning
(plausible values, time order, consistent vitals), and plan files (for masdrill grade) against the
plan schema, and teaching scenarios (YAML: the scenario schema, then its meaning — the case file
resolves, the case meets the constraints, stages in hour order, the expert answers are valid and
score 100, each wrong answer set scores lower with the feedback it expects) and play answers files;
prints every problem with file, line, JSON path and the fix. Directories are searched for *.json,
*.jsonl, *.yaml and *.yml files.

Flags:
  --quiet      print only problems, not the per-file "ok" lines
  -h, --help   this help

Exit codes: 0 every file valid; 2 any problem (or a path that does not exist).
`;

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new CliError(`masdrill validate: ${path}: no such file or directory. Fix: give case files or folders that hold them.`);
  if (!info.isDirectory()) return [path];
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(json|jsonl|ya?ml)$/.test(e.name) && !e.name.endsWith('.expected.json'))
    .map((e) => `${e.parentPath ?? path}/${e.name}`.replace(/\/+/g, '/'))
    .sort();
}

/** A management plan (for `masdrill grade`) rather than a case: it lists actions and has no patient. */
function isPlan(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'actions' in data && !('patient' in data);
}

function checkDocument(data: unknown, file: string, lines: SourceLines | undefined, lineOffset: number | undefined): ValidationProblem[] {
  let problems: ValidationProblem[];
  if (isPlan(data)) {
    const plan = validatePlan(data, file);
    problems = plan.ok ? [] : [...plan.problems];
  } else {
    const shape = validateCase(data, file);
    problems = shape.ok ? lintCase(shape.case, file) : [...shape.problems];
  }
  return problems.map((p) => {
    const line = lineOffset ?? lines?.lineOf(p.path);
    return line === undefined ? p : { ...p, line };
  });
}

/** An answers file for masdrill play (stages keyed by id) rather than a scenario (stages listed). */
function isAnswers(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'stages' in data && !Array.isArray((data as { stages: unknown }).stages) && !('title' in data);
}

/** Problems of a YAML scenario (or answers) file: shape, then meaning against its case. */
export async function validateScenarioFile(file: string): Promise<ValidationProblem[]> {
  const parsed = parseYamlText(await readFile(file, 'utf8'), file);
  if (!('data' in parsed)) return [parsed];
  if (isAnswers(parsed.data)) {
    const v = validateAnswers(parsed.data, file);
    return v.ok ? [] : withLines(v.problems, parsed.lines);
  }
  const read = await readScenarioFile(file);
  if (!read.scenario) return read.problems;
  const s = read.scenario;
  const problems: ValidationProblem[] = [];
  const stem = basename(file).replace(/\.ya?ml$/, '');
  if (stem !== s.id) problems.push({ file, path: '$.id', message: `the id "${s.id}" is not the file name "${stem}"`, fix: `rename the file to ${s.id}.yaml or set id: ${stem}` });
  const c = await scenarioCase(s, file, read.lines);
  if (!c.case) return withLines([...problems, ...c.problems], read.lines);
  problems.push(...lintScenario(s, c.case, file));
  return withLines(problems, read.lines);
}

/** Problems of one file: a JSON case, an array of cases, JSONL, or a YAML scenario. Pure apart from reading the file. */
export async function validateFile(file: string): Promise<ValidationProblem[]> {
  if (/\.ya?ml$/.test(file)) return validateScenarioFile(file);
  const text = await readFile(file, 'utf8');
  if (file.endsWith('.jsonl')) {
    const problems: ValidationProblem[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let data: unknown;
      try { data = JSON.parse(line); } catch (error) {
        problems.push({ file, line: i + 1, path: '$', message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`, fix: 'one case as a JSON object on each line' });
        return;
      }
      problems.push(...checkDocument(data, file, undefined, i + 1));
    });
    return problems;
  }
  let data: unknown;
  try { data = JSON.parse(text); } catch (error) {
    // YAML's parser gives the line of a JSON syntax error where JSON.parse only gives a position.
    let line: number | undefined;
    try { parseYaml(text); } catch (yamlError) { line = (yamlError as { linePos?: { line: number }[] }).linePos?.[0]?.line; }
    return [{ file, ...(line !== undefined ? { line } : {}), path: '$', message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`, fix: 'check brackets, commas and quotes near that line' }];
  }
  const lines = new SourceLines(text);
  if (Array.isArray(data)) {
    return data.flatMap((item, i) => checkDocument(item, file, undefined, undefined).map((p) => {
      const path = `$[${i}]${p.path.slice(1)}`;
      const line = lines.lineOf(path);
      return { ...p, path, ...(line !== undefined ? { line } : {}) };
    }));
  }
  return checkDocument(data, file, lines, undefined);
}

export async function validateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('validate', argv, { quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) { io.stdout.write(VALIDATE_HELP); return 0; }
  if (positionals.length === 0) throw new CliError('masdrill validate: give at least one case file or folder. Run "masdrill validate --help".');
  const files = (await Promise.all(positionals.map(filesUnder))).flat();
  if (files.length === 0) throw new CliError(`masdrill validate: no .json, .jsonl, .yaml or .yml files under ${positionals.join(', ')}.`);
  let problemCount = 0;
  for (const file of files) {
    const problems = await validateFile(file);
    problemCount += problems.length;
    if (problems.length === 0) { if (!values.quiet) io.stdout.write(`ok  ${file}\n`); continue; }
    for (const p of problems) io.stderr.write(formatProblem(p) + '\n');
  }
  io.stderr.write(problemCount === 0 ? '' : `${problemCount} problem${problemCount === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  return problemCount === 0 ? 0 : 2;
}
