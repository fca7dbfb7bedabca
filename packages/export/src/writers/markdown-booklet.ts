import { formatNumber } from '@masdrill/rules';
import type { Exam } from '../items/build-exam.js';
import type { ExamItem, LabTable } from '../items/exam-item.js';
import { keyText, labCell } from './item-html.js';
import { escapeMarkdown as md } from './text-escape.js';

export const EXAM_DISCLAIMER =
  'For education and simulation only: every patient is synthetic; nothing here guides the care of a real patient.';

function labTableMarkdown(t: LabTable): string {
  const head = `| Test (unit) | ${t.hours.map((h) => `${h} h`).join(' | ')} |`;
  const rule = `| --- | ${t.hours.map(() => '---:').join(' | ')} |`;
  const rows = t.rows.map((r) => `| ${md(r.label)} (${md(r.unit)}) | ${r.values.map(labCell).join(' | ')} |`);
  return [`*${md(t.caption)}*`, '', head, rule, ...rows].join('\n');
}

function itemMarkdown(item: ExamItem): string {
  const out = [`## Question ${item.number}. ${md(item.title)}`, '', md(item.vignette), ''];
  if (item.labTable) out.push(labTableMarkdown(item.labTable), '');
  out.push(`**${md(item.question)}**`, '');
  if (item.kind === 'numeric') out.push(`Answer: ______ ${md(item.numericKey!.unit)}`);
  else {
    if (item.kind === 'multiple') out.push('*Select all that apply.*', '');
    for (const o of item.options) out.push(`- **${o.id}.** ${md(o.text)}`);
  }
  out.push('', `*Item ${md(item.id)}*`, '');
  return out.join('\n');
}

/** The candidate's booklet: stems, lab tables and options; no keys. */
export function bookletMarkdown(exam: Exam): string {
  return [
    `# ${md(exam.title)}`,
    '',
    `> ${EXAM_DISCLAIMER}`,
    '',
    md(exam.description),
    '',
    `${exam.items.length} questions. Choose the single best answer unless told to select all that apply.`,
    '',
    ...exam.items.map(itemMarkdown),
  ].join('\n');
}

/** The answer key with rationales and the guideline statements they rest on. */
export function answerKeyMarkdown(exam: Exam): string {
  const out = [`# ${md(exam.title)}: answer key`, '', `> ${EXAM_DISCLAIMER}`, '', md(exam.description), ''];
  for (const item of exam.items) {
    const src = item.source.scenarioId
      ? `scenario ${item.source.scenarioId}, stage ${item.source.stageId}`
      : `generated case ${item.source.caseId} (seed ${item.source.seed}, index ${item.source.index})`;
    out.push(
      `## ${item.number}. ${md(item.title)} (${md(item.id)})`,
      '',
      `**Key:** ${md(keyText(item))}`,
      '',
      md(item.rationale),
      '',
      `Statements: ${item.statementIds.join(', ') || '—'}${item.citations?.length ? `; sources: ${item.citations.join(', ')}` : ''}. Source: ${md(src)} at hour ${formatNumber(item.source.hour)}.`,
      '',
    );
  }
  return out.join('\n');
}
