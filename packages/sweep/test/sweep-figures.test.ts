import { CRITERIA_SET_IDS, type CriteriaStatus } from '@masdrill/rules';
import { describe, expect, it } from 'vitest';
import { CASE_VALUES } from '../src/case-values.js';
import type { CaseReading } from '../src/case-reading.js';
import { renderHtml } from '../src/render-html.js';
import { renderSummary, SUMMARY_WIDTH } from '../src/render-summary.js';
import { sweepFigures } from '../src/sweep-figures.js';
import { addReading, emptyStatistics } from '../src/sweep-statistics.js';
import { TIME_POINTS } from '../src/time-points.js';

/** A case whose every set has `status` and whose MS score (and every other value) is `score`. */
function reading(kind: 'mas' | 'sjia-flare', status: CriteriaStatus, score: number | undefined): CaseReading {
  const stratum =
    kind === 'mas'
      ? ({ kind, subtype: 'known-sjia-mas', masPresent: true } as const)
      : ({ kind, subtype: 'sjia-flare', masPresent: false } as const);
  return {
    stratum,
    timePoints: TIME_POINTS.map(() => ({
      statuses: CRITERIA_SET_IDS.map(() => status),
      values: CASE_VALUES.map(() => score),
    })),
  };
}

function cohort(): ReturnType<typeof emptyStatistics> {
  const stats = emptyStatistics(
    { mix: 'mas:1,sjia-flare:1', seed: 1, difficulty: 'standard', n: 500, generatorVersion: 'test' },
    [0, 500],
  );
  // 200 sJIA-MAS: 170 met, 20 not met, 10 not assessable. 300 flares: 15 met, 270 not met, 15 not applicable.
  for (let i = 0; i < 170; i++) addReading(stats, reading('mas', 'met', 1));
  for (let i = 0; i < 20; i++) addReading(stats, reading('mas', 'not-met', -3));
  for (let i = 0; i < 10; i++) addReading(stats, reading('mas', 'not-assessable', undefined));
  for (let i = 0; i < 15; i++) addReading(stats, reading('sjia-flare', 'met', 1));
  for (let i = 0; i < 270; i++) addReading(stats, reading('sjia-flare', 'not-met', -3));
  for (let i = 0; i < 15; i++) addReading(stats, reading('sjia-flare', 'not-applicable', undefined));
  return stats;
}

