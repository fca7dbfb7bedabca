import {
  CRITERIA_SET_IDS,
  criteriaKeyOf,
  evaluate,
  type Case,
  type CriteriaJudgement,
  type CriteriaResult,
  type CriteriaSetId,
  type DiagnosisId,
  type Scenario,
} from '@masdrill/rules';
import { hashSeed, seededShuffle } from './seeded-order.js';

/** The mimics offered beside each diagnosis (DX-3: MAS hides among sepsis, flares and MIS-C). */
export const DIAGNOSIS_MIMICS: { readonly [K in DiagnosisId]: readonly DiagnosisId[] } = {
  mas: ['sepsis', 'sjia-flare', 'primary-hlh', 'misc'],
  sepsis: ['septic-shock', 'mas', 'misc', 'sjia-flare'],
  'septic-shock': ['sepsis', 'mas', 'misc', 'primary-hlh'],
  'sjia-flare': ['mas', 'sepsis', 'misc', 'primary-hlh'],
  misc: ['misc-with-mas', 'septic-shock', 'mas', 'sjia-flare'],
  'misc-with-mas': ['misc', 'mas', 'septic-shock', 'sepsis'],
  'primary-hlh': ['mas', 'sepsis', 'sjia-flare'],
  other: ['mas', 'sepsis', 'sjia-flare'],
};

/** The seed a session's order of choices comes from: the generator seed, or a hash of the scenario id. */
export function scenarioSeed(s: Scenario): number {
  return s.generate ? (s.generate.seed ^ hashSeed(s.id)) >>> 0 : hashSeed(s.id);
}

/** The choices for the leading-diagnosis question: the expected diagnosis and its mimics, in a seeded order. */
export function defaultDiagnosisOptions(expected: DiagnosisId, seed: number): DiagnosisId[] {
  return seededShuffle([expected, ...DIAGNOSIS_MIMICS[expected].filter((d) => d !== expected)], seed);
}

export const ALL_CRITERIA_SETS: readonly CriteriaSetId[] = CRITERIA_SET_IDS;

/**
 * The key reads each definition whole: Phoenix sepsis is suspected infection AND a score of 2 or
 * more (Schlapbach 2024), so without suspected infection on the chart the set is not met, whatever
 * the score — read explicitly here, whichever way the criteria set reports it.
 */
function keyed(r: CriteriaResult, visible: Case, hour: number): CriteriaResult {
  if (r.id !== 'phoenix' || r.status !== 'met' || visible.encounter.suspectedInfection === true) return r;
  return {
    ...r,
    status: 'not-met',
    summary: `${r.summary} But Phoenix sepsis needs suspected infection, and the chart shows none by hour ${hour}: not met.`,
  };
}

/**
 * Each asked criteria set's result on what is known by `hour` (the visible case), each set over its
 * own default window up to `hour` as `masdrill evaluate` reads it (Phoenix: the first 24 h), as the
 * key reads it: met, not met, or not assessable where evaluate says so (missing data is not
 * assessed, never normal).
 */
export function criteriaAt(visible: Case, hour: number, sets: readonly CriteriaSetId[]): readonly CriteriaResult[] {
  return evaluate(visible, { atHour: hour, only: sets }).results.map((r) => keyed(r, visible, hour));
}

/** The key per asked set by `hour`: met, not-met, or not-assessable where evaluate says so. */
export function criteriaKeyAt(visible: Case, hour: number, sets: readonly CriteriaSetId[]): CriteriaJudgement {
  return Object.fromEntries(criteriaAt(visible, hour, sets).map((r) => [r.id, criteriaKeyOf(r.status)]));
}

/** The asked criteria sets that are met by `hour`. */
export function criteriaMetAt(visible: Case, hour: number, sets: readonly CriteriaSetId[]): CriteriaSetId[] {
  return criteriaAt(visible, hour, sets)
    .filter((r) => r.status === 'met')
    .map((r) => r.id);
}
