import {
  admitPart,
  emptyStratum,
  STRATUM_LENGTH,
  type CohortIdentity,
  type SweepStatistics,
} from './sweep-statistics.js';

/**
 * Statistics packed for handing from a worker thread to its parent: every stratum's counts (a
 * fixed-length array each, histograms on fixed grids) one after another in one Float64Array,
 * transferred, not copied, beside the strata keys. Unpacking is adding each slice into the
 * parent's stratum, so a hand-back costs the same whatever the cohort size. Counts are integers
 * far below 2⁵³, exact in a double.
 */
export interface PackedStatistics {
  readonly cohort: CohortIdentity;
  readonly ranges: [number, number][];
  readonly keys: string[];
  readonly numbers: Float64Array<ArrayBuffer>;
}

export function packStatistics(stats: SweepStatistics): PackedStatistics {
  const keys = [...stats.strata.keys()];
  const numbers = new Float64Array(keys.length * STRATUM_LENGTH);
  keys.forEach((key, k) => numbers.set(stats.strata.get(key)!.counts, k * STRATUM_LENGTH));
  return { cohort: stats.cohort, ranges: stats.ranges, keys, numbers };
}

/** Adds packed statistics into `into`: the same as mergeInto with the unpacked statistics, without building them. */
export function mergePacked(into: SweepStatistics, packed: PackedStatistics): void {
  admitPart(into, packed.cohort, packed.ranges);
  packed.keys.forEach((key, k) => {
    let target = into.strata.get(key);
    if (!target) into.strata.set(key, (target = emptyStratum()));
    target.add(packed.numbers.subarray(k * STRATUM_LENGTH, (k + 1) * STRATUM_LENGTH));
  });
}
