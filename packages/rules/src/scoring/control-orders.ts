import type { CaseFeatures } from '../guideline/case-features.js';
import type { ControlOrder, ControlPatient } from '../guideline/treatment-control.js';
import type { PlanInstance } from './context.js';
import { dosePerKgPerDay } from './dose-check.js';

/** Doses that count as not given: below the sourced range, or g written for mg downwards. */
const UNDERDOSED: readonly string[] = ['below-range', 'unit-slip-under'];

/** Whether an order's dose is below the sourced range: the patient gets no effect from it (it is left out of the control). */
export function underdosed(i: PlanInstance): boolean {
  return i.dose.problems.some((p) => UNDERDOSED.includes(p.kind));
}

/** The plan's orders as the treatment-control table reads them: adequately dosed orders, with their mg/kg/day. */
export function controlOrdersOf(instances: readonly PlanInstance[], f: CaseFeatures): ControlOrder[] {
  return instances
    .filter((i) => !underdosed(i))
    .map((i) => {
      const mg = dosePerKgPerDay(i.planned.dose, f);
      return { action: i.planned.action, ...(mg !== undefined ? { mgPerKgDay: mg } : {}) };
    });
}

/** What the table needs from the visible features. */
export function controlPatientOf(f: CaseFeatures): ControlPatient {
  return { sjia: f.sjia, infection: f.infectionTrigger };
}
