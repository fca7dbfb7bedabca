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
  type Case,
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
  // Another case's truth: a different label (kind, MAS, severity, subtype) and hidden course (trigger, CNS, bleeding).
  const otherTruth = fc.record({
    kind: fc.constantFrom(...KINDS),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    masPresent: fc.boolean(),
    severity: fc.constantFrom('moderate' as const, 'severe' as const, 'critical' as const),
  });
  const truthChange = fc.oneof(
    fc.constant({ how: 'removed' as const }),
    otherTruth.map((t) => ({ how: 'swapped' as const, ...t })),
  );

  it('two cases with the same visible chart get the same expected plan, diagnosis key and score, at every stage and hour', () => {
    fc.assert(
      fc.property(spec, stage, fc.constantFrom(0, 12, 24, 48, 72, 96), truthChange, (s, st, hour, change) => {
        const c = generateCase(s);
        const twin: Case = { ...c };
        if (change.how === 'removed') delete twin.truth;
        else {
          const other = generateCase({ kind: change.kind, seed: change.seed, index: 0 }).truth!;
          twin.truth = { ...other, masPresent: change.masPresent, severity: change.severity };
        }
        const a = expectedPlan(c, st, hour);
        const b = expectedPlan(twin, st, hour);
        const why = `truth ${JSON.stringify(c.truth)} vs ${JSON.stringify(twin.truth)}`;
        expect(b.plan, why).toEqual(a.plan);
        expect(b.requirements, why).toEqual(a.requirements);
        expect(b.diagnoses, why).toEqual(a.diagnoses);
        expect(b.features.readings, why).toEqual(a.features.readings);
        // The same plan scores the same on both: the expert's, and one with its first action dropped.
        expect(scorePlan(twin, a.plan), why).toEqual(scorePlan(c, a.plan));
        const weaker = { ...a.plan, actions: a.plan.actions.slice(1) };
        expect(scorePlan(twin, weaker), why).toEqual(scorePlan(c, weaker));
      }),
      { numRuns: 200 },
    );
  });
});
