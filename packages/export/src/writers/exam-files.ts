import type { Exam } from '../items/build-exam.js';
import { ankiTsv } from './anki-tsv.js';
import { csvItemBank } from './csv-item-bank.js';
import { giftText } from './gift.js';
import { htmlDocument } from './html-document.js';
import { answerKeyMarkdown, bookletMarkdown } from './markdown-booklet.js';
import { moodleXml } from './moodle-xml.js';
import { qti12Assessment, qti12Manifest, QTI12_FILE } from './qti12.js';
import { qti21Item, qti21ItemPath, qti21Manifest, qti21Test } from './qti21.js';
import { deterministicZip } from './zip.js';

/** The exam as data (items, keys, rationales): what `masdrill exam grade` reads back. */
export const EXAM_JSON = 'exam.json';

/** What each file of an exam folder is, for the command's summary and the README. */
export const EXAM_FILES: Readonly<Record<string, string>> = {
  'booklet.md': 'candidate booklet (Markdown)',
  'booklet.html': 'candidate booklet, printable, self-contained',
  'answer-key.md': 'answer key with rationales (Markdown)',
  'answer-key.html': 'answer key with rationales, printable',
  'item-bank.csv': 'CSV item bank (UTF-8 with BOM)',
  'moodle.xml': 'Moodle XML',
  'qti21.zip': 'QTI 2.1 content package (imsmanifest.xml, test.xml, items/)',
  'canvas-qti12.zip': 'QTI 1.2 package for Canvas classic quizzes',
  'exam.gift': 'GIFT',
  'anki.tsv': 'Anki notes (GUID column, HTML)',
  [EXAM_JSON]: 'the items as JSON (read by masdrill exam grade)',
};

/** Every file of an exam folder, by name. Pure: same exam, same bytes. */
export function examFiles(exam: Exam): Record<string, string | Uint8Array> {
  const booklet = bookletMarkdown(exam);
  const key = answerKeyMarkdown(exam);
  const qti21: Record<string, string> = { 'imsmanifest.xml': qti21Manifest(exam), 'test.xml': qti21Test(exam) };
  for (const item of exam.items) qti21[qti21ItemPath(item)] = qti21Item(item);
  return {
    'booklet.md': booklet,
    'booklet.html': htmlDocument(exam.title, booklet),
    'answer-key.md': key,
    'answer-key.html': htmlDocument(`${exam.title}: answer key`, key),
    'item-bank.csv': csvItemBank(exam),
    'moodle.xml': moodleXml(exam),
    'qti21.zip': deterministicZip(qti21),
    'canvas-qti12.zip': deterministicZip({
      'imsmanifest.xml': qti12Manifest(exam),
      [QTI12_FILE(exam)]: qti12Assessment(exam),
    }),
    'exam.gift': giftText(exam),
    'anki.tsv': ankiTsv(exam),
    [EXAM_JSON]: `${JSON.stringify({ schemaVersion: 1, title: exam.title, description: exam.description, seed: exam.seed, items: exam.items }, null, 2)}\n`,
  };
}
