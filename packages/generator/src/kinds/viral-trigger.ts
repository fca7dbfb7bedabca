import type { GroundTruth, Investigations } from '@masdrill/rules';
import type { Rng } from '../rng.js';
import { prior, type Source } from '../source.js';

type ViralTest = NonNullable<Investigations['viralTests']>[number];

/** Which test shows an "other-virus" trigger (design prior). */
export const OTHER_VIRUSES: { readonly weights: readonly (readonly [ViralTest['virus'], number])[]; readonly source: Source } = {
  weights: [['influenza', 0.3], ['HHV-6', 0.2], ['parvovirus-B19', 0.2], ['enterovirus', 0.3]],
  source: prior('viruses behind an "other-virus" trigger'),
};

/** A positive PCR for the trigger virus at presentation (quantitative for herpesviruses and adenovirus). */
export function viralTestFor(trigger: GroundTruth['trigger'], rng: Rng): ViralTest | undefined {
  if (trigger === 'EBV' || trigger === 'CMV' || trigger === 'adenovirus') {
    return { hour: 0, virus: trigger, method: 'pcr', result: 'positive', quantity: Math.round(Math.exp(Math.log(20000) + 1.5 * rng.normal())) };
  }
  if (trigger === 'other-virus') return { hour: 0, virus: rng.weighted(OTHER_VIRUSES.weights), method: 'pcr', result: 'positive' };
  return undefined;
}
