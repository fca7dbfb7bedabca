import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAM_DISCLAIMER, type ExamItem } from '@masdrill/export';
import { CHROMIUM_PATHS } from '../packages/cli/dist/headless-chromium.js';
import { BIN, REPO_ROOT } from './support/run-cli.js';

// Debian's headless shell (what .ci/run installs) and poppler-utils' pdftotext/pdfinfo (ditto).
const BROWSER = CHROMIUM_PATHS.find((path) => existsSync(path));
const POPPLER = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'].every((path) => existsSync(path));
if ((!BROWSER || !POPPLER) && process.env.CI)
  throw new Error(
    'exam-pdf: needs Chromium and poppler-utils: .ci/run installs them (apt-get install chromium-headless-shell poppler-utils)',
  );
if (!BROWSER || !POPPLER)
  console.warn(
    'exam-pdf: PDF checks skipped, no Chromium or no pdftotext (apt-get install chromium-headless-shell poppler-utils)',
  );

const ARGS = ['exam', '--n', '20', '--mix', 'mas:10,sepsis:5,misc:5', '--seed', '2026'];
const tmp = () => mkdtempSync(join(tmpdir(), 'masdrill-exam-pdf-'));
function run(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tool = (name: string, args: readonly string[]) => spawnSync(name, args, { encoding: 'utf8' }).stdout;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('without a headless browser', () => {
  it('writes every other format and says in one line that the PDF was skipped and how to get it', () => {
    const out = join(tmp(), 'exam');
    const r = run(['exam', '--n', '3', '--seed', '4', '--out', out], { MASDRILL_CHROMIUM: '/nonexistent/chromium' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n').filter((l) => l.includes('booklet.pdf'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^booklet\.pdf skipped: no headless Chromium found; to get it, install .*chromium-headless-shell.*MASDRILL_CHROMIUM/,
      ),
    ]);
    expect(readdirSync(out)).toContain('booklet.html');
    expect(readdirSync(out)).not.toContain('booklet.pdf');
    expect(readdirSync(out)).toHaveLength(11);
  });
});

describe.skipIf(!BROWSER || !POPPLER)('booklet.pdf (headless Chromium, read back with pdftotext)', () => {
  const dir = tmp();
  const first = run([...ARGS, '--out', join(dir, 'a')], { TZ: 'America/Los_Angeles' });
  const pdfFile = join(dir, 'a', 'booklet.pdf');
  const items = JSON.parse(readFileSync(join(dir, 'a', 'exam.json'), 'utf8')).items as ExamItem[];
  const pages = () => tool('pdftotext', ['-layout', pdfFile, '-']).split('\f').slice(0, -1);

  it('is written by the same run as every other format', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/booklet\.pdf +candidate booklet, A4 PDF/);
    expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('holds every item stem, its options and the notice', () => {
    const text = flat(tool('pdftotext', [pdfFile, '-']));
    expect(text).toContain(flat(EXAM_DISCLAIMER));
    for (const item of items) {
      expect(text, item.id).toContain(flat(item.question));
      expect(text, item.id).toContain(flat(item.vignette).slice(0, 80));
      for (const o of item.options) expect(text, `${item.id} ${o.id}`).toContain(flat(o.text));
    }
  });

  it('is A4, one page per question plus the title page (more only where an item runs over), with header and page numbers', () => {
    const info = tool('pdfinfo', ['-isodates', pdfFile]);
    const count = Number(info.match(/^Pages:\s+(\d+)/m)![1]);
    expect(count).toBeGreaterThanOrEqual(items.length + 1);
    expect(count).toBeLessThanOrEqual(2 * items.length + 1);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+|^Page size:\s+595\.\d+ x 842\.\d+/m);
    // Chromium's clock stamps, fixed in place.
    expect(info).toMatch(/^CreationDate:\s+2000-01-01T00:00:00/m);
    expect(info).toMatch(/^ModDate:\s+2000-01-01T00:00:00/m);
    const all = pages();
    expect(all).toHaveLength(count);
    all.forEach((page, i) => {
      expect(page).toContain('masdrill exam, seed 2026');
      expect(flat(page)).toContain(`Page ${i + 1} of ${count}`);
    });
    // Each question starts a page.
    for (const item of items)
      expect(all.some((p) => flat(p).startsWith(`masdrill exam, seed 2026 Question ${item.number}.`))).toBe(true);
  });

  it('never splits a lab table across pages', () => {
    const all = pages().map(flat);
    const withTables = items.filter((i) => i.labTable);
    expect(withTables.length).toBeGreaterThan(5);
    for (const item of withTables) {
      const start = all.findIndex((p) => p.includes(`Question ${item.number}. `));
      const page = all[start]!;
      expect(page, item.id).toContain(flat(item.labTable!.caption));
      for (const row of item.labTable!.rows) expect(page, `${item.id} ${row.label}`).toContain(row.label);
    }
  });

  it('is the same bytes from the same Chromium in another time zone', () => {
    const again = run([...ARGS, '--out', join(dir, 'b')], { TZ: 'Asia/Kolkata' });
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'b', 'booklet.pdf')).equals(readFileSync(pdfFile))).toBe(true);
  });
});
