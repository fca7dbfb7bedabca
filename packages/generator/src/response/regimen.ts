import {
  ACTIONS,
  caseFeatures,
  checkDose,
  dosePerKgPerDay,
  type ActionId,
  type Case,
  type Plan,
} from '@masdrill/rules';

/** One planned action in force over [from, to) hours, as the plans so far give it. */
export interface ActiveAction {
  readonly action: ActionId;
  readonly from: number;
  readonly to: number;
  /** Below the sourced range (or a g-for-mg slip downwards): counted as not given. */
  readonly underdosed: boolean;
  /** mg/kg/day when the dose says so (anakinra's high-dose escalation reads it). */
  readonly mgPerKgDay?: number;
}

const UNDER: readonly string[] = ['below-range', 'unit-slip-under'];
/** Courses whose effect outlasts their administration over the hours of a drill (IVIG is one course of one or two days). */
const PERSISTS: ReadonlySet<ActionId> = new Set(['ivig']);

/**
 * What the patient actually receives: each plan is in force from its decision hour until the next
 * plan's (a plan lists every action still in force), each action from its own start hour; what is
 * given once (and IVIG) keeps working after it. Course lengths (durationDays) are not modelled: a
 * glucocorticoid pulse gives way to maintenance, not to nothing.
 */
export function activeActions(base: Case, plans: readonly Plan[]): ActiveAction[] {
  const sorted = [...plans].sort((a, b) => (a.decisionHour ?? 0) - (b.decisionHour ?? 0));
  const out: ActiveAction[] = [];
  sorted.forEach((plan, k) => {
    const start = plan.decisionHour ?? 0;
    const end = sorted[k + 1]?.decisionHour ?? Infinity;
    const f = caseFeatures(base, plan.stage, start);
    for (const a of plan.actions) {
      const from = Math.max(a.atHour, start);
      if (from >= end) continue;
      // What is given once (IVIG, a loading dose) keeps working after later plans stop listing it.
      const to = a.dose?.frequency === 'once' || PERSISTS.has(a.action) ? Infinity : end;
      const check = checkDose(a.action, a.dose, f);
      const perKg = dosePerKgPerDay(a.dose, f);
      out.push({
        action: a.action,
        from,
        to,
        underdosed: check.problems.some((p) => UNDER.includes(p.kind)),
        ...(perKg !== undefined ? { mgPerKgDay: perKg } : {}),
      });
    }
  });
  return out;
}

/** The actions in force at an hour, with an effective dose. */
export function inForceAt(actions: readonly ActiveAction[], hour: number): ActiveAction[] {
  return actions.filter((a) => a.from <= hour && hour < a.to && !a.underdosed);
}

/** Whether any immunosuppressive action is in force (INF-1 reads it). */
export function immunosuppressed(inForce: readonly ActiveAction[]): boolean {
  return inForce.some((a) => ACTIONS[a.action].immunosuppressive === true);
}
