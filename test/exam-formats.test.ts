import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseGift, type MultipleChoice, type Numerical, type NumericalChoice } from 'gift-pegjs';
import {
  buildExam,
  examFiles,
  MOODLE_FRACTIONS,
  moodleFraction,
  qti21ItemPath,
  type Exam,
  type ExamItem,
} from '@masdrill/export';
import { readZip, validateAgainst } from './support/exam-tools.js';

// The seed-2026 exam, with one item carrying every import trap: a formula-looking option, GIFT's
// special characters, HTML, and "]]>" (which no CDATA section may hold) in the rationale.
const base = buildExam({ n: 20, mix: 'mas:10,sepsis:5,misc:5', seed: 2026 });
const TRAP_OPTION = '=SUM(A1) ~ {x} # : \\ <b>bold</b> & "q"';
const trapIndex = base.items.findIndex((x) => x.kind === 'single');
const trapItem: ExamItem = {
  ...base.items[trapIndex]!,
  options: base.items[trapIndex]!.options.map((o, i) => (i === 1 ? { ...o, text: TRAP_OPTION } : o)),
  rationale: `${base.items[trapIndex]!.rationale} Trap: a]]>b {c} ~d =e #f :g`,
};
const exam: Exam = { ...base, items: base.items.map((x, i) => (i === trapIndex ? trapItem : x)) };
const files = examFiles(exam);
const text = (name: string) => {
  const f = files[name]!;
  return typeof f === 'string' ? f : new TextDecoder().decode(f);
};
const bytes = (name: string) => {
  const f = files[name]!;
  return typeof f === 'string' ? new TextEncoder().encode(f) : f;
};
const decodeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const optionTexts = (item: ExamItem) => item.options.map((o) => o.text);

const ARRAYS = new Set([
  'question',
  'answer',
  'simpleChoice',
  'value',
  'item',
  'response_label',
  'varequal',
  'not',
  'resource',
  'file',
  'dependency',
  'assessmentItemRef',
  'tr',
  'td',
  'tag',
]);
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  textNodeName: '#text',
  isArray: (name) => ARRAYS.has(name),
});
const textOf = (node: unknown): string =>
  typeof node === 'string' ? node : ((node as { '#text'?: string })['#text'] ?? '');

function expectXmlProlog(name: string, b: Uint8Array) {
  expect(b[0], `${name} starts with a BOM`).not.toBe(0xef);
  expect(new TextDecoder().decode(b.slice(0, 5)), `${name} line 1`).toBe('<?xml');
}

describe('QTI 2.1 content package', () => {
  it('validates against the official QTI 2.1.2 and IMS CP 1.1.4 schemas (xmllint-wasm), and a broken item does not', async () => {
    const entries = await readZip(bytes('qti21.zip'));
    const docs = entries
      .filter((e) => e.name !== 'imsmanifest.xml')
      .map((e) => ({ fileName: e.name, contents: e.text }));
    expect(docs).toHaveLength(exam.items.length + 1);
    const items = await validateAgainst('qti-2.1', 'imsqti_v2p1p2.xsd', docs);
    expect(items.errors).toEqual([]);
    expect(items.valid).toBe(true);
    const manifest = await validateAgainst('qti-2.1', 'imscp_v1p1.xsd', [
      { fileName: 'imsmanifest.xml', contents: entries.find((e) => e.name === 'imsmanifest.xml')!.text },
    ]);
    expect(manifest.errors).toEqual([]);
    // The validator can fail: a choice without its identifier is refused.
    const broken = await validateAgainst('qti-2.1', 'imsqti_v2p1p2.xsd', [
      {
        fileName: 'broken.xml',
        contents: docs[0]!.contents.replace(/<simpleChoice identifier="A">/, '<simpleChoice>'),
      },
    ]);
    expect(broken.valid).toBe(false);
  }, 120_000);

  it('round-trips every item, option and key through another XML parser', async () => {
    const entries = await readZip(bytes('qti21.zip'));
    expect(entries.map((e) => e.name)).toEqual([...entries.map((e) => e.name)].sort());
    for (const e of entries) expectXmlProlog(e.name, new TextEncoder().encode(e.text));
    const manifest = xml.parse(entries.find((e) => e.name === 'imsmanifest.xml')!.text).manifest;
    expect(manifest.resources.resource.map((r: Record<string, string>) => r['@_href'])).toEqual([
      'test.xml',
      ...exam.items.map(qti21ItemPath),
    ]);
    for (const item of exam.items) {
      const doc = xml.parse(entries.find((e) => e.name === qti21ItemPath(item))!.text).assessmentItem;
      expect(doc['@_identifier']).toBe(item.id);
      const values = doc.responseDeclaration.correctResponse.value.map(textOf);
      if (item.kind === 'numeric') {
        expect(Number(values[0])).toBe(item.numericKey!.value);
        const tol = doc.responseProcessing.responseCondition.responseIf.equal['@_tolerance'];
        expect(tol).toBe(`${item.numericKey!.tolerance} ${item.numericKey!.tolerance}`);
      } else {
        expect(values).toEqual(item.key);
        const choices = doc.itemBody.choiceInteraction.simpleChoice;
        expect(choices.map((c: Record<string, string>) => c['@_identifier'])).toEqual(item.options.map((o) => o.id));
        expect(choices.map(textOf)).toEqual(optionTexts(item));
        expect(doc.itemBody.choiceInteraction['@_maxChoices']).toBe(item.kind === 'single' ? '1' : '0');
      }
      expect(textOf(doc.modalFeedback)).toBe(item.rationale);
    }
  });
});

