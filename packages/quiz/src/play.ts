import type { Case, Scenario, StageAnswers } from '@masdrill/rules';
import { expertAnswers } from './expert.js';
import { createSession, sessionReducer } from './session.js';
import type { OrderInput, SessionAction, SessionState } from './session-types.js';

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
  return (state) => {
    const expert = expertAnswers(state);
    if (state.current!.stage.id !== stageId) return expert;
    // A plan given either way (whole, or as order changes) replaces the expert's plan.
    const { plan, orders, ...rest } = expert;
    const planGiven = answers.plan !== undefined || answers.orders !== undefined;
    return { ...rest, ...(planGiven ? {} : { ...(plan ? { plan } : {}), ...(orders ? { orders } : {}) }), ...answers };
  };
}

export class SessionError extends Error {
  constructor(
    message: string,
    readonly stageId: string,
    readonly question: string,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

function dispatch(state: SessionState, action: SessionAction, question: string): SessionState {
  const next = sessionReducer(state, action);
  if (next.error !== undefined) throw new SessionError(next.error, state.current?.stage.id ?? '', question);
  return next;
}

type OrderChanges = NonNullable<StageAnswers['orders']>;

/** An answers file's order changes, one reducer action each: stop, modify (matched by action id), add, interval. */
function applyOrderChanges(state: SessionState, changes: OrderChanges): SessionState {
  const hour = state.current!.hour;
  const inForce = (action: string) =>
    state.orders.find((o) => o.planned.action === action && (o.stoppedAtHour === undefined || o.stoppedAtHour > hour));
  let s = state;
  for (const action of changes.stop ?? []) {
    const o = inForce(action);
    if (!o) throw new SessionError(`no order of "${action}" is in force to stop`, state.current!.stage.id, 'orders');
    s = dispatch(s, { type: 'stopOrder', orderId: o.id }, 'orders');
  }
  for (const m of (changes.modify ?? []) as unknown as OrderInput[]) {
    const o = inForce(m.action);
    if (!o)
      throw new SessionError(
        `no order of "${String(m.action)}" is in force to modify`,
        state.current!.stage.id,
        'orders',
      );
    s = dispatch(s, { type: 'modifyOrder', orderId: o.id, order: m }, 'orders');
  }
  for (const a of (changes.add ?? []) as unknown as OrderInput[])
    s = dispatch(s, { type: 'addOrder', order: a }, 'orders');
  if (changes.reassessEveryHours !== undefined)
    s = dispatch(s, { type: 'setReassessment', everyHours: changes.reassessEveryHours }, 'orders');
  return s;
}

/** Plays a whole session headless through the reducer (the same one an interactive quiz drives). */
export function playSession(scenario: Scenario, baseCase: Case, source: AnswerSource): SessionState {
  let state = dispatch(createSession(scenario, baseCase), { type: 'start' }, 'start');
  while (state.phase === 'stage') {
    const a = source(state);
    if (a.diagnosis !== undefined)
      state = dispatch(state, { type: 'answerDiagnosis', diagnosis: a.diagnosis }, 'diagnosis');
    if (a.criteria !== undefined) state = dispatch(state, { type: 'answerCriteria', criteria: a.criteria }, 'criteria');
    if (a.escalation !== undefined)
      state = dispatch(state, { type: 'answerEscalation', escalation: a.escalation }, 'escalation');
    if (a.orders !== undefined) state = applyOrderChanges(state, a.orders);
    if (a.plan !== undefined) state = dispatch(state, { type: 'submitPlan', plan: a.plan }, 'plan');
    else if (a.orders !== undefined) state = dispatch(state, { type: 'submitPlan' }, 'orders');
    state = dispatch(state, { type: 'advance' }, 'advance');
  }
  return state;
}
