import { planAnswerOf, type PlannedAction, type StageAnswers } from '@masdrill/rules';
import { isDone, notStopped } from './orders.js';
import { criteriaKeyAt } from './questions.js';
import type { SessionState } from './session-types.js';

const sameDose = (a: PlannedAction, b: PlannedAction) =>
  JSON.stringify(a.dose ?? null) === JSON.stringify(b.dose ?? null) &&
  (a.everyHours ?? null) === (b.everyHours ?? null);

/**
 * The expert's orders as a whole plan, given the orders in force: the expected plan (which, given the
 * prior orders, does not ask again for what is done) with each action already in force at the
 * expected dose kept as ordered (it continues from its start); a new dose modifies it, the rest are
 * added; running orders the expected plan no longer holds are left out (stopped).
 */
function expertActions(state: SessionState, expected: readonly PlannedAction[]): PlannedAction[] {
  const hour = state.current!.hour;
  const open = notStopped(state.orders, hour);
  const out: PlannedAction[] = [];
  for (const a of expected) {
    const existing = open.find((o) => o.planned.action === a.action && !isDone(o, hour) && sameDose(o.planned, a));
    out.push(existing ? { ...existing.planned } : a);
  }
  return out;
}

/**
 * The expert's answers for the current stage: the scenario's authored expert answers where given,
 * the rest derived from the rules — the expected diagnosis, the criteria met by now (evaluate), the
 * escalation the course calls for, and expectedPlan for this patient now, written against the
 * orders in force (expertActions). Pure.
 */
export function expertAnswers(state: SessionState): StageAnswers {
  const view = state.current;
  if (!view) return {};
  const authored = view.stage.expert ?? {};
  const expected = view.expected;
  const out: StageAnswers = {};
  for (const q of view.stage.asks) {
    if (q === 'diagnosis') out.diagnosis = authored.diagnosis ?? expected.diagnoses.full[0]!;
    if (q === 'criteria') out.criteria = authored.criteria ?? criteriaKeyAt(view.visible, view.hour, view.criteriaSets);
    if (q === 'escalation') out.escalation = authored.escalation ?? view.expectedEscalation;
    if (q === 'plan') {
      if (authored.orders) out.orders = authored.orders;
      else if (authored.plan) out.plan = authored.plan;
      else out.plan = { ...planAnswerOf(expected.plan), actions: expertActions(state, expected.plan.actions) as never };
    }
  }
  return out;
}
