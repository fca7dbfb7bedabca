import { orderKindOf, type ActionId, type OrderKind } from '@masdrill/rules';

/**
 * What the order sheet needs beyond an order's kind (continuing, course or one-off: rules
 * orderKindOf, the one definition the scorer reads too): a course's length and what follows it, a
 * one-off that may be split, each with its source.
 */
export interface OrderKindRule {
  readonly kind: OrderKind;
  /** Course length in days: the range the source allows and the length assumed when the dose gives none. */
  readonly courseDays?: { readonly min: number; readonly max: number; readonly usual: number };
  /** What the course gives way to (a course of pulses to a taper or maintenance), in words. */
  readonly followOn?: string;
  /** The one-off may be split over this many days (IVIG 1 g/kg/day × 2). */
  readonly splitOverDaysAtMost?: number;
  /** What ends a continuing order that is a place of care rather than a drug, as the order sheet says it. */
  readonly inForceUntil?: string;
  /** Where the length comes from: a guideline statement ID or clinical-reference.md section. */
  readonly source?: string;
}

const DETAILS: { readonly [K in ActionId]?: Omit<OrderKindRule, 'kind'> } = {
  'methylprednisolone-pulse': {
    courseDays: { min: 3, max: 5, usual: 3 },
    followOn: 'a taper or maintenance glucocorticoid (≈1–2 mg/kg/day)',
    source: 'GC-1 (pulses for 3–5 consecutive days); clinical-reference §3.1 (then moderate dosing ≈1–2 mg/kg/day)',
  },
  ivig: {
    splitOverDaysAtMost: 2,
    source:
      'IVIG-1 (2 g/kg); clinical-reference §3.1 (2 g/kg once, or 1 g/kg/day × 2 days; a second IVIG dose is not recommended in MIS-C, ACR)',
  },
  infliximab: { source: 'clinical-reference §3.1 (infliximab, MIS-C: 5–10 mg/kg IV × 1, NIH)' },
  'icu-admission': {
    inForceUntil: 'stepped down (stop the order)',
    source:
      'CC-2 (ICU for shock, severe organ dysfunction or grade ≥3 neurotoxicity: a place of care, not a dose); CC-1 (reassess at least every 12 h to decide)',
  },
};

/** The order-sheet rule of an action. */
export function orderKindRule(action: ActionId): OrderKindRule {
  return { kind: orderKindOf(action), ...(DETAILS[action] ?? {}) };
}
