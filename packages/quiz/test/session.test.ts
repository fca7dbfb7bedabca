import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { respondToPlans, responseProfile, type Kind } from '@masdrill/generator';
import { expectedPlan } from '@masdrill/rules';
import {
  createSession,
  drillScenario,
  teachableDrill,
  expertAnswers,
  generatedCaseOf,
  playSession,
  sessionReducer,
  sessionReport,
  visibleCase,
  EXPERT,
  expertExcept,
  isDone,
  makeOrder,
  orderStatus,
} from '../src/index.js';
import { firstSeed } from '../../generator/test/support/find-case.js';

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
    const notOffered = (
      ['mas', 'sjia-flare', 'sepsis', 'septic-shock', 'misc', 'misc-with-mas', 'primary-hlh', 'other'] as const
    ).find((d) => !s.current!.diagnosisOptions.includes(d))!;
    expect(sessionReducer(s, { type: 'answerDiagnosis', diagnosis: notOffered }).error).toMatch(
      /not one of the choices/,
    );
    expect(sessionReducer(s, { type: 'submitPlan', plan: { actions: [{ action: 'methylpred' }] } }).error).toMatch(
      /unknown action id/,
    );
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
  it('the expert plays the first 60 drills of every kind to 100 (a sweep: a random sample missed MIS-C turning MAS at 12 h)', () => {
    const below: string[] = [];
    for (const kind of ['mas', 'sjia-flare', 'sepsis', 'misc'] as const) {
      for (let seed = 0; seed < 60; seed++) {
        const s = teachableDrill(kind, seed);
        const r = sessionReport(playSession(s, generatedCaseOf(s)!, EXPERT));
        if (r.overall !== 100) below.push(`${kind} ${seed}: ${r.overall}`);
      }
    }
    expect(below).toEqual([]);
  }, 120_000);

  it('a drill passes over a patient whose chart never lets the expert treat it (teachable-drill)', () => {
    // About 1% of MAS patients (critical MAS whose chart meets no MAS set before death) cannot be treated
    // from the chart: find the first seed whose index-0 patient is one.
    const expertScore = (s: ReturnType<typeof drillScenario>) =>
      sessionReport(playSession(s, generatedCaseOf(s)!, EXPERT)).overall;
    const seed = firstSeed(
      'a mas drill whose index-0 patient the expert cannot play to 100',
      (x) => expertScore(drillScenario('mas', x)) < 100,
      1000,
    );
    const drill = teachableDrill('mas', seed);
    const index = drill.generate!.index!;
    expect(index).toBeGreaterThan(0);
    expect(drill).toEqual(drillScenario('mas', seed, index));
    expect(expertScore(drill)).toBe(100);
    // It takes the first teachable patient: every one before it is passed over.
    for (let i = 0; i < index; i++) expect(expertScore(drillScenario('mas', seed, i))).toBeLessThan(100);
    expect(teachableDrill('mas', seed)).toEqual(drill);
    // A teachable patient is kept as it is.
    const teachable = firstSeed('a teachable sepsis drill', (x) => expertScore(drillScenario('sepsis', x)) === 100);
    expect(teachableDrill('sepsis', teachable)).toEqual(drillScenario('sepsis', teachable));
  }, 60_000);

  it('the expert plays every drill to 100, the same seed to the same report', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Kind>('mas', 'sjia-flare', 'sepsis', 'misc'),
        fc.integer({ min: 0, max: 5000 }),
        (kind, seed) => {
          const s = teachableDrill(kind, seed);
          const c = generatedCaseOf(s)!;
          const r = sessionReport(playSession(s, c, EXPERT));
          expect(r.overall).toBe(100);
          expect(sessionReport(playSession(s, c, EXPERT))).toEqual(r);
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});

