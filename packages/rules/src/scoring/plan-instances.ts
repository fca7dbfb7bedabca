import type { Plan, PlannedAction } from '../generated/plan.js';
import { ACTIONS, type Companion } from '../guideline/actions.js';
import type { CaseFeatures } from '../guideline/case-features.js';
import { classifyExtra } from '../guideline/indications.js';
import type { PlanInstance } from './context.js';
import { checkDose } from './dose-check.js';

/** The plan's actions as the scorer sees them (reassessEveryHours as a reassessment), each dose checked. */
export function instancesOf(plan: Plan, f: CaseFeatures): PlanInstance[] {
  const list: { index: number; planned: PlannedAction }[] = plan.actions.map((planned, index) => ({ index, planned }));
  if (plan.reassessEveryHours !== undefined) {
    list.push({
      index: -1,
      planned: { action: 'reassessment', atHour: plan.decisionHour ?? 0, everyHours: plan.reassessEveryHours },
    });
  }
  return list.map(({ index, planned }) => {
    const def = ACTIONS[planned.action];
    const dose = checkDose(planned.action, planned.dose, f);
    const harmful = classifyExtra(planned.action, f).level === 'harmful' || dose.harmful;
    return { index, planned, def, dose, harmful };
  });
}

/** The companions (prophylaxis, surveillance) an action needs here and the plan lacks. */
export function companionsMissing(i: PlanInstance, usable: readonly PlanInstance[], f: CaseFeatures): Companion[] {
  const missing: Companion[] = [];
  for (const comp of i.def.companions ?? []) {
    if (comp.when && !comp.when.test(f)) continue;
    const allowed = comp.satisfiers.filter((a) => classifyExtra(a, f).level !== 'harmful');
    if (allowed.length === 0) continue;
    if (!usable.some((u) => allowed.includes(u.planned.action))) missing.push(comp);
  }
  return missing;
}

/** The dose passes (or there is nothing to check). */
export const okDose = (i: PlanInstance) =>
  i.dose.status === 'ok' || i.dose.status === 'not-assessable' || i.dose.status === 'no-rule';

/** The dose is above the range or the maximum (not yet harmful). */
export const overdosed = (i: PlanInstance) =>
  i.dose.problems.some((p) => p.kind === 'above-range' || p.kind === 'above-maximum');
