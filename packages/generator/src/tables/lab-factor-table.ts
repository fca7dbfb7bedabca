import { prior, type Source } from '../source.js';

/**
 * Shared latent factors the laboratory of one case moves together by, beside the case's latent
 * severity: hepatic injury (AST, ALT, LDH, ferritin), consumption of fibrinogen and platelets (the
 * ESR follows fibrinogen), bacterial inflammation (CRP, procalcitonin) and myocardial strain
 * (troponin, BNP/NT-proBNP), and the white cells (WBC and lymphocytes, so lymphocytes seldom
 * outnumber the WBC they are part of). Each analyte loads on at most one. A DESIGN PRIOR: the pairs a
 * clinician expects to move together; no source gives their coefficients.
 */
export const LAB_FACTORS = ['hepatic', 'consumption', 'bacterial', 'cardiac', 'leukocyte'] as const;
export type LabFactor = (typeof LAB_FACTORS)[number];

/** An analyte's loading on one factor (−1…1; rho² + loading² < 1 with its severity correlation). */
export interface FactorLoading {
  readonly factor: LabFactor;
  readonly loading: number;
}

export const LAB_FACTOR_SOURCE: Source = prior(
  "shared hepatic, consumption, bacterial, cardiac and leukocyte factors of a case's laboratory and their loadings",
);

export function loading(factor: LabFactor, value: number): FactorLoading {
  return { factor, loading: value };
}
