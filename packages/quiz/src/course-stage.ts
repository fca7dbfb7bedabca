import type { PatientResponse } from '@masdrill/generator';
import type { Escalation, Stage } from '@masdrill/rules';

/** Stages in the order treatment escalates through them. */
const ORDER: readonly Stage[] = ['presentation', 'steroid-inadequate', 'refractory'];

/**
 * How a reassessment's plan is scored, from the patient's response: MAS not falling on a high-dose
 * glucocorticoid alone → steroid-inadequate (CSA-1: add cyclosporine); not falling on first-line
 * combination therapy → refractory (second line); otherwise presentation — including a patient who
 * worsens because first-line treatment was never given, who still needs first-line treatment.
 * A stage once reached stays: refractory MAS that now responds is still treated as refractory
 * (its second-line agent stays in the plan), only without a further escalation.
 */
export function planStageFor(response: PatientResponse | undefined, reachedBefore: Stage = 'presentation'): Stage {
  const mas = response?.processes.find((p) => p.process === 'mas' && p.counted);
  let now: Stage = 'presentation';
  if (response && mas && mas.trend !== 'improving') {
    if (response.masTreatment === 'glucocorticoid-alone') now = 'steroid-inadequate';
    else if (response.masTreatment === 'first-line-combination' || response.masTreatment === 'second-line')
      now = 'refractory';
  }
  return ORDER.indexOf(now) >= ORDER.indexOf(reachedBefore) ? now : reachedBefore;
}

/** The escalation a reassessment calls for: escalate when the plan in force is not enough. */
export function escalationFor(response: PatientResponse | undefined): Escalation {
  return response?.inadequate === true ? 'escalate' : 'continue';
}
