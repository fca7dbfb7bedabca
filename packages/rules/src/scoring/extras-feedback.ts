import type { FeedbackItem } from '../generated/score-report.js';
import type { CaseFeatures } from '../guideline/case-features.js';
import { classifyExtra } from '../guideline/indications.js';
import { feedback, type PlanInstance } from './context.js';
import type { DoseCheck, DoseProblemKind } from './dose-check.js';
import { overdosed } from './plan-instances.js';

/** Why a harmful dose harms, by the kind of mistake: the teaching point of its feedback. */
const HARM_TEACHING: Partial<Record<DoseProblemKind, string>> = {
  'unit-slip-over':
    'A dose a thousand times the intended one is the classic mg-vs-g slip: check the unit against the published dose before prescribing.',
  'per-dose-for-per-day':
    'A "/day" dose is the total for the day, split by the frequency: writing the daily amount per dose multiplies it by the number of doses.',
  'twice-maximum':
    'At twice the published maximum or more a dose is no longer a treatment choice: the benefit stops at the maximum and the toxicity does not.',
  absurd: 'A dose this far from any published one is an input error: check amount and unit against the published dose.',
};

const doseWords = (d: DoseCheck) => d.problems.map((p) => p.message).join('; ');

function harmTeaching(d: DoseCheck): string {
  for (const p of d.problems) {
    const t = HARM_TEACHING[p.kind];
    if (t) return t;
  }
  return HARM_TEACHING['twice-maximum']!;
}

/** The feedback for a harmful order: an action the sources rule out here, or a harmful dose (with the number and its source). */
export function harmFeedback(i: PlanInstance, f: CaseFeatures): FeedbackItem {
  const cls = classifyExtra(i.planned.action, f);
  if (cls.level === 'harmful' && cls.rule) {
    return feedback({
      severity: 'harmful',
      actionIds: [i.planned.action],
      component: 'safety',
      basis: cls.rule.basisOf,
      title: `${i.def.name} is harmful here (${cls.rule.explain?.(f) ?? cls.rule.when}).`,
      teachingPoint: cls.rule.teachingPoint,
      expertAction: cls.rule.expertAction,
    });
  }
  const basis = i.dose.rule?.basisOf ?? i.def.basisOf;
  const toxicity = i.def.toxicity;
  return feedback({
    severity: 'harmful',
    actionIds: [i.planned.action],
    component: 'safety',
    basis: toxicity
      ? {
          statementIds: [...new Set([...basis.statementIds, ...toxicity.basisOf.statementIds])],
          citations: [...new Set([...basis.citations, ...toxicity.basisOf.citations])],
        }
      : basis,
    title: `${i.def.name}: ${doseWords(i.dose)}.`,
    teachingPoint: toxicity ? `${harmTeaching(i.dose)} ${toxicity.teachingPoint}` : harmTeaching(i.dose),
    expertAction: `Prescribe ${i.dose.rule?.label ?? 'the published dose'}.`,
  });
}

const publishedDose = (i: PlanInstance) =>
  `The published dose for this patient is ${i.dose.rule?.label ?? 'different'}${i.dose.rule?.note ? ` — ${i.dose.rule.note.replace(/\.$/, '')}` : ''}.`;

/**
 * Feedback on orders that answer no requirement (and on second copies of required ones): a risky
 * extra, or any dose problem — a wrong route or an extra's wrong dose is never silent. Each such
 * order is risky (costs safety, formula riskyExtraPenalty). An extra a pitfall already spoke about
 * ("extra:<index>" in `claims`) still counts as risky, without a second feedback item.
 */
export function extrasFeedback(
  instances: readonly PlanInstance[],
  bestIndices: ReadonlySet<number>,
  satisfierIds: ReadonlySet<string>,
  f: CaseFeatures,
  claims: ReadonlySet<string> = new Set(),
): { items: FeedbackItem[]; risky: PlanInstance[] } {
  const items: FeedbackItem[] = [];
  const risky: PlanInstance[] = [];
  for (const i of instances) {
    if (i.harmful || bestIndices.has(i.index)) continue;
    const doseWrong = i.dose.status === 'error';
    const cls = satisfierIds.has(i.planned.action) ? undefined : classifyExtra(i.planned.action, f);
    const notIndicated = cls?.risky === true;
    if (!notIndicated && !doseWrong) continue;
    risky.push(i);
    if (claims.has(`extra:${i.index}`) && !doseWrong) continue;
    const basis = (notIndicated ? cls?.rule?.basisOf : undefined) ?? i.dose.rule?.basisOf ?? i.def.basisOf;
    items.push(
      feedback({
        severity: doseWrong && (overdosed(i) || !notIndicated) ? 'dose-error' : 'suboptimal',
        actionIds: [i.planned.action],
        component: 'safety',
        basis,
        ...(notIndicated && cls?.rule?.pitfallId ? { pitfallId: cls.rule.pitfallId } : {}),
        title: notIndicated
          ? `${i.def.name} is not indicated here (${cls?.rule?.when ?? ''})${doseWrong ? `; ${doseWords(i.dose)}` : ''}.`
          : `${i.def.name}: ${doseWords(i.dose)}.`,
        teachingPoint: notIndicated && cls?.rule ? cls.rule.teachingPoint : publishedDose(i),
        expertAction:
          notIndicated && cls?.rule
            ? cls.rule.expertAction
            : `Prescribe ${i.dose.rule?.label ?? 'the published dose'}.`,
      }),
    );
  }
  return { items, risky };
}
