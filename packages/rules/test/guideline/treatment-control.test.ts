import { describe, expect, it } from 'vitest';
import {
  expectedPlan,
  HIGH_DOSE_ANAKINRA,
  orderKindOf,
  scorePlan,
  treatmentControl,
  type Case,
  type Plan,
  type PriorOrder,
} from '../../src/index.js';
import { makeCase } from '../support/make-case.js';

const sjia = { sjia: true, infection: 'none' } as const;
const plain = { sjia: false, infection: 'none' } as const;

describe('treatmentControl (one definition of adequate, read by scorer and response model)', () => {
  it('builds the MAS tiers: glucocorticoid, first-line partner, second line', () => {
    expect(treatmentControl([], plain).mas.tier).toBe(0);
    expect(treatmentControl([{ action: 'methylprednisolone-pulse' }], plain).mas.tier).toBe(1);
    expect(treatmentControl([{ action: 'methylprednisolone-low-moderate' }], plain).mas.glucocorticoid).toBe(0.5);
    expect(treatmentControl([{ action: 'methylprednisolone-pulse' }, { action: 'cyclosporine' }], plain).mas.tier).toBe(
      2,
    );
    expect(
      treatmentControl(
        [{ action: 'methylprednisolone-pulse' }, { action: 'cyclosporine' }, { action: 'emapalumab' }],
        plain,
      ).mas.tier,
    ).toBe(3);
  });

  it("counts anakinra as second line only at high dose beside a partner (ANK-2), from the band's lower bound exactly", () => {
    const gc = { action: 'methylprednisolone-pulse' } as const;
    const csa = { action: 'cyclosporine' } as const;
    const at = (mg: number) =>
      treatmentControl([gc, csa, { action: 'anakinra', mgPerKgDay: mg }], plain).mas.secondLine;
    expect(at(2)).toBe(false);
    expect(at(HIGH_DOSE_ANAKINRA.minMgPerKgDay - 0.01)).toBe(false);
    expect(at(HIGH_DOSE_ANAKINRA.minMgPerKgDay)).toBe(true);
    // Alone, high-dose anakinra is the first-line partner, not an escalation on top of one.
    expect(treatmentControl([gc, { action: 'anakinra', mgPerKgDay: 20 }], plain).mas.tier).toBe(2);
  });

  it('reads tocilizumab as first line in sJIA (SJIA-1) and second line elsewhere (TCZ-1)', () => {
    const gc = { action: 'methylprednisolone-pulse' } as const;
    expect(treatmentControl([gc, { action: 'tocilizumab' }], sjia).mas.byRole['first-line-partner']).toEqual([
      'tocilizumab',
    ]);
    expect(treatmentControl([gc, { action: 'tocilizumab' }], plain).mas.byRole['second-line']).toEqual(['tocilizumab']);
  });

  it('counts IVIG as second line only on a high-dose glucocorticoid, and only where the hidden response allows (IVIG-2)', () => {
    expect(treatmentControl([{ action: 'ivig' }], plain).mas.secondLine).toBe(false);
    expect(treatmentControl([{ action: 'methylprednisolone-pulse' }, { action: 'ivig' }], plain).mas.secondLine).toBe(
      true,
    );
    expect(
      treatmentControl([{ action: 'methylprednisolone-pulse' }, { action: 'ivig' }], plain, { ivigResponds: false }).mas
        .secondLine,
    ).toBe(false);
  });

  it('covers infection with antibiotics, a viral trigger also with an antiviral', () => {
    expect(
      treatmentControl([{ action: 'antiviral-therapy' }], { sjia: false, infection: 'bacterial' }).infectionCovered,
    ).toBe(false);
    expect(
      treatmentControl([{ action: 'antiviral-therapy' }], { sjia: false, infection: 'viral' }).infectionCovered,
    ).toBe(true);
    expect(
      treatmentControl([{ action: 'empirical-antibiotics' }], { sjia: false, infection: 'bacterial' }).infectionCovered,
    ).toBe(true);
  });
});

