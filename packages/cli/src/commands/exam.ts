import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { DIFFICULTIES, MixError, parseMix, type Difficulty } from '@masdrill/generator';
import {
  analyseExam,
  analysisHtml,
  analysisTable,
  buildExam,
  EXAM_FILES,
  EXAM_JSON,
  examFiles,
  itemProblems,
  itemStatisticsCsv,
  studentScoresCsv,
  type ExamItem,
  type StudentResponses,
} from '@masdrill/export';
import { formatProblem, type Case, type Scenario, type ValidationProblem } from '@masdrill/rules';
import { CliError } from '../cli-error.js';
import { DISCLAIMER } from '../help.js';
import type { Io } from '../main.js';
import { parseFlags } from '../parse-flags.js';
import { writeFolderAtomically } from '../write-folder-atomically.js';
import { readScenarioFile, scenarioCase } from '../scenario-files.js';
import { chromiumPath } from '../headless-chromium.js';
import { bookletPdf, PDF_FILE, PDF_HOW_TO } from './exam-pdf.js';

export const EXAM_HELP = `masdrill exam — a reproducible exam set for educators, in every format learning systems import.
${DISCLAIMER}

Usage: masdrill exam --out exam/ [--n 20] [--mix mas:10,sepsis:5,misc:5] [--seed 2026] [--difficulty standard|hard] [--scenario id|file …] [--force] [--no-pdf]
       masdrill exam grade --exam exam/ --responses responses.csv [--out report/] [--force]

  --n <items>          items from generated cases (default 20); topics rotate: diagnosis, criteria,
                       next step, dose, escalation, pitfall
  --mix <kind:w,…>     the cohort's kinds and weights (default mas:10,sepsis:5,misc:5)
  --seed <n>           the cohort's seed (default 2026); same options, same bytes
  --difficulty <d>     standard (default) or hard (values straddling the cut-offs)
  --scenario <ref>     add key-features items from a scenario's stages (an id in scenarios/ or a
                       YAML file); repeat the flag for several
  --out <folder>       the exam folder, written atomically (built beside it, then renamed)
  --force              replace an existing non-empty folder (whole, never half-overwritten)
  --no-pdf             do not print booklet.pdf (by default it is printed when a headless
                       Chromium is found: /usr/bin/chromium-headless-shell, /usr/bin/chromium or
                       MASDRILL_CHROMIUM; without one the other files are written and a line says so)

Files: ${Object.keys(EXAM_FILES).join(', ')}, and ${PDF_FILE} when a headless Chromium is found.

grade reads the responses CSV as an LMS exports it: a header row; one row per student. Columns:
  student_id (or student, username, email, id)   who answered
  one column per item, named by the item id (e.g. s2026-c0003-dose), Q<number> or <number>
  answers: an option letter (B), letters for multiple response (B;E), a number for numeric items
  (333, "333 mg"); an empty cell is unanswered (scored wrong). Other columns are ignored.
It prints per-item difficulty p, corrected point-biserial, upper–lower 27% index and flags, and with
--out writes students.csv, items.csv and report.html (an item-difficulty plot).

Exit codes: 0 done; 2 bad input (the message names the file, the field and the fix).
`;

const SCENARIO_DIRS = [resolve('scenarios'), fileURLToPath(new URL('../../../../scenarios/', import.meta.url))];
const isFile = (p: string) =>
  stat(p).then(
    (s) => s.isFile(),
    () => false,
  );

async function scenarioFile(ref: string): Promise<string> {
  if (await isFile(ref)) return ref;
  if (/^[a-z0-9][a-z0-9-]*$/.test(ref)) {
    for (const dir of SCENARIO_DIRS)
      for (const ext of ['.yaml', '.yml']) if (await isFile(join(dir, ref + ext))) return join(dir, ref + ext);
  }
  throw new CliError(
    `masdrill exam: --scenario ${ref}: not a file and not a scenario id in scenarios/. Fix: give a scenario YAML file or an id such as sjia-mas-classic.`,
  );
}

function fail(problems: readonly ValidationProblem[], what: string): never {
  throw new CliError(
    `masdrill exam: the ${what} is not valid:\n${problems.slice(0, 12).map(formatProblem).join('\n')}`,
  );
}

