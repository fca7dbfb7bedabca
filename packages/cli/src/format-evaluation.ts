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

/** Reachable classifications: what the items not assessed could still turn to met (evidence, beside the status). */
function reachableText(r: CriteriaResult): string | undefined {
  const open = Object.entries(r.reachable ?? {}).filter(([, could]) => could).map(([name]) => name);
  return open.length > 0 ? `missing items could still make it: ${open.join(', ')}` : undefined;
}

/** The hours each result read, grouped: each definition reads its own default window unless --window is given. */
function windowsRead(results: readonly CriteriaResult[]): string {
  const groups = new Map<string, string[]>();
  for (const r of results) {
    const key = `hours ${r.window.fromHour} to ${r.window.toHour}`;
    groups.set(key, [...(groups.get(key) ?? []), r.id]);
  }
  if (groups.size === 1) return `${[...groups.keys()][0]} from presentation`;
  return [...groups].map(([hours, ids]) => `${hours} (${ids.join(', ')})`).join('; ') + ' from presentation';
}

/** A readable block for one case: one line per criteria set, and with `items` every item's evidence. */
export function formatEvaluation(c: Case, evaluation: Evaluation, options: { items: boolean }): string {
  const truth = c.truth ? `  [truth: ${c.truth.kind} / ${c.truth.subtype}]` : '';
  const lines = [`Case ${c.id}: ${c.patient.ageYears} y ${c.patient.sex}${truth}`];
  for (const r of evaluation.results) {
    // Status first, so it lines up whatever the length of the name; the summary says why.
    lines.push(`  ${pad(STATUS_TEXT[r.status], 16)}${r.name}`);
    lines.push(`  ${' '.repeat(16)}${r.summary}`);
    if (options.items) {
      const reachable = reachableText(r);
      if (reachable !== undefined) lines.push(`      ${reachable}`);
      lines.push(`      window: hours ${r.window.fromHour} to ${r.window.toHour}, ${r.window.read}`);
      for (const item of r.items) {
        const points = item.points !== undefined ? ` [${item.points} pts]` : '';
        lines.push(`      ${ITEM_MARK[item.status]} ${pad(item.label, 40)}${pad(formatValue(item), 22)}${pad(item.threshold, 18)}${item.hour !== null ? `h${item.hour}` : ''}${points}  (${item.citation})`);
      }
      for (const note of r.notes) lines.push(`      note: ${note}`);
    }
  }
  if (evaluation.results[0]) {
    const legend = options.items ? '; ✓ met · not met ? not assessed' : '; --items shows every item';
    lines.push(`  read: ${windowsRead(evaluation.results)}, each definition's worst values there${legend}`);
  }
  return lines.join('\n') + '\n\n';
}
