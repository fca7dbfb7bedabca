import type { Exam } from '../items/build-exam.js';
import type { ExamItem } from '../items/exam-item.js';
import { stemHtml } from './item-html.js';
import { moodleFraction } from './moodle-fractions.js';
import { escapeHtml } from './text-escape.js';

/** GIFT's special characters ~ = # { } : (and the escape \ itself) are backslash-escaped. */
export function escapeGift(s: string): string {
  return s.replace(/([\\~=#{}:])/g, '\\$1');
}

const num = (x: number) => String(Math.round(x * 1e6) / 1e6);

function answers(item: ExamItem): string {
  const feedback = `####${escapeGift(escapeHtml(item.rationale))}`;
  if (item.kind === 'numeric') return `{#${num(item.numericKey!.value)}:${num(item.numericKey!.tolerance)}${feedback}}`;
  if (item.kind === 'single')
    return `{\n${item.options.map((o) => `\t${item.key.includes(o.id) ? '=' : '~'}${escapeGift(escapeHtml(o.text))}`).join('\n')}\n${feedback}\n}`;
  return `{\n${item.options.map((o) => `\t~%${moodleFraction(item, o.id)}%${escapeGift(escapeHtml(o.text))}`).join('\n')}\n${feedback}\n}`;
}

/** GIFT (Moodle's text import): one question per block, HTML stems, fractions from Moodle's allowed list. */
export function giftText(exam: Exam): string {
  const blocks = exam.items.map(
    (item) =>
      `// ${item.number}. ${item.title}\n::${escapeGift(item.id)}::[html]${escapeGift(stemHtml(item))}${answers(item)}`,
  );
  return `// ${exam.title}. ${exam.description}\n\n${blocks.join('\n\n')}\n`;
}
