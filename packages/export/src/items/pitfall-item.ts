import { PITFALLS, scorePlan, type Plan, type PlannedAction } from '@masdrill/rules';
import { seededShuffle } from '@masdrill/quiz';
import { citeStatements, statementIdsOf } from './cite.js';
import { labTableOf, vignetteOf } from './case-view.js';
import type { DraftItem, ItemContext } from './item-context.js';
import { letteredOptions } from './options.js';
import { planText } from './plan-text.js';

/** A flawed variant of the expert plan, aimed at one pitfall; undefined when it does not apply to the case. */
interface Flaw {
  readonly pitfallId: string;
  readonly apply: (plan: Plan) => Plan | undefined;
}

const GLUCOCORTICOIDS = new Set(['methylprednisolone-pulse', 'dexamethasone']);
const ANTIMICROBIALS = new Set(['empirical-antibiotics', 'antiviral-therapy']);

const withActions = (plan: Plan, actions: PlannedAction[]): Plan => ({ ...plan, actions });

const FLAWS: readonly Flaw[] = [
  {
    pitfallId: 'immunosuppression-without-antimicrobials',
    apply: (p) =>
      p.actions.some((a) => ANTIMICROBIALS.has(a.action))
        ? withActions(
            p,
            p.actions.filter((a) => !ANTIMICROBIALS.has(a.action)),
          )
        : undefined,
  },
  {
    pitfallId: 'marrow-before-treatment',
    apply: (p) => {
      if (!p.actions.some((a) => GLUCOCORTICOIDS.has(a.action))) return undefined;
      const now = p.decisionHour ?? 0;
      const later = p.actions.map((a) => (GLUCOCORTICOIDS.has(a.action) ? { ...a, atHour: now + 24 } : a));
      return withActions(p, [...later, { action: 'bone-marrow-exam', atHour: now }]);
    },
  },
  {
    pitfallId: 'no-12-hourly-reassessment',
    apply: (p) => (p.reassessEveryHours !== undefined ? { ...p, reassessEveryHours: 24 } : undefined),
  },
  {
    pitfallId: 'methylprednisolone-despite-cns',
    apply: (p) =>
      p.actions.some((a) => a.action === 'dexamethasone')
        ? withActions(
            p,
            p.actions.map((a) =>
              a.action === 'dexamethasone'
                ? {
                    action: 'methylprednisolone-pulse',
                    atHour: a.atHour,
                    dose: { amount: 30, unit: 'mg/kg/day', frequency: 'q24h', route: 'iv', durationDays: 3 },
                  }
                : a,
            ),
          )
        : undefined,
  },
];

/**
 * Pitfall recognition, single best answer: a flawed variant of the expert plan is scored by the
 * rules (scorePlan); the item is kept only when exactly the aimed-at pitfall fires, and the
 * distractors are pitfalls that did not fire.
 */
export function pitfallItem(ctx: ItemContext): DraftItem | undefined {
  const order = seededShuffle(FLAWS, ctx.orderSeed);
  for (const flaw of order) {
    const flawed = flaw.apply(ctx.expected.plan);
    if (!flawed) continue;
    const report = scorePlan(ctx.caseNow, flawed);
    const fired = new Set(report.feedback.flatMap((f) => (f.pitfallId ? [f.pitfallId] : [])));
    if (fired.size !== 1 || !fired.has(flaw.pitfallId)) continue;
    const target = PITFALLS.find((p) => p.id === flaw.pitfallId)!;
    // The two "treatment waits" pitfalls read alike: never offer one as a distractor of the other.
    const twins = new Set(['marrow-before-treatment', 'workup-before-treatment']);
    const others = seededShuffle(
      PITFALLS.filter((p) => p.id !== target.id && !(twins.has(target.id) && twins.has(p.id))),
      ctx.orderSeed + 1,
    ).slice(0, 3);
    const { options, key } = letteredOptions(
      [{ text: target.label, right: true }, ...others.map((p) => ({ text: p.label, right: false }))],
      ctx.orderSeed,
    );
    const why = report.feedback.find((f) => f.pitfallId === target.id)!;
    const ids = statementIdsOf(target.basisOf.statementIds, why.statementIds);
    const labTable = labTableOf(ctx.visible, `Laboratory results up to hour ${ctx.hour}`);
    return {
      id: `${ctx.idBase}-pitfall`,
      topic: 'pitfall',
      kind: 'single',
      title: 'Pitfall recognition',
      vignette: vignetteOf(ctx.visible, ctx.hour),
      question: `A colleague proposes this plan at hour ${ctx.hour}: ${planText(flawed)}. Which pitfall does it fall into?`,
      ...(labTable ? { labTable } : {}),
      options,
      key,
      rationale: `${target.label}. ${why.title} ${why.teachingPoint} Expert: ${why.expertAction} ${citeStatements(ids)}`,
      statementIds: ids,
      source: ctx.source,
    };
  }
  return undefined;
}
