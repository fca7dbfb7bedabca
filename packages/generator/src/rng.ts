import { int32Of, ZIG_KN, ZIG_WN, zigguratSlow } from './ziggurat.js';

/**
 * Baagoe's Mash, the hash seedrandom's `alea` (3.0.5) seeds its state with. It carries its state `n`
 * from call to call, so the order of calls is part of the seeding.
 */
class Mash {
  constructor(public n = 0xefc8249d) {}

  hash(data: string): number {
    let n = this.n;
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000; // 2^32
    }
    this.n = n;
    return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  }
}

// Alea's seeding starts by hashing ' ' three times: the same numbers for every seed, worked out once.
const BLANKS = new Mash();
const BLANK_S0 = BLANKS.hash(' ');
const BLANK_S1 = BLANKS.hash(' ');
const BLANK_S2 = BLANKS.hash(' ');

/**
 * The seeding mixer: MurmurHash3's 32-bit finaliser (fmix32, the output function splitmix32 also
 * uses), a bijection on 32-bit words with full avalanche. Numerical method, not a clinical number.
 */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A seed key absorbed one 32-bit word at a time into two lanes (64 bits), each lane a bijection of
 * the word last absorbed: two keys that differ only in their last word never give the same lanes,
 * so cases of one seed never share a stream, and streams of different keys coincide with
 * probability ~2^-64 per pair. Module state, read at once by the Rng being seeded (no allocation).
 */
let laneA = 0;
let laneB = 0;
function startKey(): void {
  laneA = 0x6a09e667; // √2, √3 fractional bits (SHA-2's first words): arbitrary, fixed.
  laneB = 0xbb67ae85;
}
function absorb(word: number): void {
  laneA = fmix32((laneA ^ word) >>> 0);
  laneB = fmix32((laneB ^ Math.imul(word, 0x9e3779b1)) >>> 0); // odd multiplier: still a bijection of the word
}

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/**
 * One seeded stream of random numbers: Baagoe's Alea recurrence (the same `next` as seedrandom's
 * `alea` 3.0.5, a test holds it so from any state). Cases and mix blocks are keyed by numbers, in one
 * pass of a 64-bit key mixer (no string per case, not Alea's three Mash passes); string keys keep
 * Alea's own seeding. Written as one class so seeding a stream per case makes one object and a
 * draw is a method call V8 inlines. No Math.random, no clock.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private c = 1;

  /**
   * A stream keyed by a string, seeded exactly as seedrandom's `alea` seeds it (three Mash passes):
   * the response model keys its streams by case id, and the committed scenarios' frozen patients
   * must respond as they were authored. Or a stream keyed by whole numbers in [0, 2^53): `seed` and
   * `index` (each absorbed as its two 32-bit halves) and a 32-bit `tag` telling apart uses of the
   * same numbers (0 for cases; see textTag), in one pass of the key mixer, with no string built.
   */
  constructor(seed: string | number, index = 0, tag = 0) {
    if (typeof seed === 'string') {
      const mash = new Mash(BLANKS.n);
      let s0 = BLANK_S0 - mash.hash(seed);
      if (s0 < 0) s0 += 1;
      let s1 = BLANK_S1 - mash.hash(seed);
      if (s1 < 0) s1 += 1;
      let s2 = BLANK_S2 - mash.hash(seed);
      if (s2 < 0) s2 += 1;
      this.s0 = s0;
      this.s1 = s1;
      this.s2 = s2;
      return;
    }
    startKey();
    absorb(tag >>> 0);
    absorb(Math.floor(seed / TWO_POW_32) >>> 0);
    absorb(seed >>> 0);
    absorb(Math.floor(index / TWO_POW_32) >>> 0);
    absorb(index >>> 0);
    // Alea's state: three 32-bit fractions (the form Mash gives them) from the key's lanes; carry 1.
    this.s0 = laneA * TWO_POW_MINUS_32;
    this.s1 = laneB * TWO_POW_MINUS_32;
    this.s2 = fmix32((laneA ^ Math.imul(laneB, 0x85ebca77)) >>> 0) * TWO_POW_MINUS_32;
  }

  /** The Alea state (c, s0, s1, s2), in the form seedrandom's `alea` restores: for tests. */
  state(): { c: number; s0: number; s1: number; s2: number } {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = 2091639 * this.s0 + this.c * TWO_POW_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /**
   * Standard normal by the ziggurat (ziggurat.ts): one uniform and one multiply for 98.8% of draws,
   * no log, sin or cos on that path.
   */
  normal(): number {
    const hz = int32Of(this.next());
    const iz = hz & 127;
    return Math.abs(hz) < ZIG_KN[iz]! ? hz * ZIG_WN[iz]! : zigguratSlow(this, hz, iz);
  }

  /**
   * A cheap, bounded approximately-normal deviate (Irwin–Hall of 3 uniforms, rescaled to SD 1,
   * range ±3): for measurement noise, where the exact tail does not matter.
   */
  quickNormal(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let u = this.next() * total;
    for (const [item, w] of items) {
      u -= w;
      if (u < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

/** A nonzero 32-bit tag for numeric streams keyed by a text as well (e.g. a mix), worked out once per text. */
export function textTag(text: string): number {
  startKey();
  for (let i = 0; i < text.length; i++) absorb(text.charCodeAt(i));
  absorb(text.length);
  return (laneA ^ laneB) >>> 0 || 1;
}

/** The one stream of case `index` of seed `seed`: independent of how many cases are asked for, or in which order. */
export function caseRng(seed: number, index: number): Rng {
  return new Rng(seed, index);
}
