/**
 * A value past `knee` approaching `limit` smoothly instead of being clamped onto it: the excess e
 * over the knee becomes headroom × tanh(e / headroom), headroom = |limit − knee|, on the log scale
 * for log-scale analytes. Slope 1 at the knee, monotone, never reaching the limit, so nothing piles
 * up on a bound (a clamp once held 8–21% of some readings on one value). Works on either side of
 * the knee; identity when x lies on the knee's other side, or when there is no headroom (x is then
 * held at the knee, as a clamp at the knee would). The tanh shape is a design choice.
 */
export class Saturation {
  private readonly knee: number;
  private readonly up: boolean;
  private readonly log: boolean;
  /** The knee and the headroom on the sampling scale; NaN headroom: the scale cannot hold them (log of ≤ 0). */
  private readonly k: number;
  private readonly headroom: number;

  constructor(knee: number, limit: number, log: boolean) {
    this.knee = knee;
    this.up = limit >= knee;
    this.log = log;
    const usable = !log || (knee > 0 && limit > 0);
    this.k = log ? Math.log(knee) : knee;
    this.headroom = usable ? (log ? Math.log(limit) : limit) - this.k : NaN;
  }

  apply(x: number): number {
    if (this.up ? !(x > this.knee) : !(x < this.knee)) return x;
    if (Number.isNaN(this.headroom)) return x;
    if (this.headroom === 0) return this.knee;
    const y = this.applyScaled(this.log ? Math.log(x) : x);
    return this.log ? Math.exp(y) : y;
  }

  /**
   * `apply` on the sampling scale (y is log x for a log-scale saturation), for a caller that stays
   * on that scale and takes one exp at the end.
   */
  applyScaled(y: number): number {
    if (this.up ? !(y > this.k) : !(y < this.k)) return y;
    if (Number.isNaN(this.headroom)) return y;
    return this.headroom === 0 ? this.k : this.k + this.headroom * Math.tanh((y - this.k) / this.headroom);
  }
}

/** saturateTowards(x, knee, limit, log) = new Saturation(knee, limit, log).apply(x), for a knee that changes per call. */
export function saturateTowards(x: number, knee: number, limit: number, log: boolean): number {
  return new Saturation(knee, limit, log).apply(x);
}
