import type { ValidationProblem } from '@masdrill/rules';

/**
 * JSON.parse made safe for input files: nesting deeper than any case, plan or scenario could need
 * is refused before parsing (200,000 "[" overflowed the stack further on), and a syntax error says
 * where as a line and column instead of a character offset.
 */

/** Deeper than any masdrill file (a case nests 5 levels). */
export const MAX_JSON_DEPTH = 64;

export type JsonParse =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly problem: ValidationProblem };

/** The deepest nesting of [ and { outside strings, stopping as soon as it passes `limit`. */
export function nestingDepth(text: string, limit = MAX_JSON_DEPTH): { depth: number; at: number } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > limit) return { depth, at: i };
    } else if (ch === 93 || ch === 125) depth--;
  }
  return { depth: Math.max(depth, 0), at: -1 };
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

/** Searching for an error's place costs a few dozen parses of a prefix: done up to this size. */
const LOCATE_LIMIT = 4 * 1024 * 1024;

/** Whether a prefix of the text fails for a reason other than running out (the bad token is inside it). */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/Unexpected end/.test(message)) return false;
    const at = /at position (\d+)/.exec(message);
    return at ? Number(at[1]) < prefix.length : true;
  }
}

/**
 * V8's message without its position, and the position. "Unexpected token" messages carry none, so
 * the shortest prefix that fails before its end is searched for: the bad token ends it.
 */
function syntaxError(error: unknown, text: string): { reason: string; offset: number } {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .replace(/\s*(in JSON\s*)?at position \d+(\s*\(line \d+ column \d+\))?/, '')
    .replace(/^Unexpected end of JSON input$/, 'the text ends before the JSON does')
    .replace(/^(Unexpected token '.+?'),.*$/s, '$1'); // V8 quotes the text around it, newlines and all
  const at = /at position (\d+)/.exec(message);
  if (at) return { reason, offset: Number(at[1]) };
  if (!/^Unexpected token/.test(message) || text.length > LOCATE_LIMIT) return { reason, offset: text.length };
  let ok = 0;
  let bad = text.length;
  while (bad - ok > 1) {
    const mid = (ok + bad) >>> 1;
    if (failsBeforeEnd(text.slice(0, mid))) bad = mid;
    else ok = mid;
  }
  return { reason, offset: bad - 1 };
}

/**
 * Parses one JSON document. `file` names it; `line` is the line the text starts on (JSONL), so
 * the problem points at the right line of the file.
 */
export function parseJson(text: string, file: string, line?: number): JsonParse {
  const deep = nestingDepth(text);
  if (deep.at >= 0) {
    const where = lineColumn(text, deep.at);
    return {
      ok: false,
      problem: {
        file,
        line: (line ?? 1) + where.line - 1,
        path: '$',
        message: `nested more than ${MAX_JSON_DEPTH} levels deep (column ${where.column})`,
        fix: 'give a case, plan or answers object; no masdrill file nests this deep, so the file is probably damaged',
      },
    };
  }
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    const { reason, offset } = syntaxError(error, text);
    const where = lineColumn(text, offset);
    return {
      ok: false,
      problem: {
        file,
        line: (line ?? 1) + where.line - 1,
        path: '$',
        message: `not valid JSON at column ${where.column}: ${reason}`,
        fix:
          line !== undefined
            ? 'each line must be one complete JSON object (JSONL); check quotes, commas and brackets'
            : 'check brackets, commas and quotes near that line',
      },
    };
  }
}
