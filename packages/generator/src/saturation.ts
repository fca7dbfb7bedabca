/**
 * A value past `knee` approaching `limit` smoothly instead of being clamped onto it: the excess e
 * over the knee becomes headroom × tanh(e / headroom), headroom = |limit − knee|, on the log scale
 * for log-scale analytes. Slope 1 at the knee, monotone, never reaching the limit, so nothing piles
 * up on a bound (a clamp once held 8–21% of some readings on one value). Works on either side of
 * the knee; identity when x lies on the knee's other side, or when there is no headroom (x is then
 * held at the knee, as a clamp at the knee would). The tanh shape is a design choice.
 */
export function saturateTowards(x: number, knee: number, limit: number, log: boolean): number {
  const up = limit >= knee;
  if (up ? !(x > knee) : !(x < knee)) return x;
  if (log && !(knee > 0 && limit > 0)) return x;
  const k = log ? Math.log(knee) : knee;
  const headroom = (log ? Math.log(limit) : limit) - k;
  if (headroom === 0) return knee;
  const y = k + headroom * Math.tanh(((log ? Math.log(x) : x) - k) / headroom);
  return log ? Math.exp(y) : y;
}
