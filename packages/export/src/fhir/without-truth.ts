import type { Case } from '@masdrill/rules';

/** A case without its ground truth (truth) or outcome (encounter.died): what a learner may be given. Pure. */
export function withoutTruth(c: Case): Case {
  const { truth: _truth, ...rest } = c;
  const { died: _died, ...encounter } = c.encounter;
  return { ...rest, encounter };
}
