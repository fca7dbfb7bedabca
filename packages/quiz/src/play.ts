import type { Case, Scenario, StageAnswers } from '@masdrill/rules';
import { expertAnswers } from './expert.js';
import { createSession, sessionReducer } from './session.js';
import type { SessionAction, SessionState } from './session-types.js';

/** Where a headless session's answers come from: called once per stage with the state at that stage. */
export type AnswerSource = (state: SessionState) => StageAnswers;

/** The expert everywhere. */
export const EXPERT: AnswerSource = expertAnswers;

/** Answers from an answers file: per stage id; a stage or question left out is unanswered. */
export function fromAnswersFile(stages: Readonly<Record<string, StageAnswers>>): AnswerSource {
  return (state) => stages[state.current!.stage.id] ?? {};
}

/** The expert everywhere except one stage, where `answers` replace the expert's (the rest of that stage stays expert). */
export function expertExcept(stageId: string, answers: StageAnswers): AnswerSource {
  return (state) => (state.current!.stage.id === stageId ? { ...expertAnswers(state), ...answers } : expertAnswers(state));
}

export class SessionError extends Error {
  constructor(message: string, readonly stageId: string, readonly question: string) {
    super(message);
    this.name = 'SessionError';
  }
}

function dispatch(state: SessionState, action: SessionAction, question: string): SessionState {
  const next = sessionReducer(state, action);
  if (next.error !== undefined) throw new SessionError(next.error, state.current?.stage.id ?? '', question);
  return next;
}

/** Plays a whole session headless through the reducer (the same one an interactive quiz drives). */
export function playSession(scenario: Scenario, baseCase: Case, source: AnswerSource): SessionState {
  let state = dispatch(createSession(scenario, baseCase), { type: 'start' }, 'start');
  while (state.phase === 'stage') {
    const a = source(state);
    if (a.diagnosis !== undefined) state = dispatch(state, { type: 'answerDiagnosis', diagnosis: a.diagnosis }, 'diagnosis');
    if (a.criteria !== undefined) state = dispatch(state, { type: 'answerCriteria', criteria: a.criteria }, 'criteria');
    if (a.escalation !== undefined) state = dispatch(state, { type: 'answerEscalation', escalation: a.escalation }, 'escalation');
    if (a.plan !== undefined) state = dispatch(state, { type: 'submitPlan', plan: a.plan }, 'plan');
    state = dispatch(state, { type: 'advance' }, 'advance');
  }
  return state;
}
