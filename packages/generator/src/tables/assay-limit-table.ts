import type { NumericAnalyte } from '@masdrill/rules';
import { prior, type Source } from '../source.js';

/**
 * The highest value the synthetic laboratory reports per analyte, where physiology or the assay's
 * reportable range lies well below the rules' input-sanity maximum (ANALYTES.plausible, which the
 * case lint uses to reject typing errors, not to describe patients). Readings approach it smoothly
 * (saturation.ts) at every hour, whatever window the criteria read: D-dimer reached 324 mg/L FEU,
 * NT-proBNP 311,000 pg/mL at p99 and procalcitonin 1,148 ng/mL at p99 (issue 13). DESIGN PRIORS.
 */
export const ASSAY_LIMITS: {
  readonly upper: { readonly [K in NumericAnalyte]?: number };
  readonly source: Source;
} = {
  upper: {
    dDimer: 35,
    procalcitonin: 500,
    ntProBnp: 70_000,
    bnp: 5_000,
    lactate: 30,
  },
  source: prior(
    'reportable upper limits: D-dimer 35 mg/L FEU and NT-proBNP 70,000 pg/mL (automated immunoassays after on-board dilution), BNP 5,000 pg/mL (immunoassay range), lactate 30 mmol/L (blood-gas analyser range), procalcitonin 500 ng/mL (above the highest values seen in fulminant bacterial sepsis)',
  ),
};
