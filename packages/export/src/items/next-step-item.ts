import { ACTION_IDS, ACTIONS, classifyExtra, type ActionId } from '@masdrill/rules';
import { seededShuffle } from '@masdrill/quiz';
import { citeStatements, statementIdsOf } from './cite.js';
import { labTableOf, vignetteOf } from './case-view.js';
import type { DraftItem, ItemContext } from './item-context.js';
import { letteredOptions } from './options.js';

const DISTRACTOR_CATEGORIES = new Set([
  'glucocorticoid',
  'immunomodulator',
  'anti-infective',
  'escalation',
  'diagnostic',
]);

/**
 * Best next step, single best answer: the key is the expert's choice for the first critical
 * requirement of expectedPlan; distractors answer no requirement here and are not "acceptable"
 * extras (classifyExtra): harmful ones first, then risky, then unnecessary.
 */
export function nextStepItem(ctx: ItemContext): DraftItem | undefined {
  const f = ctx.expected.features;
  const requirement = ctx.expected.requirements.find(
    (r) => r.level === 'critical' && r.satisfiers[0] !== 'reassessment',
  );
  if (!requirement) return undefined;
  const key = requirement.satisfiers[0]!;
  const answering = new Set<ActionId>([
    ...ctx.expected.requirements.flatMap((r) => r.satisfiers),
    ...ctx.expected.plan.actions.map((a) => a.action),
  ]);
  const candidates = ACTION_IDS.filter((a) => !answering.has(a) && DISTRACTOR_CATEGORIES.has(ACTIONS[a].category));
  const rank = (a: ActionId) => {
    const c = classifyExtra(a, f);
    return c.level === 'harmful' ? 0 : c.level === 'acceptable' ? 9 : c.risky ? 1 : 2;
  };
  const usable = candidates.filter((a) => rank(a) < 9);
  const ordered = [0, 1, 2].flatMap((r) =>
    seededShuffle(
      usable.filter((a) => rank(a) === r),
      ctx.orderSeed + r,
    ),
  );
  const distractors = ordered.slice(0, 3);
  if (distractors.length < 3) return undefined;
  const { options, key: letters } = letteredOptions(
    [{ text: ACTIONS[key].name, right: true }, ...distractors.map((a) => ({ text: ACTIONS[a].name, right: false }))],
    ctx.orderSeed,
  );
  // The rationale and its statements are the key's own; a harmful distractor's teaching point
  // follows, labelled with the option it explains (it is not a reason for the key).
  const ids = statementIdsOf(requirement.basisOf.statementIds);
  const citations = requirement.basisOf.citations.filter((c) => c !== 'guideline');
  const whyNot = distractors
    .map((a) => ({ a, c: classifyExtra(a, f) }))
    .filter(({ c }) => c.level === 'harmful' && c.rule)
    .map(({ a, c }) => `Why not “${ACTIONS[a].name}”: ${c.rule!.teachingPoint}`);
  const labTable = labTableOf(ctx.visible, `Laboratory results up to hour ${ctx.hour}`);
  const keyPart = [
    `${ACTIONS[key].name}: ${requirement.label}.`,
    requirement.teachingPoint,
    requirement.expertAction,
    citeStatements(ids),
    citations.length ? `Sources: ${citations.join(', ')}.` : '',
  ];
  return {
    id: `${ctx.idBase}-next-step`,
    topic: 'next-step',
    kind: 'single',
    title: 'Best next step',
    vignette: vignetteOf(ctx.visible, ctx.hour),
    question: `At hour ${ctx.hour}, which is the most important step to take now?`,
    ...(labTable ? { labTable } : {}),
    options,
    key: letters,
    rationale: [...keyPart, ...whyNot].filter(Boolean).join(' '),
    statementIds: ids,
    ...(citations.length ? { citations } : {}),
    source: ctx.source,
  };
}
