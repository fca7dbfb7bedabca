import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import {
  ACTIONS, classifyExtra, expectedPlan, planSchema, scorePlan, scoreReportSchema, type ActionId, type Plan, type PlannedAction, type ScoreReport,
} from '../../src/index.js';
import { caseFrom, caseShape, caseShapeMaybeNoTruth, stageArb } from './support.js';

const ajv = new Ajv({ allErrors: true, strict: true });
const validReport = ajv.compile<ScoreReport>(scoreReportSchema as object);
const validPlan = ajv.compile<Plan>(planSchema as object);
const ALL_ACTIONS = Object.keys(ACTIONS) as ActionId[];

const withPlanStage = (p: Plan): Plan => p;

describe('scoring properties (fast-check over hand-made cases)', () => {
  it('the expected plan is a valid plan and scores 100 on every case and stage', () => {
    fc.assert(fc.property(caseShapeMaybeNoTruth, stageArb, fc.integer({ min: 0, max: 96 }), (shape, stage, hour) => {
      const c = caseFrom(shape);
      const exp = expectedPlan(c, stage, hour);
      expect(validPlan(exp.plan), JSON.stringify(validPlan.errors)).toBe(true);
      const report = scorePlan(c, exp.plan);
      expect(validReport(report), JSON.stringify(validReport.errors)).toBe(true);
      expect(report.overall, JSON.stringify(report.feedback.filter((f) => f.severity !== 'good'), null, 1)).toBe(100);
      expect(report.feedback.every((f) => f.severity === 'good')).toBe(true);
    }), { numRuns: 400 });
  });

  it('scores stay within 0–100 and reports validate, for arbitrary plans', () => {
    const action: fc.Arbitrary<PlannedAction> = fc.record({
      action: fc.constantFrom(...ALL_ACTIONS),
      atHour: fc.integer({ min: 0, max: 72 }),
    });
    fc.assert(fc.property(caseShape, stageArb, fc.array(action, { maxLength: 12 }), fc.constantFrom('mas', 'sepsis', 'misc', 'sjia-flare', 'septic-shock', 'misc-with-mas', 'other' as const), (shape, stage, actions, leading) => {
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
      for (const item of report.feedback) expect(item.statementIds.length + item.citations.length).toBeGreaterThan(0);
    }), { numRuns: 300 });
  });

  it('adding a harmful action never raises the score', () => {
    fc.assert(fc.property(caseShape, stageArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...ALL_ACTIONS), (shape, stage, keep, extra) => {
      const c = caseFrom(shape);
      const exp = expectedPlan(c, stage);
      const base: Plan = { ...exp.plan, actions: exp.plan.actions.filter((_, n) => (n * 0.37) % 1 < keep) };
      const before = scorePlan(c, base).overall;
      // Either an action that is harmful in this case, or a mg-vs-g slip of any dosed action.
      const harmfulHere = classifyExtra(extra, exp.features).level === 'harmful';
      const dosedExpert = exp.plan.actions.find((a) => a.dose && ACTIONS[a.action].doseRules.length > 0);
      let added: PlannedAction | undefined;
      if (harmfulHere) added = { action: extra, atHour: 0 };
      else if (dosedExpert?.dose && (dosedExpert.dose.unit === 'mg/kg/day' || dosedExpert.dose.unit === 'mg/kg')) {
        added = { ...dosedExpert, dose: { ...dosedExpert.dose, unit: dosedExpert.dose.unit === 'mg/kg' ? 'g/kg' : 'g/kg/day' } };
      }
      fc.pre(added !== undefined);
      const after = scorePlan(c, { ...base, actions: [...base.actions, added!] });
      expect(after.capped || after.overall <= before).toBe(true);
      expect(after.overall).toBeLessThanOrEqual(before);
      expect(after.feedback.some((f) => f.severity === 'harmful')).toBe(true);
    }), { numRuns: 300 });
  });

  it('dropping a critical action lowers the score and yields a feedback item citing its statement or source', () => {
    fc.assert(fc.property(caseShapeMaybeNoTruth, stageArb, fc.nat(), (shape, stage, pick) => {
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
      expect([...item!.statementIds, ...item!.citations]).toEqual(expect.arrayContaining([...r.basisOf.statementIds, ...r.basisOf.citations].slice(0, 1)));
    }), { numRuns: 400 });
  });

  it('dropping a critical action lowers the score of any plan that contained it correctly', () => {
    const action: fc.Arbitrary<PlannedAction> = fc.record({ action: fc.constantFrom(...ALL_ACTIONS), atHour: fc.integer({ min: 0, max: 72 }) });
    fc.assert(fc.property(caseShape, stageArb, fc.array(action, { maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (shape, stage, extras, keep, pick) => {
      const c = caseFrom(shape);
      const exp = expectedPlan(c, stage);
      const critical = exp.requirements.filter((r) => r.level === 'critical' && r.satisfiers[0] !== 'reassessment');
      fc.pre(critical.length > 0);
      const r = critical[pick % critical.length]!;
      const kept = exp.plan.actions.filter((a, n) => r.satisfiers.includes(a.action) || (n * 0.61) % 1 < keep);
      const others = extras.filter((a) => !r.satisfiers.includes(a.action)).map((a) => {
        const e = exp.plan.actions.find((x) => x.action === a.action);
        return e?.dose ? { ...a, dose: e.dose } : a;
      });
      const full: Plan = { ...exp.plan, actions: [...kept, ...others] };
      const dropped: Plan = { ...full, actions: full.actions.filter((a) => !r.satisfiers.includes(a.action)) };
      expect(scorePlan(c, dropped).rawOverall).toBeLessThan(scorePlan(c, full).rawOverall);
      expect(scorePlan(c, dropped).overall).toBeLessThan(scorePlan(c, full).overall);
    }), { numRuns: 300 });
  });
});
