import { orderKindOf, type OrderKind, type PlannedAction, type PriorOrder } from '@masdrill/rules';
import { orderKindRule } from './order-kinds.js';

/**
 * One order the trainee wrote. Orders persist: a continuing order is in force until stopped, a
 * course runs its days (then its follow-on carries on until stopped), a one-off is given once.
 */
export interface Order {
  /** Stable within a session: "o1", "o2", … in the order written. */
  readonly id: string;
  /** What was ordered; `atHour` is when it starts. */
  readonly planned: PlannedAction;
  readonly kind: OrderKind;
  /** A course's length in days (the dose's durationDays, else the usual length of ORDER_KINDS). */
  readonly courseDays?: number;
  /** The stage at which it was written. */
  readonly writtenAtStage: number;
  /** Stopped (or replaced) at this hour; absent while in force. */
  readonly stoppedAtHour?: number;
  /** The stage at which it was stopped. */
  readonly stoppedAtStage?: number;
  /** The order this one modifies (it was stopped when this one started). */
  readonly replaces?: string;
}

/** Where an order stands at an hour, as an order sheet shows it. */
export type OrderStatus =
  | { readonly state: 'pending' } // starts later
  | { readonly state: 'active'; readonly until?: string } // continuing, in force (until: a place of care's end)
  | { readonly state: 'course'; readonly day: number; readonly of: number } // day n of the course
  | { readonly state: 'course-done'; readonly of: number; readonly followOn?: string } // the course ran its days
  | { readonly state: 'given' } // a one-off, done
  | { readonly state: 'stopped'; readonly atHour: number };

/** An order with its status at the stage's hour: what a front end lists under "orders in force". */
export interface OrderLine {
  readonly order: Order;
  readonly status: OrderStatus;
}

function courseDaysOf(planned: PlannedAction): number | undefined {
  const rule = orderKindRule(planned.action);
  if (rule.kind !== 'course') return undefined;
  return planned.dose?.durationDays ?? rule.courseDays?.usual ?? 1;
}

/** A new order. */
export function makeOrder(id: string, planned: PlannedAction, stage: number, replaces?: string): Order {
  const days = courseDaysOf(planned);
  return {
    id,
    planned: { ...planned },
    kind: orderKindOf(planned.action),
    writtenAtStage: stage,
    ...(days !== undefined ? { courseDays: days } : {}),
    ...(replaces ? { replaces } : {}),
  };
}

export function orderStatus(o: Order, hour: number): OrderStatus {
  if (o.stoppedAtHour !== undefined && o.stoppedAtHour <= hour) return { state: 'stopped', atHour: o.stoppedAtHour };
  const start = o.planned.atHour;
  if (start > hour) return { state: 'pending' };
  if (o.kind === 'one-off') return start < hour ? { state: 'given' } : { state: 'pending' };
  if (o.kind === 'course') {
    const of = o.courseDays!;
    const day = Math.floor((hour - start) / 24) + 1;
    const followOn = orderKindRule(o.planned.action).followOn;
    return day > of ? { state: 'course-done', of, ...(followOn ? { followOn } : {}) } : { state: 'course', day, of };
  }
  const until = orderKindRule(o.planned.action).inForceUntil;
  return until ? { state: 'active', until } : { state: 'active' };
}

/** Not stopped: in force, pending, or done (a given one-off, a finished course) — the plan's record at this hour. */
export function notStopped(orders: readonly Order[], hour: number): Order[] {
  return orders.filter((o) => o.stoppedAtHour === undefined || o.stoppedAtHour > hour);
}

/** Done and not to be repeated: one-offs already given and courses that ran their days. */
export function isDone(o: Order, hour: number): boolean {
  const s = orderStatus(o, hour).state;
  return s === 'given' || s === 'course-done';
}

/** Orders that can be stopped or modified now (continuing, a course running, or pending). */
export function isChangeable(o: Order, hour: number): boolean {
  const s = orderStatus(o, hour).state;
  return (
    s === 'active' ||
    s === 'course' ||
    s === 'pending' ||
    (s === 'course-done' && orderKindRule(o.planned.action).followOn !== undefined)
  );
}

const sameOrder = (a: PlannedAction, b: PlannedAction) =>
  JSON.stringify(a.dose ?? null) === JSON.stringify(b.dose ?? null) &&
  (a.everyHours ?? null) === (b.everyHours ?? null);

/** The changes that turn the orders in force into a whole plan's action list. */
export interface Reconciled {
  /** Orders the plan lists unchanged (or done ones it leaves out): they continue. */
  readonly keep: readonly string[];
  readonly stop: readonly string[];
  /** Orders the plan lists with a different dose or interval: replaced by the new version. */
  readonly modify: readonly { readonly id: string; readonly planned: PlannedAction }[];
  readonly add: readonly PlannedAction[];
}

/**
 * Reads a whole plan (every action in force now) as changes to the orders: a listed action already
 * ordered with the same dose continues (from its own start); with another dose, it is modified; a
 * changeable order the plan leaves out is stopped; done one-offs and finished courses stay done
 * whether listed or not (a listed repeat of a one-off already given is a new order only when the plan
 * starts it now, after it was given); everything else is added. Pure.
 */
export function reconcile(orders: readonly Order[], actions: readonly PlannedAction[], hour: number): Reconciled {
  const open = notStopped(orders, hour);
  const keep: string[] = [];
  const stop: string[] = [];
  const modify: { id: string; planned: PlannedAction }[] = [];
  const add: PlannedAction[] = [];
  const used = new Set<string>();
  for (const a of actions) {
    const same = open.filter((o) => o.planned.action === a.action && !used.has(o.id));
    const match = same.find((o) => sameOrder(o.planned, a)) ?? same[0];
    if (!match) {
      add.push(a);
      continue;
    }
    used.add(match.id);
    if (isDone(match, hour)) {
      // A one-off written again to start now is a repeat; listed from its own hour, it is the record of what was given.
      if (match.kind === 'one-off' && a.atHour >= hour && a.atHour > match.planned.atHour) add.push(a);
      else keep.push(match.id);
      continue;
    }
    if (sameOrder(match.planned, a)) keep.push(match.id);
    else modify.push({ id: match.id, planned: a });
  }
  for (const o of open) {
    if (used.has(o.id)) continue;
    if (isChangeable(o, hour) && !(o.kind === 'course' && isDone(o, hour))) stop.push(o.id);
    else keep.push(o.id);
  }
  return { keep, stop, modify, add };
}

/**
 * The orders written before a stage, as the rules read them (expectedPlan and scorePlan's
 * priorOrders): one-offs given are done, courses run are finished, orders stopped at an earlier
 * stage are stopped, the rest were running at the decision (a plan that leaves one out stops it).
 */
export function priorOrdersAt(orders: readonly Order[], stageIndex: number, hour: number): PriorOrder[] {
  return orders
    .filter((o) => o.writtenAtStage < stageIndex)
    .map((o): PriorOrder => {
      const base = {
        action: o.planned.action,
        startedAtHour: o.planned.atHour,
        ...(o.planned.dose ? { dose: o.planned.dose } : {}),
      };
      if (o.stoppedAtStage !== undefined && o.stoppedAtStage < stageIndex)
        return { ...base, status: 'stopped', endedAtHour: o.stoppedAtHour! };
      const s = orderStatus(o, hour);
      if (s.state === 'given') return { ...base, status: 'done', endedAtHour: o.planned.atHour };
      if (s.state === 'course-done') return { ...base, status: 'finished', endedAtHour: o.planned.atHour + s.of * 24 };
      return { ...base, status: 'running' };
    });
}
