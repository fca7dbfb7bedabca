import { CRITERIA_SET_IDS } from '@masdrill/rules';
import { CASE_VALUES } from './case-values.js';
import {
  admitPart,
  emptyStratum,
  STATUS_ORDER,
  type CohortIdentity,
  type SweepStatistics,
} from './sweep-statistics.js';
import { TIME_POINTS } from './time-points.js';

/**
 * Statistics packed for handing from a worker thread to its parent: every count in one
 * Float64Array (transferred, not copied) beside the strata keys. At a million cases the histograms
 * hold hundreds of thousands of bins; as JSON each bin became a string, then an array on each side,
 * the largest allocation of a sweep. Counts and bins are integers far below 2⁵³, exact in a double.
 *
 * Layout, per stratum in `keys` order: cases; then per time point, per set, its counts in
 * STATUS_ORDER; then per value: missing, the number of bins b, and b (bin, count) pairs.
 */
export interface PackedStatistics {
  readonly cohort: CohortIdentity;
  readonly ranges: [number, number][];
  readonly keys: string[];
  readonly numbers: Float64Array<ArrayBuffer>;
}

export function packStatistics(stats: SweepStatistics): PackedStatistics {
  let length = 0;
  for (const s of stats.strata.values()) {
    length += 1;
    for (const tp of TIME_POINTS) {
      length += CRITERIA_SET_IDS.length * STATUS_ORDER.length;
      for (const v of CASE_VALUES) length += 2 + 2 * s.timePoints[tp.id].values[v.id].bins.size;
    }
  }
  const numbers = new Float64Array(length);
  let at = 0;
  for (const s of stats.strata.values()) {
    numbers[at++] = s.cases;
    for (const tp of TIME_POINTS) {
      const counts = s.timePoints[tp.id];
      for (const id of CRITERIA_SET_IDS) for (const n of counts.statuses[id]) numbers[at++] = n;
      for (const v of CASE_VALUES) {
        const h = counts.values[v.id];
        numbers[at++] = h.missing;
        numbers[at++] = h.bins.size;
        for (const [bin, count] of h.bins) {
          numbers[at++] = bin;
          numbers[at++] = count;
        }
      }
    }
  }
  return { cohort: stats.cohort, ranges: stats.ranges, keys: [...stats.strata.keys()], numbers };
}

/** Adds packed statistics into `into`: the same as mergeInto with the unpacked statistics, without building them. */
export function mergePacked(into: SweepStatistics, packed: PackedStatistics): void {
  admitPart(into, packed.cohort, packed.ranges);
  const numbers = packed.numbers;
  let at = 0;
  for (const key of packed.keys) {
    let target = into.strata.get(key);
    if (!target) into.strata.set(key, (target = emptyStratum()));
    target.cases += numbers[at++]!;
    for (const tp of TIME_POINTS) {
      const counts = target.timePoints[tp.id];
      for (const id of CRITERIA_SET_IDS) {
        const statuses = counts.statuses[id];
        for (let i = 0; i < STATUS_ORDER.length; i++) statuses[i]! += numbers[at++]!;
      }
      for (const v of CASE_VALUES) {
        const h = counts.values[v.id];
        h.missing += numbers[at++]!;
        const end = at + 1 + 2 * numbers[at]!;
        for (at += 1; at < end; at += 2) {
          const bin = numbers[at]!;
          h.bins.set(bin, (h.bins.get(bin) ?? 0) + numbers[at + 1]!);
        }
      }
    }
  }
}
