import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isKnownCitation,
  type Case,
  type CriteriaResult,
  type CriteriaSet,
  type CriteriaStatus,
  type LabPanel,
  type Observation,
} from '../../src/index.js';
import { hlh2004 } from '../../src/criteria/hlh-2004.js';
import { eularAcr2016 } from '../../src/criteria/eular-acr-2016.js';
import { hscore } from '../../src/criteria/hscore.js';
import { msScore } from '../../src/criteria/ms-score.js';
import { ferritinEsr } from '../../src/criteria/ferritin-esr.js';
import { makeCase } from '../support/make-case.js';

const MAS_SETS: readonly CriteriaSet[] = [hlh2004, eularAcr2016, hscore, msScore, ferritinEsr];
const RUNS = { numRuns: 200 };

/** A number in a range, drawn often from the published boundaries so the edges are exercised. */
const num = (min: number, max: number, edges: readonly number[] = []) =>
  edges.length === 0
    ? fc.double({ min, max, noNaN: true })
    : fc.oneof(fc.constantFrom(...edges), fc.double({ min, max, noNaN: true }));

const hour = fc.integer({ min: -12, max: 36 });

const panel: fc.Arbitrary<LabPanel> = fc.record(
  {
    hour,
    hemoglobin: num(3, 16, [9.0, 9.2, 10.0]),
    wbc: num(0.3, 25, [5.0]),
    anc: num(0, 15, [1.0]),
    platelets: num(5, 700, [100, 110, 181]),
    ferritin: num(0, 60_000, [500, 684, 2000, 6000]),
    ast: num(5, 3000, [30, 48]),
    ldh: num(100, 6000),
    triglycerides: num(30, 900, [1.5 * 88.57, 156, 3.0 * 88.57, 4 * 88.57]),
    triglyceridesFasting: fc.boolean(),
    fibrinogen: num(30, 900, [150, 250, 360]),
    esr: num(0, 150, [0, 10]),
    sCd25: num(100, 20_000, [2400]),
    nkCellActivity: fc.constantFrom('normal' as const, 'low' as const, 'absent' as const),
  },
  { requiredKeys: ['hour'] },
);

const observation: fc.Arbitrary<Observation> = fc.record(
  {
    hour,
    temperatureC: num(35.5, 41.5, [38.0, 38.4, 38.5, 39.4]),
    feverDays: fc.integer({ min: 0, max: 10 }),
    subjectiveFever: fc.boolean(),
    hepatomegaly: fc.boolean(),
    splenomegaly: fc.boolean(),
    activeArthritis: fc.boolean(),
    cnsInvolvement: fc.boolean(),
    hemorrhage: fc.boolean(),
  },
  { requiredKeys: ['hour'] },
);

const agents = [
  'glucocorticoid',
  'cyclosporine',
  'tacrolimus',
  'azathioprine',
  'methotrexate',
  'mycophenolate',
  'anakinra',
  'canakinumab',
  'tocilizumab',
  'other',
] as const;

const anyCase: fc.Arbitrary<Case> = fc
  .record({
    ageDays: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 61, max: 6500 })),
    sjia: fc.constantFrom('known' as const, 'suspected' as const, 'none' as const),
    hivPositive: fc.option(fc.boolean(), { nil: undefined }),
    therapy: fc.option(fc.subarray([...agents]), { nil: undefined }),
    genetic: fc.option(fc.boolean(), { nil: undefined }),
    observations: fc.array(observation, { maxLength: 3 }),
    labs: fc.array(panel, { maxLength: 3 }),
    marrow: fc.option(fc.array(fc.record({ hour, hemophagocytosis: fc.boolean() }), { minLength: 1, maxLength: 2 }), {
      nil: undefined,
    }),
  })
  .map((p) =>
    makeCase({
      patient: { ageYears: p.ageDays / 365.25 },
      background: {
        sjia: p.sjia,
        ...(p.hivPositive === undefined ? {} : { hivPositive: p.hivPositive }),
        ...(p.therapy === undefined ? {} : { immunosuppressiveTherapy: p.therapy }),
      },
      encounter: p.genetic === undefined ? {} : { knownHlhGeneticDiagnosis: p.genetic },
      observations: p.observations,
      labs: p.labs,
      investigations: p.marrow === undefined ? {} : { boneMarrow: p.marrow },
    }),
  );

const LAB_FIELDS = [
  'hemoglobin',
  'wbc',
  'anc',
  'platelets',
  'ferritin',
  'ast',
  'ldh',
  'triglycerides',
  'fibrinogen',
  'esr',
  'sCd25',
  'nkCellActivity',
] as const;
const OBS_FIELDS = [
  'temperatureC',
  'feverDays',
  'subjectiveFever',
  'hepatomegaly',
  'splenomegaly',
  'activeArthritis',
  'cnsInvolvement',
  'hemorrhage',
] as const;
type Field = (typeof LAB_FIELDS)[number] | (typeof OBS_FIELDS)[number] | 'boneMarrow';
const ALL_FIELDS: readonly Field[] = [...LAB_FIELDS, ...OBS_FIELDS, 'boneMarrow'];

/** The case with these analytes/findings removed everywhere: each becomes "not assessed". */
function strip(c: Case, fields: readonly Field[]): Case {
  const drop = new Set<string>(fields);
  const without = <T extends object>(row: T): T =>
    Object.fromEntries(Object.entries(row).filter(([k]) => !drop.has(k))) as T;
  const investigations = { ...c.investigations };
  if (drop.has('boneMarrow')) delete investigations.boneMarrow;
  return { ...c, labs: c.labs.map(without), observations: c.observations.map(without), investigations };
}