describe('sweep figures from counts', () => {
  const figures = sweepFigures(cohort(), { prevalence: 0.1 });
  const flareOnset = figures.comparisons.find((c) => c.comparison === 'sjia-mas-vs-flare' && c.timePoint === 'onset')!;
  const ms = flareOnset.sets.find((s) => s.set === 'ms-score')!;

  it('counts the 2×2 table both ways', () => {
    expect(flareOnset.positives).toBe(200);
    expect(flareOnset.negatives).toBe(300);
    expect(ms.bases['unassessed-as-negative'].matrix).toEqual({ tp: 170, fn: 30, fp: 15, tn: 285 });
    expect(ms.bases['assessable-only'].matrix).toEqual({ tp: 170, fn: 20, fp: 15, tn: 270 });
    expect(ms.positives).toEqual({ met: 170, notMet: 20, notAssessable: 10, notApplicable: 0 });
    expect(ms.negatives).toEqual({ met: 15, notMet: 270, notAssessable: 0, notApplicable: 15 });
  });

  it('gives the proportions and likelihood ratios of the table', () => {
    const all = ms.bases['unassessed-as-negative'].metrics;
    expect(all.sensitivity.value).toBe(0.85);
    expect(all.specificity.value).toBe(0.95);
    expect(all.ppv.value).toBeCloseTo(170 / 185, 6);
    expect(all.lrPositive.value).toBeCloseTo(0.85 / 0.05, 5);
    expect(all.accuracy.value).toBeCloseTo(455 / 500, 6);
    expect(all.atPrevalence!.ppv.value).toBeCloseTo((0.85 * 0.1) / (0.85 * 0.1 + 0.05 * 0.9), 6);
  });

  it('holds the assessable figures against the published band (Minoia 2019: 0.85 of 362, 0.95 of 404)', () => {
    const sens = ms.published.find((p) => p.measure === 'sensitivity')!;
    expect(sens.synthetic).toBeCloseTo(170 / 190, 6);
    expect(sens.inside).toBe(false); // 0.895 is above the band around 0.85 with n = 362
    const spec = ms.published.find((p) => p.measure === 'specificity')!;
    expect(spec.synthetic).toBeCloseTo(270 / 285, 6);
    expect(spec.inside).toBe(true);
    expect(flareOnset.sets.find((s) => s.set === 'hlh-2004')!.published).toEqual([]);
  });

  it('draws the ROC from the values, leaving out cases without one', () => {
    const roc = flareOnset.rocs.find((r) => r.value === 'ms-score')!;
    expect(roc.positives).toBe(190);
    expect(roc.missingPositives).toBe(10);
    expect(roc.negatives).toBe(285);
    expect(roc.youden!.threshold).toBe(1);
    expect(roc.youden!.sensitivity).toBeCloseTo(170 / 190, 6);
    expect(roc.youden!.specificity).toBeCloseTo(270 / 285, 6);
  });

  it('summarises in 80 columns', () => {
    for (const line of renderSummary(figures).split('\n')) expect([...line].length).toBeLessThanOrEqual(SUMMARY_WIDTH);
  });

  it('renders a cohort with every bin of the ferritin grid filled and publishes a thinned curve', () => {
    const stats = cohort();
    for (const [key, stratum] of stats.strata) {
      const h = stratum.timePoints['first-day'].values.ferritin;
      // Positives count more in the upper half of the grid, so the curve has a shape.
      const slots = h.grid.slots;
      for (let slot = 1; slot < slots - 1; slot++)
        h.counts[1 + slot]! += key.startsWith('mas/') ? (slot > slots / 2 ? 3 : 1) : slot > slots / 2 ? 1 : 3;
    }
    const big = sweepFigures(stats);
    const roc = big.comparisons
      .find((c) => c.comparison === 'sjia-mas-vs-flare' && c.timePoint === 'first-day')!
      .rocs.find((r) => r.value === 'ferritin')!;
    expect(roc.positives).toBeGreaterThan(7000);
    expect(roc.auc.value).toBeGreaterThan(0.6);
    expect(roc.points.length).toBeLessThan(2 / 0.001 + 10);
    expect(roc.points.at(-1)).toMatchObject({ sensitivity: 1, specificity: 0 });
    const ferritin = big.distributions.find((d) => d.value === 'ferritin')!;
    expect(ferritin.byKind.find((k) => k.kind === 'mas')!.bins.length).toBe(
      stats.strata.values().next().value!.timePoints.onset.values.ferritin.grid.edges.length,
    );
    expect(() => renderHtml(big)).not.toThrow();
  });

  it('reports values outside a grid, counted at its ends', () => {
    const stats = cohort();
    const ferritinOf = (figures: ReturnType<typeof sweepFigures>) =>
      figures.comparisons
        .find((c) => c.comparison === 'sjia-mas-vs-flare' && c.timePoint === 'first-day')!
        .rocs.find((r) => r.value === 'ferritin')!;
    // The cohort's −3 (the MS score's value, copied to every value) is below the ferritin grid already.
    const before = ferritinOf(sweepFigures(stats)).outsideGrid;
    expect(before).toBe(290);
    const flare = stats.strata.get('sjia-flare/sjia-flare/no-mas')!;
    flare.timePoints['first-day'].values.ferritin.add(5e6);
    flare.timePoints['first-day'].values.ferritin.add(-1);
    const figures = sweepFigures(stats);
    const roc = ferritinOf(figures);
    expect(roc.outsideGrid).toBe(before + 2);
    expect(roc.negatives).toBe(287);
    const kind = figures.distributions
      .find((d) => d.value === 'ferritin')!
      .byKind.find((k) => k.kind === 'sjia-flare')!;
    expect([kind.below, kind.above]).toEqual([271, 1]);
    expect(renderSummary(figures)).toMatch(/292 ferritin \(highest\) values outside its grid/);
  });
});
