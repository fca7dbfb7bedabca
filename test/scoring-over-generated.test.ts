import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateCase, KINDS } from '@masdrill/generator';
import { ACTIONS, classifyExtra, expectedPlan, scorePlan, validateCase, type ActionId, type Plan } from '@masdrill/rules';

const spec = fc.record({
  kind: fc.constantFrom(...KINDS),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  index: fc.integer({ min: 0, max: 1_000_000 }),
  difficulty: fc.constantFrom('standard' as const, 'hard' as const),
});
const stage = fc.constantFrom('presentation' as const, 'refractory' as const);
const ALL_ACTIONS = Object.keys(ACTIONS) as ActionId[];

describe('scoring over generated cases', () => {
  it('the expected plan scores 100 on every generated case, at both stages', () => {
    fc.assert(fc.property(spec, stage, (s, st) => {
      const c = generateCase(s);
      expect(validateCase(c).ok).toBe(true);
      const report = scorePlan(c, expectedPlan(c, st).plan);
      expect(report.overall, JSON.stringify(report.feedback.filter((f) => f.severity !== 'good'))).toBe(100);
    }), { numRuns: 200 });
  });

  it('dropping a critical action lowers the score and cites the requirement\'s basis', () => {
    fc.assert(fc.property(spec, stage, fc.nat(), (s, st, pick) => {
      const c = generateCase(s);
      const exp = expectedPlan(c, st);
      const critical = exp.requirements.filter((r) => r.level === 'critical' && r.satisfiers[0] !== 'reassessment');
      fc.pre(critical.length > 0);
      const r = critical[pick % critical.length]!;
      const report = scorePlan(c, { ...exp.plan, actions: exp.plan.actions.filter((a) => !r.satisfiers.includes(a.action)) });
      expect(report.overall).toBeLessThan(100);
      const item = report.feedback.find((f) => f.requirementId === r.id && f.severity === 'critical-omission');
      expect(item).toBeDefined();
      expect(item!.statementIds.length + item!.citations.length).toBeGreaterThan(0);
    }), { numRuns: 200 });
  });

  it('adding an action that is harmful in the case never raises the score; scores stay in 0–100', () => {
    fc.assert(fc.property(spec, stage, fc.constantFrom(...ALL_ACTIONS), (s, st, extra) => {
      const c = generateCase(s);
      const exp = expectedPlan(c, st);
      const before = scorePlan(c, exp.plan).overall;
      const plan: Plan = { ...exp.plan, actions: [...exp.plan.actions, { action: extra, atHour: 0 }] };
      const after = scorePlan(c, plan);
      expect(after.overall).toBeGreaterThanOrEqual(0);
      expect(after.overall).toBeLessThanOrEqual(100);
      if (classifyExtra(extra, exp.features).level === 'harmful') {
        expect(after.overall).toBeLessThanOrEqual(Math.min(before, 40));
        expect(after.feedback[0]?.severity).toBe('harmful');
      }
    }), { numRuns: 200 });
  });
});
