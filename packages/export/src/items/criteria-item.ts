import { criteriaAt, criteriaFeedback } from '@masdrill/quiz';
import { criteriaKeyOf, type CriteriaSetId } from '@masdrill/rules';
import { citeStatements, statementIdsOf } from './cite.js';
import { labTableOf, vignetteOf } from './case-view.js';
import type { DraftItem, ItemContext } from './item-context.js';
import { letteredInOrder } from './options.js';

/** The criteria sets asked about: the MAS/HLH sets and the two mimics' definitions. */
export const ASKED_CRITERIA_SETS: readonly CriteriaSetId[] = [
  'hlh-2004',
  'eular-acr-2016',
  'hscore',
  'ms-score',
  'phoenix',
  'misc-cdc-2023',
];

export const NONE_MET = 'None of these is met on the data so far (each is not met or not assessable)';

/**
 * Which criteria sets are met, multiple response: the key is what evaluate says on the visible case
 * (hours 0 to now). "Not assessable" counts as not met (missing data is not "normal"); when nothing
 * is met, the last option, "none of these", is the key.
 */
export function criteriaItem(ctx: ItemContext): DraftItem | undefined {
  const results = criteriaAt(ctx.visible, ctx.hour, ASKED_CRITERIA_SETS);
  const met = results.filter((r) => r.status === 'met');
  const { options, key } = letteredInOrder([
    ...results.map((r) => ({ text: r.name, right: r.status === 'met' })),
    { text: NONE_MET, right: met.length === 0 },
  ]);
  // The feedback on answering "none": not selecting a set counts as not met, or not assessable where it is.
  const none = Object.fromEntries(
    results.map((r) => [r.id, criteriaKeyOf(r.status) === 'met' ? 'not-met' : criteriaKeyOf(r.status)] as const),
  );
  const fb = criteriaFeedback(none, results, ctx.expected.features);
  const ids = statementIdsOf(
    ['DX-1', 'DX-3'],
    fb.flatMap((f) => f.statementIds),
  );
  // A summary is a sentence with its own full stop; inside this list it would print ".;" and "..".
  const statuses = results
    .map(
      (r) =>
        `${r.name}: ${r.status}${r.status === 'met' || r.status === 'not-met' ? '' : ` — ${r.summary.replace(/\.$/, '')}`}`,
    )
    .join('; ');
  const labTable = labTableOf(ctx.visible, `Laboratory results up to hour ${ctx.hour}`);
  return {
    id: `${ctx.idBase}-criteria`,
    topic: 'criteria',
    kind: 'multiple',
    title: 'Criteria met',
    vignette: vignetteOf(ctx.visible, ctx.hour),
    question: `Using the data from hour 0 to hour ${ctx.hour}, which of these criteria sets are met? Select all that apply. A set with a missing item that could change its answer is not assessable, which does not count as met.`,
    ...(labTable ? { labTable } : {}),
    options,
    key,
    rationale: `${met.length ? `Met: ${met.map((r) => r.name).join(', ')}.` : 'None of the sets is met.'} ${statuses}. ${citeStatements(ids)}`,
    statementIds: ids,
    source: ctx.source,
  };
}
