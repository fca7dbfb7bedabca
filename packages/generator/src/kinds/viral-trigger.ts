import type { GroundTruth, Investigations } from '@masdrill/rules';
import type { Rng } from '../rng.js';
import { MAS_TABLE, OTHER_VIRUSES } from '../tables/mas-table.js';

type ViralTest = NonNullable<Investigations['viralTests']>[number];

/** A positive PCR for the trigger virus at presentation (quantitative for herpesviruses and adenovirus). */
export function viralTestFor(trigger: GroundTruth['trigger'], rng: Rng): ViralTest | undefined {
  if (trigger === 'EBV' || trigger === 'CMV' || trigger === 'adenovirus') {
    const load = MAS_TABLE.viralLoad;
    return {
      hour: 0,
      virus: trigger,
      method: 'pcr',
      result: 'positive',
      quantity: Math.round(Math.exp(Math.log(load.medianCopiesPerMl) + load.logSd * rng.normal())),
    };
  }
  if (trigger === 'other-virus')
    return { hour: 0, virus: rng.weighted(OTHER_VIRUSES.weights), method: 'pcr', result: 'positive' };
  return undefined;
}
