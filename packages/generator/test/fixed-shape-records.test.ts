import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  admitCase,
  caseFromCanonical,
  caseToCanonical,
  evaluate,
  lintCase,
  NUMERIC_ANALYTES,
  roundCaseInUnits,
  validateCase,
  type Case,
} from '@masdrill/rules';
import { DIFFICULTIES, generateCase, KINDS } from '../src/index.js';

/** Every key a generated lab panel holds, in output order (the schema's). */
const PANEL_KEYS = [
  'hour',
  ...NUMERIC_ANALYTES.flatMap((a) => (a === 'triglycerides' ? [a, 'triglyceridesFasting'] : [a])),
  'nkCellActivity',
];

const spec = fc.record({
  kind: fc.constantFrom(...KINDS),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  index: fc.integer({ min: 0, max: 2 ** 40 }),
  difficulty: fc.constantFrom(...DIFFICULTIES),
});

/** The case as a reader of its JSON sees it: no key holding undefined. */
const plain = (c: Case): Case => JSON.parse(JSON.stringify(c)) as Case;
const undefinedKeys = (rows: readonly object[]): string[] =>
  rows.flatMap((r) =>
    Object.entries(r)
      .filter(([, v]) => v === undefined)
      .map(([k]) => k),
  );

describe('generated records have a fixed shape', () => {
  it('every lab panel holds every key, in one canonical order, unmeasured ones undefined', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const c = generateCase(s);
        for (const p of c.labs) {
          expect(Object.keys(p)).toEqual(PANEL_KEYS);
          // The measured values are the ones its JSON holds.
          const json = JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
          expect(Object.keys(json)).toEqual(
            PANEL_KEYS.filter((k) => (p as unknown as Record<string, unknown>)[k] !== undefined),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it("every observation of a case holds its kind's keys in one order (hour, temperature, fever days, findings, vitals)", () => {
    const AFTER = [
      'shock',
      'vasoactiveCount',
      'respiratorySupport',
      'fio2',
      'spo2',
      'sbp',
      'dbp',
      'heartRate',
      'respiratoryRate',
      'gcs',
      'pupils',
    ];
    fc.assert(
      fc.property(spec, (s) => {
        const c = generateCase(s);
        const keys = Object.keys(c.observations[0]!);
        expect(keys.slice(0, 3)).toEqual(['hour', 'temperatureC', 'feverDays']);
        expect(keys.slice(-AFTER.length)).toEqual(AFTER);
        for (const o of c.observations) expect(Object.keys(o)).toEqual(keys);
      }),
      { numRuns: 60 },
    );
  });

  it('keys holding undefined change nothing a reader of the case decides (schema, admission, lint, criteria, unit conversion)', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const c = generateCase(s);
        const p = plain(c);
        expect(validateCase(c).ok).toBe(true);
        expect(JSON.stringify(admitCase(c))).toBe(JSON.stringify(admitCase(p)));
        expect(lintCase(c)).toEqual(lintCase(p));
        expect(JSON.stringify(evaluate(c))).toBe(JSON.stringify(evaluate(p)));
        for (const system of ['conventional', 'si'] as const) {
          const converted = roundCaseInUnits(caseFromCanonical(c, system), system);
          expect(JSON.stringify(converted)).toBe(
            JSON.stringify(roundCaseInUnits(caseFromCanonical(p, system), system)),
          );
          // Converted panels carry measured keys only (a reader that copied every key passed undefined ones on).
          expect(undefinedKeys(converted.labs)).toEqual([]);
          expect(undefinedKeys(caseToCanonical(converted, system).labs)).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the schema still refuses what it refused: a bad value or an unknown key in a fixed-shape panel', () => {
    const c = generateCase({ kind: 'mas', seed: 3, index: 7 });
    const panel = c.labs[c.labs.length - 1] as unknown as Record<string, unknown>;
    const unmeasured = NUMERIC_ANALYTES.find((a) => panel[a] === undefined)!;
    expect(unmeasured in panel).toBe(true);
    const problems = (x: Case) => {
      const r = validateCase(x);
      return r.ok ? [] : r.problems.map((q) => `${q.path} ${q.message}`);
    };
    panel[unmeasured] = -1;
    expect(problems(c)).toEqual(problems(plain(c)));
    expect(problems(c)).toHaveLength(1);
    panel[unmeasured] = undefined;
    panel.potassium = 4;
    expect(problems(c)).toEqual(problems(plain(c)));
    expect(problems(c)).toHaveLength(1);
  });
});
