import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without types
import { AJV_OPTIONS, renderValidators, validatorSchemas } from '../../../../scripts/compile-validators.mjs';
import { validate as answersValidator } from '../../src/generated/answers-validator.js';
import { validate as caseValidator } from '../../src/generated/case-validator.js';
import { validate as planValidator } from '../../src/generated/plan-validator.js';
import { validate as scenarioValidator } from '../../src/generated/scenario-validator.js';
import { makeCase } from '../support/make-case.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const yaml = createRequire(`${root}packages/cli/package.json`)('yaml') as { parse(text: string): unknown };

const schemas = (await validatorSchemas()) as Record<string, object>;
const STANDALONE: Record<string, (data: unknown) => boolean> = {
  case: caseValidator,
  plan: planValidator,
  scenario: scenarioValidator,
  answers: answersValidator,
};

/** JSON fixtures under a folder of the repository whose names end with `suffix`. */
function fixtures(folder: string, suffix: string): unknown[] {
  const dir = `${root}${folder}/`;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) =>
      suffix.endsWith('.json') ? JSON.parse(readFileSync(dir + f, 'utf8')) : yaml.parse(readFileSync(dir + f, 'utf8')),
    );
}

const VALID: Record<string, unknown[]> = {
  case: [makeCase(), ...fixtures('cases', '.case.json')],
  plan: fixtures('cases', '.plan.json'),
  scenario: fixtures('scenarios', '.yaml'),
  answers: [{ schemaVersion: 1, stages: {} }],
};

/** A copy of `value` with the node at a path (chosen by `picks`) replaced by `replacement`. */
function mutate(value: unknown, picks: readonly number[], replacement: unknown): unknown {
  if (picks.length === 0 || value === null || typeof value !== 'object') return replacement;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  if (keys.length === 0) return replacement;
  const key = keys[picks[0]! % keys.length]!;
  (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], picks.slice(1), replacement);
  return copy;
}

/** Valid, invalid (error list) and thrown outcomes compared, errors including the schema they name. */
function agree(runtime: ValidateFunction, standalone: (data: unknown) => boolean, data: unknown): void {
  const expected = runtime(data);
  const got = standalone(data);
  expect(got).toBe(expected);
  expect((standalone as unknown as ValidateFunction).errors ?? null).toEqual(runtime.errors ?? null);
}

describe('validators compiled to standalone code at build time', () => {
  it('match what scripts/compile-validators.mjs generates from the schemas (run pnpm generate:validators)', async () => {
    for (const file of (await renderValidators()) as { path: string; text: string }[])
      expect(readFileSync(root + file.path, 'utf8'), `${file.path} is stale`).toBe(file.text);
  });

  for (const name of Object.keys(STANDALONE)) {
    const runtime = new Ajv(AJV_OPTIONS).compile(schemas[name]!);
    const standalone = STANDALONE[name]!;

    it(`${name}: agree with the runtime-compiled validator on every valid fixture`, () => {
      expect(VALID[name]!.length).toBeGreaterThan(0);
      for (const data of VALID[name]!) {
        expect(runtime(data), JSON.stringify(runtime.errors)).toBe(true);
        agree(runtime, standalone, data);
      }
    });

    it(`${name}: agree on fixtures with one value replaced anywhere (mostly invalid), and on any JSON`, () => {
      let invalid = 0;
      fc.assert(
        fc.property(
          fc.nat(VALID[name]!.length - 1),
          fc.array(fc.nat(), { maxLength: 6 }),
          fc.jsonValue({ maxDepth: 2 }),
          (which, picks, replacement) => {
            const data = mutate(VALID[name]![which], picks, replacement);
            if (!runtime(data)) invalid++;
            agree(runtime, standalone, data);
          },
        ),
        { numRuns: 300 },
      );
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 3 }), (data) => agree(runtime, standalone, data)),
        {
          numRuns: 100,
        },
      );
      expect(invalid).toBeGreaterThan(100);
    });
  }
});
