import type { Case } from '../generated/case.js';
import { CRITERIA_SETS } from '../criteria/evaluate.js';

/** Whether MAS complicating MIS-C is overt by an hour, and the reading that says so. */
export interface OvertMas {
  readonly overt: boolean;
  readonly reading: string;
}

/**
 * MISC-1 changes the treatment "when overt MAS develops". Overt here means the laboratory part of
 * the 2016 EULAR/ACR/PRINTO criteria (ferritin > 684 ng/mL and 2 of platelets ≤ 181, AST > 48,
 * triglycerides > 156, fibrinogen ≤ 360) is met on what is known from presentation to the decision
 * hour — the criteria Buda 2022 applied to MIS-C (59/274 met them). Their sJIA entry condition is
 * not asked: this is MIS-C. A design choice (DESIGN_CHOICES 'misc-overt-mas').
 */
export function overtMasInMisc(c: Case, decisionHour: number): OvertMas {
  const r = CRITERIA_SETS['eular-acr-2016'].evaluate(c, { window: { fromHour: 0, toHour: Math.max(0, decisionHour) } });
  const overt = r.classifications?.['ferritin-required'] === 'met' && r.classifications['two-of-four'] === 'met';
  return {
    overt,
    reading: `2016 laboratory items (Buda 2022) by hour ${decisionHour}: ferritin ${r.classifications?.['ferritin-required']}, ${r.count?.met ?? 0} of 4 others`,
  };
}
