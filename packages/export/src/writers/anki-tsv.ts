import type { Exam } from '../items/build-exam.js';
import { keyText, stemHtml } from './item-html.js';
import { escapeHtml } from './text-escape.js';

/** A field may hold no tab or newline (Anki's TSV import reads them as separators). */
const field = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/**
 * Anki notes as TSV: the item id is the GUID (column 1), so re-importing updates the same notes;
 * `#html:true` so the lab tables render. Front: stem and options; back: key and rationale.
 */
export function ankiTsv(exam: Exam): string {
  const header = [
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#tags column:4',
    '#columns:GUID\tFront\tBack\tTags',
  ];
  const rows = exam.items.map((item) => {
    const options = item.options.length
      ? `<ol type="A">${item.options.map((o) => `<li>${escapeHtml(o.text)}</li>`).join('')}</ol>`
      : '';
    const front = `${stemHtml(item)}${options}`;
    const back = `<p><b>${escapeHtml(keyText(item))}</b></p><p>${escapeHtml(item.rationale)}</p>`;
    const tags = ['masdrill', `masdrill::${item.topic}`, ...item.statementIds.map((id) => `guideline::${id}`)].join(
      ' ',
    );
    return [item.id, front, back, tags].map(field).join('\t');
  });
  return `${[...header, ...rows].join('\n')}\n`;
}
