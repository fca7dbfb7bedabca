import type { Exam } from '../items/build-exam.js';
import type { ExamItem } from '../items/exam-item.js';
import { stemHtml } from './item-html.js';
import { escapeHtml } from './text-escape.js';
import { xmlDocument, xmlText, type XMLBuilder } from './xml-document.js';

export const QTI12_NS = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const IMSCP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';

const num = (x: number) => String(Math.round(x * 1e6) / 1e6);
const CANVAS_TYPE = {
  single: 'multiple_choice_question',
  multiple: 'multiple_answers_question',
  numeric: 'numerical_question',
} as const;

const mattext = (parent: XMLBuilder, html: string) =>
  parent.ele('material').ele('mattext', { texttype: 'text/html' }).txt(html);

function item(section: XMLBuilder, it: ExamItem): void {
  const el = section.ele('item', { ident: it.id, title: `${it.number}. ${it.title}` });
  const meta = el.ele('itemmetadata').ele('qtimetadata');
  for (const [label, entry] of [
    ['question_type', CANVAS_TYPE[it.kind]],
    ['points_possible', '1'],
    ['original_answer_ids', it.options.map((o) => o.id).join(',')],
  ] as const) {
    const f = meta.ele('qtimetadatafield');
    f.ele('fieldlabel').txt(label);
    f.ele('fieldentry').txt(entry);
  }
  const pres = el.ele('presentation');
  mattext(pres, stemHtml(it));
  if (it.kind === 'numeric') {
    pres
      .ele('response_str', { ident: 'response1', rcardinality: 'Single' })
      .ele('render_fib', { fibtype: 'Decimal' })
      .ele('response_label', { ident: 'answer1' });
  } else {
    const rc = pres
      .ele('response_lid', { ident: 'response1', rcardinality: it.kind === 'single' ? 'Single' : 'Multiple' })
      .ele('render_choice');
    for (const o of it.options) mattext(rc.ele('response_label', { ident: o.id }), escapeHtml(o.text));
  }
  const rp = el.ele('resprocessing');
  rp.ele('outcomes').ele('decvar', { maxvalue: '100', minvalue: '0', varname: 'SCORE', vartype: 'Decimal' });
  const general = rp.ele('respcondition', { continue: 'Yes' });
  general.ele('conditionvar').ele('other');
  general.ele('displayfeedback', { feedbacktype: 'Response', linkrefid: 'general_fb' });
  const right = rp.ele('respcondition', { continue: 'No' });
  const cv = right.ele('conditionvar');
  if (it.kind === 'numeric') {
    const k = it.numericKey!;
    const and = cv.ele('and');
    and.ele('vargte', { respident: 'response1' }).txt(num(k.value - k.tolerance));
    and.ele('varlte', { respident: 'response1' }).txt(num(k.value + k.tolerance));
  } else if (it.kind === 'single') {
    cv.ele('varequal', { respident: 'response1' }).txt(it.key[0]!);
  } else {
    const and = cv.ele('and');
    for (const o of it.options) {
      if (it.key.includes(o.id)) and.ele('varequal', { respident: 'response1' }).txt(o.id);
      else and.ele('not').ele('varequal', { respident: 'response1' }).txt(o.id);
    }
  }
  right.ele('setvar', { action: 'Set', varname: 'SCORE' }).txt('100');
  mattext(el.ele('itemfeedback', { ident: 'general_fb' }).ele('flow_mat'), `<p>${escapeHtml(it.rationale)}</p>`);
}

/** QTI 1.2 as Canvas's classic quizzes import it: one assessment, one section, Canvas question types in the item metadata. */
export function qti12Assessment(exam: Exam): string {
  const doc = xmlDocument();
  const root = doc.ele(QTI12_NS, 'questestinterop', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': `${QTI12_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd`,
  });
  const a = root.ele('assessment', { ident: `masdrill-exam-${exam.seed}`, title: exam.title });
  const meta = a.ele('qtimetadata').ele('qtimetadatafield');
  meta.ele('fieldlabel').txt('cc_maxattempts');
  meta.ele('fieldentry').txt('1');
  const section = a.ele('section', { ident: 'root_section' });
  for (const it of exam.items) item(section, it);
  return xmlText(doc);
}

export const QTI12_FILE = (exam: Exam) => `masdrill-exam-${exam.seed}/masdrill-exam-${exam.seed}.xml`;

/** The package manifest Canvas reads: one QTI 1.2 resource. */
export function qti12Manifest(exam: Exam): string {
  const doc = xmlDocument();
  const root = doc.ele(IMSCP_NS, 'manifest', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': `${IMSCP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd`,
    identifier: `MANIFEST-masdrill-exam-${exam.seed}-qti12`,
  });
  const md = root.ele('metadata');
  md.ele('schema').txt('IMS Content');
  md.ele('schemaversion').txt('1.1.3');
  root.ele('organizations');
  root
    .ele('resources')
    .ele('resource', { identifier: `R-masdrill-exam-${exam.seed}`, type: 'imsqti_xmlv1p2', href: QTI12_FILE(exam) })
    .ele('file', { href: QTI12_FILE(exam) });
  return xmlText(doc);
}