const decided = (s: CriteriaStatus) => s === 'met' || s === 'not-met';
const rank: Record<CriteriaStatus, number> = { 'not-met': 0, 'not-assessable': 1, met: 2, 'not-applicable': -1 };

function raiseFerritin(c: Case, by: number): Case {
  return { ...c, labs: c.labs.map((p) => (p.ferritin === undefined ? p : { ...p, ferritin: p.ferritin + by })) };
}

describe('MAS criteria: properties', () => {
  it('raising ferritin never lowers the HScore (value, bounds or status)', () => {
    fc.assert(
      fc.property(anyCase, fc.double({ min: 0, max: 50_000, noNaN: true }), (c, by) => {
        const before = hscore.evaluate(c);
        const after = hscore.evaluate(raiseFerritin(c, by));
        expect(after.score?.value ?? NaN).toBeGreaterThanOrEqual(before.score?.value ?? NaN);
        expect(after.score?.min ?? NaN).toBeGreaterThanOrEqual(before.score?.min ?? NaN);
        expect(after.score?.max ?? NaN).toBeGreaterThanOrEqual(before.score?.max ?? NaN);
        expect(rank[after.status]).toBeGreaterThanOrEqual(rank[before.status]);
      }),
      RUNS,
    );
  });

  it('raising ferritin never lowers the MS score (value, bounds or status)', () => {
    fc.assert(
      fc.property(anyCase, fc.double({ min: 0, max: 50_000, noNaN: true }), (c, by) => {
        const before = msScore.evaluate(c);
        const after = msScore.evaluate(raiseFerritin(c, by));
        expect(after.score === undefined).toBe(before.score === undefined);
        if (before.score !== undefined && after.score !== undefined) {
          expect(after.score.value).toBeGreaterThanOrEqual(before.score.value - 1e-9);
          expect(after.score.min).toBeGreaterThanOrEqual(before.score.min - 1e-9);
          expect(after.score.max).toBeGreaterThanOrEqual(before.score.max - 1e-9);
        }
        if (before.status !== 'not-applicable') expect(rank[after.status]).toBeGreaterThanOrEqual(rank[before.status]);
      }),
      RUNS,
    );
  });

  it('a missing analyte or finding never makes an item met', () => {
    fc.assert(
      fc.property(anyCase, fc.subarray([...ALL_FIELDS], { minLength: 1 }), (c, fields) => {
        const stripped = strip(c, fields);
        for (const set of MAS_SETS) {
          const full = new Map(set.evaluate(c).items.map((i) => [i.id, i.status]));
          for (const i of set.evaluate(stripped).items) {
            if (i.status === 'met') expect(full.get(i.id), `${set.id} ${i.id}`).toBe('met');
          }
        }
      }),
      RUNS,
    );
  });

  it('with no clinical data at all, only background items can be met', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        const empty = strip(c, ALL_FIELDS);
        const background = new Set(['entry.sjia', 'immunosuppression', 'molecular-diagnosis']);
        for (const set of MAS_SETS) {
          for (const i of set.evaluate(empty).items) {
            if (!background.has(i.id)) expect(i.status, `${set.id} ${i.id}`).toBe('not-assessed');
          }
        }
      }),
      RUNS,
    );
  });

  // Asked for HLH-2004 and the 2016 criteria; the scores are held to it too (their bounds must be honest).
  // The molecular diagnosis (HLH-2004 arm A) is excluded on purpose: masdrill lets an unrecorded arm A
  // fall back to arm B (see hlh-2004.ts), so filling it in can turn not-met into met.
  it.each(MAS_SETS)('$id: filling in not-assessed items never turns met into not-met or not-met into met', (set) => {
    fc.assert(
      fc.property(anyCase, fc.subarray([...ALL_FIELDS], { minLength: 1 }), (full, fields) => {
        const partial = set.evaluate(strip(full, fields));
        if (!decided(partial.status)) return;
        expect(set.evaluate(full).status).toBe(partial.status);
      }),
      RUNS,
    );
  });

  it('HScore value always lies within [min, max] ⊆ [0, 337]', () => {
    fc.assert(
      fc.property(anyCase, fc.subarray([...ALL_FIELDS]), (c, fields) => {
        const s = hscore.evaluate(strip(c, fields)).score;
        expect(s).toBeDefined();
        if (s === undefined) return;
        expect(s.min).toBeGreaterThanOrEqual(0);
        expect(s.min).toBeLessThanOrEqual(s.value);
        expect(s.value).toBeLessThanOrEqual(s.max);
        expect(s.max).toBeLessThanOrEqual(337);
        expect(s.probability?.value).toBeGreaterThanOrEqual(0);
        expect(s.probability?.value).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('every citation resolves, every status is a known one, and counts add up', () => {
    fc.assert(
      fc.property(anyCase, fc.subarray([...ALL_FIELDS]), (c, fields) => {
        for (const set of MAS_SETS) {
          const r: CriteriaResult = set.evaluate(strip(c, fields));
          expect(isKnownCitation(r.citation), `${set.id} ${r.citation}`).toBe(true);
          expect(r.summary.length).toBeGreaterThan(0);
          for (const i of r.items) {
            expect(isKnownCitation(i.citation), `${set.id} ${i.id} ${i.citation}`).toBe(true);
            expect(['met', 'not-met', 'not-assessed']).toContain(i.status);
            if (i.status === 'not-assessed') expect(i.value, `${set.id} ${i.id}`).toBeNull();
          }
          if (r.count !== undefined) expect(r.count.met + r.count.notAssessed).toBeLessThanOrEqual(r.count.of);
        }
      }),
      RUNS,
    );
  });
});
