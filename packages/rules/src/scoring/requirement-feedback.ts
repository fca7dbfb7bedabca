import type { FeedbackItem } from '../generated/score-report.js';
import { ACTIONS } from '../guideline/actions.js';
import { feedback, type RequirementOutcome } from './context.js';

/**
 * Feedback per expected requirement: missing (and why an order planned for it does not count),
 * dose errors, a course without its days, late or too rare, companions missing, else good.
 * `claims` are the items a pitfall already gave ("omission:<req>", "late:<req>", "dose:<index>", "companion:<index>:<id>").
 */
export function requirementFeedback(
  outcomes: readonly RequirementOutcome[],
  decisionHour: number,
  claims: ReadonlySet<string>,
): FeedbackItem[] {
  const items: FeedbackItem[] = [];
  for (const o of outcomes) {
    const r = o.requirement;
    const base = {
      requirementId: r.id,
      basis: r.basisOf,
      expertAction: r.expertAction,
      ...(r.unverified ? { unverified: true } : {}),
    };
    const teaching = r.unverified
      ? `${r.teachingPoint} (Unverified detail, not scored: ${r.unverified})`
      : r.teachingPoint;
    if (!o.present) {
      if (claims.has(`omission:${r.id}`)) continue;
      const short = o.inadequate.map((i) => `${i.def.name}${i.dose.computed ? ` ${i.dose.computed}` : ''}`);
      items.push(
        feedback({
          ...base,
          severity: r.level === 'critical' ? 'critical-omission' : 'suboptimal',
          component: 'keyActions',
          ...(o.inadequate.length ? { actionIds: o.inadequate.map((i) => i.planned.action) } : {}),
          title: `Missing: ${r.label}${r.satisfiers.length > 1 ? ` (any of ${r.satisfiers.join(', ')})` : ''}${short.length ? ` — ${short.join(', ')} does not count as ${r.controlRole} therapy here` : ''}.`,
          teachingPoint: teaching,
        }),
      );
      continue;
    }
    const i = o.best!;
    // A problem about this requirement's action — from a pitfall (claimed) or from the generic pass below — rules out a
    // GOOD item about it: the report must not praise what it criticizes.
    let flagged = claims.has(`dose:${i.index}`) || claims.has(`late:${r.id}`) || claims.has(`omission:${r.id}`);
    if (o.doseOk === false && !claims.has(`dose:${i.index}`)) {
      flagged = true;
      const dose = i.dose;
      items.push(
        feedback({
          ...base,
          basis: dose.rule?.basisOf ?? r.basisOf,
          severity: 'dose-error',
          component: 'dosing',
          actionIds: [i.planned.action],
          title: `${i.def.name}: ${dose.problems.map((p) => p.message).join('; ')}.`,
          teachingPoint: `The published dose for this patient is ${dose.rule?.label ?? ACTIONS[i.planned.action].doseRules.map((x) => x.label).join(' or ')}${dose.rule?.note ? ` — ${dose.rule.note.replace(/\.$/, '')}` : ''}.`,
          expertAction: `Prescribe ${dose.rule?.label ?? 'the published dose'}.`,
        }),
      );
    }
    if (o.doseOk !== false && i.dose.minor.length > 0 && !claims.has(`dose:${i.index}`)) {
      // Shown, not scored: the dose passes, but the plan leaves out part of the course (e.g. a pulse without its 3–5 days).
      flagged = true;
      const rule = i.dose.rule;
      items.push(
        feedback({
          ...base,
          basis: rule?.basisOf ?? r.basisOf,
          severity: 'suboptimal',
          component: 'dosing',
          actionIds: [i.planned.action],
          title: `${i.def.name}${i.dose.computed ? ` ${i.dose.computed}` : ''}: ${i.dose.minor.map((p) => p.message).join('; ')}.`,
          teachingPoint: `The published course is ${rule?.label ?? 'in the dose rule'}: a prescription states how many days it runs.`,
          expertAction: `Prescribe ${rule?.label ?? 'the published course'}.`,
        }),
      );
    }
    if (o.onTime === false && !claims.has(`late:${r.id}`)) {
      flagged = true;
      const when =
        r.byHour !== undefined
          ? `by hour ${decisionHour + r.byHour}`
          : r.maxEveryHours !== undefined
            ? `at least every ${r.maxEveryHours} h`
            : 'with a stated interval';
      items.push(
        feedback({
          ...base,
          severity: 'late',
          component: 'timing',
          actionIds: [i.planned.action],
          title: `${r.label}: planned ${r.byHour !== undefined ? `at hour ${i.planned.atHour}` : i.planned.everyHours !== undefined ? `every ${i.planned.everyHours} h` : 'once'}, expected ${when}.`,
          teachingPoint: teaching,
        }),
      );
    }
    for (const comp of o.missingCompanions) {
      flagged = true;
      if (claims.has(`companion:${i.index}:${comp.id}`)) continue;
      items.push(
        feedback({
          severity: 'suboptimal',
          requirementId: r.id,
          component: 'safety',
          actionIds: [i.planned.action],
          basis: comp.basisOf,
          title: `${i.def.name} without ${comp.label}.`,
          teachingPoint: comp.teachingPoint,
          expertAction: comp.expertAction,
        }),
      );
    }
    if (!flagged) {
      items.push(
        feedback({
          ...base,
          severity: 'good',
          component: 'keyActions',
          actionIds: [i.planned.action],
          title: `${r.label}: ${i.def.name}${i.dose.computed ? `, ${i.dose.computed}` : ''}${r.byHour !== undefined ? `, at hour ${i.planned.atHour}` : ''}.`,
          teachingPoint: teaching,
        }),
      );
    }
    for (const note of i.dose.notes) {
      items.push(
        feedback({
          severity: 'suboptimal',
          requirementId: r.id,
          component: 'dosing',
          actionIds: [i.planned.action],
          basis: i.def.basisOf,
          title: `${i.def.name}: dose not checked — ${note}.`,
          teachingPoint:
            'A dose can only be checked against a weight- or BSA-based rule when the weight (and height) are recorded.',
          expertAction: 'Record weight and height, then dose by them.',
        }),
      );
    }
  }
  return items;
}
