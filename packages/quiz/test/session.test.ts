import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Kind } from '@masdrill/generator';
import {
  createSession, drillScenario, expertAnswers, generatedCaseOf, playSession, sessionReducer, sessionReport, visibleCase, EXPERT, expertExcept,
} from '../src/index.js';

const scenario = drillScenario('mas', 67);
const base = generatedCaseOf(scenario)!;

describe('session reducer', () => {
  it('starts at presentation with the case as the trainee sees it', () => {
    const s = sessionReducer(createSession(scenario, base), { type: 'start' });
    expect(s.phase).toBe('stage');
    expect(s.current?.stage.id).toBe('presentation');
    expect(s.current?.visible.truth).toBeUndefined();
    expect(s.current?.visible.encounter.died).toBeUndefined();
    expect(s.current?.visible.labs.every((l) => l.hour <= 0)).toBe(true);
    expect(s.current?.diagnosisOptions).toContain('mas');
  });

  it('refuses answers the stage does not ask, and choices it does not offer, leaving the state otherwise unchanged', () => {
    const s = sessionReducer(createSession(scenario, base), { type: 'start' });
    const r1 = sessionReducer(s, { type: 'answerEscalation', escalation: 'continue' });
    expect(r1.error).toMatch(/does not ask "escalation"/);
    expect({ ...r1, error: undefined }).toEqual({ ...s, error: undefined });
    const notOffered = (['mas', 'sjia-flare', 'sepsis', 'septic-shock', 'misc', 'misc-with-mas', 'primary-hlh', 'other'] as const).find((d) => !s.current!.diagnosisOptions.includes(d))!;
    expect(sessionReducer(s, { type: 'answerDiagnosis', diagnosis: notOffered }).error).toMatch(/not one of the choices/);
    expect(sessionReducer(s, { type: 'submitPlan', plan: { actions: [{ action: 'methylpred' }] } }).error).toMatch(/unknown action id/);
  });

  it('does not mutate the state it is given', () => {
    const s = sessionReducer(createSession(scenario, base), { type: 'start' });
    const frozen = JSON.stringify(s);
    sessionReducer(s, { type: 'answerDiagnosis', diagnosis: 'mas' });
    sessionReducer(s, { type: 'advance' });
    expect(JSON.stringify(s)).toBe(frozen);
  });

  it('advance scores the stage and moves time to the next stage, where the patient has responded', () => {
    let s = sessionReducer(createSession(scenario, base), { type: 'start' });
    const a = expertAnswers(s);
    s = sessionReducer(s, { type: 'answerDiagnosis', diagnosis: a.diagnosis! });
    s = sessionReducer(s, { type: 'answerCriteria', criteria: a.criteria! });
    s = sessionReducer(s, { type: 'submitPlan', plan: a.plan! });
    s = sessionReducer(s, { type: 'advance' });
    expect(s.reports).toHaveLength(1);
    expect(s.reports[0]!.score).toBe(100);
    expect(s.current?.stage.id).toBe('reassess-12h');
    expect(s.current?.course).toBeDefined();
    expect(s.plans).toHaveLength(1);
    expect(s.current?.visible.labs.every((l) => l.hour <= 12)).toBe(true);
  });

  it('an unanswered stage scores 0 on its questions', () => {
    let s = sessionReducer(createSession(scenario, base), { type: 'start' });
    s = sessionReducer(s, { type: 'advance' });
    expect(s.reports[0]!.score).toBe(0);
    expect(s.reports[0]!.feedback.some((f) => f.severity === 'critical-omission')).toBe(true);
  });

  it('a wrong answer scores lower, with feedback citing the statements', () => {
    const r = sessionReport(playSession(scenario, base, expertExcept('presentation', { diagnosis: 'sepsis' })));
    expect(r.stages[0]!.score).toBeLessThan(100);
    expect(r.stages[0]!.problemStatementIds).toContain('DX-3');
  });

  it('visibleCase keeps rows up to the hour only', () => {
    const v = visibleCase(base, 24);
    expect(v.observations.every((o) => o.hour <= 24)).toBe(true);
    expect(v.truth).toBeUndefined();
  });
});

describe('random drills', () => {
  it('the expert plays every drill to 100, the same seed to the same report', () => {
    fc.assert(fc.property(fc.constantFrom<Kind>('mas', 'sjia-flare', 'sepsis', 'misc'), fc.integer({ min: 0, max: 5000 }), (kind, seed) => {
      const s = drillScenario(kind, seed);
      const c = generatedCaseOf(s)!;
      const r = sessionReport(playSession(s, c, EXPERT));
      expect(r.overall).toBe(100);
      expect(sessionReport(playSession(s, c, EXPERT))).toEqual(r);
    }), { numRuns: 12 });
  });
});
