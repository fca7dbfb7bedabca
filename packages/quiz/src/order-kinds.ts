import type { ActionId } from '@masdrill/rules';

/**
 * How long an order lasts once written:
 * - `continuing`: in force until the trainee stops it (cyclosporine, anakinra, monitoring, ICU);
 * - `course`: in force for a set number of days, then done (methylprednisolone pulses, GC-1),
 *   after which its follow-on (taper or maintenance) carries on until stopped;
 * - `one-off`: given or done once (IVIG 2 g/kg, cultures, PCR, echo, marrow): never "missing"
 *   afterwards, and not repeated without a reason the guideline gives.
 */
export type OrderKind = 'continuing' | 'course' | 'one-off';

export interface OrderKindRule {
  readonly kind: OrderKind;
  /** Course length in days: the range the source allows and the length assumed when the dose gives none. */
  readonly courseDays?: { readonly min: number; readonly max: number; readonly usual: number };
  /** What the course gives way to (a course of pulses to a taper or maintenance), in words. */
  readonly then?: string;
  /** The one-off may be split over this many days (IVIG 1 g/kg/day × 2). */
  readonly splitOverDaysAtMost?: number;
  /** Where the kind and length come from: a guideline statement ID or clinical-reference.md section. */
  readonly source: string;
}

const CONTINUING: OrderKindRule = { kind: 'continuing', source: 'design: an order stays in force until it is stopped' };
const TEST_ONCE = (what: string): OrderKindRule => ({ kind: 'one-off', source: `design: ${what} is done once; its result stays on the chart` });

/** Every action's kind (a mapped type: an action without an entry does not compile). */
export const ORDER_KINDS: { readonly [K in ActionId]: OrderKindRule } = {
  'methylprednisolone-pulse': {
    kind: 'course', courseDays: { min: 3, max: 5, usual: 3 }, then: 'a taper or maintenance glucocorticoid (≈1–2 mg/kg/day)',
    source: 'GC-1 (pulses for 3–5 consecutive days); clinical-reference §3.1 (then moderate dosing ≈1–2 mg/kg/day)',
  },
  'methylprednisolone-low-moderate': CONTINUING,
  dexamethasone: CONTINUING,
  cyclosporine: CONTINUING,
  anakinra: CONTINUING,
  ivig: {
    kind: 'one-off', splitOverDaysAtMost: 2,
    source: 'IVIG-1 (2 g/kg); clinical-reference §3.1 (2 g/kg once, or 1 g/kg/day × 2 days; a second IVIG dose is not recommended in MIS-C, ACR)',
  },
  tocilizumab: CONTINUING,
  emapalumab: CONTINUING,
  ruxolitinib: CONTINUING,
  baricitinib: CONTINUING,
  etoposide: CONTINUING,
  etanercept: CONTINUING,
  infliximab: { kind: 'one-off', source: 'clinical-reference §3.1 (infliximab 5–10 mg/kg IV × 1 in MIS-C)' },
  aspirin: CONTINUING,
  'enoxaparin-therapeutic': CONTINUING,
  'empirical-antibiotics': CONTINUING,
  'antiviral-therapy': CONTINUING,
  'pjp-prophylaxis': CONTINUING,
  'opportunistic-infection-surveillance': CONTINUING,
  'fluid-bolus': { kind: 'one-off', source: 'design: a bolus is given once (repeat it as a new order)' },
  'vasoactive-infusion': CONTINUING,
  'icu-admission': CONTINUING,
  'multidisciplinary-consult': { kind: 'one-off', source: 'design: the team is consulted once and stays involved' },
  reassessment: CONTINUING,
  'monitor-mas-labs': CONTINUING,
  'monitor-cardiac-markers': CONTINUING,
  ekg: CONTINUING,
  'bone-marrow-exam': TEST_ONCE('a bone marrow examination'),
  scd25: TEST_ONCE('a soluble CD25 level'),
  'nk-cell-activity': TEST_ONCE('an NK-cell activity assay'),
  'blood-cultures': TEST_ONCE('a set of blood cultures'),
  'viral-pcr': TEST_ONCE('a viral PCR panel'),
  echocardiogram: TEST_ONCE('an echocardiogram'),
  'lumbar-puncture': TEST_ONCE('a lumbar puncture'),
  'brain-mri': TEST_ONCE('a brain MRI'),
};
