import { escalationFeedback } from '@masdrill/quiz';
import { citeStatements, statementIdsOf } from './cite.js';
import { labTableOf, vignetteOf } from './case-view.js';
import type { DraftItem, ItemContext } from './item-context.js';
import { letteredInOrder } from './options.js';
import { planText } from './plan-text.js';

export const CONTINUE_TEXT = 'Continue the plan in force and reassess within 12 hours';
export const ESCALATE_TEXT = 'Escalate now: the response to the plan in force is inadequate';

/**
 * Escalation at reassessment: the key is what the patient's course on the plan in force calls for
 * (the quiz's escalationFor over the generator's response model), its reasons in the rationale.
 */
export function escalationItem(ctx: ItemContext): DraftItem | undefined {
  const r = ctx.reassessment;
  if (!r) return undefined;
  const { options, key } = letteredInOrder([
    { text: CONTINUE_TEXT, right: r.expectedEscalation === 'continue' },
    { text: ESCALATE_TEXT, right: r.expectedEscalation === 'escalate' },
  ]);
  const fb = escalationFeedback(r.expectedEscalation, r.expectedEscalation, {
    features: ctx.expected.features,
    planStage: r.planStage,
    masTreatment: r.masTreatment,
    reasons: r.reasons,
  })[0]!;
  const ids = statementIdsOf(
    ['CC-1'],
    fb.statementIds,
    r.reasons.flatMap((x) => x.statementIds),
  );
  const labTable = labTableOf(ctx.visible, `Laboratory results up to hour ${ctx.hour}`);
  return {
    id: `${ctx.idBase}-escalation`,
    topic: 'escalation',
    kind: 'single',
    title: 'Escalation at reassessment',
    vignette: `${vignetteOf(ctx.visible, ctx.hour)} Treatment since presentation: ${planText(r.planInForce)}.`,
    question: `You reassess at hour ${ctx.hour}. Continue or escalate?`,
    ...(labTable ? { labTable } : {}),
    options,
    key,
    // The feedback's teaching point already tells the course's reasons.
    rationale: `${r.expectedEscalation === 'escalate' ? 'Escalate' : 'Continue'}. ${fb.teachingPoint} ${citeStatements(ids)}`,
    statementIds: ids,
    source: ctx.source,
  };
}
