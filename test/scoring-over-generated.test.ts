import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateCase, KINDS } from '@masdrill/generator';
import {
  ACTION_IDS,
  SCORING_FORMULA,
  classifyExtra,
  expectedPlan,
  planSchema,
  scorePlan,
  validateCase,
  type Plan,
  type Stage,
} from '@masdrill/rules';
// The scoring properties' own helpers (they read the rules' source; the types are the same).
import { expectOwnBasis, harmfulAdditions } from '../packages/rules/test/scoring/support.js';

const spec = fc.record({
  kind: fc.constantFrom(...KINDS),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  index: fc.integer({ min: 0, max: 1_000_000 }),
  difficulty: fc.constantFrom('standard' as const, 'hard' as const),
});
// Every stage the plan schema knows, read from it (a new stage is covered without touching this file).
const STAGES: readonly Stage[] = planSchema.definitions.Stage.enum;
const stage = fc.constantFrom(...STAGES);

describe('scoring over generated cases', () => {
  it('the expected plan scores 100 on every generated case, at every stage', () => {
    fc.assert(
      fc.property(spec, stage, (s, st) => {
        const c = generateCase(s);
        expect(validateCase(c).ok).toBe(true);
        const report = scorePlan(c, expectedPlan(c, st).plan);
        expect(report.overall, JSON.stringify(report.feedback.filter((f) => f.severity !== 'good'))).toBe(100);
      }),
      { numRuns: 200 },
    );
  });

  it("dropping a critical action lowers the score and cites the requirement's basis", () => {
    fc.assert(
      fc.property(spec, stage, fc.nat(), (s, st, pick) => {
        const c = generateCase(s);
        const exp = expectedPlan(c, st);
        const critical = exp.requirements.filter((r) => r.level === 'critical' && r.satisfiers[0] !== 'reassessment');
        fc.pre(critical.length > 0);
        const r = critical[pick % critical.length]!;
        const report = scorePlan(c, {
          ...exp.plan,
          actions: exp.plan.actions.filter((a) => !r.satisfiers.includes(a.action)),
        });
        expect(report.overall).toBeLessThan(100);
        const item = report.feedback.find((f) => f.requirementId === r.id && f.severity === 'critical-omission');
        expect(item, `no critical-omission for ${r.id}`).toBeDefined();
        expect(item!.statementIds.length + item!.citations.length).toBeGreaterThan(0);
        expectOwnBasis(item!, r);
      }),
      { numRuns: 200 },
    );
  });

  it('adding a harmful action or a mg-for-g slip never raises the score and always caps it; scores stay in 0–100', () => {
    fc.assert(
      fc.property(spec, stage, fc.nat(), fc.constantFrom(...ACTION_IDS), (s, st, pick, extra) => {
        const c = generateCase(s);
        const exp = expectedPlan(c, st);
        const before = scorePlan(c, exp.plan).overall;
        // Any action added as it comes (undosed): the score stays in 0–100.
        const any = scorePlan(c, { ...exp.plan, actions: [...exp.plan.actions, { action: extra, atHour: 0 }] });
        expect(any.overall).toBeGreaterThanOrEqual(0);
        expect(any.overall).toBeLessThanOrEqual(100);
        if (classifyExtra(extra, exp.features).level === 'harmful') {
          expect(any.overall).toBeLessThanOrEqual(Math.min(before, SCORING_FORMULA.harmfulCap));
          expect(any.feedback[0]?.severity).toBe('harmful');
        }
        // Something genuinely harmful for this case, every run.
        const candidates = harmfulAdditions(exp);
        expect(candidates.length).toBeGreaterThan(0);
        const added = candidates[pick % candidates.length]!;
        const plan: Plan = { ...exp.plan, actions: [...exp.plan.actions, added] };
        const after = scorePlan(c, plan);
        const why = JSON.stringify({
          added,
          feedback: after.feedback.filter((f) => f.severity !== 'good').map((f) => f.title),
        });
        expect(after.overall).toBeGreaterThanOrEqual(0);
        expect(after.overall).toBeLessThanOrEqual(100);
        expect(after.capped, why).toBe(true);
        expect(after.overall).toBeLessThanOrEqual(Math.min(before, SCORING_FORMULA.harmfulCap));
        expect(after.feedback[0]?.severity, why).toBe('harmful');
      }),
      { numRuns: 200 },
    );
  });
});

describe('expectations read the chart, not the hidden truth (issue 9)', () => {
  // What the truth may hold beyond the case's label (kind, MAS, severity): it drives the course, never the expectation.
  const hidden = fc.record({
    trigger: fc.constantFrom(
      'active-sjia',
      'EBV',
      'CMV',
      'adenovirus',
      'bacterial',
      'maternal-autoimmunity',
      'none' as const,
    ),
    cnsInvolvement: fc.boolean(),
    hemorrhage: fc.boolean(),
    masNeeds: fc.constant(undefined),
  });

  it('two cases with the same visible chart (and label) get the same expected plan, at every stage and hour', () => {
    fc.assert(
      fc.property(spec, stage, fc.integer({ min: 0, max: 96 }), hidden, (s, st, hour, h) => {
        const c = generateCase(s);
        fc.pre(c.truth !== undefined);
        const twin = {
          ...c,
          truth: { ...c.truth!, trigger: h.trigger, cnsInvolvement: h.cnsInvolvement, hemorrhage: h.hemorrhage },
        } as typeof c;
        const a = expectedPlan(c, st, hour);
        const b = expectedPlan(twin, st, hour);
        expect(b.plan).toEqual(a.plan);
        expect(b.requirements.map((r) => [r.id, r.level, r.satisfiers, r.byHour])).toEqual(
          a.requirements.map((r) => [r.id, r.level, r.satisfiers, r.byHour]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
