import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { responseProfile, type Kind } from '@masdrill/generator';
import { expectedPlan, type Case } from '@masdrill/rules';
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

/** The first drill seed (0, 1, …) of `kind` whose generated patient fits what a test needs. */
function firstDrillSeed(kind: Kind, fits: (c: Case, p: ReturnType<typeof responseProfile>) => boolean): number {
  for (let seed = 0; seed < 5000; seed++) {
    const c = generatedCaseOf(drillScenario(kind, seed))!;
    if (fits(c, responseProfile(c))) return seed;
  }
  throw new Error(`no ${kind} drill fits in seeds 0–4999`);
}
/** The chart meets the MAS criteria at presentation, so the expert treats MAS from hour 0. */
const treatedFromPresentation = (c: Case): boolean => expectedPlan(c, 'presentation', 0).features.masPresent;

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
    // The first MAS drill whose patient the expert cannot bring to 100 (e.g. a chart that meets no MAS
    // set before death): the teachable drill moves on to a later index of the same seed.
    const expertScore = (s: ReturnType<typeof drillScenario>) =>
      sessionReport(playSession(s, generatedCaseOf(s)!, EXPERT)).overall;
    let seed = 0;
    while (expertScore(drillScenario('mas', seed)) === 100) seed++;
    const drill = teachableDrill('mas', seed);
    expect(drill.generate).toMatchObject({ kind: 'mas', seed });
    expect(drill.generate!.index).toBeGreaterThan(0);
    expect(expertScore(drill)).toBe(100);
    expect(teachableDrill('mas', seed)).toEqual(drill);
    // A teachable patient is kept as it is.
    expect(teachableDrill('sepsis', 3)).toEqual(drillScenario('sepsis', 3));
  });

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
    // Neonatal MAS (moderate, outside sJIA): the guideline starts with the glucocorticoid alone; this
    // patient needs cyclosporine as well (masNeed 2), and its chart shows MAS at presentation.
    const r = play(
      'mas',
      firstDrillSeed(
        'mas',
        (c, p) =>
          c.truth?.subtype === 'neonatal-mas' &&
          c.truth.severity === 'moderate' &&
          p.masNeed === 2 &&
          p.infection === 'none' &&
          !p.cns &&
          treatedFromPresentation(c),
      ),
    );
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
    // A MAS refractory to first-line combination (masNeed 3), without infection or CNS disease.
    const r = play(
      'mas',
      firstDrillSeed(
        'mas',
        (c, p) => p.masNeed === 3 && p.infection === 'none' && !p.cns && treatedFromPresentation(c),
      ),
    );
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
