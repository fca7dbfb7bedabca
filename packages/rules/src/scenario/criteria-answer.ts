import type { CriteriaSetId, CriteriaStatus } from '../criteria/criteria-result.js';
import type { CriteriaAnswer, CriteriaJudgements } from '../generated/scenario.js';

/** A criteria answer as written: the list of sets judged met, or a judgement per set (scenario schema StageAnswers.criteria). */
export type CriteriaAnswerInput = readonly CriteriaSetId[] | CriteriaJudgements;

/** Every asked set with its judgement: met, not-met or not-assessable. */
export type CriteriaJudgement = Readonly<Partial<Record<CriteriaSetId, CriteriaAnswer>>>;

export const CRITERIA_ANSWERS: readonly CriteriaAnswer[] = ['met', 'not-met', 'not-assessable'];

/**
 * The answer the key holds for a criteria set, from its status on the chart: met, not met, or not
 * assessable where evaluate says the missing data could still change it. A definition that does not
 * apply to this patient (the 2016 criteria without sJIA) is not met.
 */
export function criteriaKeyOf(status: CriteriaStatus): CriteriaAnswer {
  return status === 'not-applicable' ? 'not-met' : status;
}

/**
 * A written criteria answer as one judgement per asked set: a list names the sets judged met (the
 * others are not met); a per-set answer is read as given, and a set it leaves out is not met.
 */
export function criteriaJudgement(answer: CriteriaAnswerInput, asked: readonly CriteriaSetId[]): CriteriaJudgement {
  const given: CriteriaJudgement = Array.isArray(answer)
    ? Object.fromEntries((answer as readonly CriteriaSetId[]).map((id) => [id, 'met' as const]))
    : (answer as CriteriaJudgements);
  return Object.fromEntries(asked.map((id) => [id, given[id] ?? 'not-met']));
}

/** The sets a criteria answer names, whichever form it is written in (to check they are asked). */
export function criteriaNamed(answer: CriteriaAnswerInput): CriteriaSetId[] {
  return Array.isArray(answer) ? [...(answer as readonly CriteriaSetId[])] : (Object.keys(answer) as CriteriaSetId[]);
}
