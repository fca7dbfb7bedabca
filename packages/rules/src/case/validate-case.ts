import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Case } from '../generated/case.js';
import { caseSchema } from '../generated/case-schema.js';
import type { ValidationProblem } from './validation-problem.js';

export type CaseValidation = { readonly ok: true; readonly case: Case } | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

let compiled: ValidateFunction<Case> | undefined;

function validator(): ValidateFunction<Case> {
  // Compiled once, lazily: ajv compilation costs milliseconds that a CLI should not pay until it needs them.
  compiled ??= new Ajv({ allErrors: true, strict: true, verbose: true }).compile<Case>(caseSchema as object);
  return compiled;
}

/** "/labs/0/ferritin" → "$.labs[0].ferritin" */
export function jsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return '$' + pointer.split('/').slice(1).map((seg) => {
    const s = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(s) ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  }).join('');
}

/** Levenshtein distance, for "did you mean" suggestions on misspelt property names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestD) { bestD = d; best = c; }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function describe(error: ErrorObject, data: unknown): { message: string; fix: string; pathSuffix?: string } {
  const p = error.params as Record<string, unknown>;
  const schema = error.parentSchema as { properties?: Record<string, unknown>; description?: string } | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const known = Object.keys(schema?.properties ?? {});
      const guess = closest(extra, known);
      return {
        message: `unknown property "${extra}"`,
        fix: guess ? `did you mean "${guess}"? (allowed: ${known.join(', ')})` : `remove it; allowed here: ${known.join(', ')}`,
        pathSuffix: extra,
      };
    }
    case 'required':
      return { message: `missing required property "${String(p.missingProperty)}"`, fix: `add "${String(p.missingProperty)}"` };
    case 'enum':
      return { message: `${JSON.stringify(data)} is not one of the allowed values`, fix: `use one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { message: `must be ${JSON.stringify(p.allowedValue)}`, fix: `set it to ${JSON.stringify(p.allowedValue)}` };
    case 'type':
      return { message: `expected ${String(p.type)}, got ${data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data} ${JSON.stringify(data)}`, fix: `give a ${String(p.type)}${schema?.description ? ` (${schema.description})` : ''}` };
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
      const op = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[error.keyword];
      return { message: `${JSON.stringify(data)} is out of range (must be ${op} ${String(p.limit)})`, fix: `check the value and its unit${schema?.description ? ` (expected unit: ${schema.description})` : ''}` };
    }
    case 'pattern':
      return { message: `${JSON.stringify(data)} does not match ${String(p.pattern)}`, fix: 'use letters, digits, ".", "_", ":" or "-" only' };
    case 'uniqueItems':
      return { message: 'has duplicate entries', fix: 'list each value once' };
    default:
      return { message: error.message ?? error.keyword, fix: 'see packages/rules/schemas/case.schema.json' };
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const seg of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/** Validate the shape of a parsed case. Errors name the file, the JSON path, what was expected and the fix. */
export function validateCase(data: unknown, file = '<input>'): CaseValidation {
  const validate = validator();
  if (validate(data)) return { ok: true, case: data };
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const { message, fix, pathSuffix } = describe(error, valueAt(data, error.instancePath));
    const path = jsonPath(error.instancePath) + (pathSuffix ? (/^[A-Za-z_$][\w$]*$/.test(pathSuffix) ? `.${pathSuffix}` : `[${JSON.stringify(pathSuffix)}]`) : '');
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file, path, message, fix });
  }
  return { ok: false, problems };
}