describe('the stage a reassessment is scored at follows the patient', () => {
  const play = (kind: Kind, seed: number) => {
    const s = drillScenario(kind, seed);
    return sessionReport(playSession(s, generatedCaseOf(s)!, EXPERT));
  };

  it('glucocorticoid alone not enough: steroid-inadequate, escalate to cyclosporine, then continue once it works', () => {
    // MAS for which the guideline starts with the glucocorticoid alone (e.g. outside sJIA), in a
    // patient who needs cyclosporine with it (masNeed 2).
    const seed = firstSeed('a mas drill started on a glucocorticoid alone that needs cyclosporine', (x) => {
      const c = generatedCaseOf(drillScenario('mas', x))!;
      const start = expectedPlan(c, 'presentation', 0).plan;
      return responseProfile(c).masNeed === 2 && respondToPlans(c, [start], 12).masTreatment === 'glucocorticoid-alone';
    });
    const r = play('mas', seed);
    expect(
      r.stages.map((x) => [x.planStage, x.questions.find((q) => q.question === 'escalation')?.expected ?? null]),
    ).toEqual([
      ['presentation', null],
      ['steroid-inadequate', 'escalate'],
      ['steroid-inadequate', 'continue'],
      ['steroid-inadequate', 'continue'],
    ]);
  });

  it('refractory to first-line combination: refractory from then on, continuing once the second line works', () => {
    // A MAS patient the guideline starts on the first-line combination who needs a second-line agent.
    const seed = firstSeed('a mas drill started on the combination that is refractory to it', (x) => {
      const c = generatedCaseOf(drillScenario('mas', x))!;
      const start = expectedPlan(c, 'presentation', 0).plan;
      return (
        responseProfile(c).masNeed === 3 && respondToPlans(c, [start], 12).masTreatment === 'first-line-combination'
      );
    });
    const r = play('mas', seed);
    expect(r.stages.map((x) => x.planStage)).toEqual(['presentation', 'refractory', 'refractory', 'refractory']);
    expect(r.stages.map((x) => x.questions.find((q) => q.question === 'escalation')?.expected ?? null)).toEqual([
      null,
      'escalate',
      'continue',
      'continue',
    ]);
    expect(r.overall).toBe(100);
  });

  it('no treatment at presentation: the patient worsens, and the next plan is still first-line', () => {
    const s = drillScenario('mas', 96);
    const state = playSession(
      s,
      generatedCaseOf(s)!,
      expertExcept('presentation', { plan: { actions: [], reassessEveryHours: 12 } }),
    );
    const second = sessionReport(state).stages[1]!;
    expect(second.course).toBe('worsening');
    expect(second.planStage).toBe('presentation');
    expect(second.questions.find((q) => q.question === 'escalation')?.expected).toBe('escalate');
  });
});

