import { planAnswerOf, type StageAnswers } from '@masdrill/rules';
import { criteriaMetAt } from './questions.js';
import type { SessionState } from './session-types.js';

/**
 * The expert's answers for the current stage: the scenario's authored expert answers where given,
 * the rest derived from the rules — the expected diagnosis, the criteria met by now (evaluate), the
 * escalation the course calls for, and expectedPlan for this patient now. Pure.
 */
export function expertAnswers(state: SessionState): StageAnswers {
  const view = state.current;
  if (!view) return {};
  const authored = view.stage.expert ?? {};
  const expected = view.expected;
  const out: StageAnswers = {};
  for (const q of view.stage.asks) {
    if (q === 'diagnosis') out.diagnosis = authored.diagnosis ?? expected.diagnoses.full[0]!;
    if (q === 'criteria') out.criteria = authored.criteria ?? criteriaMetAt(view.visible, view.hour, view.criteriaSets);
    if (q === 'escalation') out.escalation = authored.escalation ?? view.expectedEscalation;
    if (q === 'plan') out.plan = authored.plan ?? planAnswerOf(expected.plan);
  }
  return out;
}
