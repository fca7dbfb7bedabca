import type { Case } from '@masdrill/rules';
import { prior, type Source } from '../source.js';

/**
 * The reporting laboratory's reference limits that generated cases carry (case.labReferenceRanges).
 * The case schema lets each case's laboratory report its own limits; masdrill's synthetic laboratory
 * uses these round DESIGN PRIORS (typical adult/paediatric laboratory limits, not a verified
 * age-specific reference). Definitions that say "above normal" (MIS-C troponin, WHO inflammatory
 * markers, coagulopathy) read them.
 */
export const SYNTHETIC_LAB_REFERENCE_RANGES: { readonly source: Source; readonly ranges: NonNullable<Case['labReferenceRanges']> } = {
  source: prior('round laboratory reference limits for a synthetic laboratory; not a verified paediatric reference'),
  ranges: {
    crp: { upper: 5 },
    esr: { upper: 20 },
    procalcitonin: { upper: 0.5 },
    dDimer: { upper: 0.5 },
    inr: { upper: 1.2 },
    troponin: { upper: 14 },
    bnp: { upper: 100 },
    ntProBnp: { upper: 300 },
    ferritin: { lower: 10, upper: 300 },
    ldh: { upper: 330 },
    fibrinogen: { lower: 200, upper: 400 },
    anc: { lower: 1.5 },
    alc: { lower: 1.0 },
    albumin: { lower: 3.5 },
    ast: { upper: 40 },
    alt: { upper: 40 },
  },
};
