import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rocFromHistograms } from '../src/roc.js';

/** Histograms over 101 slots whose thresholds are −50 … 50. */
const SLOTS = 101;
const THRESHOLDS = Array.from({ length: SLOTS }, (_, i) => i - 50);
const histogram = fc
  .array(fc.tuple(fc.integer({ min: 0, max: SLOTS - 1 }), fc.integer({ min: 1, max: 20 })), {
    minLength: 1,
    maxLength: 30,
  })
  .map((pairs) => {
    const counts = new Float64Array(SLOTS);
    for (const [slot, c] of pairs) counts[slot]! += c;
    return counts;
  });

const expand = (h: Float64Array): number[] => [...h].flatMap((c, slot) => new Array<number>(c).fill(THRESHOLDS[slot]!));

describe('ROC from histograms', () => {
  it('gives the Mann–Whitney AUC (ties half) and the best Youden J, as brute force over cases does', () => {
    fc.assert(
      fc.property(histogram, histogram, (pos, neg) => {
        const p = expand(pos);
        const n = expand(neg);
        let wins = 0;
        for (const x of p) for (const y of n) wins += x > y ? 1 : x === y ? 0.5 : 0;
        const roc = rocFromHistograms(pos, neg, THRESHOLDS);
        expect(roc.auc.value).toBeCloseTo(wins / (p.length * n.length), 12);
        expect(roc.auc.lower!).toBeLessThanOrEqual(roc.auc.value!);
        expect(roc.auc.upper!).toBeGreaterThanOrEqual(roc.auc.value!);
        let best = -Infinity;
        for (const t of new Set([...p, ...n])) {
          const j = p.filter((x) => x >= t).length / p.length + n.filter((y) => y < t).length / n.length - 1;
          best = Math.max(best, j);
        }
        expect(roc.youden!.j).toBeCloseTo(best, 12);
        // The curve runs from (0, 0) to (1, 1) without stepping back.
        expect(roc.points[0]).toMatchObject({ sensitivity: 0, specificity: 1 });
        expect(roc.points.at(-1)).toMatchObject({ sensitivity: 1, specificity: 0 });
        for (let i = 1; i < roc.points.length; i++)
          expect(roc.points[i]!.sensitivity).toBeGreaterThanOrEqual(roc.points[i - 1]!.sensitivity);
      }),
    );
  });

  it('reads each slot’s threshold from the grid, the slot below the grid last', () => {
    const pos = Float64Array.from([0, 0, 3]);
    const neg = Float64Array.from([1, 2, 0]);
    const roc = rocFromHistograms(pos, neg, [-Infinity, 21.4, 21.5]);
    expect(roc.youden).toMatchObject({ threshold: 21.5, sensitivity: 1, specificity: 1 });
    expect(roc.auc.value).toBe(1);
    expect(roc.points.map((p) => p.threshold)).toEqual([Infinity, 21.5, 21.4, -Infinity]);
  });

  it('gives nothing when a group is empty', () => {
    expect(rocFromHistograms([1], [0], [0]).auc.value).toBeNull();
  });
});
