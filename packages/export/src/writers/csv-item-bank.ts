import { stringify } from 'csv-stringify/sync';
import { formatNumber } from '@masdrill/rules';
import type { Exam } from '../items/build-exam.js';
import { OPTION_LETTERS } from '../items/exam-item.js';
import { labCell } from './item-html.js';

/** Option columns: as many as the widest item needs. */
const optionColumns = (exam: Exam) => Math.max(0, ...exam.items.map((i) => i.options.length));

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a leading tab/CR) is prefixed with
 * an apostrophe (OWASP "CSV injection"). Numbers stay numbers.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const CSV_FIXED_COLUMNS = [
  'id',
  'number',
  'topic',
  'type',
  'title',
  'vignette',
  'lab_table',
  'question',
] as const;
export const CSV_TAIL_COLUMNS = [
  'key',
  'numeric_value',
  'numeric_tolerance',
  'numeric_unit',
  'rationale',
  'statement_ids',
  'source',
] as const;

/** The item bank: one row per item, options in columns option_A…, the key as letters ("B" or "B;E"). UTF-8 with BOM for spreadsheets. */
export function csvItemBank(exam: Exam): string {
  const k = optionColumns(exam);
  const header = [
    ...CSV_FIXED_COLUMNS,
    ...Array.from({ length: k }, (_, i) => `option_${OPTION_LETTERS[i]}`),
    ...CSV_TAIL_COLUMNS,
  ];
  const rows = exam.items.map((item) => {
    const lab = item.labTable
      ? [
          item.labTable.caption,
          `hours: ${item.labTable.hours.join(', ')}`,
          ...item.labTable.rows.map((r) => `${r.label} (${r.unit}): ${r.values.map(labCell).join(', ')}`),
        ].join(' | ')
      : '';
    const source = item.source.scenarioId
      ? `scenario ${item.source.scenarioId} stage ${item.source.stageId}`
      : `case ${item.source.caseId} seed ${item.source.seed} index ${item.source.index}`;
    const cells: string[] = [
      item.id,
      String(item.number),
      item.topic,
      item.kind,
      item.title,
      item.vignette,
      lab,
      item.question,
      ...Array.from({ length: k }, (_, i) => item.options[i]?.text ?? ''),
      item.key.join(';'),
      item.numericKey ? formatNumber(item.numericKey.value).replace(/,/g, '') : '',
      item.numericKey ? formatNumber(item.numericKey.tolerance).replace(/,/g, '') : '',
      item.numericKey?.unit ?? '',
      item.rationale,
      item.statementIds.join(';'),
      source,
    ];
    return cells.map(neutraliseCell);
  });
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
}
