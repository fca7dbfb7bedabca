import { describe, expect, it } from 'vitest';
import {
  expectedPlan,
  formatScoreReport,
  scorePlan,
  type Case,
  type Plan,
  type PlannedAction,
} from '../../src/index.js';
import { caseFrom, SEVERE_SJIA_MAS, type CaseShape } from './support.js';

const base = SEVERE_SJIA_MAS;
const caseOf = (over: Partial<CaseShape>): Case => caseFrom({ ...base, ...over });
const expert = (c: Case, stage: Plan['stage'] = 'presentation') => expectedPlan(c, stage).plan;
const without = (p: Plan, ...ids: PlannedAction['action'][]): Plan => ({
  ...p,
  actions: p.actions.filter((a) => !ids.includes(a.action)),
});
const withAction = (p: Plan, a: PlannedAction): Plan => ({ ...p, actions: [...p.actions, a] });
const pitfall = (p: Plan, c: Case, id: string) => scorePlan(c, p).feedback.find((f) => f.pitfallId === id);

describe('pitfall detectors', () => {
  it('treating only after the marrow confirms hemophagocytosis (DX-4, PIT-1)', () => {
    const c = caseOf({});
    const p = expert(c);
    const waited: Plan = {
      ...p,
      actions: [
        ...p.actions.map((a) => (a.action === 'methylprednisolone-pulse' ? { ...a, atHour: 24 } : a)),
        { action: 'bone-marrow-exam', atHour: 2 },
      ],
    };
    const item = pitfall(waited, c, 'marrow-before-treatment');
    expect(item?.severity).toBe('late');
    expect(item?.statementIds).toEqual(expect.arrayContaining(['DX-4', 'PIT-1']));
    const none = withAction(without(p, 'methylprednisolone-pulse', 'dexamethasone', 'cyclosporine', 'anakinra'), {
      action: 'bone-marrow-exam',
      atHour: 0,
    });
    expect(pitfall(none, c, 'marrow-before-treatment')?.severity).toBe('critical-omission');
  });

  it('methylprednisolone where CNS involvement calls for dexamethasone (GC-2)', () => {
    const c = caseOf({ cns: true });
    const p = expert(c);
    expect(p.actions.some((a) => a.action === 'dexamethasone')).toBe(true);
    const mp = withAction(without(p, 'dexamethasone'), {
      action: 'methylprednisolone-pulse',
      atHour: 0,
      dose: { amount: 30, unit: 'mg/kg/day', frequency: 'q24h', route: 'iv', durationDays: 3 },
    });
    const item = pitfall(mp, c, 'methylprednisolone-despite-cns');
    expect(item?.severity).toBe('critical-omission');
    expect(item?.statementIds).toContain('GC-2');
    expect(scorePlan(c, mp).overall).toBeLessThan(100);
  });

  it('a pulse above 1 g (GC-1)', () => {
    const c = caseOf({ weightKg: 60, heightCm: 165, ageYears: 15 });
    const p = expert(c);
    expect(p.actions.find((a) => a.action === 'methylprednisolone-pulse')?.dose).toMatchObject({
      amount: 1000,
      unit: 'mg/day',
    });
    const over: Plan = {
      ...p,
      actions: p.actions.map((a) =>
        a.action === 'methylprednisolone-pulse'
          ? { ...a, dose: { amount: 30, unit: 'mg/kg/day', frequency: 'q24h', route: 'iv', durationDays: 3 } }
          : a,
      ),
    };
    const item = pitfall(over, c, 'pulse-above-1g');
    expect(item?.severity).toBe('dose-error');
    expect(item?.statementIds).toContain('GC-1');
    expect(scorePlan(c, over).overall).toBeLessThan(100);
  });

  it('immunosuppression without antimicrobials in infection-triggered MAS (INF-1)', () => {
    const c = caseOf({ trigger: 'bacterial', sjia: 'none' });
    const p = expert(c);
    expect(p.actions.some((a) => a.action === 'empirical-antibiotics')).toBe(true);
    const item = pitfall(without(p, 'empirical-antibiotics'), c, 'immunosuppression-without-antimicrobials');
    expect(item?.severity).toBe('critical-omission');
    expect(item?.statementIds).toContain('INF-1');
    const late: Plan = {
      ...p,
      actions: p.actions.map((a) => (a.action === 'empirical-antibiotics' ? { ...a, atHour: 6 } : a)),
    };
    expect(pitfall(late, c, 'immunosuppression-without-antimicrobials')?.severity).toBe('late');
  });

  it('the standard MIS-C protocol despite overt MAS (MISC-1/2), and infliximab with MAS features is harmful', () => {
    const c = caseOf({ kind: 'misc', masPresent: true, sjia: 'none', trigger: 'none' });
    c.labs[0]!.fibrinogen = 150; // overt: ferritin >684 with platelets ≤181 and fibrinogen ≤360 (design choice misc-overt-mas)
    const standard = expectedPlan(caseOf({ kind: 'misc', masPresent: false, sjia: 'none', trigger: 'none' })).plan;
    const item = pitfall(
      { ...standard, caseId: c.id, diagnosis: { leading: 'misc' } },
      c,
      'misc-standard-protocol-despite-mas',
    );
    expect(item?.severity).toBe('critical-omission');
    expect(item?.statementIds).toEqual(expect.arrayContaining(['MISC-1', 'MISC-2']));
    const p = expert(c);
    const withInfliximab = withAction(p, {
      action: 'infliximab',
      atHour: 0,
      dose: { amount: 10, unit: 'mg/kg', frequency: 'once', route: 'iv' },
    });
    const report = scorePlan(c, withInfliximab);
    expect(report.capped).toBe(true);
    expect(report.overall).toBeLessThanOrEqual(40);
    expect(report.feedback[0]?.severity).toBe('harmful');
  });

  it('no 12-hourly reassessment (CC-1)', () => {
    const c = caseOf({});
    const p = expert(c);
    const { reassessEveryHours: _, ...none } = p;
    expect(pitfall(none, c, 'no-12-hourly-reassessment')?.severity).toBe('critical-omission');
    expect(pitfall({ ...p, reassessEveryHours: 24 }, c, 'no-12-hourly-reassessment')?.severity).toBe('late');
  });

  it('no PJP prophylaxis or infection watch on escalated immunosuppression (INF-3, PIT-3), no liver watch under 3 (PIT-2)', () => {
    const c = caseOf({ ageYears: 2, weightKg: 12, heightCm: 86 });
    const p = expert(c, 'refractory');
    expect(p.actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'emapalumab',
        'pjp-prophylaxis',
        'opportunistic-infection-surveillance',
        'monitor-mas-labs',
      ]),
    );
    expect(scorePlan(c, p).overall).toBe(100);
    const noPjp = scorePlan(c, without(p, 'pjp-prophylaxis'));
    expect(noPjp.feedback.find((f) => f.pitfallId === 'no-infection-watch')?.statementIds).toEqual(
      expect.arrayContaining(['INF-3', 'PIT-3']),
    );
    expect(noPjp.overall).toBeLessThan(100);
    expect(pitfall(without(p, 'monitor-mas-labs'), c, 'no-liver-watch-under-3')?.statementIds).toContain('PIT-2');
  });

  it('calling sepsis MAS, or MAS sepsis (DX-3)', () => {
    const sepsis = caseOf({ kind: 'sepsis', masPresent: false, sjia: 'none', trigger: 'bacterial', shock: true });
    const p = expert(sepsis);
    expect(p.diagnosis.leading).toBe('septic-shock');
    const asMas: Plan = {
      ...p,
      diagnosis: { leading: 'mas' },
      actions: [
        ...p.actions,
        {
          action: 'methylprednisolone-pulse',
          atHour: 0,
          dose: { amount: 30, unit: 'mg/kg/day', frequency: 'q24h', route: 'iv', durationDays: 3 },
        },
      ],
    };
    const r = scorePlan(sepsis, asMas);
    expect(r.feedback.find((f) => f.pitfallId === 'sepsis-mas-mislabel')?.statementIds).toContain('DX-3');
    expect(r.components.find((x) => x.id === 'safety')!.fraction).toBeLessThan(1);
    const masCase = caseOf({});
    expect(
      pitfall({ ...expert(masCase), diagnosis: { leading: 'sepsis' } }, masCase, 'sepsis-mas-mislabel')?.severity,
    ).toBe('critical-omission');
  });

  it('septic shock: antibiotics within 1 h (SSC 2020); harmless extras cost nothing', () => {
    const c = caseOf({ kind: 'sepsis', masPresent: false, sjia: 'none', trigger: 'bacterial', shock: true });
    const p = expert(c);
    const late: Plan = {
      ...p,
      actions: p.actions.map((a) => (a.action === 'empirical-antibiotics' ? { ...a, atHour: 2 } : a)),
    };
    const r = scorePlan(c, late);
    expect(r.feedback.find((f) => f.requirementId === 'antimicrobials')?.severity).toBe('late');
    expect(r.feedback.find((f) => f.requirementId === 'antimicrobials')?.citations).toContain('ssc-peds-2020');
    expect(scorePlan(c, withAction(p, { action: 'echocardiogram', atHour: 0 })).overall).toBe(100);
  });

  it('prints a readable report with the formula', () => {
    const c = caseOf({});
    const text = formatScoreReport(scorePlan(c, without(expert(c), 'cyclosporine')));
    expect(text).toContain('Score:');
    expect(text).toContain('CRITICAL OMISSION');
    expect(text).toContain('CSA-1');
    expect(text).toContain('overall = 20×diagnosis');
  });
});
