import type { Case } from '../generated/case.js';
import type { CriteriaResult, CriteriaSet, CriteriaSetId, EvaluateOptions } from './criteria-result.js';
import { windowFor, type IndexedCriteriaSet } from './criteria-set.js';
import { CaseIndex } from '../case/case-index.js';
import type { DefaultWindowRule } from './default-window.js';
import { hlh2004 } from './hlh-2004.js';
import { eularAcr2016 } from './eular-acr-2016.js';
import { hscore } from './hscore.js';
import { msScore } from './ms-score.js';
import { ferritinEsr } from './ferritin-esr.js';
import { phoenix } from './phoenix.js';
import { miscCdc2023 } from './misc-cdc-2023.js';
import { miscWho2020 } from './misc-who-2020.js';

/** Every criteria set, in the order reports show them. A mapped type keeps the table complete. */
const INDEXED_SETS: { readonly [K in CriteriaSetId]: IndexedCriteriaSet } = {
  'hlh-2004': hlh2004,
  'eular-acr-2016': eularAcr2016,
  hscore,
  'ms-score': msScore,
  'ferritin-esr': ferritinEsr,
  phoenix,
  'misc-cdc-2023': miscCdc2023,
  'misc-who-2020': miscWho2020,
};

export const CRITERIA_SETS: { readonly [K in CriteriaSetId]: CriteriaSet } = INDEXED_SETS;

export const CRITERIA_SET_IDS = Object.keys(CRITERIA_SETS) as readonly CriteriaSetId[];

export interface Evaluation {
  readonly caseId: string;
  readonly results: readonly CriteriaResult[];
}

/**
 * Every criteria set (or the chosen ones) applied to one case. Pure. The case is read once per window
 * into an index the sets reading that window share (a caller's window: one index for all).
 */
export function evaluate(
  c: Case,
  options: EvaluateOptions & { readonly only?: readonly CriteriaSetId[] } = {},
): Evaluation {
  const ids = options.only ?? CRITERIA_SET_IDS;
  const indexes = new Map<DefaultWindowRule, CaseIndex>();
  const indexFor = (rule: DefaultWindowRule): CaseIndex => {
    let index = indexes.get(options.window === undefined ? rule : 'first-24-hours');
    if (index === undefined) {
      index = new CaseIndex(c, windowFor(c, rule, options));
      indexes.set(options.window === undefined ? rule : 'first-24-hours', index);
    }
    return index;
  };
  return {
    caseId: c.id,
    results: ids.map((id) => INDEXED_SETS[id].evaluateIndexed(indexFor(INDEXED_SETS[id].defaultWindow), options)),
  };
}

/** The window each set reads by default, in words (for help texts and the README). */
export function defaultWindowOf(id: CriteriaSetId): DefaultWindowRule {
  return INDEXED_SETS[id].defaultWindow;
}
