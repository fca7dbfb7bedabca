import { DIAGNOSIS_MIMICS, diagnosisFeedback } from '@masdrill/quiz';
import { DIAGNOSIS_LABELS, type DiagnosisId } from '@masdrill/rules';
import { capitalize, citeStatements, statementIdsOf } from './cite.js';
import { labTableOf, vignetteOf } from './case-view.js';
import type { DraftItem, ItemContext } from './item-context.js';
import { letteredOptions } from './options.js';

/**
 * Leading diagnosis, single best answer: the key is the rules' leading diagnosis (acceptedDiagnoses),
 * the distractors its mimics (DX-3) minus every diagnosis the rules accept in full or in part, so
 * exactly one option earns the mark.
 */
export function diagnosisItem(ctx: ItemContext): DraftItem | undefined {
  const accepted = ctx.expected.diagnoses;
  const key = accepted.full[0]!;
  const credited = new Set<DiagnosisId>([...accepted.full, ...accepted.partial]);
  const distractors = DIAGNOSIS_MIMICS[key].filter((d) => !credited.has(d));
  if (distractors.length < 2) return undefined;
  const { options, key: letters } = letteredOptions(
    [
      { text: capitalize(DIAGNOSIS_LABELS[key]), right: true },
      ...distractors.map((d) => ({ text: capitalize(DIAGNOSIS_LABELS[d]), right: false })),
    ],
    ctx.orderSeed,
  );
  const fb = diagnosisFeedback(key, accepted, ctx.expected.features, ctx.visible)[0]!;
  const ids = statementIdsOf(fb.statementIds, ['DX-3']);
  const labTable = labTableOf(ctx.visible, `Laboratory results up to hour ${ctx.hour}`);
  return {
    id: `${ctx.idBase}-diagnosis`,
    topic: 'diagnosis',
    kind: 'single',
    title: 'Leading diagnosis',
    vignette: vignetteOf(ctx.visible, ctx.hour),
    question: `On the findings up to hour ${ctx.hour}${labTable ? ' and the laboratory table' : ''}, what is the leading diagnosis?`,
    ...(labTable ? { labTable } : {}),
    options,
    key: letters,
    rationale: `${capitalize(DIAGNOSIS_LABELS[key])}. ${fb.teachingPoint} The other options are mimics the findings do not support. ${citeStatements(ids)}`,
    statementIds: ids,
    source: ctx.source,
  };
}
