import type { Plan } from '../generated/plan.js';
import type { ComponentId, ScoreComponent } from '../generated/score-report.js';
import type { AcceptedDiagnoses } from '../guideline/diagnoses.js';
import type { PlanInstance, RequirementOutcome } from './context.js';
import { COMPONENT_LABELS, SCORING_FORMULA } from './formula.js';

const weightOf = (o: RequirementOutcome) => SCORING_FORMULA.requirementWeights[o.requirement.level];
const round1 = (x: number) => Math.round(x * 10) / 10;

/** A weighted fraction over the requirements a facet applies to (null: does not apply); 1 when none does. */
function fraction(
  outcomes: readonly RequirementOutcome[],
  pick: (o: RequirementOutcome) => boolean | null,
): { value: number; counted: number } {
  let num = 0;
  let den = 0;
  for (const o of outcomes) {
    const v = pick(o);
    if (v === null) continue;
    den += weightOf(o);
    if (v) num += weightOf(o);
  }
  return { value: den === 0 ? 1 : num / den, counted: den };
}

export interface ComponentScores {
  readonly components: ScoreComponent[];
  /** Before the harmful cap. */
  readonly raw: number;
  readonly overall: number;
  readonly harmful: boolean;
}

/** The five components and the overall score (SCORING_FORMULA). Pure. */
export function componentScores(
  plan: Plan,
  accepted: AcceptedDiagnoses,
  diagnosisCredit: number,
  outcomes: readonly RequirementOutcome[],
  harmfulInstances: readonly PlanInstance[],
  riskyInstances: readonly PlanInstance[],
): ComponentScores {
  const W = SCORING_FORMULA.componentWeights;
  const keyActions = fraction(outcomes, (o) => o.present);
  const dosing = fraction(outcomes, (o) => o.doseOk);
  const timing = fraction(outcomes, (o) => o.onTime);
  const safeguarded = fraction(outcomes, (o) => o.safeguarded);
  const harmful = harmfulInstances.length > 0;
  const riskFactor = Math.max(0, 1 - SCORING_FORMULA.riskyExtraPenalty * riskyInstances.length);
  const safety = harmful ? 0 : safeguarded.value * riskFactor;
  const fractions: { readonly [K in ComponentId]: number } = {
    diagnosis: diagnosisCredit,
    keyActions: keyActions.value,
    dosing: dosing.value,
    timing: timing.value,
    safety,
  };
  const count = (pick: (o: RequirementOutcome) => boolean) => outcomes.filter(pick).length;
  const explanations: { readonly [K in ComponentId]: string } = {
    diagnosis: `leading diagnosis "${plan.diagnosis.leading}"; accepted: ${accepted.full.join(', ')}${accepted.partial.length ? `; partly right: ${accepted.partial.join(', ')}` : ''}`,
    keyActions: `${count((o) => o.present)} of ${outcomes.length} expected requirements present (weighted)`,
    dosing:
      dosing.counted === 0
        ? 'no dosed requirement'
        : `${count((o) => o.doseOk === true)} of ${count((o) => o.doseOk !== null)} dosed requirements within the sourced dose`,
    timing:
      timing.counted === 0
        ? 'no timed requirement'
        : `${count((o) => o.onTime === true)} of ${count((o) => o.onTime !== null)} timed requirements on time`,
    safety: harmful
      ? `harmful action present: ${harmfulInstances.map((i) => i.planned.action).join(', ')}`
      : `${count((o) => o.safeguarded)} of ${outcomes.length} requirements safeguarded; ${riskyInstances.length} risky extra(s)`,
  };
  const ids = Object.keys(W) as ComponentId[];
  const components: ScoreComponent[] = ids.map((id) => ({
    id,
    label: COMPONENT_LABELS[id],
    weight: W[id],
    fraction: round1(fractions[id] * 1000) / 1000,
    points: round1(W[id] * fractions[id]),
    explanation: explanations[id],
  }));
  const raw = ids.reduce((sum, id) => sum + W[id] * fractions[id], 0);
  return { components, raw, overall: harmful ? (raw * SCORING_FORMULA.harmfulCap) / 100 : raw, harmful };
}
