import { describe, expect, it } from 'vitest';
import {
  createSession,
  drillScenario,
  generatedCaseOf,
  orderKindRule,
  orderLines,
  orderRows,
  orderStatus,
  priorOrdersAt,
  sessionReducer,
  type OrderInput,
  type SessionState,
} from '../src/index.js';

const misc = drillScenario('misc', 13);

/** A drill with one order written at presentation, moved on to the 12-hour reassessment. */
function at12With(order: OrderInput): SessionState {
  let s = sessionReducer(createSession(misc, generatedCaseOf(misc)!), { type: 'start' });
  s = sessionReducer(s, { type: 'addOrder', order });
  expect(s.error).toBeUndefined();
  s = sessionReducer(s, { type: 'submitPlan' });
  s = sessionReducer(s, { type: 'advance' });
  expect(s.current!.hour).toBe(12);
  return s;
}

const rowOf = (s: SessionState, action: string) => orderRows(s).find((r) => r.order.action === action)!;

describe('infliximab is given once (clinical-reference §3.1: 5–10 mg/kg IV × 1)', () => {
  const s = at12With({ action: 'infliximab', dose: { amount: 10, unit: 'mg/kg', frequency: 'once', route: 'iv' } });
  const order = s.orders.find((o) => o.planned.action === 'infliximab')!;

  it('is a one-off with its source', () => {
    expect(orderKindRule('infliximab')).toMatchObject({ kind: 'one-off', source: expect.stringMatching(/§3\.1/) });
    expect(order.kind).toBe('one-off');
  });

  it('the order sheet shows it given, not in force, and it cannot be stopped', () => {
    expect(orderStatus(order, 12)).toEqual({ state: 'given' });
    expect(rowOf(s, 'infliximab')).toMatchObject({ status: 'given', changeable: false });
    expect(orderLines(s.orders, 12)[0]).toMatch(/Infliximab.* — given$/);
  });

  it('the session records it as done at the next stage, and the plan there does not carry it on', () => {
    expect(priorOrdersAt(s.orders, 1, 12)).toEqual([expect.objectContaining({ action: 'infliximab', status: 'done' })]);
    const submitted = sessionReducer(s, { type: 'submitPlan' });
    expect(submitted.answers[1]!.plan!.actions.map((a) => a.action)).not.toContain('infliximab');
  });
});

describe('ICU admission stays in force until stopped, like a place of care (CC-2, CC-1)', () => {
  const s = at12With({ action: 'icu-admission' });
  const order = s.orders.find((o) => o.planned.action === 'icu-admission')!;

  it('is continuing, with its source', () => {
    expect(orderKindRule('icu-admission')).toMatchObject({
      kind: 'continuing',
      source: expect.stringMatching(/CC-2/),
    });
    expect(order.kind).toBe('continuing');
  });

  it('the order sheet says it is in force until the child is stepped down, and it can be stopped', () => {
    expect(orderStatus(order, 12)).toMatchObject({ state: 'active' });
    expect(rowOf(s, 'icu-admission')).toMatchObject({
      status: 'in force until stepped down (stop the order)',
      changeable: true,
    });
    expect(orderLines(s.orders, 12)[0]).toMatch(/ICU admission — in force until stepped down/);
  });

  it('the session carries it on as running, and stopping it steps the child down', () => {
    expect(priorOrdersAt(s.orders, 1, 12)).toEqual([
      expect.objectContaining({ action: 'icu-admission', status: 'running' }),
    ]);
    expect(sessionReducer(s, { type: 'submitPlan' }).answers[1]!.plan!.actions.map((a) => a.action)).toContain(
      'icu-admission',
    );
    const stopped = sessionReducer(s, { type: 'stopOrder', orderId: order.id });
    expect(stopped.error).toBeUndefined();
    expect(orderStatus(stopped.orders.find((o) => o.id === order.id)!, 12)).toEqual({ state: 'stopped', atHour: 12 });
    expect(sessionReducer(stopped, { type: 'submitPlan' }).answers[1]!.plan!.actions).toEqual([]);
  });
});
