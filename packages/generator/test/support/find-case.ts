import type { Case } from '@masdrill/rules';
import { generateCase, type Difficulty, type Kind } from '../../src/index.js';

export interface FoundCase {
  readonly seed: number;
  readonly case: Case;
}

/** How many seeds a search tries before it gives up (a property rarer than 1 in 50 needs its own bound). */
export const FIND_CASE_TRIES = 400;

/**
 * The first generated case (seed 0, 1, 2, … at one index) with a property a test needs, so the
 * test holds on any random stream: a generator version that changes the bytes moves the seed,
 * not the test. Throws, naming the property, when none of `tries` seeds has it.
 */
export function findCase(
  spec: { kind: Kind; index?: number; difficulty?: Difficulty },
  property: string,
  has: (c: Case) => boolean,
  tries = FIND_CASE_TRIES,
): FoundCase {
  const caseAt = (seed: number) =>
    generateCase({ kind: spec.kind, seed, index: spec.index ?? 0, difficulty: spec.difficulty ?? 'standard' });
  const seed = firstSeed(
    `a ${spec.kind} case (index ${spec.index ?? 0}) with ${property}`,
    (s) => has(caseAt(s)),
    tries,
  );
  return { seed, case: caseAt(seed) };
}

/** The first seed from 0 on that `has` accepts (for properties of more than one case, e.g. a drill); throws naming the property. */
export function firstSeed(property: string, has: (seed: number) => boolean, tries = FIND_CASE_TRIES): number {
  for (let seed = 0; seed < tries; seed++) if (has(seed)) return seed;
  throw new Error(`no seed in 0…${tries - 1} gives ${property}`);
}
