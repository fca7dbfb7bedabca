import type { Case } from '@masdrill/rules';
import { checkIndex, checkSeed, checkThroughHour, generateCase, type GenerateOptions } from './generate-case.js';
import type { Difficulty, Kind } from './kind.js';
import { kindAt, mixOf, parseMix, type Mix } from './mix.js';

export interface CohortSpec {
  /** One kind for every case, or a mix (a Mix or its text form "mas:10,sepsis:5"). Exactly one. */
  readonly kind?: Kind;
  readonly mix?: Mix | string;
  readonly n: number;
  readonly seed: number;
  readonly difficulty?: Difficulty;
  /** First index (default 0): a shard of a larger cohort is the same cases as the whole. */
  readonly start?: number;
  /** Cases cut after this hour (GenerateOptions.throughHour): for sweeps only, never written out. */
  readonly throughHour?: number;
}

export function resolveMix(spec: Pick<CohortSpec, 'kind' | 'mix'>): Mix {
  if ((spec.kind === undefined) === (spec.mix === undefined)) throw new RangeError('give exactly one of kind or mix');
  if (spec.kind !== undefined) return mixOf({ [spec.kind]: 1 });
  return typeof spec.mix === 'string' ? parseMix(spec.mix) : spec.mix!;
}

/** The kind of case `index` of a cohort. */
export function cohortKindAt(spec: Pick<CohortSpec, 'kind' | 'mix' | 'seed'>, index: number): Kind {
  return kindAt(resolveMix(spec), spec.seed, index);
}

/**
 * A lazy cohort: cases start … start+n−1, generated one at a time as they are read (constant
 * memory for any n). Case i is generateCase({ kind: kindAt(mix, seed, i), seed, index: i }).
 */
export function* caseStream(spec: CohortSpec): Generator<Case, void, undefined> {
  const mix = resolveMix(spec);
  const start = spec.start ?? 0;
  checkSeed(spec.seed);
  checkIndex(start);
  if (!Number.isSafeInteger(spec.n) || spec.n < 0) throw new RangeError(`n must be a whole number ≥ 0 (got ${spec.n})`);
  const difficulty = spec.difficulty ?? 'standard';
  const options: GenerateOptions = spec.throughHour === undefined ? {} : { throughHour: spec.throughHour };
  if (spec.throughHour !== undefined) checkThroughHour(spec.throughHour);
  for (let index = start; index < start + spec.n; index++) {
    yield generateCase({ kind: kindAt(mix, spec.seed, index), seed: spec.seed, index, difficulty }, options);
  }
}
