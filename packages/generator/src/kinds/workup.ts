import type { Background, GroundTruth, Investigations, NumericAnalyte, Observation } from '@masdrill/rules';
import type { CaseLabs } from '../lab-model.js';
import type { Rng } from '../rng.js';
import { MAS_TABLE, OTHER_VIRUSES } from '../tables/mas-table.js';
import { hlhWorkupPrompted, WORKUP_TABLE } from '../tables/workup-table.js';
import { viralTestFor } from './viral-trigger.js';

type ViralTest = NonNullable<Investigations['viralTests']>[number];
type NkResult = 'normal' | 'low' | 'absent';

const THERAPIES = ['glucocorticoid', 'methotrexate', 'cyclosporine', 'anakinra', 'canakinumab', 'tocilizumab'] as const;

/** The HLH work-up a clinician sends from the presentation chart, the same in every kind. */
export interface Workup {
  /** The work-up was sent (it always includes sCD25 and a viral PCR). */
  readonly sent: boolean;
  /** Cytokines and sCD25 added to the presentation panel. */
  readonly atPresentation: NumericAnalyte[];
  readonly nkCellActivity?: NkResult;
  /** A marrow aspirate is done. */
  readonly marrow: boolean;
}

/**
 * What is sent, decided by what the presentation values show (CaseLabs.presentation), never by the
 * hidden label: one decision for the work-up, then its tests. `nkResult` gives the NK-cell result
 * when one is sent (a value may follow the truth). Analytes the cohort's table does not carry are
 * not added. Five draws whatever is sent (plus the NK result), so later draws keep their place.
 */
export function hlhWorkup(labs: CaseLabs, rng: Rng, nkResult: () => NkResult): Workup {
  const prompted = hlhWorkupPrompted(
    labs.presentation('ferritin'),
    labs.presentation('platelets'),
    labs.presentation('fibrinogen'),
  );
  const w = WORKUP_TABLE.inWorkup;
  const sent = rng.next() < (prompted ? WORKUP_TABLE.hlhWorkup.suspected.p : WORKUP_TABLE.hlhWorkup.otherwise.p);
  const within = (p: number): boolean => rng.next() < p && sent;
  const atPresentation: NumericAnalyte[] = [];
  if (sent && labs.has('sCd25')) atPresentation.push('sCd25');
  if (within(w.il18.p) && labs.has('il18')) atPresentation.push('il18');
  if (within(w.cxcl9.p) && labs.has('cxcl9')) atPresentation.push('cxcl9');
  const nk = within(w.nkCellActivity.p) ? nkResult() : undefined;
  const marrow = within(w.boneMarrow.p);
  return nk === undefined ? { sent, atPresentation, marrow } : { sent, atPresentation, nkCellActivity: nk, marrow };
}

/** NK-cell function without MAS. */
export function nkResultWithoutMas(rng: Rng): () => NkResult {
  return () => rng.weighted(WORKUP_TABLE.nkCellResultWithoutMas.weights);
}

/**
 * A viral PCR at presentation: a viral trigger is always tested (its illness prompts the test, and a
 * trigger left untested went untreated under the guideline's plan); otherwise sent with the HLH
 * work-up, else with WORKUP_TABLE.viralPcrWithoutWorkup, in every kind, and negative.
 */
export function viralPcr(trigger: GroundTruth['trigger'] | undefined, rng: Rng, workup: Workup): ViralTest | undefined {
  const positive = trigger === undefined ? undefined : viralTestFor(trigger, rng);
  if (positive) return positive;
  if (!workup.sent && !rng.chance(WORKUP_TABLE.viralPcrWithoutWorkup.p)) return undefined;
  // The virus tested follows the mix of viral triggers, so which virus was tested does not tell a trigger apart.
  const tested = rng.weighted(MAS_TABLE.virus.weights);
  const virus = tested === 'other-virus' ? rng.weighted(OTHER_VIRUSES.weights) : tested;
  return { hour: 0, virus, method: 'pcr', result: 'negative' };
}

/** Current sJIA therapy, recorded for every known sJIA (an empty list: on none). */
export function currentSjiaTherapy(rng: Rng): NonNullable<Background['immunosuppressiveTherapy']> {
  return THERAPIES.filter((k) => rng.chance(MAS_TABLE.therapyInKnownSjia[k].p));
}

/** Troponin and BNP at presentation when the chart shows shock in the first 12 h (WORKUP_TABLE.cardiacMarkers), in every kind. */
export function cardiacMarkers(labs: CaseLabs, observations: readonly Observation[], rng: Rng): NumericAnalyte[] {
  const shock = observations.some((o) => o.hour >= 0 && o.hour <= 12 && o.shock === true);
  const c = WORKUP_TABLE.cardiacMarkers;
  if (!rng.chance(shock ? c.inShock.p : c.otherwise.p)) return [];
  return (['troponin', 'bnp'] as const).filter((a) => labs.has(a));
}
