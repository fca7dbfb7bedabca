import type { Case, CriteriaResult, Evaluation, ItemEvidence } from '@masdrill/rules';

const STATUS_TEXT: Record<CriteriaResult['status'], string> = {
  met: 'MET',
  'not-met': 'not met',
  'not-assessable': 'not assessable',
  'not-applicable': 'not applicable',
};

const ITEM_MARK: Record<ItemEvidence['status'], string> = { met: '✓', 'not-met': '·', 'not-assessed': '?' };

function pad(text: string, width: number): string {
  return text.length >= width ? text + ' ' : text + ' '.repeat(width - text.length);
}

function formatValue(item: ItemEvidence): string {
  if (item.value === null) return 'not assessed';
  const value = typeof item.value === 'number' ? Number(item.value.toFixed(3)).toLocaleString('en-US') : String(item.value);
  return item.unit ? `${value} ${item.unit}` : value;
}

function headline(result: CriteriaResult): string {
  if (result.score) {
    const s = result.score;
    const range = s.min !== s.max ? ` (${s.min}–${s.max} with unknowns)` : '';
    const p = s.probability ? `, P ${(s.probability.value * 100).toFixed(0)}%` : '';
    return `score ${Number(s.value.toFixed(2))}${range}, cut-off ${s.cutoff}${p}`;
  }
  if (result.count) {
    const c = result.count;
    return `${c.met} of ${c.of} met${c.notAssessed ? `, ${c.notAssessed} not assessed` : ''} (needs ${c.required})`;
  }
  return result.summary;
}

/** A readable block for one case: one line per criteria set, and with `items` every item's evidence. */
export function formatEvaluation(c: Case, evaluation: Evaluation, options: { items: boolean }): string {
  const truth = c.truth ? `  [truth: ${c.truth.kind} / ${c.truth.subtype}]` : '';
  const lines = [`Case ${c.id}: ${c.patient.ageYears} y ${c.patient.sex}${truth}`];
  for (const r of evaluation.results) {
    lines.push(`  ${pad(r.name, 44)}${pad(STATUS_TEXT[r.status], 16)}${headline(r)}`);
    if (r.classifications) {
      const parts = Object.entries(r.classifications).map(([k, v]) => `${k}: ${STATUS_TEXT[v]}`);
      lines.push(`  ${' '.repeat(44)}${parts.join('; ')}`);
    }
    if (options.items) {
      for (const item of r.items) {
        const points = item.points !== undefined ? ` [${item.points} pts]` : '';
        lines.push(`      ${ITEM_MARK[item.status]} ${pad(item.label, 40)}${pad(formatValue(item), 22)}${pad(item.threshold, 18)}${item.hour !== null ? `h${item.hour}` : ''}${points}  (${item.citation})`);
      }
      for (const note of r.notes) lines.push(`      note: ${note}`);
    }
  }
  if (evaluation.results[0]) {
    const w = evaluation.results[0].window;
    lines.push(`  window: hours ${w.fromHour} to ${w.toHour} from presentation (${w.rule}); ✓ met · not met ? not assessed`);
  }
  return lines.join('\n') + '\n\n';
}
