import type { Case } from '../generated/case.js';
import type { CriteriaResult, CriteriaSetId } from '../criteria/criteria-result.js';
import { overtMasInMisc } from './overt-mas-in-misc.js';

export type CaseKind = 'mas' | 'sjia-flare' | 'sepsis' | 'misc' | 'undetermined';

/**
 * The MAS/HLH criteria sets that decide MAS on the chart, each where evaluate finds it applies (the
 * 2016 criteria and the MS score only in sJIA). The HScore counts too, though it was developed in
 * adults and is not validated in children or the ICU (clinical-reference §1.3): the criteria answer
 * shows its evidence, and dropping it would leave EBV-driven HLH unrecognised on a chart where
 * HLH-2004 cannot be completed without NK activity, sCD25 and marrow.
 */
export const MAS_CRITERIA: readonly CriteriaSetId[] = ['hlh-2004', 'eular-acr-2016', 'ms-score', 'hscore'];

/** What the chart says about infection at the decision hour. */
export interface InfectionOnChart {
  /** A positive culture by the decision hour. */
  readonly bacterial: boolean;
  /** A positive viral test (not SARS-CoV-2) by the decision hour. */
  readonly viral: boolean;
  /** encounter.suspectedInfection, or a febrile neonate (uptodate-febrile-neonate). */
  readonly suspected: boolean;
}

/**
 * The working diagnosis a clinician reads from the chart at the decision hour, the other diagnoses
 * the chart cannot exclude, and whether MAS is on the chart. A design choice (DESIGN_CHOICES
 * 'chart-diagnosis'): the guideline names the mimics (DX-3) but no order of reading them.
 */
export interface ChartDiagnosis {
  readonly kind: CaseKind;
  /** Every kind the chart supports now, the working diagnosis first. */
  readonly supported: readonly CaseKind[];
  readonly masPresent: boolean;
  /** Infection cannot be excluded: suspected, a positive culture or viral test, or Phoenix sepsis met. */
  readonly infectionNotExcluded: boolean;
  readonly basis: string;
}

/**
 * Reads the chart's diagnosis: a MIS-C definition met → MIS-C, MAS in it once overt (misc-overt-mas);
 * else a MAS/HLH criteria set met in its population (or a known HLH genetic diagnosis) → MAS, on
 * top of sepsis when Phoenix sepsis is met too; else Phoenix sepsis → sepsis (an sJIA flare not
 * excluded in sJIA); else sJIA → flare, with sepsis not excluded when infection is suspected;
 * else infection suspected → sepsis; else nothing decides it. Pure.
 */
export function chartDiagnosis(
  c: Case,
  decisionHour: number,
  statusOf: (id: CriteriaSetId) => CriteriaResult | undefined,
  infection: InfectionOnChart,
): ChartDiagnosis {
  const sjia = c.background.sjia !== 'none';
  const met = (id: CriteriaSetId) => statusOf(id)?.status === 'met';
  const phoenix = met('phoenix');
  const infectionNotExcluded = infection.bacterial || infection.viral || infection.suspected || phoenix;

  const miscSets = (['misc-cdc-2023', 'misc-who-2020'] as const).filter(met);
  if (miscSets.length > 0) {
    const overt = overtMasInMisc(c, decisionHour);
    return {
      kind: 'misc',
      supported: ['misc'],
      masPresent: overt.overt,
      infectionNotExcluded,
      basis: `${miscSets.join(', ')} met; MAS ${overt.overt ? 'overt' : 'not overt'} (design choice misc-overt-mas): ${overt.reading}`,
    };
  }

  const masSets = MAS_CRITERIA.filter(met);
  const knownHlh = c.encounter.knownHlhGeneticDiagnosis === true;
  if (masSets.length > 0 || knownHlh) {
    const why = masSets.length ? `MAS/HLH criteria met: ${masSets.join(', ')}` : 'a known HLH genetic diagnosis';
    return phoenix
      ? {
          kind: 'sepsis',
          supported: ['sepsis', 'mas'],
          masPresent: true,
          infectionNotExcluded,
          basis: `${why}, and Phoenix sepsis met: MAS on top of sepsis`,
        }
      : { kind: 'mas', supported: ['mas'], masPresent: true, infectionNotExcluded, basis: why };
  }

  if (phoenix)
    return {
      kind: 'sepsis',
      supported: sjia ? ['sepsis', 'sjia-flare'] : ['sepsis'],
      masPresent: false,
      infectionNotExcluded,
      basis: `Phoenix sepsis met, no MAS/HLH criteria set met${sjia ? '; in sJIA a flare is not excluded' : ''}`,
    };
  if (sjia)
    return infectionNotExcluded
      ? {
          kind: 'sjia-flare',
          supported: ['sjia-flare', 'sepsis'],
          masPresent: false,
          infectionNotExcluded,
          basis: 'sJIA without MAS criteria met, infection not excluded: a flare or early sepsis',
        }
      : {
          kind: 'sjia-flare',
          supported: ['sjia-flare'],
          masPresent: false,
          infectionNotExcluded,
          basis: 'sJIA without MAS criteria met, infection not suspected',
        };
  if (infectionNotExcluded)
    return {
      kind: 'sepsis',
      supported: ['sepsis'],
      masPresent: false,
      infectionNotExcluded,
      basis: 'infection suspected, no MIS-C definition or MAS/HLH criteria set met',
    };
  return {
    kind: 'undetermined',
    supported: ['undetermined'],
    masPresent: false,
    infectionNotExcluded,
    basis: 'nothing on the chart decides the kind: every diagnosis is accepted',
  };
}
