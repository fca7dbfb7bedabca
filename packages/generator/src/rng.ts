import seedrandom from 'seedrandom';

/**
 * One seeded stream of random numbers. Backed by seedrandom's `alea` (seeding one per case costs
 * about a microsecond; the default ARC4 is ~10× slower, DESIGN.md). No Math.random, no clock.
 */
export class Rng {
  private readonly prng: seedrandom.PRNG;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: string) {
    this.prng = seedrandom.alea(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.prng();
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.prng();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.prng() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.prng() < p;
  }

  /** Standard normal (Box–Muller, polar-free form; the second value is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u1 = 1 - this.prng();
    const u2 = this.prng();
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
    return (this.prng() + this.prng() + this.prng() - 1.5) * 2;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.prng() * items.length)]!;
  }

  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let u = this.prng() * total;
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
