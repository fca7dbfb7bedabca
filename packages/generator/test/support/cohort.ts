import type { Case } from '@masdrill/rules';
import { caseStream, type Difficulty, type Kind } from '../../src/index.js';

const COHORTS = new Map<string, readonly Case[]>();

/** Cases 0 … n−1 of one kind and seed, generated once per test file and shared by its tests. */
export function cohort(kind: Kind, seed: number, n: number, difficulty: Difficulty = 'standard'): readonly Case[] {
  const key = `${kind}/${seed}/${n}/${difficulty}`;
  let cases = COHORTS.get(key);
  if (cases === undefined) COHORTS.set(key, (cases = [...caseStream({ kind, n, seed, difficulty })]));
  return cases;
}
