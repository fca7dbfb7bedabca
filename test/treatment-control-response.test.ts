import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseFeatures,
  checkDose,
  dosePerKgPerDay,
  expectedPlan,
  treatmentControl,
  type Plan,
  type PlannedAction,
} from '@masdrill/rules';
import { generateCase, respondToPlans, responseProfile } from '@masdrill/generator';

/**
 * One definition of "adequate" (issue 9 item 4): what the scorer counts as MAS treatment (the rules'
 * treatment-control table over the plan's adequately dosed, non-harmful orders) is what the patient
 * responds to (the response model's MAS treatment over the first hour), over generated cases and plans.
 */
const KINDS = ['mas', 'sepsis', 'misc', 'sjia-flare'] as const;

// Orders from every stage's expected plan, at the expert dose or scaled down (below range) or up (above the maximum).
function pool(kind: (typeof KINDS)[number], seed: number) {
  const c = generateCase({ kind, seed, index: 0 });
  const actions: PlannedAction[] = [];
  for (const stage of ['presentation', 'steroid-inadequate', 'refractory'] as const) {
    for (const a of expectedPlan(c, stage, 0).plan.actions)
      if (!actions.some((x) => x.action === a.action)) actions.push(a);
  }
  actions.push({
    action: 'anakinra',
    atHour: 0,
    dose: { amount: 2, unit: 'mg/kg/day', frequency: 'q12h', route: 'sc' },
  });
  actions.push({
    action: 'anakinra',
    atHour: 0,
    dose: { amount: 10, unit: 'mg/kg/day', frequency: 'q6h', route: 'iv' },
  });
  actions.push({
    action: 'methylprednisolone-low-moderate',
    atHour: 0,
    dose: { amount: 2, unit: 'mg/kg/day', frequency: 'q12h', route: 'iv' },
  });
  actions.push({ action: 'ivig', atHour: 0, dose: { amount: 2, unit: 'g/kg', frequency: 'once', route: 'iv' } });
  return { c, actions };
}

const scaled = (a: PlannedAction, k: number): PlannedAction =>
  a.dose ? { ...a, dose: { ...a.dose, amount: Math.round(a.dose.amount * k * 1000) / 1000 } } : a;

describe('scorer and response model read one table of adequate treatment', () => {
  it("the MAS treatment the patient responds to is the one the table gives the scorer's reading of the plan", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(1, 1, 0.1, 1.5)), { maxLength: 7 }),
        (kind, seed, picks) => {
          const { c, actions } = pool(kind, seed);
          const chosen = picks.map(([i, k]) => scaled(actions[i % actions.length]!, k));
          const plan: Plan = {
            schemaVersion: 1,
            stage: 'presentation',
            decisionHour: 0,
            diagnosis: { leading: 'mas' },
            actions: chosen,
          };
          const f = caseFeatures(c, 'presentation', 0);
          // A harmful plan fails on safety in the scorer; the patient model has no counterpart to compare.
          if (chosen.some((a) => checkDose(a.action, a.dose, f).harmful)) return;
          // The scorer's reading: orders with a dose in or above the sourced range (below it counts as not given).
          const orders = chosen.filter(
            (a) =>
              !checkDose(a.action, a.dose, f).problems.some(
                (x) => x.kind === 'below-range' || x.kind === 'unit-slip-under',
              ),
          );
          const p = responseProfile(c);
          const table = treatmentControl(
            orders.map((a) => ({
              action: a.action,
              ...(dosePerKgPerDay(a.dose, f) !== undefined ? { mgPerKgDay: dosePerKgPerDay(a.dose, f)! } : {}),
            })),
            { sjia: f.sjia, infection: f.infectionTrigger },
            { ivigResponds: p.ivigResponds, etanerceptResponds: p.etanerceptResponds },
          );
          const pulse = orders.some((a) => a.action === 'methylprednisolone-pulse');
          const gc = table.mas.glucocorticoid === 1 || (table.mas.glucocorticoid === 0.5 && pulse) ? 1 : 0;
          const tier = gc + (table.mas.firstLinePartner ? 1 : 0) + (table.mas.secondLine ? 1 : 0);
          const expected =
            gc < 1 ? 'none' : tier >= 3 ? 'second-line' : tier >= 2 ? 'first-line-combination' : 'glucocorticoid-alone';
          const r = respondToPlans(c, [plan], 1);
          expect(r.masTreatment).toBe(p.processes.includes('mas') ? expected : 'none');
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);
});