async function loadScenario(ref: string): Promise<{ scenario: Scenario; baseCase: Case }> {
  const file = await scenarioFile(ref);
  const read = await readScenarioFile(file);
  if (!read.scenario) fail(read.problems, `scenario ${basename(file)}`);
  const c = await scenarioCase(read.scenario, file, read.lines);
  if (!c.case) fail(c.problems, `case of scenario ${basename(file)}`);
  return { scenario: read.scenario, baseCase: c.case };
}

function wholeNumber(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new CliError(`masdrill exam: --${flag} must be a whole number from ${min} to ${max} (got "${text}").`);
  return Number(text);
}

async function buildCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    'exam',
    argv,
    {
      n: { type: 'string' },
      mix: { type: 'string' },
      seed: { type: 'string' },
      difficulty: { type: 'string' },
      scenario: { type: 'string', multiple: true },
      out: { type: 'string' },
      force: { type: 'boolean' },
      'no-pdf': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(EXAM_HELP);
    return 0;
  }
  if (typeof values.out !== 'string')
    throw new CliError('masdrill exam: give --out <folder> for the exam files. Run "masdrill exam --help".');
  const n = wholeNumber('n', values.n as string | undefined, 20, 1, 500);
  const seed = wholeNumber('seed', values.seed as string | undefined, 2026, 0, 0xffffffff);
  const mixText = (values.mix as string | undefined) ?? 'mas:10,sepsis:5,misc:5';
  try {
    parseMix(mixText);
  } catch (error) {
    if (error instanceof MixError)
      throw new CliError(
        `masdrill exam: --mix ${mixText}: ${error.message}. Fix: write kind:weight pairs, e.g. mas:10,sepsis:5,misc:5.`,
      );
    throw error;
  }
  const difficulty = (values.difficulty as string | undefined) ?? 'standard';
  if (!(DIFFICULTIES as readonly string[]).includes(difficulty))
    throw new CliError(`masdrill exam: --difficulty must be one of ${DIFFICULTIES.join(', ')} (got "${difficulty}").`);
  const scenarios = [];
  for (const ref of (values.scenario as string[] | undefined) ?? []) scenarios.push(await loadScenario(ref));
  const exam = buildExam({ n, mix: mixText, seed, difficulty: difficulty as Difficulty, scenarios });
  const files = examFiles(exam);
  const pdf =
    values['no-pdf'] === true ? { skipped: 'not asked for (--no-pdf)' } : await printedBooklet(files, exam.title);
  if (pdf.bytes) files[PDF_FILE] = pdf.bytes;
  await writeFolderAtomically(values.out, files, { force: values.force === true, what: '--out' });
  const topics = new Map<string, number>();
  for (const i of exam.items) topics.set(i.topic, (topics.get(i.topic) ?? 0) + 1);
  io.stdout.write(
    `${exam.items.length} items (${[...topics].map(([t, c]) => `${c} ${t}`).join(', ')}) written to ${values.out}\n`,
  );
  if (exam.rejected.length)
    io.stdout.write(
      `${exam.rejected.length} candidate item(s) failed the item checks and were replaced: ${exam.rejected.map((r) => `${r.id} (${r.problems.join('; ')})`).join(', ')}\n`,
    );
  for (const [file, what] of Object.entries(EXAM_FILES)) io.stdout.write(`  ${file.padEnd(18)} ${what}\n`);
  if (pdf.bytes) io.stdout.write(`  ${PDF_FILE.padEnd(18)} candidate booklet, A4 PDF (headless Chromium)\n`);
  else io.stdout.write(`${PDF_FILE} skipped: ${pdf.skipped}.\n`);
  return 0;
}

/** The booklet as PDF when a headless Chromium is here; else why not and how to get it (not an error). */
async function printedBooklet(
  files: Record<string, string | Uint8Array>,
  examId: string,
): Promise<{ bytes?: Uint8Array; skipped?: string }> {
  const browser = chromiumPath();
  if (!browser) return { skipped: `no headless Chromium found; to get it, ${PDF_HOW_TO}` };
  try {
    return { bytes: await bookletPdf(files['booklet.html'] as string, examId, browser) };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { skipped: `${browser} could not print it (${reason}); to get it, ${PDF_HOW_TO}` };
  }
}

