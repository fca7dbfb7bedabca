import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANALYTES, NUMERIC_ANALYTES, roundToPrecision, validateCase, lintCase, formatProblem } from '@masdrill/rules';
import { generateCase, KINDS, DIFFICULTIES, SUBTYPES } from '../src/index.js';

const spec = fc.record({
  kind: fc.constantFrom(...KINDS),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  index: fc.integer({ min: 0, max: 2 ** 40 }),
  difficulty: fc.constantFrom(...DIFFICULTIES),
});

describe('every generated case', () => {
  it('validates against the case schema', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const result = validateCase(generateCase(s));
        if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
      }),
      { numRuns: 400 },
    );
  });

  it('passes the case lint too (meaning, not just shape: e.g. an sJIA duration shorter than the age)', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const problems = lintCase(generateCase(s));
        if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps weight within the schema even in the obese tail of adolescent MIS-C (seed 12, index 261934 once gave 282 kg)', () => {
    expect(validateCase(generateCase({ kind: 'misc', seed: 12, index: 261934 })).ok).toBe(true);
  });

  it('keeps every lab value inside the plausible range, rounded to reporting precision', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const c = generateCase(s);
        for (const panel of c.labs) {
          for (const a of NUMERIC_ANALYTES) {
            const v = panel[a];
            if (v === undefined) continue;
            expect(v).toBeGreaterThanOrEqual(ANALYTES[a].plausible.min);
            expect(v).toBeLessThanOrEqual(ANALYTES[a].plausible.max);
            expect(roundToPrecision(a, v)).toBe(v);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('records seed, index, generator version and difficulty, and a consistent truth', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const c = generateCase(s);
        expect(c.id).toBe(`gen-${s.seed}-${s.index}`);
        expect(c.provenance).toMatchObject({
          source: 'generated',
          seed: s.seed,
          index: s.index,
          difficulty: s.difficulty,
        });
        expect(typeof c.provenance.generatorVersion).toBe('string');
        expect(c.truth!.kind).toBe(s.kind);
        expect(SUBTYPES[s.kind]).toContain(c.truth!.subtype);
        expect(c.truth!.masPresent).toBe(s.kind === 'mas' || c.truth!.subtype === 'misc-with-mas');
      }),
      { numRuns: 300 },
    );
  });

  it('has observations and labs at presentation, 12, 24 and 48 h, and a pre-illness baseline for known sJIA', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const c = generateCase(s);
        const labHours = c.labs.map((p) => p.hour);
        const obsHours = c.observations.map((o) => o.hour);
        for (const h of [0, 12, 24, 48]) {
          expect(labHours).toContain(h);
          expect(obsHours).toContain(h);
        }
        if (c.background.sjia === 'known') expect(labHours[0]).toBeLessThan(0);
        expect([...labHours].sort((a, b) => a - b)).toEqual(labHours);
      }),
      { numRuns: 200 },
    );
  });
});
