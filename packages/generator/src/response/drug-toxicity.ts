import { ACTIONS, type Observation } from '@masdrill/rules';
import { DRUG_TOXICITY_TABLE } from '../tables/drug-toxicity-table.js';
import type { CourseReason } from './course.js';
import type { ActiveAction } from './regimen.js';

const T = DRUG_TOXICITY_TABLE.cyclosporineHypertension;

/**
 * Cyclosporine's published maximum in mg/kg/day, read from the rules' dose rules (never copied):
 * the most generous of its per-kg daily rules, as the scorer's overMaximum reads it (PO 7, IV 5 → 7).
 */
export function cyclosporineMaximumMgPerKgDay(): number {
  const rules = ACTIONS.cyclosporine.doseRules.filter(
    (r) => r.basis === 'per-kg' && r.scope === 'per-day' && r.measure === 'mass',
  );
  return Math.max(...rules.map((r) => r.max));
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The fractional rise of systolic and diastolic pressure at each hour from cyclosporine given above
 * its published maximum (0: none). Consecutive overdosed orders (a plan continuing the dose) count as
 * one run: the rise starts DRUG_TOXICITY_TABLE.fromHours after the run starts, reaches its size
 * (by how far above the maximum) over rampHours, and settles over rampHours once the run stops.
 * A dose at or below the maximum changes nothing. Pure.
 */
export function cyclosporineHypertension(actions: readonly ActiveAction[]): (hour: number) => number {
  const maximum = cyclosporineMaximumMgPerKgDay();
  const over = actions
    .filter((a) => a.action === 'cyclosporine' && !a.underdosed && (a.mgPerKgDay ?? 0) > maximum)
    .sort((x, y) => x.from - y.from);
  if (over.length === 0) return () => 0;
  const runs: { from: number; to: number; rise: number }[] = [];
  for (const a of over) {
    const rise = Math.min(T.maxRise, T.risePerMultipleOverMaximum * (a.mgPerKgDay! / maximum - 1));
    const last = runs[runs.length - 1];
    if (last && a.from <= last.to) {
      last.to = Math.max(last.to, a.to);
      last.rise = Math.max(last.rise, rise);
    } else runs.push({ from: a.from, to: a.to, rise });
  }
  return (hour) =>
    Math.max(
      0,
      ...runs.map((r) => {
        const up = clamp01((Math.min(hour, r.to) - r.from - T.fromHours) / T.rampHours);
        const down = hour > r.to ? clamp01(1 - (hour - r.to) / T.rampHours) : 1;
        return r.rise * up * down;
      }),
    );
}

/**
 * The observation row with the pressure raised by `rise`. A row in shock or on vasoactives keeps its
 * pressure: the toxicity must not mask shock (nor, raising it, change a Phoenix MAP point the course
 * gives); a higher pressure cannot add Phoenix points, which score a low MAP only.
 */
export function withDrugHypertension(o: Observation, rise: number): Observation {
  if (rise <= 0 || o.shock === true || (o.vasoactiveCount ?? 0) > 0) return o;
  return {
    ...o,
    ...(o.sbp !== undefined ? { sbp: Math.round(o.sbp * (1 + rise)) } : {}),
    ...(o.dbp !== undefined ? { dbp: Math.round(o.dbp * (1 + rise)) } : {}),
  };
}

/** The course's reason when the pressure is rising on an overdose of cyclosporine since the last plan. */
export function drugHypertensionReason(
  rise: (hour: number) => number,
  sinceHour: number,
  hour: number,
): CourseReason[] {
  return rise(hour) > rise(sinceHour)
    ? [
        {
          text: 'The blood pressure is rising on cyclosporine above its published maximum: cyclosporine causes hypertension and nephrotoxicity; monitor its levels, the blood pressure and kidney function.',
          statementIds: [],
          citations: ['cyclosporine-toxicity'],
        },
      ]
    : [];
}
