import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ValidationProblem } from './validation-problem.js';

/**
 * Turning JSON Schema (ajv) errors into problems a person can fix: the JSON path, what was
 * expected, and the fix — with "did you mean" for misspelt names. Shared by every schema'd input
 * (cases, plans, scenarios).
 */

/**
 * A validator compiled at build time (scripts/compile-validators.mjs writes ajv's standalone code to
 * src/generated/*-validator.ts), typed as the ajv function it is: no command compiles a schema, or
 * loads ajv's compiler, at run time. Its errors are verbose (they carry the schema they failed
 * against), so messages can list allowed names and units.
 */
export function standaloneValidator<T>(validate: unknown): ValidateFunction<T> {
  return validate as ValidateFunction<T>;
}

/** "/labs/0/ferritin" → "$.labs[0].ferritin" */
export function jsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((seg) => pathSegment(seg.replace(/~1/g, '/').replace(/~0/g, '~')))
      .join('')
  );
}

function pathSegment(s: string): string {
  return /^\d+$/.test(s) ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
}

/** Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(
        row[j]! + 1,
        row[j - 1]! + 1,
        prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The candidate a misspelt or partial name most likely meant, if any is close enough. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = (c.includes(value) || value.includes(c) ? 1 : distance(value, c)) / Math.max(value.length, c.length);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return bestScore <= 0.5 ? best : undefined;
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const seg of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/** "object" → "an object", "number,null" → "a number or null". */
function withArticle(type: string): string {
  return type
    .split(',')
    .map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : t === 'null' ? 'null' : `a ${t}`))
    .join(' or ');
}

/** A value as a person would name it: "null", "an array", "the string "abc"", "the number 3". */
function describeValue(data: unknown): string {
  if (data === null) return 'null';
  if (data === undefined) return 'nothing';
  if (Array.isArray(data)) return `an array of ${data.length} item${data.length === 1 ? '' : 's'}`;
  if (typeof data === 'object') return 'an object';
  const text = JSON.stringify(data);
  return `the ${typeof data} ${text.length > 40 ? text.slice(0, 37) + '…' : text}`;
}

export interface ProblemHints {
  /** Where the schema lives, for fixes that can only point at it. */
  readonly schemaFile: string;
  /** A more specific explanation for an enum at a given path (e.g. "unknown action id"). */
  readonly enumHint?: (instancePath: string, value: unknown) => { message: string; fix: string } | undefined;
}

function describe(
  error: ErrorObject,
  data: unknown,
  hints: ProblemHints,
): { message: string; fix: string; pathSuffix?: string } {
  const p = error.params as Record<string, unknown>;
  const schema = error.parentSchema as { properties?: Record<string, unknown>; description?: string } | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const known = Object.keys(schema?.properties ?? {});
      const guess = closest(extra, known);
      return {
        message: `unknown property "${extra}"`,
        fix: guess
          ? `did you mean "${guess}"? (allowed: ${known.join(', ')})`
          : `remove it; allowed here: ${known.join(', ')}`,
        pathSuffix: extra,
      };
    }
    case 'required':
      return {
        message: `missing required property "${String(p.missingProperty)}"`,
        fix: `add "${String(p.missingProperty)}" (see ${hints.schemaFile})`,
      };
    case 'enum': {
      const specific = hints.enumHint?.(error.instancePath, data);
      if (specific) return specific;
      const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const guess = typeof data === 'string' ? closest(data, (p.allowedValues as unknown[]).map(String)) : undefined;
      return {
        message: `${JSON.stringify(data)} is not one of the allowed values`,
        fix: guess ? `did you mean "${guess}"? (allowed: ${allowed.join(', ')})` : `use one of ${allowed.join(', ')}`,
      };
    }
    case 'const':
      return {
        message: `must be ${JSON.stringify(p.allowedValue)}`,
        fix: `set it to ${JSON.stringify(p.allowedValue)}`,
      };
    case 'type':
      return {
        message: `expected ${withArticle(String(p.type))}, got ${describeValue(data)}`,
        fix: `give ${withArticle(String(p.type))}${schema?.description ? ` (${schema.description})` : ''}`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[error.keyword];
      return {
        message: `${JSON.stringify(data)} is out of range (must be ${op} ${String(p.limit)})`,
        fix: `check the value and its unit${schema?.description ? ` (expected unit: ${schema.description})` : ''}`,
      };
    }
    case 'pattern':
      return {
        message: `${JSON.stringify(data)} does not match ${String(p.pattern)}`,
        fix: 'use letters, digits, ".", "_", ":" or "-" only',
      };
    case 'uniqueItems':
      return { message: 'has duplicate entries', fix: 'list each value once' };
    case 'minItems':
    case 'minLength':
      return { message: error.message ?? 'is too short', fix: `see ${hints.schemaFile}` };
    default:
      return { message: error.message ?? error.keyword, fix: `see ${hints.schemaFile}` };
  }
}

/** Every distinct problem behind a failed validation, in schema order. */
export function schemaProblems(
  errors: readonly ErrorObject[] | null | undefined,
  data: unknown,
  file: string,
  hints: ProblemHints,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  // A value that may take one of several forms (oneOf: a list or a per-set object) is reported against the form
  // it has: the other forms' "expected an array/object" and the bare "must match exactly one schema" are noise.
  // When the value has none of the forms, one message names them all.
  const all = errors ?? [];
  const formNoise = (e: ErrorObject) => e.keyword === 'oneOf' || e.keyword === 'type';
  const oneOfPaths = new Set(all.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const inForm = (path: string) =>
    all.some((e) => (e.instancePath === path || e.instancePath.startsWith(`${path}/`)) && !formNoise(e));
  for (const path of oneOfPaths) {
    if (inForm(path)) continue;
    const forms = all.filter((e) => e.instancePath === path && e.keyword === 'type').map((e) => String(e.params.type));
    const value = valueAt(data, path);
    problems.push({
      file,
      path: jsonPath(path),
      message: `expected ${forms.map(withArticle).join(' or ')}, got ${describeValue(value)}`,
      fix: `give ${forms.map(withArticle).join(' or ')} (see ${hints.schemaFile})`,
    });
  }
  for (const error of all) {
    if (error.keyword === 'if') continue; // "must match then": the real error is reported beside it
    if (oneOfPaths.has(error.instancePath) && formNoise(error)) continue;
    const { message, fix, pathSuffix } = describe(error, valueAt(data, error.instancePath), hints);
    const path = jsonPath(error.instancePath) + (pathSuffix ? pathSegment(pathSuffix) : '');
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file, path, message, fix });
  }
  return problems;
}
