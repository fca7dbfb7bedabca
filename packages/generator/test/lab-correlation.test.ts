import type { NumericAnalyte } from '@masdrill/rules';
import { describe, expect, it } from 'vitest';
import type { Kind } from '../src/index.js';
import { cohort } from './support/cohort.js';
import { labRankCorrelation, spearman } from './support/rank-correlation.js';

// Labs that move together (tables/lab-factor-table.ts): the pairs a clinician expects, by rank
// correlation at presentation. The generator before the shared factors gave 0.22 for AST–ALT in MAS,
// 0.22 for ESR–fibrinogen and 0.04 in MIS-C: every pair below held only through the severity.
const PAIRS: readonly (readonly [Kind, NumericAnalyte, NumericAnalyte])[] = [
  ['mas', 'ast', 'alt'],
  ['mas', 'ferritin', 'ldh'],
  ['mas', 'ferritin', 'ast'],
  ['mas', 'ldh', 'ast'],
  ['mas', 'fibrinogen', 'esr'],
  ['mas', 'platelets', 'fibrinogen'],
  ['sjia-flare', 'ast', 'alt'],
  ['sjia-flare', 'fibrinogen', 'esr'],
  ['sepsis', 'crp', 'procalcitonin'],
  ['sepsis', 'ast', 'alt'],
  ['sepsis', 'fibrinogen', 'esr'],
  ['misc', 'troponin', 'ntProBnp'],
  ['misc', 'troponin', 'bnp'],
  ['misc', 'fibrinogen', 'esr'],
  ['misc', 'ast', 'alt'],
];

describe('labs that move together (2,000 cases per kind, seed 11)', { timeout: 60_000 }, () => {
  for (const [kind, a, b] of PAIRS) {
    it(`${kind}: ${a} and ${b} rank-correlate at presentation (Spearman ≥ 0.35)`, () => {
      const r = labRankCorrelation(cohort(kind, 11, 2000), a, b);
      expect(r.n).toBeGreaterThan(500);
      expect(r.rho, `Spearman ${r.rho.toFixed(2)} over ${r.n}`).toBeGreaterThanOrEqual(0.35);
    });
  }
  it("AST and triglycerides stay nearly independent in flares (the 2016 criteria's false positives came from them together)", () => {
    expect(Math.abs(labRankCorrelation(cohort('sjia-flare', 11, 2000), 'ast', 'triglycerides').rho)).toBeLessThan(0.2);
  });
});

describe('spearman', () => {
  it('is 1 for any increasing relation, −1 for a decreasing one, and shares ranks on ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 100, 1000, 10000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 2, 3], [1, 1, 2, 3])).toBeCloseTo(1, 12);
  });
});
