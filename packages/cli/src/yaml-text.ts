import type { ValidationProblem } from '@masdrill/rules';
import { parseDocument } from 'yaml';
import { MAX_JSON_DEPTH, nestingDepth } from './json-text.js';
import { SourceLines } from './source-lines.js';

/** An anchor may be used this many times (yaml's own default): more is an "alias bomb", not a scenario. */
export const MAX_YAML_ALIASES = 100;

export interface LoadedYaml {
  readonly data: unknown;
  readonly lines: SourceLines;
}

const FIX = 'check indentation, colons and quotes near that line';

/** yaml's messages, reworded for someone writing a scenario rather than calling the library. */
function reword(code: string, message: string): { message: string; fix: string } {
  if (code === 'MULTIPLE_DOCS')
    return {
      message: 'holds more than one YAML document (a second "---")',
      fix: 'keep one scenario or answers set per file',
    };
  if (code === 'DUPLICATE_KEY') return { message: 'a key appears twice in the same mapping', fix: 'keep one of them' };
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return { message: `not valid YAML: ${first}`, fix: FIX };
}

/** Parses YAML (or JSON) text; any failure becomes one problem with its line, never an exception. */
export function parseYamlText(text: string, file: string): LoadedYaml | ValidationProblem {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Flow collections nested past any scenario's depth are refused before the parser (100,000
  // "[" took it 11 s); block nesting is bounded by the number of lines.
  if (nestingDepth(body).at >= 0)
    return {
      file,
      path: '$',
      message: `nested more than ${MAX_JSON_DEPTH} levels deep`,
      fix: 'no scenario or answers file nests this deep; the file is probably damaged',
    };
  try {
    const doc = parseDocument(body, { uniqueKeys: true, prettyErrors: true });
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line;
      return { file, ...(line !== undefined ? { line } : {}), path: '$', ...reword(err.code, err.message) };
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (error) {
      if (error instanceof RangeError) throw error;
      return {
        file,
        path: '$',
        message: `uses YAML aliases (*name) more than ${MAX_YAML_ALIASES} times over`,
        fix: 'write the values out, or use fewer anchors and aliases',
      };
    }
    return { data, lines: new SourceLines(body) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      file,
      path: '$',
      message: 'nested too deeply to read',
      fix: 'no scenario or answers file nests this deep; the file is probably damaged',
    };
  }
}
