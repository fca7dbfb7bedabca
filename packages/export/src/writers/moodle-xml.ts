import type { Exam } from '../items/build-exam.js';
import type { ExamItem } from '../items/exam-item.js';
import { stemHtml } from './item-html.js';
import { moodleFraction } from './moodle-fractions.js';
import { escapeHtml } from './text-escape.js';
import { appendCdata, xmlDocument, xmlText, type XMLBuilder } from './xml-document.js';

const num = (x: number) => String(Math.round(x * 1e6) / 1e6);

function htmlText(parent: XMLBuilder, name: string, html: string): void {
  appendCdata(parent.ele(name, { format: 'html' }).ele('text'), html);
}

function question(quiz: XMLBuilder, item: ExamItem): void {
  const type = item.kind === 'numeric' ? 'numerical' : 'multichoice';
  const q = quiz.ele('question', { type });
  q.ele('name').ele('text').txt(`${item.number}. ${item.title} (${item.id})`);
  htmlText(q, 'questiontext', stemHtml(item));
  htmlText(q, 'generalfeedback', `<p>${escapeHtml(item.rationale)}</p>`);
  q.ele('defaultgrade').txt('1');
  q.ele('penalty').txt('0');
  q.ele('hidden').txt('0');
  q.ele('idnumber').txt(item.id);
  if (item.kind === 'numeric') {
    const k = item.numericKey!;
    const a = q.ele('answer', { fraction: '100', format: 'moodle_auto_format' });
    a.ele('text').txt(num(k.value));
    a.ele('tolerance').txt(num(k.tolerance));
    a.ele('feedback', { format: 'html' }).ele('text');
    const unit = q.ele('units').ele('unit');
    unit.ele('multiplier').txt('1');
    unit.ele('unit_name').txt(k.unit);
    q.ele('unitgradingtype').txt('0');
    q.ele('unitpenalty').txt('0');
    q.ele('showunits').txt('3');
    q.ele('unitsleft').txt('0');
  } else {
    q.ele('single').txt(item.kind === 'single' ? 'true' : 'false');
    q.ele('shuffleanswers').txt('false');
    q.ele('answernumbering').txt('ABCD');
    for (const o of item.options) {
      const a = q.ele('answer', { fraction: moodleFraction(item, o.id), format: 'html' });
      appendCdata(a.ele('text'), escapeHtml(o.text));
      a.ele('feedback', { format: 'html' }).ele('text');
    }
  }
  const tags = q.ele('tags');
  for (const t of ['masdrill', item.topic, ...item.statementIds]) tags.ele('tag').ele('text').txt(t);
}

/** Moodle XML: a category, then one multichoice (single or multiple response) or numerical question per item. */
export function moodleXml(exam: Exam): string {
  const doc = xmlDocument();
  const quiz = doc.ele('quiz');
  const cat = quiz.ele('question', { type: 'category' });
  cat.ele('category').ele('text').txt(`$course$/top/masdrill/seed ${exam.seed}`);
  for (const item of exam.items) question(quiz, item);
  return xmlText(doc);
}
