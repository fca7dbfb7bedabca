import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { validateCase, lintCase, caseToCanonical, formatProblem, type Case, type UnitSystem, type ValidationProblem } from '@masdrill/rules';
import { CliError } from './cli-error.js';

export type InputUnits = 'canonical' | UnitSystem;

export interface CaseSource {
  /** "-" for standard input. */
  readonly path: string;
  readonly units: InputUnits;
  readonly stdin: NodeJS.ReadableStream;
}

function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

function parseOne(text: string, file: string, line: number | undefined, units: InputUnits): Case {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const where = line !== undefined ? `${file}:${line}` : file;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${where}: not valid JSON (${reason}). Fix: give one case as a JSON object${line !== undefined ? ' on each line (JSONL)' : ', or one case per line (JSONL)'}.`);
  }
  const label = line !== undefined ? `${file}:${line}` : file;
  const result = validateCase(data, label);
  if (!result.ok) throw invalid(label, result.problems);
  // Lint in canonical units: the plausibility limits are defined there.
  const canonical = units === 'canonical' ? result.case : caseToCanonical(result.case, units);
  const lint = lintCase(canonical, label);
  if (lint.length > 0) throw invalid(label, lint);
  return canonical;
}

function invalid(label: string, problems: readonly ValidationProblem[]): CliError {
  const shown = problems.slice(0, 12).map(formatProblem);
  const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more problems` : '';
  return new CliError(`${label}: not a valid case (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${shown.join('\n')}${more}`);
}

/**
 * Cases from a JSON file (one case, or an array of cases) or a JSONL file (one case per line),
 * streamed so a large JSONL never sits in memory whole. The first line decides: a complete JSON
 * object on line 1 means JSONL. Bad input stops at the first problem with file, line and path.
 */
export async function* readCases(source: CaseSource): AsyncGenerator<Case> {
  const file = displayName(source.path);
  if (source.path !== '-') {
    const info = await stat(source.path).catch(() => undefined);
    if (!info) throw new CliError(`${file}: no such file. Fix: give the path of a case file (JSON or JSONL), or "-" for standard input.`);
    if (info.isDirectory()) throw new CliError(`${file}: is a directory. Fix: give a case file (JSON or JSONL), or "-" for standard input.`);
  }
  const input = source.path === '-' ? source.stdin : createReadStream(source.path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let mode: 'undecided' | 'jsonl' | 'json' = 'undecided';
  const buffered: string[] = [];
  for await (const line of lines) {
    lineNo++;
    if (mode === 'json') { buffered.push(line); continue; }
    if (line.trim() === '') continue;
    if (mode === 'undecided') {
      const trimmed = line.trim();
      let completeObject = false;
      if (trimmed.startsWith('{')) {
        try { JSON.parse(trimmed); completeObject = true; } catch { completeObject = false; }
      }
      mode = completeObject ? 'jsonl' : 'json';
      if (mode === 'json') { buffered.push(line); continue; }
    }
    yield parseOne(line, file, lineNo, source.units);
  }
  if (mode === 'json') {
    const text = buffered.join('\n');
    const trimmed = text.trimStart();
    if (trimmed.startsWith('[')) {
      let items: unknown;
      try { items = JSON.parse(text); } catch (error) {
        throw new CliError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}). Fix: give one case, an array of cases, or one case per line (JSONL).`);
      }
      for (const [i, item] of (items as unknown[]).entries()) yield parseOne(JSON.stringify(item), `${file}[${i}]`, undefined, source.units);
    } else {
      yield parseOne(text, file, undefined, source.units);
    }
  }
  if (mode === 'undecided') throw new CliError(`${file}: is empty. Fix: give one case (JSON) or one case per line (JSONL).`);
}