describe('prior orders (what was done is not asked again)', () => {
  const misc: Case = {
    ...makeCase({
      id: 'misc-prior',
      patient: { ageYears: 9, weightKg: 30, heightCm: 135 },
      // The chart meets the WHO 2020 MIS-C definition (expectations read the chart).
      background: { sjia: 'none', sarsCov2: { rnaOrAntigen: 'positive', severeRespiratoryCovid19: false } },
      encounter: { moreLikelyAlternativeDiagnosis: null },
      observations: [{ hour: 0, temperatureC: 39.4, feverDays: 3, rash: true, conjunctivitis: true, giSymptoms: true }],
      labs: [{ hour: 0, platelets: 200, ferritin: 600, crp: 180 }],
    }),
    truth: { kind: 'misc', subtype: 'misc', masPresent: false, severity: 'moderate' },
  };
  const done = (action: PriorOrder['action']): PriorOrder => ({
    action,
    startedAtHour: 0,
    status: 'done',
    endedAtHour: 2,
  });

  it('classifies orders as one-off, course or continuing', () => {
    expect(orderKindOf('ivig')).toBe('one-off');
    expect(orderKindOf('blood-cultures')).toBe('one-off');
    expect(orderKindOf('methylprednisolone-pulse')).toBe('course');
    expect(orderKindOf('cyclosporine')).toBe('continuing');
  });

  it('does not expect a second IVIG or a second echo in MIS-C without MAS once they are done, and flags a repeat IVIG', () => {
    const before = expectedPlan(misc, 'presentation', 24);
    expect(before.plan.actions.map((a) => a.action)).toEqual(expect.arrayContaining(['ivig', 'echocardiogram']));
    const prior = [done('ivig'), done('echocardiogram')];
    const after = expectedPlan(misc, 'presentation', 24, { priorOrders: prior });
    expect(after.plan.actions.map((a) => a.action)).not.toContain('ivig');
    expect(after.plan.actions.map((a) => a.action)).not.toContain('echocardiogram');
    expect(scorePlan(misc, after.plan, { priorOrders: prior }).overall).toBe(100);
    const repeat: Plan = {
      ...after.plan,
      actions: [
        ...after.plan.actions,
        { action: 'ivig', atHour: 24, dose: { amount: 2, unit: 'g/kg', frequency: 'once', route: 'iv' } },
      ],
    };
    const report = scorePlan(misc, repeat, { priorOrders: prior });
    expect(report.overall).toBeLessThan(100);
    expect(
      report.feedback.some(
        (f) => f.actionIds?.includes('ivig') && f.severity !== 'good' && f.citations.includes('acr-misc-2021'),
      ),
    ).toBe(true);
  });

  it('accepts a moderate-dose glucocorticoid after a finished pulse course instead of asking for a new pulse', () => {
    const mas: Case = {
      ...makeCase({
        id: 'mas-prior',
        patient: { ageYears: 8, weightKg: 25, heightCm: 128 },
        background: { sjia: 'known' },
        // The 2016 criteria met on the chart: febrile sJIA, ferritin >684, platelets ≤181, AST >48.
        observations: [{ hour: 0, temperatureC: 39.5 }],
        labs: [{ hour: 0, platelets: 90, ferritin: 9000, ast: 100 }],
      }),
      truth: {
        kind: 'mas',
        subtype: 'known-sjia-mas',
        masPresent: true,
        trigger: 'active-sjia',
        severity: 'moderate',
        cnsInvolvement: false,
        hemorrhage: false,
      },
    };
    const prior: PriorOrder[] = [
      { action: 'methylprednisolone-pulse', startedAtHour: 0, status: 'finished', endedAtHour: 72 },
      { action: 'cyclosporine', startedAtHour: 0, status: 'running' },
    ];
    const e = expectedPlan(mas, 'presentation', 240, { priorOrders: prior });
    const gc = e.requirements.find((r) => r.id === 'mas-glucocorticoid')!;
    expect(gc.satisfiers[0]).toBe('methylprednisolone-low-moderate');
    const taper: Plan = {
      ...e.plan,
      actions: e.plan.actions.map((a) =>
        a.action === 'methylprednisolone-low-moderate'
          ? { ...a, dose: { amount: 1, unit: 'mg/kg', frequency: 'q12h', route: 'po' } }
          : a,
      ),
    };
    const r = scorePlan(mas, taper, { priorOrders: prior });
    expect(r.feedback.filter((f) => f.requirementId === 'mas-glucocorticoid' && f.severity !== 'good')).toEqual([]);
  });
});
