import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExamItem } from '@masdrill/export';
import { CHROMIUM_PATHS } from '../packages/cli/dist/headless-chromium.js';
import { BIN, REPO_ROOT } from './support/run-cli.js';
import { readZip } from './support/exam-tools.js';
import { raschClass } from './support/rasch-class.js';

const GOLDEN = join(REPO_ROOT, 'test', 'golden-exam');
// booklet.pdf is printed when a headless Chromium is found (test/exam-pdf.test.ts reads it); its
// bytes are Chromium's own, so the byte-identity goldens leave it out.
const CHROMIUM = CHROMIUM_PATHS.some((p) => existsSync(p));
const NO_PDF = '--no-pdf';
const ARGS = ['--n', '20', '--mix', 'mas:10,sepsis:5,misc:5', '--seed', '2026'];

function run(args: readonly string[], tz = 'UTC') {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: tz },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'masdrill-exam-'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('.tmp-') || f.includes('.old-'));

describe('masdrill exam (the built bin)', () => {
  const dir = tmp();
  const west = join(dir, 'exam-la');
  const east = join(dir, 'exam-kolkata');
  const first = run(['exam', ...ARGS, '--out', west], 'America/Los_Angeles');
  const second = run(['exam', ...ARGS, NO_PDF, '--out', east], 'Asia/Kolkata');

  it('writes every format in one run', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^20 items \(/);
    expect(listing(west)).toEqual([
      'anki.tsv',
      'answer-key.html',
      'answer-key.md',
      'booklet.html',
      'booklet.md',
      ...(CHROMIUM ? ['booklet.pdf'] : []),
      'canvas-qti12.zip',
      'exam.gift',
      'exam.json',
      'item-bank.csv',
      'moodle.xml',
      'qti21.zip',
    ]);
    expect(leftovers(dir)).toEqual([]);
  });

  it('is byte-identical in two time zones and matches the golden files', () => {
    expect(second.code).toBe(0);
    const hashes = listing(west)
      .filter((f) => f !== 'booklet.pdf')
      .map((f) => `${sha(readFileSync(join(west, f)))}  ${f}`);
    expect(listing(east).map((f) => `${sha(readFileSync(join(east, f)))}  ${f}`)).toEqual(hashes);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(join(GOLDEN, 'seed-2026.sha256'), `${hashes.join('\n')}\n`);
      for (const f of ['booklet.md', 'answer-key.md'])
        writeFileSync(join(GOLDEN, `seed-2026.${f}`), readFileSync(join(west, f)));
    }
    expect(readFileSync(join(GOLDEN, 'seed-2026.sha256'), 'utf8')).toBe(`${hashes.join('\n')}\n`);
    for (const f of ['booklet.md', 'answer-key.md'])
      expect(readFileSync(join(west, f), 'utf8')).toBe(readFileSync(join(GOLDEN, `seed-2026.${f}`), 'utf8'));
  });

  it('zips its packages with sorted entries and one local-time stamp (2000-01-01 00:00)', async () => {
    for (const z of ['qti21.zip', 'canvas-qti12.zip']) {
      const entries = await readZip(readFileSync(join(west, z)));
      expect(entries.map((e) => e.name)).toEqual(entries.map((e) => e.name).sort());
      for (const e of entries) expect(e.modified.getTime()).toBe(new Date(2000, 0, 1).getTime());
    }
  });

  it('refuses an existing folder without --force, leaving it untouched; with --force replaces it whole', () => {
    writeFileSync(join(west, 'stray.txt'), 'mine');
    const refused = run(['exam', ...ARGS, NO_PDF, '--out', west]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists and is not empty.*--force/);
    expect(readFileSync(join(west, 'stray.txt'), 'utf8')).toBe('mine');
    const forced = run(['exam', ...ARGS, NO_PDF, '--n', '6', '--out', west, '--force']);
    expect(forced.code).toBe(0);
    expect(existsSync(join(west, 'stray.txt'))).toBe(false);
    expect(JSON.parse(readFileSync(join(west, 'exam.json'), 'utf8')).items).toHaveLength(6);
    expect(leftovers(dir)).toEqual([]);
  });

  it.each([
    [['--n', 'twenty'], /--n must be a whole number/],
    [['--mix', 'mas:1,flu:2'], /--mix mas:1,flu:2: unknown kind "flu"/],
    [['--difficulty', 'brutal'], /--difficulty must be one of standard, hard/],
    [['--scenario', 'no-such-scenario'], /--scenario no-such-scenario: not a file/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('bad input %j: one message, exit 2, no folder left behind', (extra, message) => {
    const d = tmp();
    const r = run(['exam', '--out', join(d, 'exam'), ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(d)).toEqual([]);
  });

  it("adds key-features items from a scenario's stages", () => {
    const d = tmp();
    const r = run(['exam', '--n', '2', NO_PDF, '--scenario', 'sjia-mas-classic', '--out', join(d, 'exam')]);
    expect(r.code).toBe(0);
    const items = JSON.parse(readFileSync(join(d, 'exam', 'exam.json'), 'utf8')).items as ExamItem[];
    const fromScenario = items.filter((i) => i.source.scenarioId === 'sjia-mas-classic');
    expect(fromScenario.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fromScenario.map((i) => i.topic)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('writeFolderAtomically', () => {
  it('a failed write leaves no partial folder and an existing folder intact', async () => {
    const { writeFolderAtomically } = await import('../packages/cli/dist/write-folder-atomically.js');
    const d = tmp();
    // "a" as a file and as a folder cannot both be written: the run fails part-way.
    await expect(
      writeFolderAtomically(join(d, 'out'), { a: 'x', 'a/b': 'y' }, { force: false, what: '--out' }),
    ).rejects.toThrow(/cannot write/);
    expect(readdirSync(d)).toEqual([]);
    mkdirSync(join(d, 'out'));
    writeFileSync(join(d, 'out', 'keep.txt'), 'old');
    await expect(
      writeFolderAtomically(join(d, 'out'), { 'b.txt': 'new', 'b.txt/c': 'y' }, { force: true, what: '--out' }),
    ).rejects.toThrow(/cannot write/);
    expect(readdirSync(d)).toEqual(['out']);
    expect(readdirSync(join(d, 'out'))).toEqual(['keep.txt']);
  });
});

describe('masdrill exam grade', () => {
  const d = tmp();
  const exam = join(d, 'exam');
  run(['exam', ...ARGS, NO_PDF, '--out', exam]);
  const items = JSON.parse(readFileSync(join(exam, 'exam.json'), 'utf8')).items as ExamItem[];
  const b = items.map((_, j) => (j % 2 === 0 ? -2.5 : 2.5));
  const { responses } = raschClass(items, b, 120, 11);
  // As an LMS exports it: extra columns, items as Q<number>.
  const rows = [
    ['Username', 'Grade', ...items.map((i) => `Q${i.number}`)],
    ...responses.map((r) => [r.studentId, '', ...items.map((i) => r.answers[i.id] ?? '')]),
  ];
  const csv = join(d, 'responses.csv');
  // No cell holds a comma or quote (ids, letters "B;E", numbers): joined by hand, with the BOM spreadsheets write.
  writeFileSync(csv, `\ufeff${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);

  it('prints the item table and writes students.csv, items.csv and an HTML report with the difficulty plot', () => {
    const r = run(['exam', 'grade', '--exam', exam, '--responses', csv, '--out', join(d, 'report')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/120 students, 20 items: .*KR-20 0\.\d\d/);
    expect(listing(join(d, 'report'))).toEqual(['items.csv', 'report.html', 'students.csv']);
    const html = readFileSync(join(d, 'report', 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect((html.match(/<rect /g) ?? []).length).toBe(20);
    const itemsCsv = readFileSync(join(d, 'report', 'items.csv'), 'utf8')
      .trim()
      .split('\r\n')
      .slice(1);
    const p = itemsCsv.map((l) => Number(l.split(',')[3]));
    p.forEach((x, j) => (b[j]! < 0 ? expect(x).toBeGreaterThan(0.7) : expect(x).toBeLessThan(0.3)));
  });

  it('names the file, the line and the fix for a responses file without an item column', () => {
    const bad = join(d, 'bad.csv');
    writeFileSync(bad, 'Username,Q1\nann,A\nbob,B\n');
    const r = run(['exam', 'grade', '--exam', exam, '--responses', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv: line 1: no column for 19 item\(s\).*Fix:/);
  });
});
