import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, validateCase, type CriteriaResult } from '@masdrill/rules';
import { REPO_ROOT } from './support/run-cli.js';

// Hand-checked cases: each *.expected.json holds results worked out by hand from the published
// definitions (the "working" lines show the arithmetic), independently of the calculators.
const dir = `${REPO_ROOT}cases/canonical/`;
const expectedFiles = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort();

/** Every key in `expected` must be present in `actual` with an equal value (numbers to 1e-6). */
function expectSubset(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(actual as number, path).toBeCloseTo(expected, 6);
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual, path).toBeTypeOf('object');
    for (const [key, value] of Object.entries(expected))
      expectSubset((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  } else {
    expect(actual, path).toBe(expected);
  }
}

describe('canonical cases reproduce their hand-worked results', () => {
  it('has canonical cases to check', () => {
    expect(expectedFiles.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of expectedFiles) {
    const spec = JSON.parse(readFileSync(dir + file, 'utf8')) as { case: string; expected: Record<string, unknown> };
    it(spec.case, () => {
      const validation = validateCase(JSON.parse(readFileSync(dir + spec.case, 'utf8')), spec.case);
      if (!validation.ok) throw new Error(JSON.stringify(validation.problems, null, 2));
      const byId = new Map<string, CriteriaResult>(evaluate(validation.case).results.map((r) => [r.id, r]));
      for (const [id, expected] of Object.entries(spec.expected)) {
        expectSubset(byId.get(id), expected, `${spec.case} ${id}`);
      }
    });
  }
});

// Issue 12: one case per departure from a published definition, with the result before the fix
// (`before`, main at the time) and after it (`after`, checked here as `expected`).
const departuresDir = `${dir}departures/`;
const departureFiles = readdirSync(departuresDir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort();

describe('departure cases (issue 12) give their corrected results', () => {
  it('has a case per departure', () => {
    expect(departureFiles.length).toBeGreaterThanOrEqual(11);
  });

  for (const file of departureFiles) {
    const spec = JSON.parse(readFileSync(departuresDir + file, 'utf8')) as {
      case: string;
      before: Record<string, unknown>;
      expected: Record<string, unknown>;
    };
    it(spec.case, () => {
      const validation = validateCase(JSON.parse(readFileSync(departuresDir + spec.case, 'utf8')), spec.case);
      if (!validation.ok) throw new Error(JSON.stringify(validation.problems, null, 2));
      const byId = new Map<string, CriteriaResult>(evaluate(validation.case).results.map((r) => [r.id, r]));
      for (const [id, expected] of Object.entries(spec.expected))
        expectSubset(byId.get(id), expected, `${spec.case} ${id}`);
      // A departure case shows a change: its result differs from the one recorded before the fix.
      expect(spec.before).not.toEqual(spec.expected);
    });
  }
});