describe('Canvas QTI 1.2 package', () => {
  it('validates against the IMS QTI 1.2 ASI schema and round-trips keys, options and numeric ranges', async () => {
    const entries = await readZip(bytes('canvas-qti12.zip'));
    expect(entries.map((e) => e.name)).toEqual([
      'imsmanifest.xml',
      `masdrill-exam-${exam.seed}/masdrill-exam-${exam.seed}.xml`,
    ]);
    const qti = entries[1]!;
    expectXmlProlog(qti.name, new TextEncoder().encode(qti.text));
    const v = await validateAgainst('qti-1.2', 'ims_qtiasiv1p2.xsd', [{ fileName: 'q.xml', contents: qti.text }]);
    expect(v.errors).toEqual([]);
    const m = await validateAgainst('qti-2.1', 'imscp_v1p1.xsd', [
      { fileName: 'imsmanifest.xml', contents: entries[0]!.text },
    ]);
    expect(m.errors).toEqual([]);
    const items = xml.parse(qti.text).questestinterop.assessment.section.item;
    expect(items.map((x: Record<string, string>) => x['@_ident'])).toEqual(exam.items.map((x) => x.id));
    exam.items.forEach((item, i) => {
      const node = items[i];
      const right = node.resprocessing.respcondition[1].conditionvar;
      if (item.kind === 'numeric') {
        expect(Number(textOf(right.and.vargte))).toBeCloseTo(item.numericKey!.value - item.numericKey!.tolerance, 6);
        expect(Number(textOf(right.and.varlte))).toBeCloseTo(item.numericKey!.value + item.numericKey!.tolerance, 6);
      } else {
        const labels = node.presentation.response_lid.render_choice.response_label;
        expect(labels.map((l: Record<string, string>) => l['@_ident'])).toEqual(item.options.map((o) => o.id));
        expect(labels.map((l: { material: { mattext: unknown } }) => decodeHtml(textOf(l.material.mattext)))).toEqual(
          optionTexts(item),
        );
        const keyed = item.kind === 'single' ? right.varequal.map(textOf) : right.and.varequal.map(textOf);
        expect(keyed).toEqual(item.key);
      }
    });
  }, 120_000);
});

describe('Moodle XML', () => {
  const doc = () => xml.parse(text('moodle.xml')).quiz.question as Record<string, any>[];
  it('starts with <?xml on line 1, no BOM; keeps "]]>" out of every CDATA section', () => {
    expectXmlProlog('moodle.xml', bytes('moodle.xml'));
    for (const m of text('moodle.xml').matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) expect(m[1]).not.toContain(']]>');
    expect(doc()[0]!['@_type']).toBe('category');
  });
  it("round-trips every question, answer, fraction and tolerance; fractions are Moodle's allowed values", () => {
    const qs = doc().slice(1);
    expect(qs).toHaveLength(exam.items.length);
    exam.items.forEach((item, i) => {
      const q = qs[i]!;
      expect(textOf(q.idnumber)).toBe(item.id);
      expect(decodeHtml(textOf(q.generalfeedback.text))).toContain(item.rationale);
      if (item.kind === 'numeric') {
        expect(q['@_type']).toBe('numerical');
        expect(Number(textOf(q.answer[0].text))).toBe(item.numericKey!.value);
        expect(Number(textOf(q.answer[0].tolerance))).toBe(item.numericKey!.tolerance);
        return;
      }
      expect(q['@_type']).toBe('multichoice');
      expect(textOf(q.single)).toBe(item.kind === 'single' ? 'true' : 'false');
      expect(q.answer.map((a: any) => decodeHtml(textOf(a.text)))).toEqual(optionTexts(item));
      const fractions: string[] = q.answer.map((a: any) => a['@_fraction']);
      for (const f of fractions) expect(MOODLE_FRACTIONS).toContain(f.replace(/^-/, ''));
      item.options.forEach((o, j) => expect(Number(fractions[j]) > 0).toBe(item.key.includes(o.id)));
      expect(
        fractions
          .map(Number)
          .filter((x) => x > 0)
          .reduce((a, b) => a + b, 0),
      ).toBeCloseTo(100, 3);
    });
  });
  it('maps k right answers to 100/k and m wrong ones to −100/m, all from the allowed list', () => {
    const item = exam.items.find((x) => x.kind === 'multiple')!;
    for (let k = 1; k <= 6; k++) {
      const variant = { ...item, key: item.options.slice(0, k).map((o) => o.id) };
      const right = moodleFraction(variant, variant.key[0]!);
      expect(Math.abs(Number(right) - 100 / k)).toBeLessThan(1e-4);
      const wrong = moodleFraction(variant, item.options[item.options.length - 1]!.id);
      expect(Math.abs(Number(wrong) + 100 / (item.options.length - k))).toBeLessThan(1e-4);
    }
  });
});

