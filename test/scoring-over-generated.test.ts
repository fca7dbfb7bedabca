import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateCase, KINDS } from '@masdrill/generator';
import {
  ACTION_IDS, SCORING_FORMULA, UNIT_INFO, classifyExtra, expectedPlan, expertDose, expertRule, planSchema, scorePlan, validateCase,
  type CaseFeatures, type Dose, type ExpectedPlan, type FeedbackItem, type Plan, type PlannedAction, type Requirement, type Stage,
} from '@masdrill/rules';

const spec = fc.record({
  kind: fc.constantFrom(...KINDS),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  index: fc.integer({ min: 0, max: 1_000_000 }),
  difficulty: fc.constantFrom('standard' as const, 'hard' as const),
});
// Every stage the plan schema knows, read from it (a new stage is covered without touching this file).
const STAGES: readonly Stage[] = planSchema.definitions.Stage.enum;
const stage = fc.constantFrom(...STAGES);

const G_OF: Partial<Record<Dose['unit'], Dose['unit']>> = { 'mg/kg': 'g/kg', 'mg/kg/day': 'g/kg/day', mg: 'g', 'mg/day': 'g/day' };

/** The dose with its mg number written under a g unit (2 g/kg → 2000 g/kg; mg/m² made absolute, there is no g/m²). */
function mgForGSlip(dose: Dose, f: CaseFeatures): Dose | undefined {
  const g = G_OF[dose.unit];
  if (g) return { ...dose, unit: g };
  const info = UNIT_INFO[dose.unit];
  if (info.measure !== 'mass') return undefined;
  if (info.factor === 1000) return { ...dose, amount: dose.amount * 1000 };
  if (info.basis === 'per-m2' && f.bsaM2 !== undefined) return { ...dose, amount: dose.amount * f.bsaM2, unit: info.scope === 'per-dose' ? 'g' : 'g/day' };
  return undefined;
}

/**
 * Harmful additions for this case, never empty: actions harmful here (infliximab in MIS-C with MAS, aspirin at
 * platelets ≤80×10⁹/L, TMP-SMX under 2 months) with their expert dose, a mg-for-g slip of every expert dose in the
 * unit the expert wrote it (mg/kg/day, mg/day or g/day under a maximum, g/kg, mg/m²/day), and a slipped pulse.
 */
function harmfulAdditions(exp: ExpectedPlan): PlannedAction[] {
  const f = exp.features;
  const out: PlannedAction[] = [];
  for (const action of ACTION_IDS) {
    if (classifyExtra(action, f).level !== 'harmful') continue;
    const rule = expertRule(action, f);
    out.push({ action, atHour: f.decisionHour, ...(rule ? { dose: expertDose(rule, f) } : {}) });
  }
  for (const a of exp.plan.actions) {
    const slip = a.dose ? mgForGSlip(a.dose, f) : undefined;
    if (slip) out.push({ ...a, dose: slip });
  }
  const pulse = expertRule('methylprednisolone-pulse', f)?.expert;
  const pulseSlip = pulse ? mgForGSlip(pulse, f) : undefined;
  if (pulseSlip) out.push({ action: 'methylprednisolone-pulse', atHour: f.decisionHour, dose: pulseSlip });
  return out;
}

/** The omission cites the dropped requirement's own basis: all of it from the generic pass, at least its first reference from a pitfall. */
function expectOwnBasis(item: FeedbackItem, r: Requirement): void {
  if (item.pitfallId === undefined) {
    expect(item.statementIds).toEqual([...r.basisOf.statementIds]);
    expect(item.citations).toEqual([...r.basisOf.citations]);
  } else {
    expect([...item.statementIds, ...item.citations]).toEqual(expect.arrayContaining([...r.basisOf.statementIds, ...r.basisOf.citations].slice(0, 1)));
  }
}

describe('scoring over generated cases', () => {
  it('the expected plan scores 100 on every generated case, at every stage', () => {
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
      expect(item, `no critical-omission for ${r.id}`).toBeDefined();
      expect(item!.statementIds.length + item!.citations.length).toBeGreaterThan(0);
      expectOwnBasis(item!, r);
    }), { numRuns: 200 });
  });

  it('adding a harmful action or a mg-for-g slip never raises the score and always caps it; scores stay in 0–100', () => {
    fc.assert(fc.property(spec, stage, fc.nat(), fc.constantFrom(...ACTION_IDS), (s, st, pick, extra) => {
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
      const why = JSON.stringify({ added, feedback: after.feedback.filter((f) => f.severity !== 'good').map((f) => f.title) });
      expect(after.overall).toBeGreaterThanOrEqual(0);
      expect(after.overall).toBeLessThanOrEqual(100);
      expect(after.capped, why).toBe(true);
      expect(after.overall).toBeLessThanOrEqual(Math.min(before, SCORING_FORMULA.harmfulCap));
      expect(after.feedback[0]?.severity, why).toBe('harmful');
    }), { numRuns: 200 });
  });
});
