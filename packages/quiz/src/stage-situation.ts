import {
  ACTIONS,
  ANALYTES,
  type Case,
  type NumericAnalyte,
  type Observation,
  type PlannedAction,
} from '@masdrill/rules';
import { notStopped, orderStatus, type Order, type OrderStatus } from './orders.js';

/** The analytes a situation line reports, in this order, when the chart has them. */
const KEY_LABS: readonly NumericAnalyte[] = ['ferritin', 'platelets', 'fibrinogen', 'ast', 'crp', 'lactate'];

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10).toLocaleString('en-US');

function doseText(p: PlannedAction): string {
  const d = p.dose;
  if (d)
    return ` ${d.amount} ${d.unit} ${d.frequency}${d.route ? ` ${d.route}` : ''}${d.durationDays ? ` × ${d.durationDays} d` : ''}`;
  return p.everyHours ? ` every ${p.everyHours} h` : '';
}

export function statusText(s: OrderStatus): string {
  switch (s.state) {
    case 'pending':
      return 'ordered';
    case 'active':
      return s.until ? `in force until ${s.until}` : 'in force';
    case 'course':
      return `day ${s.day} of ${s.of}`;
    case 'course-done':
      return `course of ${s.of} days done${s.followOn ? `; ${s.followOn} carries on` : ''}`;
    case 'given':
      return 'given';
    case 'stopped':
      return `stopped at hour ${s.atHour}`;
  }
}

/** One line per order not stopped, as an order sheet shows it: name, dose, status. */
export function orderLines(orders: readonly Order[], hour: number): string[] {
  return notStopped(orders, hour).map(
    (o) => `${o.id} ${ACTIONS[o.planned.action].name}${doseText(o.planned)} — ${statusText(orderStatus(o, hour))}`,
  );
}

/** The order sheet at the end of a stage: the orders not stopped, and those stopped at this stage. */
export function stageOrderLines(orders: readonly Order[], stageIndex: number, hour: number): string[] {
  const stopped = orders
    .filter((o) => o.stoppedAtStage === stageIndex)
    .map((o) => `${o.id} ${ACTIONS[o.planned.action].name}${doseText(o.planned)} — stopped at hour ${o.stoppedAtHour}`);
  return [...orderLines(orders, hour), ...stopped];
}

/** A plan's actions as order lines (the expert's plan). */
export function planLines(actions: readonly PlannedAction[]): string[] {
  return actions.map((a) => `${ACTIONS[a.action].name}${doseText(a)}${a.atHour ? ` from hour ${a.atHour}` : ''}`);
}

function lastWith<T extends { hour: number }>(rows: readonly T[], hour: number, has: (r: T) => boolean): T | undefined {
  return rows.filter((r) => r.hour <= hour && has(r)).pop();
}

/** The key labs now against the stage before ("ferritin 12,000 → 8,000 ng/mL"), only what the chart shows. */
function labChanges(visible: Case, sinceHour: number, hour: number): string[] {
  const out: string[] = [];
  for (const a of KEY_LABS) {
    const now = lastWith(visible.labs, hour, (l) => l[a] !== undefined);
    if (!now || now.hour <= sinceHour) continue;
    const before = lastWith(visible.labs, sinceHour, (l) => l[a] !== undefined);
    const unit = ANALYTES[a].canonicalUnit;
    const v = now[a] as number;
    out.push(
      `${ANALYTES[a].label.toLowerCase()} ${before ? `${round(before[a] as number)} → ` : ''}${round(v)} ${unit}`,
    );
  }
  return out;
}

function vitalsText(o: Observation | undefined): string | undefined {
  if (!o) return undefined;
  const parts: string[] = [];
  if (o.temperatureC !== undefined) parts.push(`T ${o.temperatureC} °C`);
  if (o.heartRate !== undefined) parts.push(`HR ${o.heartRate}`);
  if (o.sbp !== undefined && o.dbp !== undefined) parts.push(`BP ${o.sbp}/${o.dbp}`);
  if (o.gcs !== undefined) parts.push(`GCS ${o.gcs}`);
  if ((o.vasoactiveCount ?? 0) > 0) parts.push(`${o.vasoactiveCount} vasoactive${o.vasoactiveCount === 1 ? '' : 's'}`);
  if (o.respiratorySupport && o.respiratorySupport !== 'none')
    parts.push(
      o.respiratorySupport === 'invasive'
        ? 'ventilated'
        : o.respiratorySupport === 'oxygen'
          ? 'on oxygen'
          : 'on non-invasive support',
    );
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * What the trainee is told at a reassessment, written from what happened: the orders in force with
 * their status, the course since the last stage, the key labs then and now and the latest vital
 * signs — only what the chart shows, so it cannot contradict it. Empty at presentation.
 */
export function stageSituation(
  visible: Case,
  orders: readonly Order[],
  sinceHour: number,
  hour: number,
  course: string | undefined,
): string {
  if (hour <= 0 && orders.length === 0) return '';
  const lines: string[] = [];
  const sheet = orderLines(orders, hour);
  lines.push(`Hour ${hour}. ${sheet.length ? 'Orders:' : 'No orders in force.'}`);
  for (const l of sheet) lines.push(`  ${l}`);
  const labs = labChanges(visible, sinceHour, hour);
  const vitals = vitalsText(lastWith(visible.observations, hour, () => true));
  if (course) lines.push(`Since hour ${sinceHour} the patient is ${course}.`);
  if (labs.length) lines.push(`Labs since hour ${sinceHour}: ${labs.join('; ')}.`);
  if (vitals) lines.push(`Now: ${vitals}.`);
  return lines.join('\n');
}
