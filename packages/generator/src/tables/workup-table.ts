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
  /**
   * The HLH work-up is prompted when the presentation panel shows any of ferritin above, platelets
   * at or below, fibrinogen at or below these (fever plus cytopenias, coagulopathy or hyperferritinemia).
   */
  readonly prompt: {
    readonly ferritinAbove: number;
    readonly plateletsAtMost: number;
    readonly fibrinogenAtMost: number;
    readonly source: Source;
  };
  /** The work-up sent as one decision, by whether it is prompted: its tests then each with their own share. */
  readonly hlhWorkup: SentBySuspicion;
  /** Troponin and BNP at presentation, by whether the chart shows shock in the first 12 h. */
  readonly cardiacMarkers: { readonly inShock: Proportion; readonly otherwise: Proportion };
  /** MIS-C: a marrow aspirate by whether the 24-h panel makes MAS suspected on the chart (`suspicion`). */
  readonly boneMarrow: SentBySuspicion;
  readonly inWorkup: {
    readonly il18: Proportion;
    readonly cxcl9: Proportion;
    readonly nkCellActivity: Proportion;
    readonly boneMarrow: Proportion;
  };
  /** NK-cell function when MAS is absent. */
  readonly nkCellResultWithoutMas: {
    readonly weights: readonly (readonly ['low' | 'absent' | 'normal', number])[];
    readonly source: Source;
  };
  /** A viral PCR sent outside an HLH work-up (the work-up always sends one) when no viral trigger prompts it. */
  readonly viralPcrWithoutWorkup: Proportion;
  /** Blood cultures and antimicrobials in the first 24 h, from the history a chart shows: known or suspected sJIA, or a previously well child. */
  readonly cultures: { readonly inSjia: Proportion; readonly previouslyWell: Proportion };
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
  prompt: {
    ferritinAbove: EULAR_ACR_2016.ferritin.value,
    plateletsAtMost: EULAR_ACR_2016.items.platelets.value,
    fibrinogenAtMost: EULAR_ACR_2016.items.fibrinogen.value,
    source: prior(
      "EULAR/ACR 2022 points to consider, statement 2 as paraphrased (clinical-reference.md §3.2, [U]): suspect HLH/MAS with fever plus cytopenias, coagulopathy or hyperferritinemia; the 2016 criteria's cut-offs read as those prompts",
    ),
  },
  hlhWorkup: {
    suspected: proportion(0.45, prior('an HLH work-up (sCD25, EBV/CMV PCR) sent when the chart prompts it')),
    otherwise: proportion(0.2, prior('an HLH work-up sent without a prompt on the presentation panel')),
  },
  cardiacMarkers: {
    inShock: proportion(0.5, prior('troponin and BNP sent when the child is in shock')),
    otherwise: proportion(0.2, prior('troponin and BNP sent without shock')),
  },
  boneMarrow: {
    suspected: proportion(0.3, prior('marrow aspirate in the first 48 h of MIS-C when MAS is suspected')),
    otherwise: proportion(0.12, prior('marrow aspirate otherwise in MIS-C (cytopenias, to exclude malignancy)')),
  },
  inWorkup: {
    il18: proportion(0.35, prior('IL-18 within an HLH work-up')),
    cxcl9: proportion(0.25, prior('CXCL9 within an HLH work-up')),
    nkCellActivity: proportion(0.25, prior('NK-cell function within an HLH work-up')),
    boneMarrow: proportion(0.5, prior('a marrow aspirate in the first 48 h within an HLH work-up')),
  },
  nkCellResultWithoutMas: {
    weights: [
      ['normal', 0.8],
      ['low', 0.2],
    ],
    source: prior('NK-cell function without MAS: mostly normal, sometimes low during active inflammation'),
  },
  viralPcrWithoutWorkup: proportion(
    0.9,
    prior(
      'a viral PCR (EBV/CMV/adenovirus or a respiratory panel) in a febrile child admitted, outside an HLH work-up',
    ),
  ),
  cultures: {
    inSjia: proportion(0.4, prior('antimicrobials and cultures in the first 24 h of febrile known or suspected sJIA')),
    previouslyWell: proportion(
      0.98,
      prior(
        'antimicrobials and cultures in the first 24 h of a febrile, previously well child with abnormal blood counts',
      ),
    ),
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

/** Whether the presentation values prompt an HLH work-up (WORKUP_TABLE.prompt; undefined values count as not abnormal). */
export function hlhWorkupPrompted(
  ferritin: number | undefined,
  platelets: number | undefined,
  fibrinogen: number | undefined,
): boolean {
  const s = WORKUP_TABLE.prompt;
  return (
    (ferritin !== undefined && ferritin > s.ferritinAbove) ||
    (platelets !== undefined && platelets <= s.plateletsAtMost) ||
    (fibrinogen !== undefined && fibrinogen <= s.fibrinogenAtMost)
  );
}
