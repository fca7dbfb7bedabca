import type { Case } from '@masdrill/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohort } from './support/cohort.js';
import { aucOf, presenceAucs, presenceClassifierAuc } from './support/presence-pattern.js';

// Missing data from what a clinician would order, not from the hidden label (issue 13). A score
// built from one presence feature (which fields and tests were recorded, never their values)
// separates MAS from a mimic with AUC 0.5 + |Δp|/2; the best such feature must stay ≤ 0.65.
// Comparisons hold the visible history fixed (known or suspected sJIA vs none), which a chart shows
// legitimately. Before: 0.81 sJIA-MAS vs flare (a therapy list in 62% vs 0%), 1.00 MAS vs sepsis
// (GI symptoms recorded only in sepsis).
const N = 3000;
const sjiaMas = (): Case[] => cohort('mas', 17, N).filter((c) => c.background.sjia !== 'none');
const previouslyWellMas = (): Case[] => cohort('mas', 17, N).filter((c) => c.background.sjia === 'none');

describe('the presence pattern does not give the label away (3,000 cases per kind, seed 17)', {
  timeout: 180_000,
}, () => {
  for (const [name, mas, mimic] of [
    ['sJIA-associated MAS vs an sJIA flare', sjiaMas, () => cohort('sjia-flare', 17, N)],
    ['MAS in a previously well child vs sepsis', previouslyWellMas, () => cohort('sepsis', 17, N)],
  ] as const) {
    it(`${name}: no recorded-or-not feature separates them with AUC above 0.65`, () => {
      const worst = presenceAucs(mas(), mimic())[0]!;
      expect(
        worst.auc,
        `${worst.feature}: recorded in ${(100 * worst.pa).toFixed(0)}% vs ${(100 * worst.pb).toFixed(0)}%`,
      ).toBeLessThanOrEqual(0.65);
    });
  }
  // A multi-feature classifier (logistic regression over every presence bit, fitted on one half,
  // scored on the other) combines what single features hide. Before (generator 0.6.0) -> after:
  // 0.83 -> 0.61 sJIA-MAS vs flare, 0.95 -> 0.59 previously-well MAS vs sepsis, 0.64 -> 0.58 MIS-C
  // with vs without MAS. Newborn MAS is left out of the sepsis comparison: its mother's autoimmune
  // disease is visible history, as sJIA is.
  for (const [name, mas, mimic] of [
    ['sJIA-associated MAS vs an sJIA flare', sjiaMas, () => cohort('sjia-flare', 17, N)],
    [
      'MAS in a previously well child vs sepsis',
      // 10,000 MAS for ~1,000 previously well (3,000 gave ~300, a held-out AUC with an SE near 0.03).
      () =>
        cohort('mas', 17, 10_000).filter(
          (c) => c.background.sjia === 'none' && c.background.maternalAutoimmuneDisease !== true,
        ),
      () => cohort('sepsis', 17, N),
    ],
    [
      'MIS-C with MAS vs MIS-C without',
      () => cohort('misc', 17, N).filter((c) => c.truth!.masPresent),
      () => cohort('misc', 17, N).filter((c) => !c.truth!.masPresent),
    ],
  ] as const) {
    it(`${name}: a classifier on the whole presence pattern separates them with held-out AUC at most 0.65`, () => {
      expect(presenceClassifierAuc(mas(), mimic())).toBeLessThanOrEqual(0.65);
    });
  }
  it('every known sJIA records its current therapy (an empty list: none), in MAS and in flares', () => {
    for (const c of [...cohort('mas', 17, N), ...cohort('sjia-flare', 17, N)])
      if (c.background.sjia === 'known') expect(c.background.immunosuppressiveTherapy).toBeDefined();
  });
});

describe('the AUC (Mann–Whitney, ties half)', () => {
  it('is 1 for separated groups, and AUC(a, b) + AUC(b, a) = 1', () => {
    expect(aucOf([3, 4], [1, 2])).toBe(1);
    expect(aucOf([1, 2], [1, 2])).toBe(0.5);
    const scores = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 });
    fc.assert(fc.property(scores, scores, (a, b) => Math.abs(aucOf(a, b) + aucOf(b, a) - 1) < 1e-12));
  });
});
