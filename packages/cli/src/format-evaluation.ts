import type { Case, CriteriaResult, Evaluation, ItemEvidence } from '@masdrill/rules/evaluate';
import { COLUMNS, wrapLine } from './text-wrap.js';

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
  const value =
    typeof item.value === 'number' ? Number(item.value.toFixed(3)).toLocaleString('en-US') : String(item.value);
  return item.unit ? `${value} ${item.unit}` : value;
}

/** Columns of an item line: the mark and label, then the value from this column. */
const ITEM_INDENT = '      ';
const VALUE_COLUMN = 44;
const DETAIL_INDENT = ' '.repeat(10);
const SUMMARY_INDENT = ' '.repeat(18);

/** One item as two or three lines within COLUMNS: label and value; then threshold, hour, points and citation. */
function formatItem(item: ItemEvidence): string[] {
  const head = `${ITEM_INDENT}${ITEM_MARK[item.status]} ${item.label}`;
  const value = formatValue(item);
  const valueFits = VALUE_COLUMN + value.length <= COLUMNS;
  const lines =
    valueFits && head.length < VALUE_COLUMN
      ? [pad(head, VALUE_COLUMN) + value]
      : [
          ...wrapLine(head, DETAIL_INDENT),
          ...wrapLine(`${valueFits ? ' '.repeat(VALUE_COLUMN) : DETAIL_INDENT}${value}`, DETAIL_INDENT),
        ];
  const when = [item.hour !== null ? `h${item.hour}` : '', item.points !== undefined ? `${item.points} pts` : '']
    .filter(Boolean)
    .join(', ');
  lines.push(
    ...wrapLine(`${DETAIL_INDENT}${item.threshold}${when ? `  [${when}]` : ''}  (${item.citation})`, DETAIL_INDENT),
  );
  return lines;
}

/** Reachable classifications: what the items not assessed could still turn to met (evidence, beside the status). */
function reachableText(r: CriteriaResult): string | undefined {
  const open = Object.entries(r.reachable ?? {})
    .filter(([, could]) => could)
    .map(([name]) => name);
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

/** A readable block for one case within 80 columns: one line per criteria set, and with `items` every item's evidence. */
export function formatEvaluation(c: Case, evaluation: Evaluation, options: { items: boolean }): string {
  const truth = c.truth ? `  [truth: ${c.truth.kind} / ${c.truth.subtype}]` : '';
  const lines = wrapLine(`Case ${c.id}: ${c.patient.ageYears} y ${c.patient.sex}${truth}`, '  ');
  for (const r of evaluation.results) {
    // Status first, so it lines up whatever the length of the name; the summary says why.
    lines.push(...wrapLine(`  ${pad(STATUS_TEXT[r.status], 16)}${r.name}`, SUMMARY_INDENT));
    lines.push(...wrapLine(`${SUMMARY_INDENT}${r.summary}`, SUMMARY_INDENT));
    if (options.items) {
      const reachable = reachableText(r);
      if (reachable !== undefined) lines.push(...wrapLine(`${ITEM_INDENT}${reachable}`, `${ITEM_INDENT}  `));
      lines.push(
        ...wrapLine(
          `${ITEM_INDENT}window: hours ${r.window.fromHour} to ${r.window.toHour}, ${r.window.read}`,
          `${ITEM_INDENT}  `,
        ),
      );
      for (const item of r.items) lines.push(...formatItem(item));
      for (const note of r.notes) lines.push(...wrapLine(`${ITEM_INDENT}note: ${note}`, `${ITEM_INDENT}      `));
    }
  }
  if (evaluation.results[0]) {
    const legend = options.items
      ? '. Items: ✓ met, · not met, ? not assessed; below each, the threshold [hour, points] (source)'
      : '; --items shows every item';
    lines.push(
      ...wrapLine(`  read: ${windowsRead(evaluation.results)}, each definition's worst values there${legend}`, '  '),
    );
  }
  return lines.join('\n') + '\n\n';
}
