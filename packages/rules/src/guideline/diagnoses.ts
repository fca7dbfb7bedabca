import type { DiagnosisId } from '../generated/plan.js';
import type { CaseFeatures } from './case-features.js';

export interface AcceptedDiagnoses {
  /** Full credit; the first is the expert's leading diagnosis. */
  readonly full: readonly DiagnosisId[];
  /** Half credit: right family, wrong detail. */
  readonly partial: readonly DiagnosisId[];
}

/**
 * Which leading diagnoses the case supports (DX-3: MAS hides among sepsis, flares and MIS-C). On the
 * chart (design choice diagnosis-key-chart) every diagnosis the chart cannot tell apart at the
 * decision hour earns full credit — an sJIA flare or early sepsis while infection is not excluded —
 * and a chart with MAS criteria met keys MAS (sepsis beside it earns half); "undetermined" (nothing decides) accepts every answer.
 */
export function acceptedDiagnoses(f: CaseFeatures): AcceptedDiagnoses {
  const sepsisLabel: DiagnosisId = f.shock ? 'septic-shock' : 'sepsis';
  const otherSepsis: DiagnosisId = f.shock ? 'sepsis' : 'septic-shock';
  const alsoFlare = f.supported?.includes('sjia-flare') === true;
  const alsoSepsis = f.supported?.includes('sepsis') === true;
  switch (f.kind) {
    case 'misc':
      return f.masPresent
        ? { full: ['misc-with-mas'], partial: ['mas', 'misc'] }
        : { full: ['misc'], partial: ['misc-with-mas'] };
    case 'mas':
      return { full: ['mas'], partial: ['primary-hlh'] };
    case 'sepsis':
      return f.masPresent
        ? { full: ['mas'], partial: [sepsisLabel, otherSepsis, 'primary-hlh'] }
        : { full: alsoFlare ? [sepsisLabel, 'sjia-flare'] : [sepsisLabel], partial: [otherSepsis] };
    case 'sjia-flare':
      if (f.masPresent) return { full: ['mas'], partial: ['sjia-flare'] };
      return alsoSepsis
        ? { full: ['sjia-flare', sepsisLabel], partial: [otherSepsis] }
        : { full: ['sjia-flare'], partial: [] };
    case 'undetermined':
      return {
        full: ['mas', 'sjia-flare', 'sepsis', 'septic-shock', 'misc', 'misc-with-mas', 'primary-hlh', 'other'],
        partial: [],
      };
  }
}

export const DIAGNOSIS_LABELS: { readonly [K in DiagnosisId]: string } = {
  mas: 'macrophage activation syndrome',
  'sjia-flare': 'sJIA flare without MAS',
  sepsis: 'sepsis',
  'septic-shock': 'septic shock',
  misc: 'MIS-C',
  'misc-with-mas': 'MIS-C complicated by MAS',
  'primary-hlh': 'primary HLH',
  other: 'another diagnosis',
};
