import fc from 'fast-check';
import { compare, EULAR_ACR_2016, FERRITIN_ESR, HSCORE, MS_SCORE } from '@masdrill/rules';
import { describe, expect, it } from 'vitest';
import { caseValue, CASE_VALUES, type CaseValueId } from '../src/case-values.js';
import { ValueGrid } from '../src/value-grid.js';

/** Significant figures of an integer edge (trailing zeros do not count). */
function significantFigures(edge: number): number {
  let m = Math.abs(edge);
  if (m === 0) return 0;
  while (m % 10 === 0) m /= 10;
  return String(m).length;
}

describe('the fixed histogram grid of a value', () => {
  it('has edges at 3 significant figures, never finer than the reporting precision, mirrored below 0', () => {
    for (const v of CASE_VALUES) {
      const edges = [...v.grid.edges];
      expect(edges.every(Number.isSafeInteger)).toBe(true);
      for (let i = 1; i < edges.length; i++) {
        const step = edges[i]! - edges[i - 1]!;
        const magnitude = Math.max(Math.abs(edges[i]!), Math.abs(edges[i - 1]!));
        // Steps of one reporting unit up to 999, then a hundredth of the decade: 3 significant figures.
        expect(step).toBe(magnitude <= 1000 ? 1 : 10 ** (String(Math.floor(magnitude - 1)).length - 3));
        expect(significantFigures(edges[i]!)).toBeLessThanOrEqual(3);
      }
      const positive = new Set(edges.filter((e) => e > 0));
      const top = Math.max(...positive);
      const unmirrored = edges.filter((e) => e < 0 && -e <= top && !positive.has(-e));
      expect(unmirrored).toEqual([]);
      expect(v.grid.edges[0]! / 10 ** v.decimals).toBeLessThanOrEqual(v.grid.min);
      expect(v.grid.overflow / 10 ** v.decimals).toBeGreaterThan(v.grid.max);
    }
    const ferritin = caseValue('ferritin').grid;
    expect([...ferritin.edges.slice(998, 1003)]).toEqual([998, 999, 1000, 1010, 1020]);
    const ratio = caseValue('ferritin-esr').grid;
    expect([999, 1000, 1001].map((s) => ratio.thresholds[s])).toEqual([9.98, 9.99, 10]);
    expect(ratio.thresholds[1002]).toBe(10.1);
  });

  it('finds the same slot as a binary search over the edges (the count of edges at or below the value)', () => {
    const searched = (grid: ValueGrid, value: number): number => {
      const scale = 10 ** grid.decimals;
      const scaled = value * scale;
      const x = scaled + 1e-9 * Math.max(scale, Math.abs(scaled));
      if (x >= grid.overflow) return grid.slots - 1;
      let lo = 0;
      let hi = grid.edges.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (grid.edges[mid]! <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const grids = [
      ...CASE_VALUES.map((v) => v.grid),
      new ValueGrid(0, 0, 0),
      new ValueGrid(1, -3.7, 2.2),
      new ValueGrid(2, -1234.5, 98765.4),
      new ValueGrid(0, 5, 1_000_000),
    ];
    for (const grid of grids) {
      const wide = fc.double({ min: grid.min - 2 * (grid.max - grid.min) - 1, max: 2 * grid.max + 1 });
      const onEdge = fc
        .tuple(fc.integer({ min: 0, max: grid.thresholds.length - 1 }), fc.constantFrom(0, 1e-12, -1e-12, 0.5, -0.5))
        .map(([i, d]) => grid.thresholds[i]! + d * 10 ** -grid.decimals);
      fc.assert(
        fc.property(fc.oneof(wide, onEdge), (value) => {
          expect(grid.slotOf(value)).toBe(searched(grid, value));
        }),
        { numRuns: 2000 },
      );
      for (const value of [Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, grid.min, grid.max])
        expect(grid.slotOf(value)).toBe(searched(grid, value));
    }
  });

  it('is small: every grid has at most a few thousand bins, whatever the cohort', () => {
    for (const v of CASE_VALUES) expect(v.grid.slots).toBeLessThan(6000);
  });

  it('puts a value in the bin of the largest edge at or below it, so "≥ c" is exact for every edge c', () => {
    for (const v of CASE_VALUES) {
      const grid = v.grid;
      const inRange = fc.double({ min: grid.min, max: grid.max, noNaN: true });
      const edge = fc.integer({ min: 0, max: grid.edges.length - 1 }).map((i) => grid.thresholds[i + 1]!);
      fc.assert(
        fc.property(inRange, edge, (value, cut) => {
          const counted = grid.thresholds[grid.slotOf(value)]!;
          expect(counted >= cut).toBe(compare(value, '>=', cut));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('counts values on an edge in that edge’s bin despite floating-point noise', () => {
    const ratio = caseValue('ferritin-esr').grid;
    expect(ratio.thresholds[ratio.slotOf(21.5)]).toBe(21.5);
    expect(ratio.thresholds[ratio.slotOf(21.499999999999996)]).toBe(21.5);
    expect(ratio.thresholds[ratio.slotOf(21.49)]).toBe(21.4);
    const ms = caseValue('ms-score').grid;
    expect(ms.thresholds[ms.slotOf(-2.1000000000000005)]).toBe(-2.1);
    expect(ms.thresholds[ms.slotOf(-2.1001)]).toBe(-2.11);
    expect(ms.thresholds[ms.slotOf(-0.0004)]).toBe(-0.001);
  });

  it('holds every published cut-off of the scores and labs it draws as an edge', () => {
    const cutoffs: [CaseValueId, number][] = [
      ['hscore', HSCORE.cutoff.value],
      ['ms-score', MS_SCORE.cutoff.value],
      ['ferritin-esr', FERRITIN_ESR.cutoff.value],
      // "> 684" on whole ng/mL is "≥ 685"; both are edges.
      ['ferritin', EULAR_ACR_2016.ferritin.value],
      ['ferritin', EULAR_ACR_2016.ferritin.value + 1],
      ...HSCORE.ferritin.bands.flatMap((b) => b.bounds.map((x): [CaseValueId, number] => ['ferritin', x.value])),
      ['platelets', EULAR_ACR_2016.items.platelets.value],
      ['platelets', HSCORE.cytopenias.platelets.value],
      ['fibrinogen', EULAR_ACR_2016.items.fibrinogen.value],
    ];
    for (const [id, cut] of cutoffs) {
      const grid = caseValue(id).grid;
      expect([...grid.thresholds], `${id} ${cut}`).toContain(cut);
    }
  });

  it('counts a value outside the range at the grid’s ends, never drops it', () => {
    const grid = new ValueGrid(0, 0, 3000);
    expect(grid.slotOf(-1)).toBe(0);
    expect(grid.slotOf(3000)).toBe(grid.slots - 2);
    expect(grid.slotOf(3009)).toBe(grid.slots - 2);
    expect(grid.slotOf(3010)).toBe(grid.slots - 1);
    expect(grid.slotOf(1e12)).toBe(grid.slots - 1);
    expect(grid.thresholds[0]).toBe(-Infinity);
    expect(grid.thresholds[grid.slots - 1]).toBe(3010);
  });

  it('finds each edge’s slot back from the edge, and refuses a number that is not an edge', () => {
    for (const v of CASE_VALUES) {
      const grid = v.grid;
      grid.edges.forEach((e, i) => expect(grid.slotOfEdge(e)).toBe(i + 1));
      expect(grid.slotOfEdge(grid.overflow)).toBe(grid.slots - 1);
    }
    expect(caseValue('ferritin').grid.slotOfEdge(1005)).toBe(-1);
    expect(caseValue('ferritin').grid.slotOfEdge(0.5)).toBe(-1);
  });
});