describe('CSV item bank', () => {
  it('parses back with csv-parse (BOM): every item, option and key; formula-looking cells neutralised', () => {
    const b = bytes('item-bank.csv');
    expect([...b.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(text('item-bank.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(exam.items.length);
    exam.items.forEach((item, i) => {
      const row = rows[i]!;
      expect(row.id).toBe(item.id);
      expect(row.key).toBe(item.key.join(';'));
      const texts = item.options.map((o) => row[`option_${o.id}`]);
      expect(texts).toEqual(optionTexts(item).map((t) => (/^[=+\-@]/.test(t) ? `'${t}` : t)));
      if (item.numericKey) expect(Number(row.numeric_value)).toBe(item.numericKey.value);
      expect(row.rationale).toBe(item.rationale);
    });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(rows[trapIndex]![`option_${trapItem.options[1]!.id}`]).toBe(`'${TRAP_OPTION}`);
  });
});

describe('GIFT', () => {
  it('parses back with gift-pegjs: titles, choices, keys, weights, numeric answers; ~ = # { } : survive escaped', () => {
    const qs = parseGift(text('exam.gift'));
    expect(qs).toHaveLength(exam.items.length);
    exam.items.forEach((item, i) => {
      const q = qs[i]!;
      expect(q.title).toBe(item.id);
      if (item.kind === 'numeric') {
        expect(q.type).toBe('Numerical');
        const choice = (q as Numerical).choices as NumericalFormat | NumericalChoice[];
        const c = Array.isArray(choice) ? choice[0]!.text : choice;
        expect(c.number).toBe(item.numericKey!.value);
        expect(c.range).toBe(item.numericKey!.tolerance);
        return;
      }
      expect(q.type).toBe('MC');
      const mc = q as MultipleChoice;
      expect(mc.choices.map((c) => decodeHtml(c.text.text))).toEqual(optionTexts(item));
      if (item.kind === 'single')
        expect(mc.choices.map((c) => c.isCorrect)).toEqual(item.options.map((o) => item.key.includes(o.id)));
      else mc.choices.forEach((c, j) => expect(c.weight! > 0).toBe(item.key.includes(item.options[j]!.id)));
      expect(decodeHtml(mc.globalFeedback!.text)).toBe(item.rationale);
    });
  });
});
type NumericalFormat = { number?: number; range?: number };

describe('Anki TSV', () => {
  it('has #html:true, the item id as GUID in column 1, one note per item, no stray tabs or newlines', () => {
    const lines = text('anki.tsv').trimEnd().split('\n');
    const headers = lines.filter((l) => l.startsWith('#'));
    expect(headers).toContain('#html:true');
    expect(headers).toContain('#guid column:1');
    const notes = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
    expect(notes.map((n) => n[0])).toEqual(exam.items.map((x) => x.id));
    for (const n of notes) expect(n).toHaveLength(4);
  });
});

describe('booklet and answer key', () => {
  it('the booklet is self-contained, has the lab tables, and holds no key or rationale', () => {
    const html = text('booklet.html');
    expect(html).not.toMatch(/<script|<link|src="http|href="http/i);
    expect((html.match(/<table>/g) ?? []).length).toBe(exam.items.filter((x) => x.labTable).length);
    // Every rationale quotes the guideline after "Guideline:"; the booklet never does.
    expect(html).not.toContain('Guideline:');
    expect(text('booklet.md')).not.toContain('Guideline:');
    for (const item of exam.items) expect(text('answer-key.md')).toContain(item.id.replace(/_/g, '\\_'));
  });
});
