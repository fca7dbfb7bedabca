import { EULAR_ACR_2016 } from '@masdrill/rules';
import { cite, prior, proportion, type Proportion, type Source } from '../source.js';

/** Sent or not, by whether MAS is suspected on the chart (see WORKUP_TABLE.suspicion). */
export interface SentBySuspicion {
  readonly suspected: Proportion;
  readonly otherwise: Proportion;
}

/**
 * What a clinician orders, from what the chart shows, the same in every kind: the hidden label never
 * decides whether a test or field is recorded (issue 13: a therapy list in 54% of MAS and no flare,
 * CXCL9 and NK results only in MAS, viral PCR never outside MAS made the missing-data pattern give
 * the answer away). Every proportion here is a DESIGN PRIOR.
 */
export const WORKUP_TABLE: {
  /** MAS is suspected on the chart when the presentation panel shows ferritin above the 2016 cut-off with platelets or fibrinogen at theirs. */
  readonly suspicion: {
    readonly ferritinAbove: number;
    readonly plateletsAtMost: number;
    readonly fibrinogenAtMost: number;
    readonly source: Source;
  };
  readonly sCd25: SentBySuspicion;
  readonly il18: SentBySuspicion;
  readonly cxcl9: SentBySuspicion;
  readonly nkCellActivity: SentBySuspicion;
  readonly boneMarrow: SentBySuspicion;
  /** NK-cell function when MAS is absent. */
  readonly nkCellResultWithoutMas: {
    readonly weights: readonly (readonly ['low' | 'absent' | 'normal', number])[];
    readonly source: Source;
  };
  /** A viral PCR sent in a febrile child without a viral trigger (it comes back negative); a viral trigger is always tested. */
  readonly viralPcrWithoutTrigger: Proportion;
  /** Which virus a negative PCR tested for. */
  readonly negativePcrVirus: {
    readonly weights: readonly (readonly ['EBV' | 'CMV' | 'adenovirus', number])[];
    readonly source: Source;
  };
  readonly source: Source;
} = {
  suspicion: {
    ferritinAbove: EULAR_ACR_2016.ferritin.value,
    plateletsAtMost: EULAR_ACR_2016.items.platelets.value,
    fibrinogenAtMost: EULAR_ACR_2016.items.fibrinogen.value,
    source: cite(
      'ravelli-2016',
      "the 2016 criteria's ferritin, platelet and fibrinogen cut-offs, read as what prompts a clinician to suspect MAS (their use as an ordering trigger is a design prior)",
    ),
  },
  sCd25: {
    suspected: proportion(0.4, prior('sCD25 sent when MAS is suspected')),
    otherwise: proportion(0.12, prior('sCD25 sent otherwise')),
  },
  il18: {
    suspected: proportion(0.2, prior('IL-18 sent when MAS is suspected')),
    otherwise: proportion(0.08, prior('IL-18 sent otherwise')),
  },
  cxcl9: {
    suspected: proportion(0.15, prior('CXCL9 sent when MAS is suspected')),
    otherwise: proportion(0.05, prior('CXCL9 sent otherwise')),
  },
  nkCellActivity: {
    suspected: proportion(0.15, prior('NK-cell function sent when MAS is suspected')),
    otherwise: proportion(0.05, prior('NK-cell function sent otherwise')),
  },
  boneMarrow: {
    suspected: proportion(0.35, prior('marrow aspirate in the first 48 h when MAS is suspected')),
    otherwise: proportion(0.08, prior('marrow aspirate otherwise (cytopenias, to exclude malignancy)')),
  },
  nkCellResultWithoutMas: {
    weights: [
      ['normal', 0.8],
      ['low', 0.2],
    ],
    source: prior('NK-cell function without MAS: mostly normal, sometimes low during active inflammation'),
  },
  viralPcrWithoutTrigger: proportion(
    0.35,
    prior('EBV/CMV/adenovirus PCR in a febrile child whose illness has no viral trigger'),
  ),
  negativePcrVirus: {
    weights: [
      ['EBV', 0.4],
      ['CMV', 0.2],
      ['adenovirus', 0.4],
    ],
    source: prior('the virus a negative PCR tested for'),
  },
  source: prior('what a clinician orders, from the chart'),
};

/** Whether the presentation values make MAS suspected on the chart (undefined values count as not abnormal). */
export function masSuspectedOnChart(
  ferritin: number | undefined,
  platelets: number | undefined,
  fibrinogen: number | undefined,
): boolean {
  const s = WORKUP_TABLE.suspicion;
  return (
    ferritin !== undefined &&
    ferritin > s.ferritinAbove &&
    ((platelets !== undefined && platelets <= s.plateletsAtMost) ||
      (fibrinogen !== undefined && fibrinogen <= s.fibrinogenAtMost))
  );
}