async function readExam(folder: string): Promise<ExamItem[]> {
  const file = join(folder, EXAM_JSON);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined)
    throw new CliError(
      `masdrill exam grade: --exam ${folder}: no ${EXAM_JSON} in it. Fix: give a folder written by "masdrill exam --out".`,
    );
  let data: { items?: unknown };
  try {
    data = JSON.parse(text) as { items?: unknown };
  } catch (error) {
    throw new CliError(
      `${file}: $: not valid JSON (${error instanceof Error ? error.message : String(error)}). Fix: rebuild the exam with "masdrill exam".`,
    );
  }
  if (!Array.isArray(data.items) || data.items.length === 0)
    throw new CliError(`${file}: $.items: no items. Fix: rebuild the exam with "masdrill exam".`);
  const items = data.items as ExamItem[];
  items.forEach((item, i) => {
    const problems =
      typeof item?.id === 'string' && Array.isArray(item.options) && Array.isArray(item.key)
        ? itemProblems(item)
        : ['not an exam item'];
    if (problems.length)
      throw new CliError(`${file}: $.items[${i}]: ${problems.join('; ')}. Fix: rebuild the exam with "masdrill exam".`);
  });
  return items;
}

const STUDENT_COLUMNS = ['student_id', 'student', 'username', 'email', 'id'];

async function readResponses(file: string, items: readonly ExamItem[]): Promise<StudentResponses[]> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined)
    throw new CliError(`masdrill exam grade: cannot read the responses file ${file}. Fix: check the path.`);
  let rows: string[][];
  try {
    rows = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    throw new CliError(
      `${file}: not valid CSV (${error instanceof Error ? error.message : String(error)}). Fix: export the responses as CSV with one header row.`,
    );
  }
  const header = rows[0];
  if (!header) throw new CliError(`${file}: empty. Fix: one header row, then one row per student.`);
  const lower = header.map((h) => h.trim().toLowerCase());
  const studentCol = lower.findIndex((h) => STUDENT_COLUMNS.includes(h));
  if (studentCol < 0)
    throw new CliError(`${file}: line 1: no student column. Fix: name one column ${STUDENT_COLUMNS.join(', ')}.`);
  const columnOf = new Map<string, number>();
  for (const item of items) {
    const names = [item.id.toLowerCase(), `q${item.number}`, String(item.number)];
    const col = lower.findIndex((h) => names.includes(h));
    if (col >= 0) columnOf.set(item.id, col);
  }
  const missing = items.filter((i) => !columnOf.has(i.id));
  if (missing.length)
    throw new CliError(
      `${file}: line 1: no column for ${missing.length} item(s): ${missing
        .slice(0, 5)
        .map((i) => `${i.id} (Q${i.number})`)
        .join(', ')}${missing.length > 5 ? ', …' : ''}. Fix: one column per item, named by its id or Q<number>.`,
    );
  return rows.slice(1).map((row, r) => {
    const studentId = row[studentCol]?.trim();
    if (!studentId)
      throw new CliError(`${file}: line ${r + 2}: ${header[studentCol]} is empty. Fix: give every row a student id.`);
    const answers: Record<string, string> = {};
    for (const [id, col] of columnOf) answers[id] = row[col] ?? '';
    return { studentId, answers };
  });
}

async function gradeExamCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    'exam grade',
    argv,
    {
      exam: { type: 'string' },
      responses: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(EXAM_HELP);
    return 0;
  }
  if (typeof values.exam !== 'string' || typeof values.responses !== 'string')
    throw new CliError(
      'masdrill exam grade: give --exam <folder> and --responses <file.csv>. Run "masdrill exam --help".',
    );
  const items = await readExam(values.exam);
  const responses = await readResponses(values.responses, items);
  if (responses.length < 2)
    throw new CliError(
      `${values.responses}: ${responses.length} student row(s). Fix: item analysis needs at least 2 students.`,
    );
  const analysis = analyseExam(items, responses);
  io.stdout.write(analysisTable(analysis));
  if (typeof values.out === 'string') {
    const title = `masdrill exam ${basename(resolve(values.exam))}`;
    await writeFolderAtomically(
      values.out,
      {
        'students.csv': studentScoresCsv(analysis),
        'items.csv': itemStatisticsCsv(analysis),
        'report.html': analysisHtml(title, analysis),
      },
      { force: values.force === true, what: '--out' },
    );
    io.stdout.write(`students.csv, items.csv and report.html written to ${values.out}\n`);
  }
  return 0;
}

export async function examCommand(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === 'grade') return gradeExamCommand(argv.slice(1), io);
  return buildCommand(argv, io);
}
