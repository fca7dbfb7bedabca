import type { Case } from '../generated/case.js';
import type { ActionId, Dose, Plan, PlannedAction, Stage } from '../generated/plan.js';
import { ACTIONS, type DoseRule } from '../guideline/actions.js';
import { caseFeatures, type CaseFeatures } from '../guideline/case-features.js';
import { acceptedDiagnoses, type AcceptedDiagnoses } from '../guideline/diagnoses.js';
import { classifyExtra, requirementsFor, type Requirement } from '../guideline/indications.js';
import type { PriorOrder } from '../guideline/prior-orders.js';
import { DOSES_PER_DOSING_DAY, UNIT_INFO } from './dose-check.js';

export interface ExpectedPlan {
  readonly features: CaseFeatures;
  readonly diagnoses: AcceptedDiagnoses;
  readonly requirements: readonly Requirement[];
  /** The expert's plan: the first satisfier of every requirement, dosed for this patient, with its companions. */
  readonly plan: Plan;
  /** Per requirement, the alternatives the guideline allows besides the expert's choice. */
  readonly alternatives: readonly { readonly requirementId: string; readonly actions: readonly ActionId[] }[];
}

/** The dose rule the expert uses for this patient. */
export function expertRule(action: ActionId, f: CaseFeatures): DoseRule | undefined {
  const rules = ACTIONS[action].doseRules.filter((r) => !r.when || r.when.test(f));
  return rules.find((r) => r.preferredWhen?.test(f)) ?? rules.find((r) => !r.preferredWhen) ?? rules[0];
}

/** The rule's expert dose, rewritten in absolute units when a maximum binds for this patient. */
export function expertDose(rule: DoseRule, f: CaseFeatures): Dose {
  const d = rule.expert;
  const size = rule.basis === 'per-kg' ? f.weightKg : rule.basis === 'per-m2' ? f.bsaM2 : 1;
  if (size === undefined) return d;
  const info = UNIT_INFO[d.unit];
  const n = DOSES_PER_DOSING_DAY[d.frequency];
  const perDose = info.scope === 'per-dose' ? d.amount * info.factor : (d.amount * info.factor) / n;
  const perDay = perDose * n;
  const days = d.durationDays ?? 1;
  const course = d.frequency === 'once' ? perDose : perDay * days;
  const withAmount = (amount: number, unit: Dose['unit']): Dose => ({ ...d, amount, unit });
  if (rule.maxPerDoseMg !== undefined && perDose * size > rule.maxPerDoseMg) {
    return info.scope === 'per-dose'
      ? withAmount(rule.maxPerDoseMg, 'mg')
      : withAmount(rule.maxPerDoseMg * n, 'mg/day');
  }
  if (rule.maxPerDayMg !== undefined && perDay * size > rule.maxPerDayMg) return withAmount(rule.maxPerDayMg, 'mg/day');
  if (rule.maxPerCourseMg !== undefined && course * size > rule.maxPerCourseMg) {
    return d.frequency === 'once'
      ? withAmount(rule.maxPerCourseMg / 1000, 'g')
      : withAmount(rule.maxPerCourseMg / 1000 / days, 'g/day');
  }
  return d;
}

function plannedAction(action: ActionId, f: CaseFeatures, r?: Requirement): PlannedAction {
  const pa: PlannedAction = { action, atHour: f.decisionHour };
  const rule = expertRule(action, f);
  if (rule) pa.dose = expertDose(rule, f);
  if (ACTIONS[action].repeated && action !== 'reassessment') {
    // Serial monitoring: the guideline sets no interval except MON-3 (EKG ≤48 h); the expert plan repeats with each 12-hourly reassessment (CC-1).
    pa.everyHours = r?.maxEveryHours ?? 12;
  }
  return pa;
}

/** Optional inputs of expectedPlan and scorePlan. */
export interface PlanOptions {
  /**
   * Orders given before this decision (the session's history): one-offs done and courses finished
   * are not expected again, and the expert does not repeat them without a cited reason.
   */
  readonly priorOrders?: readonly PriorOrder[];
}

/** The guideline's plan for this patient now, with the alternatives it allows. Pure. */
export function expectedPlan(
  c: Case,
  stage: Stage = 'presentation',
  decisionHour = 0,
  options: PlanOptions = {},
): ExpectedPlan {
  const f = caseFeatures(c, stage, decisionHour, options.priorOrders, 'chart');
  return expectedPlanFor(f);
}

export function expectedPlanFor(f: CaseFeatures): ExpectedPlan {
  const requirements = requirementsFor(f);
  const diagnoses = acceptedDiagnoses(f);
  const actions: PlannedAction[] = [];
  const has = (a: ActionId) => actions.some((x) => x.action === a);
  let reassessEveryHours: number | undefined;
  for (const r of requirements) {
    const first = r.satisfiers[0]!;
    if (first === 'reassessment') {
      reassessEveryHours = r.maxEveryHours ?? 12;
      continue;
    }
    if (r.satisfiers.some(has)) continue;
    actions.push(plannedAction(first, f, r));
  }
  // Companions of the chosen actions (PJP prophylaxis, surveillance, liver tests under 3).
  for (const pa of [...actions]) {
    for (const comp of ACTIONS[pa.action].companions ?? []) {
      if (comp.when && !comp.when.test(f)) continue;
      const usable = comp.satisfiers.filter((a) => classifyExtra(a, f).level !== 'harmful');
      if (usable.length === 0 || usable.some(has)) continue;
      actions.push(plannedAction(usable[0]!, f));
    }
  }
  const plan: Plan = {
    schemaVersion: 1,
    caseId: f.caseId,
    stage: f.stage,
    decisionHour: f.decisionHour,
    diagnosis: { leading: diagnoses.full[0]!, differential: [...diagnoses.full.slice(1), ...diagnoses.partial] },
    actions,
  };
  if (reassessEveryHours !== undefined) plan.reassessEveryHours = reassessEveryHours;
  return {
    features: f,
    diagnoses,
    requirements,
    plan,
    alternatives: requirements.map((r) => ({ requirementId: r.id, actions: r.satisfiers.slice(1) })),
  };
}
