import type { Case } from '@masdrill/rules';
import type { Synthesizer } from './case-body.js';
import type { Difficulty, Kind } from './kind.js';
import { isKind, KINDS } from './kind.js';
import { synthesizeMas } from './kinds/mas.js';
import { synthesizeMisc } from './kinds/misc.js';
import { synthesizeSepsis } from './kinds/sepsis.js';
import { synthesizeSjiaFlare } from './kinds/sjia-flare.js';
import { caseRng } from './rng.js';
import { labReferenceRangesFor } from './tables/reference-range-table.js';
import { GENERATOR_VERSION } from './version.js';

export interface CaseSpec {
  readonly kind: Kind;
  /** 0 … 2³²−1 */
  readonly seed: number;
  /** 0 … 2⁵³−1: the case's position in its cohort. */
  readonly index: number;
  readonly difficulty?: Difficulty;
}

const SYNTHESIZERS: { readonly [K in Kind]: Synthesizer } = {
  mas: synthesizeMas,
  'sjia-flare': synthesizeSjiaFlare,
  sepsis: synthesizeSepsis,
  misc: synthesizeMisc,
};

export function checkSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError(`seed must be a whole number from 0 to 4294967295 (got ${seed})`);
}

export function checkIndex(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0)
    throw new RangeError(`index must be a whole number ≥ 0 (got ${index})`);
}

/**
 * One synthetic case: a pure function of (kind, seed, index, difficulty). Its random stream is
 * seeded from (seed, index) alone, so the case is the same whether it is asked for alone, in a
 * cohort of 20 or of a million, in any order or batch. Values are in canonical units and rounded
 * to reporting precision.
 */
export function generateCase(spec: CaseSpec): Case {
  const { kind, seed, index } = spec;
  const difficulty = spec.difficulty ?? 'standard';
  if (!isKind(kind)) throw new RangeError(`unknown kind "${String(kind)}"; kinds: ${KINDS.join(', ')}`);
  if (difficulty !== 'standard' && difficulty !== 'hard')
    throw new RangeError(`difficulty must be standard or hard (got ${String(difficulty)})`);
  checkSeed(seed);
  checkIndex(index);
  const body = SYNTHESIZERS[kind](caseRng(seed, index), difficulty);
  return {
    schemaVersion: 1,
    units: 'canonical',
    id: `gen-${seed}-${index}`,
    provenance: { source: 'generated', seed, index, generatorVersion: GENERATOR_VERSION, difficulty },
    patient: body.patient,
    background: body.background,
    encounter: body.encounter,
    observations: body.observations,
    labs: body.labs,
    labReferenceRanges: labReferenceRangesFor(body.patient),
    investigations: body.investigations,
    truth: body.truth,
  };
}
