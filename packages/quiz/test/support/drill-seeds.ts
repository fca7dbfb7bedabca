import { ACTIONS } from '@masdrill/rules';
import { caseFacts, generatedCaseOf, teachableDrill } from '../../src/index.js';
import { firstSeed } from '../../../generator/test/support/find-case.js';

/** The top of GC-1's methylprednisolone pulse range, mg/kg/day. */
export const PULSE_TOP_MG_PER_KG = 30;

/** GC-1's maximum per infusion, read from the dose rule that carries it (so the number lives in one place). */
const GC1_MAX_MG = ACTIONS['methylprednisolone-pulse'].doseRules.find((r) => r.id === 'mp-pulse-mas')!.maxPerDoseMg!;

/**
 * The first mas drill seed (as `masdrill quiz --kind mas --seed N` plays it) whose patient has no
 * CNS involvement (so methylprednisolone is the glucocorticoid the guideline wants, GC-1) and
 * weighs enough that a pulse at the top of the range, 30 mg/kg/day, exceeds the 1 g maximum.
 * Searched, so a generator version that changes the random stream still gives such a patient.
 */
export function heavyMasDrillSeed(): number {
  return firstSeed(
    `a mas drill patient without CNS involvement over ${GC1_MAX_MG / PULSE_TOP_MG_PER_KG} kg`,
    (seed) => {
      const c = generatedCaseOf(teachableDrill('mas', seed))!;
      return (
        (c.patient.weightKg ?? 0) * PULSE_TOP_MG_PER_KG > GC1_MAX_MG &&
        caseFacts(c).cnsInvolvement !== true &&
        !c.observations.some((o) => o.cnsInvolvement === true)
      );
    },
  );
}
