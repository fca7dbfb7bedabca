import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import {
  ACTIONS,
  SCORING_FORMULA,
  expectedPlan,
  planSchema,
  scorePlan,
  scoreReportSchema,
  type ActionId,
  type FeedbackItem,
  type Plan,
  type PlannedAction,
  type ScoreReport,
} from '../../src/index.js';
import { caseFrom, caseShape, caseShapeMaybeNoTruth, expectOwnBasis, harmfulAdditions, stageArb } from './support.js';

const ajv = new Ajv({ allErrors: true, strict: true });
const validReport = ajv.compile<ScoreReport>(scoreReportSchema as object);
const validPlan = ajv.compile<Plan>(planSchema as object);
const ALL_ACTIONS = Object.keys(ACTIONS) as ActionId[];

const withPlanStage = (p: Plan): Plan => p;
const PROBLEM_SEVERITIES: readonly FeedbackItem['severity'][] = ['harmful', 'critical-omission', 'dose-error', 'late'];

describe('scoring properties (fast-check over hand-made cases)', () => {
  it('the expected plan is a valid plan and scores 100 on every case and stage', () => {
    fc.assert(
      fc.property(caseShapeMaybeNoTruth, stageArb, fc.integer({ min: 0, max: 96 }), (shape, stage, hour) => {
        const c = caseFrom(shape);
        const exp = expectedPlan(c, stage, hour);
        expect(validPlan(exp.plan), JSON.stringify(validPlan.errors)).toBe(true);
        const report = scorePlan(c, exp.plan);
        expect(validReport(report), JSON.stringify(validReport.errors)).toBe(true);
        expect(
          report.overall,
          JSON.stringify(
            report.feedback.filter((f) => f.severity !== 'good'),
            null,
            1,
          ),
        ).toBe(100);
        expect(report.feedback.every((f) => f.severity === 'good')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('scores stay within 0–100 and reports validate, for arbitrary plans', () => {
    const action: fc.Arbitrary<PlannedAction> = fc.record({
      action: fc.constantFrom(...ALL_ACTIONS),
      atHour: fc.integer({ min: 0, max: 72 }),
    });
    fc.assert(
      fc.property(
        caseShape,
        stageArb,
        fc.array(action, { maxLength: 12 }),
        fc.constantFrom('mas', 'sepsis', 'misc', 'sjia-flare', 'septic-shock', 'misc-with-mas', 'other' as const),
        (shape, stage, actions, leading) => {
          const c = caseFrom(shape);
          const exp = expectedPlan(c, stage);
          // Give dosed actions the expert's dose so the plan passes input checks.
          const dosed = actions.map((a) => {
            const e = exp.plan.actions.find((x) => x.action === a.action);
            return e?.dose ? { ...a, dose: e.dose } : a;
          });
          const plan: Plan = withPlanStage({ schemaVersion: 1, stage, diagnosis: { leading }, actions: dosed });
          const report = scorePlan(c, plan);
          expect(validReport(report), JSON.stringify(validReport.errors)).toBe(true);
          expect(report.overall).toBeGreaterThanOrEqual(0);
          expect(report.overall).toBeLessThanOrEqual(100);
          for (const item of report.feedback)
            expect(item.statementIds.length + item.citations.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding a harmful action never raises the score, and always caps it', () => {
    // Every run adds something genuinely harmful for its case (an action harmful here, or a mg-for-g slip of an
    // expert dose in the unit the expert wrote: mg/kg/day, mg/day under a maximum, g/kg, mg/m²/day as g/day).
    fc.assert(
      fc.property(
        caseShape,
        stageArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (shape, stage, keep, pick) => {
          const c = caseFrom(shape);
          const exp = expectedPlan(c, stage);
          const base: Plan = { ...exp.plan, actions: exp.plan.actions.filter((_, n) => (n * 0.37) % 1 < keep) };
          const before = scorePlan(c, base);
          const candidates = harmfulAdditions(exp);
          expect(candidates.length).toBeGreaterThan(0);
          const added = candidates[pick % candidates.length]!;
          const after = scorePlan(c, { ...base, actions: [...base.actions, added] });
          const why = JSON.stringify({
            added,
            feedback: after.feedback.filter((f) => f.severity !== 'good').map((f) => f.title),
          });
          // The base may already be capped by a dangerous omission (no antimicrobials in septic shock), not by harm.
          expect(before.feedback.some((f) => f.severity === 'harmful')).toBe(false);
          expect(after.capped, why).toBe(true);
          expect(after.overall).toBeLessThanOrEqual(Math.min(before.overall, SCORING_FORMULA.harmfulCap));
          expect(after.rawOverall).toBeLessThanOrEqual(before.rawOverall);
          expect(after.feedback[0]?.severity, why).toBe('harmful');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a GOOD item never stands beside a problem about the same requirement or action', () => {
    const factor = fc.constantFrom(1, 0.5, 1.04, 1.2, 3, 1000);
    const shift = fc.constantFrom(0, 0, 6, 30, 60);
    fc.assert(
      fc.property(
        caseShape,
        stageArb,
        fc.array(fc.tuple(factor, shift), { minLength: 30, maxLength: 30 }),
        fc.constantFrom(undefined, 6, 12, 24, 48),
        (shape, stage, changes, every) => {
          const c = caseFrom(shape);
          const exp = expectedPlan(c, stage);
          const actions = exp.plan.actions.map((a, n) => {
            const [k, dt] = changes[n % changes.length]!;
            return {
              ...a,
              atHour: a.atHour + dt,
              ...(a.dose ? { dose: { ...a.dose, amount: a.dose.amount * k } } : {}),
            };
          });
          const { reassessEveryHours: _, ...rest } = exp.plan;
          const plan: Plan = { ...rest, actions, ...(every !== undefined ? { reassessEveryHours: every } : {}) };
          const report = scorePlan(c, plan);
          const problems = report.feedback.filter((f) => PROBLEM_SEVERITIES.includes(f.severity));
          for (const good of report.feedback.filter((f) => f.severity === 'good' && f.requirementId)) {
            const clash = problems.filter(
              (p) =>
                p.requirementId === good.requirementId || (p.actionIds ?? []).some((a) => good.actionIds?.includes(a)),
            );
            expect(
              clash.map((p) => p.title),
              good.title,
            ).toEqual([]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('dropping a critical action lowers the score and yields a feedback item citing its statement or source', () => {
    fc.assert(
      fc.property(caseShapeMaybeNoTruth, stageArb, fc.nat(), (shape, stage, pick) => {
        const c = caseFrom(shape);
        const exp = expectedPlan(c, stage);
        const critical = exp.requirements.filter((r) => r.level === 'critical' && r.satisfiers[0] !== 'reassessment');
        fc.pre(critical.length > 0);
        const r = critical[pick % critical.length]!;
        const plan: Plan = { ...exp.plan, actions: exp.plan.actions.filter((a) => !r.satisfiers.includes(a.action)) };
        const report = scorePlan(c, plan);
        expect(report.overall).toBeLessThan(100);
        const item = report.feedback.find((f) => f.requirementId === r.id && f.severity === 'critical-omission');
        expect(item, `no critical-omission for ${r.id}`).toBeDefined();
        expectOwnBasis(item!, r);
      }),
      { numRuns: 400 },
    );
  });

  it('dropping a critical action lowers the score of any plan that contained it correctly', () => {
    const action: fc.Arbitrary<PlannedAction> = fc.record({
      action: fc.constantFrom(...ALL_ACTIONS),
      atHour: fc.integer({ min: 0, max: 72 }),
    });
    fc.assert(
      fc.property(
        caseShape,
        stageArb,
        fc.array(action, { maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (shape, stage, extras, keep, pick) => {
          const c = caseFrom(shape);
          const exp = expectedPlan(c, stage);
          const critical = exp.requirements.filter((r) => r.level === 'critical' && r.satisfiers[0] !== 'reassessment');
          fc.pre(critical.length > 0);
          const r = critical[pick % critical.length]!;
          const kept = exp.plan.actions.filter((a, n) => r.satisfiers.includes(a.action) || (n * 0.61) % 1 < keep);
          const others = extras
            .filter((a) => !r.satisfiers.includes(a.action))
            .map((a) => {
              const e = exp.plan.actions.find((x) => x.action === a.action);
              return e?.dose ? { ...a, dose: e.dose } : a;
            });
          const full: Plan = { ...exp.plan, actions: [...kept, ...others] };
          const dropped: Plan = { ...full, actions: full.actions.filter((a) => !r.satisfiers.includes(a.action)) };
          expect(scorePlan(c, dropped).rawOverall).toBeLessThan(scorePlan(c, full).rawOverall);
          expect(scorePlan(c, dropped).overall).toBeLessThan(scorePlan(c, full).overall);
        },
      ),
      { numRuns: 300 },
    );
  });
});
