import type { CriteriaStatus, ItemEvidence } from './criteria-result.js';

/**
 * "k of n" logic with unknowns: met if the met items already reach k, not met if even every
 * unassessed item being met could not reach k, otherwise not assessable.
 */
export function countStatus(
  items: readonly ItemEvidence[],
  required: number,
): { status: CriteriaStatus; met: number; notAssessed: number } {
  let met = 0;
  let notAssessed = 0;
  for (const item of items) {
    if (item.status === 'met') met += 1;
    else if (item.status === 'not-assessed') notAssessed += 1;
  }
  const status: CriteriaStatus = met >= required ? 'met' : met + notAssessed < required ? 'not-met' : 'not-assessable';
  return { status, met, notAssessed };
}

/** Status of a score against a cut-off, given the range the unknown items leave open. */
export function scoreStatus(min: number, max: number, meets: (score: number) => boolean): CriteriaStatus {
  if (meets(min) && meets(max)) return 'met';
  if (!meets(min) && !meets(max)) return 'not-met';
  return 'not-assessable';
}
