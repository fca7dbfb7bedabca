import {
  CRITERIA_ANSWERS,
  CRITERIA_SET_IDS,
  criteriaJudgement,
  evaluate,
  scenarioSchema,
  type Case,
  type CriteriaAnswerInput,
  type Scenario,
} from '@masdrill/rules';
import { describe, expect, it } from 'vitest';
import {
  createSession,
  criteriaAt,
  criteriaFeedback,
  criteriaKeyAt,
  criteriaMetAt,
  drillScenario,
  generatedCaseOf,
  sessionReducer,
} from '../src/index.js';
import { findCase } from '../../generator/test/support/find-case.js';

const phoenixScoreAt0 = (c: Case): number =>
  evaluate(c, { window: { fromHour: 0, toHour: 0 }, only: ['phoenix'] }).results[0]!.score?.value ?? 0;
// A generated MAS patient with a Phoenix score of at least 2 at hour 0 and no suspected infection on the chart.
const mas = findCase(
  { kind: 'mas' },
  'a Phoenix score ≥ 2 at hour 0 and no suspected infection',
  (c) => c.encounter.suspectedInfection !== true && phoenixScoreAt0(c) >= 2,
).case;

describe('the criteria key equals the definitions (issue 9)', () => {
  it('does not key Phoenix sepsis as met without suspected infection, whatever the score', () => {
    expect(mas.encounter.suspectedInfection).not.toBe(true);
    expect(phoenixScoreAt0(mas)).toBeGreaterThanOrEqual(2);
    expect(criteriaMetAt(mas, 0, ['phoenix'])).toEqual([]);
    expect(criteriaAt(mas, 0, ['phoenix'])[0]!.summary).toMatch(/suspected infection/);
  });

  it('keys Phoenix as met when the chart shows suspected infection and the score is at least 2', () => {
    const infected = { ...mas, encounter: { ...mas.encounter, suspectedInfection: true } };
    expect(criteriaMetAt(infected, 0, ['phoenix'])).toEqual(['phoenix']);
  });

  it('keys a set evaluate cannot assess as "not assessable", and credits that answer', () => {
    const sets = [...CRITERIA_SET_IDS];
    const results = criteriaAt(mas, 0, sets);
    const key = criteriaKeyAt(mas, 0, sets);
    const na = results.filter((r) => r.status === 'not-assessable');
    expect(na.length).toBeGreaterThan(0);
    for (const r of na) expect(key[r.id]).toBe('not-assessable');
    const feedback = criteriaFeedback(key, results, { masPresent: true } as never);
    for (const r of na)
      expect(feedback.some((f) => f.severity === 'good' && f.title.startsWith(`${r.name}: not assessable`))).toBe(true);
    expect(feedback.filter((f) => f.severity !== 'good')).toEqual([]);
    // "Not met" for a set that cannot be assessed is wrong: missing data is not assessed, never normal.
    const asNotMet = criteriaFeedback(criteriaJudgement(criteriaMetAt(mas, 0, sets), sets), results, {
      masPresent: true,
    } as never);
    for (const r of na)
      expect(
        asNotMet.some(
          (f) => f.severity === 'suboptimal' && f.title === `${r.name}: you judged it not met, it is not assessable.`,
        ),
      ).toBe(true);
  });
});

describe('the criteria answer: met, not met or not assessable per set (session reducer and stage score)', () => {
  it('the per-set answer in the schema names every criteria set, with the three answers', () => {
    const defs = scenarioSchema.definitions;
    expect(Object.keys(defs.CriteriaJudgements.properties)).toEqual([...CRITERIA_SET_IDS]);
    expect(defs.CriteriaAnswer.enum).toEqual([...CRITERIA_ANSWERS]);
  });

  // The first MAS drill (seeds 7, 8, …) whose key at presentation holds all three answers.
  const startOf = (seed: number) => {
    const scenario = drillScenario('mas', seed);
    const started = sessionReducer(createSession(scenario, generatedCaseOf(scenario)!), { type: 'start' });
    const view = started.current!;
    return { scenario, started, view, key: criteriaKeyAt(view.visible, view.hour, view.criteriaSets) };
  };
  let drill = startOf(7);
  for (let seed = 8; new Set(Object.values(drill.key)).size < CRITERIA_ANSWERS.length && seed < 5000; seed++)
    drill = startOf(seed);
  const { scenario, started, view, key } = drill;
  const criteriaScore = (criteria: CriteriaAnswerInput) => {
    const s = sessionReducer(sessionReducer(started, { type: 'answerCriteria', criteria }), { type: 'advance' });
    const q = s.reports[0]!.questions.find((x) => x.question === 'criteria')!;
    return q;
  };

  it('the key at presentation holds all three answers (the case exercises each)', () => {
    expect(new Set(Object.values(key))).toEqual(new Set(CRITERIA_ANSWERS));
  });

  it('scores each of the three answers for each set: right only when it equals the key', () => {
    const n = view.criteriaSets.length;
    for (const id of view.criteriaSets) {
      for (const answer of CRITERIA_ANSWERS) {
        const q = criteriaScore({ ...key, [id]: answer });
        expect(q.fraction, `${id} answered ${answer}, key ${key[id]}`).toBeCloseTo(
          answer === key[id] ? 1 : (n - 1) / n,
          9,
        );
        expect(q.answer?.[id]).toBe(answer);
        expect(q.expected[id]).toBe(key[id]);
      }
    }
  });

  it('stores a list answer as met / not met, and a per-set answer with the sets it leaves out not met', () => {
    const met = view.criteriaSets.filter((id) => key[id] === 'met');
    const fromList = sessionReducer(started, { type: 'answerCriteria', criteria: met });
    expect(fromList.answers[0]!.criteria).toEqual(
      Object.fromEntries(view.criteriaSets.map((id) => [id, key[id] === 'met' ? 'met' : 'not-met'])),
    );
    const one = view.criteriaSets.find((id) => key[id] === 'not-assessable')!;
    const partial = sessionReducer(started, { type: 'answerCriteria', criteria: { [one]: 'not-assessable' } });
    expect(partial.answers[0]!.criteria![one]).toBe('not-assessable');
    expect(Object.values(partial.answers[0]!.criteria!).filter((a) => a !== 'not-met')).toEqual(['not-assessable']);
  });

  it('refuses a judgement that is not met, not-met or not-assessable, and a set not asked', () => {
    const bad = sessionReducer(started, { type: 'answerCriteria', criteria: { 'hlh-2004': 'maybe' } as never });
    expect(bad.error).toMatch(/judged met, not-met, not-assessable, not maybe/);
    const narrow: Scenario = {
      ...scenario,
      stages: scenario.stages.map((x, i) => (i === 0 ? { ...x, criteriaSets: ['phoenix'] } : x)) as Scenario['stages'],
    };
    const s = sessionReducer(createSession(narrow, generatedCaseOf(scenario)!), { type: 'start' });
    expect(sessionReducer(s, { type: 'answerCriteria', criteria: { 'hlh-2004': 'not-assessable' } }).error).toMatch(
      /not asked about here: hlh-2004/,
    );
  });
});
