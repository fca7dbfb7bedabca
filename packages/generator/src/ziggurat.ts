/**
 * Marsaglia & Tsang's ziggurat for the standard normal (J Stat Softw 2000;5(8), "RNOR"): 128 layers
 * of equal area under the density; a 32-bit signed draw picks a layer from its low 7 bits and a
 * point from the whole word, accepted at once 98.8% of the time (one uniform, one multiply). The
 * constants are the paper's (numerical method, not clinical numbers): r the base layer's right edge,
 * v each layer's area. The tables are built here once, exactly as the paper's `zigset`.
 */
const LAYERS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;
const M1 = 2147483648; // 2^31

/** |hz| below KN[i]: the point lies inside layer i's rectangle under the density (accepted at once). */
export const ZIG_KN = new Float64Array(LAYERS);
/** The deviate per unit of hz in layer i. */
export const ZIG_WN = new Float64Array(LAYERS);
/** The density exp(−x²/2) at layer i's right edge. */
const FN = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  ZIG_KN[0] = (dn / q) * M1;
  ZIG_KN[1] = 0;
  ZIG_WN[0] = q / M1;
  ZIG_WN[LAYERS - 1] = dn / M1;
  FN[0] = 1;
  FN[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    ZIG_KN[i + 1] = (dn / tn) * M1;
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    ZIG_WN[i] = dn / M1;
  }
}

/** A source of uniforms in [0, 1) with 32 bits of resolution (an Alea stream). */
interface Uniforms {
  next(): number;
}

/** A signed 32-bit draw from a uniform with 32 bits of resolution. */
export function int32Of(u: number): number {
  return (u * 4294967296) | 0;
}

/**
 * The ziggurat's rare path (1.2% of draws): a point of layer `iz` (drawn as `hz`) outside the
 * rectangle it can accept at once — the base layer's tail beyond r (Marsaglia's exponential
 * method), or a wedge under the density accepted against it; otherwise a fresh draw.
 */
export function zigguratSlow(rng: Uniforms, hz: number, iz: number): number {
  for (;;) {
    const x = hz * ZIG_WN[iz]!;
    if (iz === 0) {
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(1 - rng.next()) / R;
        y = -Math.log(1 - rng.next());
      } while (y + y < tail * tail);
      return hz > 0 ? R + tail : -R - tail;
    }
    if (FN[iz]! + rng.next() * (FN[iz - 1]! - FN[iz]!) < Math.exp(-0.5 * x * x)) return x;
    hz = int32Of(rng.next());
    iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < ZIG_KN[iz]!) return hz * ZIG_WN[iz]!;
  }
}
