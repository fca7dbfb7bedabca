import { FIRST_24_HOURS, type Case } from '@masdrill/rules';
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

/** How much of a case to generate. */
export interface GenerateOptions {
  /**
   * Leave out the lab panels and observations after this hour (at least 24; default: none), for
   * readers that read no later hour (a sweep reads hour 0 and the first day). Every value kept and
   * the truth are those of the whole case; the case's id says it is cut (`…-through-24h`), so it
   * cannot pass for a whole case. For sweeps only: never write such a case out.
   */
  readonly throughHour?: number;
}

export function checkThroughHour(throughHour: number): void {
  if (!Number.isFinite(throughHour) || throughHour < FIRST_24_HOURS.toHour)
    throw new RangeError(
      `throughHour must be a number ≥ ${FIRST_24_HOURS.toHour} (the generator's own checks read the first day; got ${throughHour})`,
    );
}

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
 *
 * With `throughHour` (≥ 24) the panels and observations after it are not built, and the case is
 * exactly the whole case without them (test/through-hour.test.ts). That holds because every
 * random draw is still taken in its place (CaseLabs.skipPanel: one quickNormal per reading past
 * hour 0; buildObservations: the hour's vital-sign normals; the per-hour series the synthesizers
 * draw with `mapped` are drawn whole), and because nothing built before or after them reads a
 * later hour: the Phoenix and MIS-C checks and their completions (label-checks.ts, label-bounds.ts)
 * read hours 0–24; MIS-C's marrow decision reads the 24-h panel; the cardiac markers read
 * observations to 12 h. What does touch later hours only edits each row on its own (sepsis'
 * scaleCourse rescales every panel by the hour-0 value; the non-shock MAP lift and
 * chartTerminalCourse edit each observation alone), with no draws, so the rows kept are unchanged.
 */
export function generateCase(spec: CaseSpec, options: GenerateOptions = {}): Case {
  const { kind, seed, index } = spec;
  const difficulty = spec.difficulty ?? 'standard';
  if (!isKind(kind)) throw new RangeError(`unknown kind "${String(kind)}"; kinds: ${KINDS.join(', ')}`);
  if (difficulty !== 'standard' && difficulty !== 'hard')
    throw new RangeError(`difficulty must be standard or hard (got ${String(difficulty)})`);
  checkSeed(seed);
  checkIndex(index);
  const throughHour = options.throughHour;
  if (throughHour !== undefined) checkThroughHour(throughHour);
  const body = SYNTHESIZERS[kind](caseRng(seed, index), difficulty, throughHour ?? Number.POSITIVE_INFINITY);
  return {
    schemaVersion: 1,
    units: 'canonical',
    id: throughHour === undefined ? `gen-${seed}-${index}` : `gen-${seed}-${index}-through-${throughHour}h`,
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
