/**
 * The fixed histogram grid of a value, defined by the value alone (never by the data), so every
 * shard and worker counts into the same bins and a histogram is a dense array allocated once.
 *
 * Lower edges at 3 significant figures, never finer than the value's reporting precision: in units
 * of the precision (the value × 10^decimals), 0–999 in steps of 1, 1,000–9,990 in steps of 10,
 * 10,000–99,900 in steps of 100, …, and the same mirrored below zero. A value is counted in the bin
 * whose lower edge is the largest at or below it, so "value ≥ c" is decided exactly by the counts
 * for every cut-off c on the grid (every published cut-off has at most 3 significant figures).
 * The grid spans the value's possible range; a value outside it is counted in an explicit slot
 * below or above the grid, never dropped.
 */
export class ValueGrid {
  /** Lower edges of the bins in precision units (integers), ascending. */
  readonly edges: Float64Array;
  /** Slots: 0 below the grid, 1 … bins the bins, bins + 1 at or above `overflow`. */
  readonly slots: number;
  /** The lower edge, in precision units, of the slot above the grid (the first edge past the range). */
  readonly overflow: number;
  /** Each slot's lower edge as a value ("score ≥ threshold"): −∞ for the slot below the grid. */
  readonly thresholds: Float64Array;
  private readonly scale: number;
  /**
   * The edges as runs of a constant step (one per decade and sign): a run's first edge, its
   * position in `edges`, and its step. slotOf finds a value's run and then its bin by arithmetic.
   */
  private readonly runFirst: Float64Array;
  private readonly runAt: Int32Array;
  private readonly runStep: Float64Array;

  constructor(
    readonly decimals: number,
    readonly min: number,
    readonly max: number,
  ) {
    this.scale = 10 ** decimals;
    const lowest = gridFloor(min * this.scale);
    const highest = gridFloor(max * this.scale);
    const magnitudes = magnitudeEdges(Math.max(Math.abs(lowest), Math.abs(highest)) + 1);
    const signed = [...magnitudes.filter((e) => e > 0).map((e) => -e), ...magnitudes].sort((a, b) => a - b);
    const inside = signed.filter((e) => e >= lowest && e <= highest);
    this.edges = Float64Array.from(inside);
    this.overflow = signed.find((e) => e > highest)!;
    this.slots = inside.length + 2;
    this.thresholds = Float64Array.from([-Infinity, ...inside, this.overflow], (e) =>
      Number.isFinite(e) ? this.valueOf(e) : e,
    );
    const first = [inside[0]!];
    const at = [0];
    const step = [inside.length > 1 ? inside[1]! - inside[0]! : 1];
    for (let i = 1; i < inside.length; i++) {
      const d = inside[i]! - inside[i - 1]!;
      if (d === step[step.length - 1]) continue;
      first.push(inside[i - 1]!);
      at.push(i - 1);
      step.push(d);
    }
    this.runFirst = Float64Array.from(first);
    this.runAt = Int32Array.from(at);
    this.runStep = Float64Array.from(step);
  }

  /** A lower edge in precision units as the value it stands for (at the reporting precision). */
  valueOf(edge: number): number {
    return Number((edge / this.scale).toFixed(this.decimals));
  }

  /** The slot a value is counted in. */
  slotOf(value: number): number {
    // The criteria compare with a relative tolerance (rules' threshold.ts): a ratio of exactly 21.5
    // computed as 21.4999… meets "≥ 21.5", so it must land in the bin of 21.5 too.
    const scaled = value * this.scale;
    const x = scaled + 1e-9 * Math.max(this.scale, Math.abs(scaled));
    if (x >= this.overflow) return this.slots - 1;
    // The slot is the number of edges at or below x (0 when x is below the grid, or NaN). A binary
    // search over the edges took most of a sweep's counting (12 searches per case); the grid's
    // arithmetic finds the bin, and the edges around it confirm it, so the answer is the search's.
    const edges = this.edges;
    if (!(x >= edges[0]!)) return 0;
    const first = this.runFirst;
    let r = first.length - 1;
    while (first[r]! > x) r--;
    const n = edges.length;
    let count = Math.min(n, this.runAt[r]! + Math.floor((x - first[r]!) / this.runStep[r]!) + 1);
    while (count < n && edges[count]! <= x) count++;
    while (count > 0 && edges[count - 1]! > x) count--;
    return count;
  }

  /** The slot of a lower edge in precision units (the inverse of edges), or −1 when it is not one. */
  slotOfEdge(edge: number): number {
    if (edge === this.overflow) return this.slots - 1;
    const slot = this.slotOf(edge / this.scale);
    return slot >= 1 && slot <= this.edges.length && this.edges[slot - 1] === edge ? slot : -1;
  }

  /** What a statistics file records of the grid, so files counted on another grid are refused. */
  describe(): { decimals: number; lowest: number; overflow: number; bins: number } {
    return { decimals: this.decimals, lowest: this.edges[0]!, overflow: this.overflow, bins: this.edges.length };
  }
}

/** Non-negative edges in precision units, 0 … the first edge at or above `limit`. */
function magnitudeEdges(limit: number): number[] {
  const out: number[] = [];
  for (let width = 1, start = 0, end = 1000; ; width *= 10, start = end, end *= 10)
    for (let e = start; e < end; e += width) {
      out.push(e);
      if (e >= limit) return out;
    }
}

/** The largest signed grid edge at or below x (precision units). */
function gridFloor(raw: number): number {
  // −18.3 × 1000 is −18300.000000000004: a range's ends are read at 12 significant figures.
  const x = Number(raw.toPrecision(12));
  const m = Math.abs(x);
  let width = 1;
  for (let end = 1000; m >= end; end *= 10) width *= 10;
  if (x >= 0) return Math.floor(x / width) * width;
  // Below zero the edges mirror the positive ones: the floor is minus the magnitude's ceiling.
  const up = Math.ceil(m / width) * width;
  return -up;
}
