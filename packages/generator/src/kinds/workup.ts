import type { Background, GroundTruth, Investigations, NumericAnalyte } from '@masdrill/rules';
import type { CaseLabs } from '../lab-model.js';
import type { Rng } from '../rng.js';
import { MAS_TABLE } from '../tables/mas-table.js';
import { masSuspectedOnChart, WORKUP_TABLE, type SentBySuspicion } from '../tables/workup-table.js';
import { viralTestFor } from './viral-trigger.js';

type ViralTest = NonNullable<Investigations['viralTests']>[number];
type NkResult = 'normal' | 'low' | 'absent';

const THERAPIES = ['glucocorticoid', 'methotrexate', 'cyclosporine', 'anakinra', 'canakinumab', 'tocilizumab'] as const;

/** The HLH work-up a clinician sends from the presentation chart, the same in every kind. */
export interface Workup {
  readonly suspected: boolean;
  /** Cytokines and sCD25 added to the presentation panel. */
  readonly atPresentation: NumericAnalyte[];
  readonly nkCellActivity?: NkResult;
  /** A marrow aspirate is done. */
  readonly marrow: boolean;
}

function sent(rng: Rng, by: SentBySuspicion, suspected: boolean): boolean {
  return rng.chance(suspected ? by.suspected.p : by.otherwise.p);
}

/**
 * What is sent, decided by what the presentation values show (CaseLabs.presentation), never by the
 * hidden label; `nkResult` gives the NK-cell result when one is sent (a value may follow the truth).
 * Analytes the cohort's table does not carry are not added.
 */
export function hlhWorkup(labs: CaseLabs, rng: Rng, nkResult: () => NkResult): Workup {
  const suspected = masSuspectedOnChart(
    labs.presentation('ferritin'),
    labs.presentation('platelets'),
    labs.presentation('fibrinogen'),
  );
  const atPresentation: NumericAnalyte[] = [];
  for (const a of ['sCd25', 'il18', 'cxcl9'] as const)
    if (sent(rng, WORKUP_TABLE[a], suspected) && labs.has(a)) atPresentation.push(a);
  const nk = sent(rng, WORKUP_TABLE.nkCellActivity, suspected) ? nkResult() : undefined;
  const marrow = sent(rng, WORKUP_TABLE.boneMarrow, suspected);
  return nk === undefined
    ? { suspected, atPresentation, marrow }
    : { suspected, atPresentation, nkCellActivity: nk, marrow };
}

/** NK-cell function without MAS. */
export function nkResultWithoutMas(rng: Rng): () => NkResult {
  return () => rng.weighted(WORKUP_TABLE.nkCellResultWithoutMas.weights);
}

/** A viral PCR at presentation: positive for a viral trigger, else sent with probability `sentWithoutTrigger` and negative. */
export function viralPcr(
  trigger: GroundTruth['trigger'] | undefined,
  rng: Rng,
  sentWithoutTrigger = WORKUP_TABLE.viralPcrWithoutTrigger.p,
): ViralTest | undefined {
  const positive = trigger === undefined ? undefined : viralTestFor(trigger, rng);
  if (positive) return positive;
  return rng.chance(sentWithoutTrigger)
    ? { hour: 0, virus: rng.weighted(WORKUP_TABLE.negativePcrVirus.weights), method: 'pcr', result: 'negative' }
    : undefined;
}

/** Current sJIA therapy, recorded for every known sJIA (an empty list: on none). */
export function currentSjiaTherapy(rng: Rng): NonNullable<Background['immunosuppressiveTherapy']> {
  return THERAPIES.filter((k) => rng.chance(MAS_TABLE.therapyInKnownSjia[k].p));
}
