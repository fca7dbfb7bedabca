import { formatNumber } from '@masdrill/rules';
import type { ExamItem, LabTable } from '../items/exam-item.js';
import { escapeHtml } from './text-escape.js';

const cell = (v: number | null) => (v === null ? '—' : formatNumber(v));

/** A lab table as plain XHTML (no attributes: GIFT, Moodle, QTI and Anki all take it). */
export function labTableHtml(t: LabTable): string {
  const head = `<tr><th>Test (unit)</th>${t.hours.map((h) => `<th>${h} h</th>`).join('')}</tr>`;
  const rows = t.rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.label)} (${escapeHtml(r.unit)})</td>${r.values.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><caption>${escapeHtml(t.caption)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

export const labCell = cell;

/** The stem as HTML: vignette, lab table, question. */
export function stemHtml(item: ExamItem): string {
  return `<p>${escapeHtml(item.vignette)}</p>${item.labTable ? labTableHtml(item.labTable) : ''}<p>${escapeHtml(item.question)}</p>`;
}

/** The key in words: "B. Macrophage activation syndrome" or "333 mg (± 16.7)". */
export function keyText(item: ExamItem): string {
  if (item.numericKey)
    return `${formatNumber(item.numericKey.value)} ${item.numericKey.unit} (accepted ± ${formatNumber(item.numericKey.tolerance)} ${item.numericKey.unit})`;
  return item.key.map((k) => `${k}. ${item.options.find((o) => o.id === k)!.text}`).join('; ');
}
