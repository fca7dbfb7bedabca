import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SCORING_FORMULA,
  evaluate,
  expectedPlan,
  scorePlan,
  type Case,
  type Plan,
  type PlannedAction,
  type PriorOrder,
} from '../../src/index.js';
import { caseFrom, caseShape, SEVERE_SJIA_MAS, type CaseShape } from './support.js';

/**
 * Plans the sources call weak or dangerous as a whole (issue 9 items 2 and 9): immunosuppression in
 * sepsis with no MAS criteria met on the chart (DX-1, DX-3, INF-3, PIT-3), a second IVIG in MIS-C
 * without MAS (ACR), and septic shock without antimicrobials (Surviving Sepsis Campaign 2020).
 */
const SEPTIC_SHOCK: CaseShape = {
  ...SEVERE_SJIA_MAS,
  kind: 'sepsis',
  masPresent: false,
  trigger: 'bacterial',
  sjia: 'none',
  shock: true,
  platelets: 220,
  ferritin: 1500,
};
const PULSE: PlannedAction = {
  action: 'methylprednisolone-pulse',
  atHour: 0,
  dose: { amount: 30, unit: 'mg/kg/day', frequency: 'q24h', route: 'iv', durationDays: 3 },
};
const IVIG: PlannedAction = {
  action: 'ivig',
  atHour: 24,
  dose: { amount: 2, unit: 'g/kg', frequency: 'once', route: 'iv' },
};

const expertPlanOf = (c: Case, hour = 0, priorOrders: readonly PriorOrder[] = []): Plan =>
  expectedPlan(c, 'presentation', hour, { priorOrders }).plan;
const withAction = (p: Plan, a: PlannedAction): Plan => ({ ...p, actions: [...p.actions, a] });
const cites = (r: ReturnType<typeof scorePlan>, pitfallId: string, key: string) =>
  r.feedback.some((f) => f.pitfallId === pitfallId && [...f.statementIds, ...f.citations].includes(key));

/** The same septic shock with a chart that meets HLH-2004 (fever, splenomegaly, two cytopenias, fibrinogen ≤150 mg/dL, ferritin ≥500). */
function withHlhOnChart(c: Case): Case {
  return {
    ...c,
    observations: c.observations.map((o) => ({ ...o, splenomegaly: true })),
    labs: c.labs.map((l) => ({ ...l, hemoglobin: 7.5, platelets: 60, fibrinogen: 120, ferritin: 12000 })),
  };
}

describe('immunosuppression in sepsis with no MAS criteria met on the chart', () => {
  it('pulses in septic shock that is not MAS make a weak plan, with DX-1, DX-3 and PIT-3 named', () => {
    const c = caseFrom(SEPTIC_SHOCK);
    const plain = scorePlan(c, expertPlanOf(c));
    const pulsed = scorePlan(c, withAction(expertPlanOf(c), PULSE));
    expect(plain.overall).toBe(100);
    expect(pulsed.capped).toBe(true);
    expect(pulsed.overall).toBeLessThanOrEqual(SCORING_FORMULA.advisedAgainstCap);
    expect(pulsed.overall).toBeGreaterThan(40);
    for (const id of ['DX-1', 'DX-3', 'PIT-3'])
      expect(cites(pulsed, 'immunosuppression-in-sepsis-without-mas', id), id).toBe(true);
    // One feedback item for the pulse, not a second "not indicated" one from the extras pass.
    expect(pulsed.feedback.filter((f) => f.actionIds?.includes('methylprednisolone-pulse'))).toHaveLength(1);
  });

  it('reads the chart: the same truth with HLH-2004 met on the chart is left to clinical judgement (DX-2)', () => {
    const c = withHlhOnChart(caseFrom(SEPTIC_SHOCK));
    expect(evaluate(c, { only: ['hlh-2004'] }).results[0]!.status).toBe('met');
    const pulsed = scorePlan(c, withAction(expertPlanOf(c), PULSE));
    expect(pulsed.feedback.some((f) => f.pitfallId === 'immunosuppression-in-sepsis-without-mas')).toBe(false);
    expect(pulsed.overall).toBeGreaterThan(SCORING_FORMULA.advisedAgainstCap);
  });

  it('property: any immunosuppressive extra in sepsis without MAS on the chart caps the plan, and never raises it', () => {
    fc.assert(
      fc.property(caseShape, (shape) => {
        const s = { ...shape, kind: 'sepsis' as const, masPresent: false, trigger: 'bacterial' as const };
        const c = caseFrom(s);
        fc.pre(
          evaluate(c, { only: ['hlh-2004', 'eular-acr-2016', 'ms-score', 'hscore'] }).results.every(
            (r) => r.status !== 'met',
          ),
        );
        fc.pre(s.weightKg !== undefined);
        const before = scorePlan(c, expertPlanOf(c));
        const after = scorePlan(c, withAction(expertPlanOf(c), PULSE));
        expect(after.overall).toBeLessThanOrEqual(Math.min(before.overall, SCORING_FORMULA.advisedAgainstCap));
      }),
      { numRuns: 60 },
    );
  });
});

