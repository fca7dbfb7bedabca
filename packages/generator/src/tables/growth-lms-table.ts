import { CDC_WEIGHT_FOR_AGE as CDC, WHO_WEIGHT_FOR_AGE as WHO, type LmsRow } from '@masdrill/rules';
import { cite, type Source } from '../source.js';

export type { LmsRow };

export interface LmsTable {
  readonly source: Source;
  readonly male: readonly LmsRow[];
  readonly female: readonly LmsRow[];
}

// The cited LMS rows live in the rules (packages/rules/src/growth/weight-for-age.ts), which also
// read them to refuse implausible weights; the generator draws from the same rows.

/** WHO Child Growth Standards 2006, weight-for-age, birth to 24 months (clinical-reference.md §2.4). */
export const WHO_WEIGHT_FOR_AGE: LmsTable = {
  source: cite(WHO.citation, WHO.where),
  male: WHO.male,
  female: WHO.female,
};

/** CDC 2000 weight-for-age (wtage.csv), 2 to 18 years (clinical-reference.md §2.4). */
export const CDC_WEIGHT_FOR_AGE: LmsTable = {
  source: cite(CDC.citation, CDC.where),
  male: CDC.male,
  female: CDC.female,
};
