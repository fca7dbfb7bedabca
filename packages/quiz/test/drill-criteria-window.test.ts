import { describe, expect, it } from 'vitest';
import type { Kind } from '@masdrill/generator';
import { criteriaKeyOf, evaluate } from '@masdrill/rules';
import {
  ALL_CRITERIA_SETS,
  createSession,
  criteriaAt,
  drillScenario,
  expertAnswers,
  generatedCaseOf,
  sessionReducer,
  visibleCase,
  type SessionState,
} from '../src/index.js';

/** Every stage of a drill played by the expert: the state at each stage (before its answers). */
function stagesOf(kind: Kind, seed: number): SessionState[] {
  const scenario = drillScenario(kind, seed);
  let s = sessionReducer(createSession(scenario, generatedCaseOf(scenario)!), { type: 'start' });
  const out: SessionState[] = [];
  while (s.phase === 'stage') {
    out.push(s);
    const a = expertAnswers(s);
    if (a.diagnosis) s = sessionReducer(s, { type: 'answerDiagnosis', diagnosis: a.diagnosis });
    if (a.criteria) s = sessionReducer(s, { type: 'answerCriteria', criteria: a.criteria });
    if (a.escalation) s = sessionReducer(s, { type: 'answerEscalation', escalation: a.escalation });
    if (a.plan) s = sessionReducer(s, { type: 'submitPlan', plan: a.plan });
    s = sessionReducer(s, { type: 'advance' });
  }
  return out;
}

const CASES: readonly [Kind, number][] = [
  ['sepsis', 1],
  ['sepsis', 2],
  ['sepsis', 3],
  ['mas', 1],
  ['mas', 67],
  ['misc', 5],
  // Phoenix met over 0–48 h but not over its first 24 h: the old key (0..hour) called it met at 48 and 72 h.
  ['sjia-flare', 21],
];

describe('the drill reads each criteria set over its own default window (evaluate), cut at the decision hour', () => {
  it.each(CASES)('%s seed %i: at every stage the quiz key equals evaluate with atHour', (kind, seed) => {
    for (const s of stagesOf(kind, seed)) {
      const view = s.current!;
      const cut = visibleCase(view.caseNow, view.hour);
      const byEvaluate = evaluate(cut, { atHour: view.hour, only: ALL_CRITERIA_SETS }).results;
      const byQuiz = criteriaAt(view.visible, view.hour, ALL_CRITERIA_SETS);
      const where = `${kind} seed ${seed}, ${view.stage.id} (hour ${view.hour})`;
      expect(
        byQuiz.map((r) => [r.id, r.status, r.window.fromHour, r.window.toHour]),
        where,
      ).toEqual(byEvaluate.map((r) => [r.id, r.status, r.window.fromHour, r.window.toHour]));
      // The expert's criteria answer (the key the trainee is marked against) is evaluate's status per asked set.
      const asked = view.criteriaSets;
      if (view.stage.asks.includes('criteria'))
        expect(expertAnswers(s).criteria, where).toEqual(
          Object.fromEntries(
            byEvaluate.filter((r) => asked.includes(r.id)).map((r) => [r.id, criteriaKeyOf(r.status)]),
          ),
        );
    }
  });

  it('Phoenix at 48 hours reads the first 24 hours, as `masdrill evaluate` does', () => {
    const at48 = stagesOf('sjia-flare', 21).find((s) => s.current!.hour === 48)!;
    const phoenix = criteriaAt(at48.current!.visible, 48, ['phoenix'])[0]!;
    expect(phoenix.window).toMatchObject({ fromHour: 0, toHour: 24 });
    expect(phoenix.window.read).toMatch(/first 24 h/);
    expect(phoenix.status).toBe('not-met');
  });
});
