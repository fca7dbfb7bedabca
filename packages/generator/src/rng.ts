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
 * One seeded stream of random numbers: Baagoe's Alea, exactly as seedrandom's `alea` computes it
 * (a test holds the streams equal), written as one class so that seeding a stream per case makes
 * one object and a draw is a method call V8 inlines (the library builds a Mash closure and four
 * function objects per seed, and every draw went through two calls). No Math.random, no clock.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private c = 1;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: string) {
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
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
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

  /** Standard normal (Box–Muller, polar-free form; the second value is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u1 = 1 - this.next();
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
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

/** The one stream of case `index` of seed `seed`: independent of how many cases are asked for, or in which order. */
export function caseRng(seed: number, index: number): Rng {
  return new Rng(`${seed}:${index}`);
}
