import { describe, expect, it } from 'vitest';
import { bodySurfaceAreaM2, caseFeatures, checkDose, type Case, type Dose } from '../../src/index.js';
import { makeCase } from '../support/make-case.js';

const patient = (weightKg: number | undefined, heightCm: number | undefined, truth?: Case['truth'], extra: Partial<Case> = {}) => {
  const c = { ...makeCase({}), ...extra };
  c.patient = { ageYears: 8, sex: 'male', ...(weightKg !== undefined ? { weightKg } : {}), ...(heightCm !== undefined ? { heightCm } : {}) };
  if (truth) c.truth = truth;
  return caseFeatures(c);
};
const mas = patient(20, 115, { kind: 'mas', subtype: 'known-sjia-mas', masPresent: true, severity: 'severe' });
const d = (amount: number, unit: Dose['unit'], frequency: Dose['frequency'], more: Partial<Dose> = {}): Dose => ({ amount, unit, frequency, ...more });

describe('dose checks', () => {
  it('Mosteller BSA', () => {
    expect(bodySurfaceAreaM2(115, 20)).toBeCloseTo(Math.sqrt(115 * 20 / 3600), 10);
  });

  it('methylprednisolone: range, once daily, 3–5 days, 1 g maximum', () => {
    expect(checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q24h', { route: 'iv', durationDays: 3 }), mas).status).toBe('ok');
    expect(checkDose('methylprednisolone-pulse', d(600, 'mg/day', 'q24h'), mas).status).toBe('ok');
    const twice = checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q12h'), mas);
    expect(twice.problems.map((p) => p.kind)).toEqual(['frequency']);
    expect(checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q24h', { durationDays: 7 }), mas).problems.map((p) => p.kind)).toEqual(['duration']);
    expect(checkDose('methylprednisolone-pulse', d(5, 'mg/kg/day', 'q24h'), mas).problems.map((p) => p.kind)).toEqual(['below-range']);
    const heavy = patient(50, 160, mas.kind === 'mas' ? { kind: 'mas', subtype: 'known-sjia-mas', masPresent: true } : undefined);
    expect(checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q24h'), heavy).problems.map((p) => p.kind)).toEqual(['above-maximum']);
    expect(checkDose('methylprednisolone-pulse', d(1, 'g/day', 'q24h'), heavy).status).toBe('ok');
    expect(checkDose('methylprednisolone-pulse', d(20, 'mg/kg/day', 'q24h'), heavy).status).toBe('ok');
  });

  it('catches the mg-vs-g slip as harmful (30 g/kg) and the reverse as a dose error', () => {
    const slip = checkDose('methylprednisolone-pulse', d(30, 'g/kg/day', 'q24h'), mas);
    expect(slip.harmful).toBe(true);
    expect(slip.problems[0]?.kind).toBe('unit-slip-over');
    const under = checkDose('ivig', d(2, 'mg/kg', 'once'), mas);
    expect(under.problems[0]?.kind).toBe('unit-slip-under');
    expect(under.harmful).toBe(false);
  });

  it('IVIG: 2 g/kg once or 1 g/kg/day × 2; split and ≤100 g in MIS-C with cardiac dysfunction', () => {
    expect(checkDose('ivig', d(2, 'g/kg', 'once'), mas).status).toBe('ok');
    expect(checkDose('ivig', d(1, 'g/kg/day', 'q24h', { durationDays: 2 }), mas).status).toBe('ok');
    expect(checkDose('ivig', d(1, 'g/kg/day', 'q24h', { durationDays: 1 }), mas).status).toBe('error');
    const misc = patient(60, 165, { kind: 'misc', subtype: 'misc', masPresent: false }, { investigations: { echo: [{ hour: 0, lvefPercent: 40 }] } });
    expect(misc.cardiacDysfunction).toBe(true);
    expect(checkDose('ivig', d(2, 'g/kg', 'once'), misc).status).toBe('error');
    expect(checkDose('ivig', d(1, 'g/kg/day', 'q24h', { durationDays: 2 }), misc).problems.map((p) => p.kind)).toEqual(['above-maximum']);
    expect(checkDose('ivig', d(50, 'g/day', 'q24h', { durationDays: 2 }), misc).status).toBe('ok');
  });

  it('tocilizumab is weight-banded', () => {
    expect(checkDose('tocilizumab', d(12, 'mg/kg', 'q2w'), mas).status).toBe('ok');
    expect(checkDose('tocilizumab', d(8, 'mg/kg', 'q2w'), mas).status).toBe('error');
    const big = patient(40, 150, { kind: 'mas', subtype: 'known-sjia-mas', masPresent: true });
    expect(checkDose('tocilizumab', d(8, 'mg/kg', 'q2w'), big).status).toBe('ok');
    expect(checkDose('tocilizumab', d(12, 'mg/kg', 'q2w'), patient(undefined, undefined)).status).toBe('not-assessable');
  });

  it('dexamethasone per m², not assessable without height when written per kg', () => {
    expect(checkDose('dexamethasone', d(10, 'mg/m2/day', 'q12h'), mas).status).toBe('ok');
    const bsa = bodySurfaceAreaM2(115, 20);
    expect(checkDose('dexamethasone', d(10 * bsa, 'mg/day', 'q12h'), mas).status).toBe('ok');
    expect(checkDose('dexamethasone', d(10, 'mg/day', 'q12h'), patient(20, undefined)).status).toBe('not-assessable');
  });

  it('anakinra: divided doses, 2–10 mg/kg/day; cyclosporine by route; aspirin ≤81 mg/day; TMP ≤320 mg/day', () => {
    expect(checkDose('anakinra', d(2, 'mg/kg', 'q12h', { route: 'sc' }), mas).status).toBe('ok');
    expect(checkDose('anakinra', d(4, 'mg/kg/day', 'weekly'), mas).problems.map((p) => p.kind)).toEqual(['frequency']);
    expect(checkDose('anakinra', d(20, 'mg/kg/day', 'q6h'), mas).status).toBe('error');
    expect(checkDose('cyclosporine', d(6, 'mg/kg/day', 'q12h', { route: 'po' }), mas).status).toBe('ok');
    expect(checkDose('cyclosporine', d(6, 'mg/kg/day', 'q12h', { route: 'iv' }), mas).status).toBe('error');
    const teen = patient(40, 150);
    expect(checkDose('aspirin', d(5, 'mg/kg/day', 'q24h'), teen).problems.map((p) => p.kind)).toEqual(['above-maximum']);
    expect(checkDose('aspirin', d(81, 'mg/day', 'q24h'), teen).status).toBe('ok');
    expect(checkDose('pjp-prophylaxis', d(150, 'mg/m2/day', 'q12h-3-days-weekly'), mas).status).toBe('ok');
    expect(checkDose('pjp-prophylaxis', d(400, 'mg/day', 'q12h-3-days-weekly'), patient(70, 180)).status).toBe('error');
  });

  it('a dosed action without a dose is an error; an action without a dose rule is not checked', () => {
    expect(checkDose('cyclosporine', undefined, mas).problems[0]?.kind).toBe('missing-dose');
    expect(checkDose('empirical-antibiotics', undefined, mas).status).toBe('no-rule');
    expect(checkDose('ruxolitinib', d(0.5, 'mg/kg', 'q12h'), mas).status).toBe('not-assessable');
  });
});
