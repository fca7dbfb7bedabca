import type { PatientResponse } from '@masdrill/generator';
import type { Escalation, Stage } from '@masdrill/rules';

/**
 * How a reassessment's plan is scored, from the patient's response: MAS not falling on a high-dose
 * glucocorticoid alone → steroid-inadequate (CSA-1: add cyclosporine); not falling on first-line
 * combination therapy → refractory (second line); otherwise presentation — including a patient who
 * worsens because first-line treatment was never given, who still needs first-line treatment.
 */
export function planStageFor(response: PatientResponse | undefined): Stage {
  const mas = response?.processes.find((p) => p.process === 'mas' && p.counted);
  if (!response || !mas || mas.trend === 'improving') return 'presentation';
  if (response.masTreatment === 'glucocorticoid-alone') return 'steroid-inadequate';
  if (response.masTreatment === 'first-line-combination' || response.masTreatment === 'second-line') return 'refractory';
  return 'presentation';
}

/** The escalation a reassessment calls for: escalate when the plan in force is not enough (or the stage says refractory). */
export function escalationFor(planStage: Stage, response: PatientResponse | undefined): Escalation {
  return planStage !== 'presentation' || response?.inadequate === true ? 'escalate' : 'continue';
}
