import type { NumericAnalyte } from '@masdrill/rules';
import type { Quartiles } from './distribution.js';
import type { FactorLoading } from './tables/lab-factor-table.js';

/** Which latent activity curve an analyte follows over the hours (see trajectory.ts). */
export type CurveName = 'main' | 'procalcitonin' | 'cardiac';

/**
 * How one analyte behaves in one cohort. The value at presentation (hour 0) is drawn from `at0`
 * through a Gaussian copula: z = rho·severity + loading·F + √(1 − rho² − loading²)·ε, so the
 * marginal stays exactly `at0` while analytes move together with the case's latent severity (rho < 0:
 * falls as disease worsens) and, pairwise, through a shared factor F (tables/lab-factor-table.ts).
 * Over time the value moves along a line (in log space for log-scale analytes) from `baseline`
 * (activity 0: the pre-illness or pre-MAS level) through the hour-0 value (activity 1) and beyond.
 * Bounds in `at0` hold for every reading from hour 0 on, not only in the window criteria read.
 */
export interface LabSpec {
  readonly at0: Quartiles;
  readonly rho: number;
  readonly baseline: number;
  readonly curve?: CurveName;
  /** The shared factor the analyte loads on, beside the severity (none: only the severity). */
  readonly factor?: FactorLoading;
}

export type LabTable = { readonly [K in NumericAnalyte]?: LabSpec };
