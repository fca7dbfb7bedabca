import type { ValidationProblem } from '@masdrill/rules';
import { inputLines, MAX_DOCUMENT_BYTES, MAX_LINE_CHARS } from './input-files.js';
import { displayName, type Io } from './io.js';
import { parseJson } from './json-text.js';
import { SourceLines } from './source-lines.js';

/**
 * The JSON documents of an input, one at a time, the same way for every command that reads cases
 * (evaluate, validate): one JSON object, an array of them, or one object per line (JSONL). The
 * first non-empty line decides: a complete JSON object there means JSONL, which is streamed line
 * by line (bounded memory); anything else is read whole (up to MAX_DOCUMENT_BYTES). A bad line or
 * item is a problem in the sequence, not an exception, so a reader can report it and go on.
 */

export interface JsonDocument {
  readonly data: unknown;
  /** The input as named in messages ("<stdin>" for "-"). */
  readonly file: string;
  /** Places this document's problems in the file: the path of an array item, the line. */
  place(problems: readonly ValidationProblem[]): ValidationProblem[];
}

export type DocumentRead =
  | { readonly ok: true; readonly document: JsonDocument }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

const MB = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

function isObject(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

function completeObject(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return false;
  const parsed = parseJson(trimmed, '');
  return parsed.ok && isObject(parsed.data);
}

function jsonlDocument(text: string, file: string, line: number): DocumentRead {
  const parsed = parseJson(text, file, line);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  if (!isObject(parsed.data)) {
    const what = Array.isArray(parsed.data) ? 'an array' : parsed.data === null ? 'null' : `a ${typeof parsed.data}`;
    return {
      ok: false,
      problems: [
        {
          file,
          line,
          path: '$',
          message: `a JSONL line holds ${what}, not one object`,
          fix: 'put one case (a JSON object) on each line; an array of cases belongs in a .json file of its own',
        },
      ],
    };
  }
  return {
    ok: true,
    document: { data: parsed.data, file, place: (problems) => problems.map((p) => ({ ...p, file, line })) },
  };
}

function* wholeDocuments(text: string, file: string): Generator<DocumentRead> {
  const parsed = parseJson(text, file);
  if (!parsed.ok) {
    yield { ok: false, problems: [parsed.problem] };
    return;
  }
  let lines: SourceLines | undefined;
  const lineOf = (path: string): number | undefined => {
    try {
      lines ??= new SourceLines(text);
      return lines.lineOf(path);
    } catch {
      return undefined; // a line number is a courtesy: never fail over it
    }
  };
  const placed =
    (prefix: string) =>
    (problems: readonly ValidationProblem[]): ValidationProblem[] =>
      problems.map((p) => {
        const path = prefix + p.path.slice(1);
        const line = p.line ?? lineOf(path);
        return { ...p, file, path, ...(line !== undefined ? { line } : {}) };
      });
  if (!Array.isArray(parsed.data)) {
    yield { ok: true, document: { data: parsed.data, file, place: placed('$') } };
    return;
  }
  if (parsed.data.length === 0) {
    yield {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          path: '$',
          message: 'an empty array: no cases to read',
          fix: 'give at least one case, or leave the file out',
        },
      ],
    };
    return;
  }
  for (const [i, item] of parsed.data.entries())
    yield { ok: true, document: { data: item, file, place: placed(`$[${i}]`) } };
}

/** Every document of `path` ("-": standard input), in order, each read or refused with its problems. */
export async function* readJsonDocuments(path: string, io: Io, what = 'case'): AsyncGenerator<DocumentRead> {
  const file = displayName(path);
  let mode: 'undecided' | 'jsonl' | 'whole' = 'undecided';
  const whole: string[] = [];
  let wholeSize = 0;
  for await (const { number, text } of inputLines(path, io, what)) {
    if (text === undefined) {
      const problem: ValidationProblem = {
        file,
        line: number,
        path: '$',
        message: `the line is longer than the ${MB(MAX_LINE_CHARS)} limit for one line`,
        fix: 'one case per line is a few kB: the file is probably not JSONL, or damaged',
      };
      if (mode === 'whole') {
        yield { ok: false, problems: [problem] };
        return;
      }
      mode = 'jsonl';
      yield { ok: false, problems: [problem] };
      continue;
    }
    if (mode === 'whole') {
      wholeSize += text.length + 1;
      if (wholeSize > MAX_DOCUMENT_BYTES) {
        yield {
          ok: false,
          problems: [
            {
              file,
              line: number,
              path: '$',
              message: `one JSON document over the ${MB(MAX_DOCUMENT_BYTES)} limit`,
              fix: 'give the cases one per line (JSONL), which streams without a limit',
            },
          ],
        };
        return;
      }
      whole.push(text);
      continue;
    }
    if (text.trim() === '') continue;
    if (mode === 'undecided') {
      mode = completeObject(text) ? 'jsonl' : 'whole';
      if (mode === 'whole') {
        // Keep the blank lines above, so line numbers stay the file's own.
        for (let i = 1; i < number; i++) whole.push('');
        whole.push(text);
        wholeSize = text.length;
        continue;
      }
    }
    yield jsonlDocument(text, file, number);
  }
  if (mode === 'whole') yield* wholeDocuments(whole.join('\n'), file);
  else if (mode === 'undecided')
    yield {
      ok: false,
      problems: [
        {
          file,
          path: '$',
          message: 'is empty',
          fix: 'give one case (JSON), an array of cases, or one case per line (JSONL)',
        },
      ],
    };
}
