import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, evaluate, expectedPlan, type Case, type Observation, type Plan } from '@masdrill/rules';
import { generateCase, KINDS, respondToPlans } from '../src/index.js';
import { cyclosporineMaximumMgPerKgDay } from '../src/response/drug-toxicity.js';

/** The published maximum, read from the rules (PO 3–7, IV 3–5 mg/kg/day: the most generous, 7). */
const MAX = cyclosporineMaximumMgPerKgDay();

/** The expert plan at presentation with cyclosporine at `mgPerKgDay` by mouth in place of the expert's. */
function withCyclosporine(c: Case, mgPerKgDay: number): Plan {
  const plan = expectedPlan(c, 'presentation', 0).plan;
  return {
    ...plan,
    actions: [
      ...plan.actions.filter((a) => a.action !== 'cyclosporine'),
      {
        action: 'cyclosporine',
        atHour: 0,
        dose: { amount: mgPerKgDay, unit: 'mg/kg/day', frequency: 'q12h', route: 'po' },
      },
    ],
  };
}

const rows = (c: Case) => c.observations.filter((o) => o.hour > 0);
const at = (c: Case, hour: number): Observation => c.observations.find((o) => o.hour === hour)!;

describe('cyclosporine above its maximum raises the blood pressure (clinical-reference §3.1, pitfall 9)', () => {
  it('reads the maximum from the rules’ dose rules', () => {
    expect(MAX).toBe(Math.max(...ACTIONS.cyclosporine.doseRules.map((r) => r.max)));
  });

  it('a MAS case at twice the maximum: SBP and DBP above the maximum-dose course later on, with the same MAS control', () => {
    const c = generateCase({ kind: 'mas', seed: 1, index: 0 });
    const atMax = respondToPlans(c, [withCyclosporine(c, MAX)], 96);
    const twice = respondToPlans(c, [withCyclosporine(c, 2 * MAX)], 96);
    // The same MAS control and course: the dose above the maximum adds no benefit.
    expect(twice.masTreatment).toBe(atMax.masTreatment);
    expect(twice.processes).toEqual(atMax.processes);
    expect(twice.case.labs).toEqual(atMax.case.labs);
    // Nothing in the first day; later, both pressures higher (outside shock).
    const later = rows(twice.case).filter((o) => o.hour >= 48 && !o.shock && !(o.vasoactiveCount ?? 0));
    expect(later.length).toBeGreaterThan(0);
    for (const o of later) {
      expect(o.sbp!).toBeGreaterThan(at(atMax.case, o.hour).sbp!);
      expect(o.dbp!).toBeGreaterThan(at(atMax.case, o.hour).dbp!);
    }
    for (const o of rows(twice.case).filter((o) => o.hour <= 24)) expect(o).toEqual(at(atMax.case, o.hour));
    // The course says why, with its source.
    expect(twice.reasons.flatMap((r) => r.citations)).toContain('cyclosporine-toxicity');
    expect(atMax.reasons.flatMap((r) => r.citations)).not.toContain('cyclosporine-toxicity');
  });

  it('at or below the maximum the response does not depend on the dose (byte-identical)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 3, max: MAX, noNaN: true }),
        fc.constantFrom(48, 96),
        (kind, seed, dose, hour) => {
          const c = generateCase({ kind, seed, index: 0 });
          const usual = JSON.stringify(respondToPlans(c, [withCyclosporine(c, 5)], hour));
          expect(JSON.stringify(respondToPlans(c, [withCyclosporine(c, dose)], hour))).toBe(usual);
          expect(JSON.stringify(respondToPlans(c, [withCyclosporine(c, MAX)], hour))).toBe(usual);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('an overdose never adds shock, vasoactives or Phoenix MAP points, and controls no process better', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: MAX * 1.01, max: 20 * MAX, noNaN: true }),
        (kind, seed, dose) => {
          const c = generateCase({ kind, seed, index: 0 });
          const atMax = respondToPlans(c, [withCyclosporine(c, MAX)], 96);
          const over = respondToPlans(c, [withCyclosporine(c, dose)], 96);
          expect(over.processes).toEqual(atMax.processes);
          for (const o of over.case.observations) {
            const m = at(atMax.case, o.hour);
            expect(o.shock).toBe(m.shock);
            expect(o.vasoactiveCount).toBe(m.vasoactiveCount);
            expect(o.sbp ?? 0).toBeGreaterThanOrEqual(m.sbp ?? 0);
            if (o.sbp !== undefined && o.dbp !== undefined) expect(o.dbp).toBeLessThan(o.sbp);
          }
          // Phoenix scores a low MAP only: a higher pressure adds no point, nor septic shock.
          const phoenix = (x: Case) =>
            evaluate(x, { only: ['phoenix'], window: { fromHour: 0, toHour: 96 } }).results[0]!;
          const [p, q] = [phoenix(over.case), phoenix(atMax.case)];
          expect(p.score?.value ?? 0).toBeLessThanOrEqual(q.score?.value ?? 0);
          expect(p.classifications?.['septic-shock']).toBe(q.classifications?.['septic-shock']);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
