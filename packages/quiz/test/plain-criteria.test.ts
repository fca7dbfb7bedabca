import { describe, expect, it } from 'vitest';
import { createSession, drillScenario, generatedCaseOf } from '../src/index.js';
import { Retry, parseCriteriaMarks, runPlain } from '../src/ui/plain.js';

describe('plain mode: the criteria answer records met, not met and not assessable', () => {
  it('reads "2 3 1?" as sets 2 and 3 met, set 1 not assessable; 0 as none met; refuses what it cannot read', () => {
    expect(parseCriteriaMarks('2 3 1?', 8)).toEqual({ 1: 'met', 2: 'met', 0: 'not-assessable' });
    expect(parseCriteriaMarks('0', 8)).toEqual({});
    expect(parseCriteriaMarks('', 8)).toBeInstanceOf(Retry);
    expect(parseCriteriaMarks('9', 8)).toBeInstanceOf(Retry);
    expect(parseCriteriaMarks('2??', 8)).toBeInstanceOf(Retry);
  });

  it('a typed "?" after a number reaches the session as "not-assessable", the sets not named as not met', async () => {
    const s = drillScenario('mas', 7);
    const lines = ['1', '2 1?'];
    const { state, outcome } = await runPlain({
      session: createSession(s, generatedCaseOf(s)!),
      readLine: async () => lines.shift(),
      write: () => {},
    });
    expect(outcome).toBe('end-of-input');
    const judged = state.answers[0]!.criteria!;
    const sets = state.current!.criteriaSets;
    expect(judged[sets[0]!]).toBe('not-assessable');
    expect(judged[sets[1]!]).toBe('met');
    expect(sets.slice(2).every((id) => judged[id] === 'not-met')).toBe(true);
  });
});
