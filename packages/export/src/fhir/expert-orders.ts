import { expectedPlan, type Case, type CaseFeatures, type PlannedAction } from '@masdrill/rules';

/**
 * The expert's orders at presentation (rules expectedPlan, hour 0) with the weight and BSA their
 * doses are computed for: what `generate --format fhir --orders` writes as MedicationRequests.
 */
export function expertOrdersAtPresentation(c: Case): {
  actions: readonly PlannedAction[];
  features: Pick<CaseFeatures, 'weightKg' | 'bsaM2'>;
} {
  const expected = expectedPlan(c, 'presentation', 0);
  return { actions: expected.plan.actions, features: expected.features };
}
