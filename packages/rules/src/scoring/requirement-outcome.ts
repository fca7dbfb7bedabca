import type { CaseFeatures } from '../guideline/case-features.js';
import { ACTIONS } from '../guideline/actions.js';
import type { Requirement } from '../guideline/indications.js';
import { treatmentControl } from '../guideline/treatment-control.js';
import type { PlanInstance, RequirementOutcome } from './context.js';
import { controlOrdersOf, controlPatientOf, underdosed } from './control-orders.js';
import { SCORING_FORMULA } from './formula.js';
import { companionsMissing, okDose } from './plan-instances.js';

/** How the plan meets one requirement: the best of the actions that satisfy it (present, dose, timing, companions). */
export function outcomeFor(
  r: Requirement,
  usable: readonly PlanInstance[],
  decisionHour: number,
  f: CaseFeatures,
): RequirementOutcome {
  const dosed = r.satisfiers.some((a) => ACTIONS[a].doseRules.length > 0);
  const timed = r.byHour !== undefined || r.maxEveryHours !== undefined || r.repeat === true;
  const named = usable.filter((i) => r.satisfiers.includes(i.planned.action));
  // The treatment-control table decides what is adequate (e.g. anakinra as second line only at high dose, ANK-2).
  const role = r.controlRole;
  const control = role ? treatmentControl(controlOrdersOf(usable, f), controlPatientOf(f)) : undefined;
  const adequate = (i: PlanInstance) =>
    !role || (!underdosed(i) && control!.mas.byRole[role].includes(i.planned.action));
  const candidates = named.filter(adequate);
  const inadequate = named.filter((i) => !adequate(i));
  const w = SCORING_FORMULA.componentWeights;
  let best: RequirementOutcome = {
    requirement: r,
    present: false,
    doseOk: dosed ? false : null,
    onTime: timed ? false : null,
    safeguarded: false,
    missingCompanions: [],
    inadequate,
  };
  let bestCredit = -1;
  for (const i of candidates) {
    const doseOk = dosed ? okDose(i) : null;
    let onTime: boolean | null = null;
    if (timed) {
      onTime = true;
      if (r.byHour !== undefined && i.planned.atHour > decisionHour + r.byHour) onTime = false;
      if (
        r.maxEveryHours !== undefined &&
        (i.planned.everyHours === undefined || i.planned.everyHours > r.maxEveryHours)
      )
        onTime = false;
      if (r.repeat && i.planned.everyHours === undefined) onTime = false;
    }
    const missingCompanions = companionsMissing(i, usable, f);
    const safeguarded = missingCompanions.length === 0;
    const credit =
      w.keyActions +
      (doseOk ? w.dosing : 0) +
      (onTime ? w.timing : 0) +
      (safeguarded ? w.safety : 0) -
      // Ties: the expert's first choice, then the earliest start.
      r.satisfiers.indexOf(i.planned.action) * 1e-3 -
      i.planned.atHour * 1e-6;
    if (credit > bestCredit) {
      bestCredit = credit;
      best = { requirement: r, present: true, doseOk, onTime, safeguarded, best: i, missingCompanions, inadequate };
    }
  }
  return best;
}