describe('a second IVIG in MIS-C without MAS', () => {
  const misc: CaseShape = {
    ...SEVERE_SJIA_MAS,
    kind: 'misc',
    masPresent: false,
    trigger: 'none',
    sjia: 'none',
    severity: 'moderate',
    platelets: 250,
    ferritin: 500,
  };
  const given: PriorOrder = {
    action: 'ivig',
    startedAtHour: 0,
    status: 'done',
    endedAtHour: 12,
    dose: { amount: 2, unit: 'g/kg', frequency: 'once', route: 'iv' },
  };

  it('after the first IVIG was given, a second course makes a weak plan citing the ACR', () => {
    const c = caseFrom(misc);
    const plan = { ...withAction(expertPlanOf(c, 24, [given]), IVIG), decisionHour: 24 };
    const r = scorePlan(c, plan, { priorOrders: [given] });
    expect(r.overall).toBeLessThanOrEqual(SCORING_FORMULA.advisedAgainstCap);
    expect(r.overall).toBeGreaterThan(40);
    expect(cites(r, 'second-ivig-in-misc', 'acr-misc-2021')).toBe(true);
  });

  it('the first IVIG course still running (1 g/kg/day × 2 days) is not a second one', () => {
    const c = caseFrom(misc);
    const running: PriorOrder = {
      action: 'ivig',
      startedAtHour: 0,
      status: 'running',
      dose: { amount: 1, unit: 'g/kg/day', frequency: 'q24h', route: 'iv', durationDays: 2 },
    };
    const split: PlannedAction = { ...IVIG, atHour: 0, dose: running.dose! };
    const plan = { ...withAction(expertPlanOf(c, 24, [running]), split), decisionHour: 24 };
    const r = scorePlan(c, plan, { priorOrders: [running] });
    expect(r.feedback.some((f) => f.pitfallId === 'second-ivig-in-misc')).toBe(false);
  });
});

describe('septic shock without antimicrobials', () => {
  const noAntimicrobials = (p: Plan): Plan => ({
    ...p,
    actions: p.actions.filter((a) => a.action !== 'empirical-antibiotics' && a.action !== 'antiviral-therapy'),
  });

  it('fails (≤ 40) as a dangerous omission, quoting the Surviving Sepsis Campaign', () => {
    const c = caseFrom(SEPTIC_SHOCK);
    const r = scorePlan(c, noAntimicrobials(expertPlanOf(c)));
    expect(r.overall).toBeLessThanOrEqual(SCORING_FORMULA.dangerousOmissionCap);
    expect(r.capReason).toMatch(/dangerous omission/);
    expect(cites(r, 'septic-shock-without-antimicrobials', 'ssc-peds-2020')).toBe(true);
    expect(r.feedback.find((f) => f.pitfallId === 'septic-shock-without-antimicrobials')?.teachingPoint).toMatch(
      /within 1 hour/,
    );
  });

  it('sepsis without shock is not capped: the omission costs its requirement (3-hour window, weak recommendation)', () => {
    const c = caseFrom({ ...SEPTIC_SHOCK, shock: false });
    const r = scorePlan(c, noAntimicrobials(expertPlanOf(c)));
    expect(r.feedback.some((f) => f.pitfallId === 'septic-shock-without-antimicrobials')).toBe(false);
    expect(r.overall).toBeGreaterThan(SCORING_FORMULA.dangerousOmissionCap);
  });

  it('property: in any septic shock on the chart, a plan without antimicrobials scores ≤ 40', () => {
    fc.assert(
      fc.property(caseShape, (shape) => {
        const c = caseFrom({ ...shape, kind: 'sepsis', masPresent: false, trigger: 'bacterial', shock: true });
        const r = scorePlan(c, noAntimicrobials(expertPlanOf(c)));
        expect(r.overall).toBeLessThanOrEqual(SCORING_FORMULA.dangerousOmissionCap);
      }),
      { numRuns: 80 },
    );
  });
});
