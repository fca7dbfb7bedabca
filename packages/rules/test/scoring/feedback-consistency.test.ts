import { describe, expect, it } from 'vitest';
import {
  expectedPlan,
  formatScoreReport,
  scorePlan,
  type Case,
  type Dose,
  type Plan,
  type PlannedAction,
} from '../../src/index.js';
import { caseFrom, SEVERE_SJIA_MAS, type CaseShape } from './support.js';

const base = SEVERE_SJIA_MAS;
const caseOf = (over: Partial<CaseShape>): Case => caseFrom({ ...base, ...over });
const expert = (c: Case, stage: Plan['stage'] = 'presentation') => expectedPlan(c, stage).plan;
const redose = (p: Plan, action: PlannedAction['action'], dose: (d: Dose) => Dose): Plan => ({
  ...p,
  actions: p.actions.map((a) => (a.action === action && a.dose ? { ...a, dose: dose(a.dose) } : a)),
});
const goodFor = (p: Plan, c: Case, requirementId: string) =>
  scorePlan(c, p).feedback.filter((f) => f.severity === 'good' && f.requirementId === requirementId);

describe('feedback: no GOOD item beside a problem about the same thing', () => {
  it('reassessment every 24 h: LATE from the CC-1 pitfall, and no GOOD for the reassessment', () => {
    const c = caseOf({ cns: true });
    const p = { ...expert(c), reassessEveryHours: 24 };
    const report = scorePlan(c, p);
    expect(report.feedback.find((f) => f.pitfallId === 'no-12-hourly-reassessment')?.severity).toBe('late');
    expect(goodFor(p, c, 'reassessment')).toEqual([]);
    expect(formatScoreReport(report)).not.toContain('[GOOD] Reassessment');
  });

  it('a pulse above 1 g: a DOSE ERROR from the GC-1 pitfall, and no GOOD for the same glucocorticoid', () => {
    const c = caseOf({ weightKg: 60, heightCm: 165, ageYears: 15 });
    const p = redose(expert(c), 'methylprednisolone-pulse', (d) => ({ ...d, amount: 30, unit: 'mg/kg/day' }));
    const report = scorePlan(c, p);
    expect(report.feedback.find((f) => f.pitfallId === 'pulse-above-1g')?.severity).toBe('dose-error');
    expect(goodFor(p, c, 'mas-glucocorticoid')).toEqual([]);
    // The expert's own plan keeps its GOOD item.
    expect(goodFor(expert(c), c, 'mas-glucocorticoid')).toHaveLength(1);
  });

  it('1040 mg per infusion is above the 1 g maximum of GC-1 (a maximum gets no rounding allowance)', () => {
    const c = caseOf({ weightKg: 60, heightCm: 165, ageYears: 15 });
    const p = redose(expert(c), 'methylprednisolone-pulse', (d) => ({ ...d, amount: 1040, unit: 'mg/day' }));
    const report = scorePlan(c, p);
    const item = report.feedback.find((f) => f.pitfallId === 'pulse-above-1g');
    expect(item?.severity).toBe('dose-error');
    expect(item?.statementIds).toContain('GC-1');
    expect(report.overall).toBeLessThan(100);
    expect(goodFor(p, c, 'mas-glucocorticoid')).toEqual([]);
  });
});

describe('feedback: a course without its number of days', () => {
  it('a pulse without its duration is shown (GC-1: 3–5 days) but costs no points; the expert plan states it', () => {
    const c = caseOf({});
    const full = expert(c);
    expect(
      full.actions.find((a) => a.action === 'methylprednisolone-pulse')?.dose?.durationDays,
    ).toBeGreaterThanOrEqual(3);
    const { durationDays: _, ...noDays } = full.actions.find((a) => a.action === 'methylprednisolone-pulse')!.dose!;
    const p = redose(full, 'methylprednisolone-pulse', () => noDays);
    const report = scorePlan(c, p);
    expect(report.overall).toBe(100);
    const item = report.feedback.find((f) => f.requirementId === 'mas-glucocorticoid' && f.severity !== 'good');
    expect(item).toMatchObject({ severity: 'suboptimal', component: 'dosing' });
    expect(item?.title).toContain('duration not stated — expected 3–5 days');
    expect(item?.statementIds).toContain('GC-1');
    expect(goodFor(p, c, 'mas-glucocorticoid')).toEqual([]);
    expect(scorePlan(c, full).feedback.every((f) => f.severity === 'good')).toBe(true);
  });

  it('MIS-C IVIG split over 2 days without the days: shown, not scored', () => {
    const c = caseOf({ kind: 'misc', masPresent: false, sjia: 'none', trigger: 'none', lvef: 40 });
    const full = expert(c);
    const ivig = full.actions.find((a) => a.action === 'ivig')!;
    expect(ivig.dose).toMatchObject({ unit: 'g/kg/day', durationDays: 2 });
    const p = redose(full, 'ivig', ({ durationDays: _, ...d }) => d);
    const report = scorePlan(c, p);
    expect(report.overall).toBe(100);
    expect(
      report.feedback.find((f) => f.requirementId === 'misc-ivig' && f.severity === 'suboptimal')?.title,
    ).toContain('expected 2 days');
  });
});