describe('orders in force', () => {
  const misc = drillScenario('misc', 13);
  const miscCase = generatedCaseOf(misc)!;
  const started = () => sessionReducer(createSession(scenario, base), { type: 'start' });

  it('an order persists from stage to stage until stopped; continueOrder undoes a stop made at this stage', () => {
    let s = started();
    s = sessionReducer(s, {
      type: 'addOrder',
      order: { action: 'cyclosporine', dose: { amount: 5, unit: 'mg/kg/day', frequency: 'q12h', route: 'po' } },
    });
    s = sessionReducer(s, { type: 'setReassessment', everyHours: 12 });
    expect(s.error).toBeUndefined();
    s = sessionReducer(s, { type: 'submitPlan' });
    expect(s.answers[0]!.plan!.actions.map((a) => a.action)).toEqual(['cyclosporine']);
    s = sessionReducer(s, { type: 'advance' });
    expect(s.current!.hour).toBe(12);
    const csa = s.orders.find((o) => o.planned.action === 'cyclosporine')!;
    expect(orderStatus(csa, 12)).toEqual({ state: 'active' });
    const kept = sessionReducer(s, { type: 'submitPlan' });
    expect(kept.answers[1]!.plan!.actions.map((a) => a.action)).toEqual(['cyclosporine']);
    const stopped = sessionReducer(s, { type: 'stopOrder', orderId: csa.id });
    expect(orderStatus(stopped.orders.find((o) => o.id === csa.id)!, 12)).toEqual({ state: 'stopped', atHour: 12 });
    expect(sessionReducer(stopped, { type: 'submitPlan' }).answers[1]!.plan!.actions).toEqual([]);
    const undone = sessionReducer(stopped, { type: 'continueOrder', orderId: csa.id });
    expect(undone.orders).toEqual(s.orders);
  });

  it('modifyOrder stops the old order and starts the new one now; changing orders after submitting clears the stored plan', () => {
    let s = started();
    s = sessionReducer(s, {
      type: 'addOrder',
      order: { action: 'anakinra', dose: { amount: 2, unit: 'mg/kg/day', frequency: 'q12h', route: 'sc' } },
    });
    s = sessionReducer(s, { type: 'submitPlan' });
    expect(s.answers[0]!.plan).toBeDefined();
    const ana = s.orders[0]!;
    s = sessionReducer(s, {
      type: 'modifyOrder',
      orderId: ana.id,
      order: { action: 'anakinra', dose: { amount: 10, unit: 'mg/kg/day', frequency: 'q6h', route: 'iv' } },
    });
    expect(s.error).toBeUndefined();
    expect(s.answers[0]!.plan).toBeUndefined();
    expect(s.orders.map((o) => [o.id, o.stoppedAtHour ?? null, o.replaces ?? null])).toEqual([
      ['o1', 0, null],
      ['o2', null, 'o1'],
    ]);
    expect(sessionReducer(s, { type: 'stopOrder', orderId: 'o9' }).error).toMatch(/no order "o9"/);
  });

  it('methylprednisolone pulses are a course: day n of 3, then done (GC-1)', () => {
    const o = makeOrder(
      'o1',
      {
        action: 'methylprednisolone-pulse',
        atHour: 0,
        dose: { amount: 30, unit: 'mg/kg/day', frequency: 'q24h', route: 'iv', durationDays: 3 },
      },
      0,
    );
    expect(o.kind).toBe('course');
    expect(orderStatus(o, 30)).toEqual({ state: 'course', day: 2, of: 3 });
    expect(orderStatus(o, 72)).toMatchObject({ state: 'course-done', of: 3 });
    expect(isDone(o, 72)).toBe(true);
  });

  it('a one-off given is not repeated by the expert nor missing later: MIS-C IVIG at hour 0 only, and the expert still scores 100', () => {
    const state = playSession(misc, miscCase, EXPERT);
    expect(state.orders.filter((o) => o.planned.action === 'ivig')).toHaveLength(1);
    expect(state.orders.filter((o) => o.planned.action === 'echocardiogram')).toHaveLength(1);
    const r = sessionReport(state);
    expect(r.stages.map((x) => x.score)).toEqual(r.stages.map(() => 100));
    expect(r.stages.flatMap((x) => x.feedback).some((f) => f.severity === 'critical-omission')).toBe(false);
  });

  it('order changes from an answers file: stop, modify, add, one reducer action each', () => {
    const state = playSession(
      scenario,
      base,
      expertExcept('reassess-12h', {
        escalation: 'continue',
        orders: { stop: ['monitor-mas-labs'], add: [{ action: 'viral-pcr' }] },
      }),
    );
    const at12 = state.orders.filter((o) => o.writtenAtStage === 1 || o.stoppedAtStage === 1);
    expect(at12.map((o) => o.planned.action).sort()).toEqual(['monitor-mas-labs', 'viral-pcr']);
    expect(
      state.reports[1]!.questions.find((q) => q.question === 'plan')!.answer!.actions.some(
        (a) => a.action === 'monitor-mas-labs',
      ),
    ).toBe(false);
  });
});
