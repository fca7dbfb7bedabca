import type { ActionId, Dose } from '../generated/plan.js';

/**
 * An order given before this decision point (the session's orders in force and history). Optional
 * input to expectedPlan and scorePlan, so that what was done is not "missing" and the expert does
 * not repeat a one-off without a cited reason.
 *
 * - `done`: a one-off performed (cultures, viral PCR, echo, marrow, sCD25, NK activity, lumbar
 *   puncture, MRI, a consult, an IVIG course given in full, infliximab given once).
 * - `finished`: a course completed (a methylprednisolone pulse after its 3–5 days, GC-1).
 * - `running`: in force at the decision hour (continuing until stopped, such as an ICU admission
 *   until step-down, or a course under way).
 * - `stopped`: stopped before it finished; it neither satisfies nor blocks anything.
 *
 * The plan scored at this decision lists the orders in force from now on (continued and new);
 * a running order the plan leaves out is taken as stopped by the trainee.
 */
export interface PriorOrder {
  readonly action: ActionId;
  /** Hour the order started, hours from presentation. */
  readonly startedAtHour: number;
  readonly status: 'done' | 'finished' | 'running' | 'stopped';
  readonly dose?: Dose;
  /** Hour it finished or was stopped (done/finished/stopped). */
  readonly endedAtHour?: number;
}

/** What the rules read from the prior orders: which actions were completed, which run. */
export interface OrderHistory {
  /** One-offs done and courses finished: what is "already done" at this decision. */
  readonly completed: ReadonlySet<ActionId>;
  /** In force at the decision hour. */
  readonly running: ReadonlySet<ActionId>;
  /** Ever given (done, finished, running), for "not again" rules such as a second IVIG in MIS-C. */
  readonly given: ReadonlySet<ActionId>;
}

export const NO_HISTORY: OrderHistory = { completed: new Set(), running: new Set(), given: new Set() };

export function orderHistory(prior: readonly PriorOrder[] | undefined): OrderHistory {
  if (!prior || prior.length === 0) return NO_HISTORY;
  const completed = new Set<ActionId>();
  const running = new Set<ActionId>();
  const given = new Set<ActionId>();
  for (const o of prior) {
    if (o.status === 'stopped') continue;
    given.add(o.action);
    if (o.status === 'running') running.add(o.action);
    else completed.add(o.action);
  }
  return { completed, running, given };
}
