import type { Exam } from '../items/build-exam.js';
import type { ExamItem, LabTable } from '../items/exam-item.js';
import { labCell } from './item-html.js';
import { xmlDocument, xmlText, type XMLBuilder } from './xml-document.js';

export const QTI21_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const QTI21_LOCATION = `${QTI21_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd`;
export const IMSCP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';

const num = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** The path of an item's file inside the package. */
export const qti21ItemPath = (item: ExamItem) => `items/${item.id}.xml`;

function table(body: XMLBuilder, t: LabTable): void {
  const el = body.ele('table');
  el.ele('caption').txt(t.caption);
  const head = el.ele('thead').ele('tr');
  head.ele('th').txt('Test (unit)');
  for (const h of t.hours) head.ele('th').txt(`${h} h`);
  const tbody = el.ele('tbody');
  for (const r of t.rows) {
    const tr = tbody.ele('tr');
    tr.ele('td').txt(`${r.label} (${r.unit})`);
    for (const v of r.values) tr.ele('td').txt(labCell(v));
  }
}

const setScore = (parent: XMLBuilder, value: string) =>
  parent.ele('setOutcomeValue', { identifier: 'SCORE' }).ele('baseValue', { baseType: 'float' }).txt(value);

/** One QTI 2.1 assessmentItem: choiceInteraction (single or multiple) or textEntryInteraction with an absolute tolerance; the rationale as modal feedback. */
export function qti21Item(item: ExamItem): string {
  const doc = xmlDocument();
  const root = doc.ele(QTI21_NS, 'assessmentItem', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': QTI21_LOCATION,
    identifier: item.id,
    title: `${item.number}. ${item.title}`,
    adaptive: 'false',
    timeDependent: 'false',
  });
  const numeric = item.kind === 'numeric';
  const rd = root.ele('responseDeclaration', {
    identifier: 'RESPONSE',
    cardinality: item.kind === 'multiple' ? 'multiple' : 'single',
    baseType: numeric ? 'float' : 'identifier',
  });
  const correct = rd.ele('correctResponse');
  if (numeric) correct.ele('value').txt(num(item.numericKey!.value));
  else for (const k of item.key) correct.ele('value').txt(k);
  root
    .ele('outcomeDeclaration', { identifier: 'SCORE', cardinality: 'single', baseType: 'float' })
    .ele('defaultValue')
    .ele('value')
    .txt('0');
  root.ele('outcomeDeclaration', { identifier: 'FEEDBACK', cardinality: 'single', baseType: 'identifier' });
  const body = root.ele('itemBody');
  body.ele('p').txt(item.vignette);
  if (item.labTable) table(body, item.labTable);
  if (numeric) {
    body.ele('p').txt(item.question);
    const p = body.ele('p').txt('Answer: ');
    p.ele('textEntryInteraction', { responseIdentifier: 'RESPONSE', expectedLength: '10' });
    p.txt(` ${item.numericKey!.unit}`);
  } else {
    const ci = body.ele('choiceInteraction', {
      responseIdentifier: 'RESPONSE',
      shuffle: 'false',
      maxChoices: item.kind === 'single' ? '1' : '0',
    });
    ci.ele('prompt').txt(item.question);
    for (const o of item.options) ci.ele('simpleChoice', { identifier: o.id }).txt(o.text);
  }
  const rp = root.ele('responseProcessing');
  const cond = rp.ele('responseCondition');
  const ifc = cond.ele('responseIf');
  if (numeric) {
    const t = num(item.numericKey!.tolerance);
    const eq = ifc.ele('equal', { toleranceMode: 'absolute', tolerance: `${t} ${t}` });
    eq.ele('variable', { identifier: 'RESPONSE' });
    eq.ele('correct', { identifier: 'RESPONSE' });
  } else {
    const m = ifc.ele('match');
    m.ele('variable', { identifier: 'RESPONSE' });
    m.ele('correct', { identifier: 'RESPONSE' });
  }
  setScore(ifc, '1');
  setScore(cond.ele('responseElse'), '0');
  rp.ele('setOutcomeValue', { identifier: 'FEEDBACK' }).ele('baseValue', { baseType: 'identifier' }).txt('RATIONALE');
  root
    .ele('modalFeedback', { outcomeIdentifier: 'FEEDBACK', identifier: 'RATIONALE', showHide: 'show' })
    .txt(item.rationale);
  return xmlText(doc);
}

/** The assessmentTest: one part, one section, every item in exam order. */
export function qti21Test(exam: Exam): string {
  const doc = xmlDocument();
  const root = doc.ele(QTI21_NS, 'assessmentTest', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': QTI21_LOCATION,
    identifier: `masdrill-exam-${exam.seed}`,
    title: exam.title,
  });
  const section = root
    .ele('testPart', { identifier: 'part-1', navigationMode: 'nonlinear', submissionMode: 'simultaneous' })
    .ele('assessmentSection', { identifier: 'section-1', title: exam.title, visible: 'true' });
  for (const item of exam.items) section.ele('assessmentItemRef', { identifier: item.id, href: qti21ItemPath(item) });
  return xmlText(doc);
}

/** imsmanifest.xml: the test resource depends on every item resource. */
export function qti21Manifest(exam: Exam): string {
  const doc = xmlDocument();
  const root = doc.ele(IMSCP_NS, 'manifest', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': `${IMSCP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd`,
    identifier: `MANIFEST-masdrill-exam-${exam.seed}`,
  });
  const md = root.ele('metadata');
  md.ele('schema').txt('QTIv2.1 Package');
  md.ele('schemaversion').txt('1.0.0');
  root.ele('organizations');
  const resources = root.ele('resources');
  const test = resources.ele('resource', { identifier: 'R-test', type: 'imsqti_test_xmlv2p1', href: 'test.xml' });
  test.ele('file', { href: 'test.xml' });
  for (const item of exam.items) test.ele('dependency', { identifierref: `R-${item.id}` });
  for (const item of exam.items) {
    resources
      .ele('resource', { identifier: `R-${item.id}`, type: 'imsqti_item_xmlv2p1', href: qti21ItemPath(item) })
      .ele('file', { href: qti21ItemPath(item) });
  }
  return xmlText(doc);
}
