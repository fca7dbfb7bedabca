import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { caseToCanonical, validateCase, type Case } from '@masdrill/rules';
import { caseStream, generateCase } from '@masdrill/generator';
import { main } from '../src/main.js';
import { csvHeader } from '../src/commands/generate.js';
import { renderProgress, createProgress, formatDuration } from '../src/progress.js';
import { openOutput, writeOutput } from '../src/write-atomically.js';

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const code = await main(argv, { stdout, stderr, stdin: new PassThrough() });
  return { code, out: out(), err: err() };
}

const dir = mkdtempSync(join(tmpdir(), 'masdrill-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('masdrill generate', () => {
  it('writes JSONL identical to the generator, one valid case per line', async () => {
    const { code, out, err } = await run(['generate', '--mix', 'mas:2,sepsis:1,misc:1', '--n', '8', '--seed', '42']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    const expected = [...caseStream({ mix: 'mas:2,sepsis:1,misc:1', n: 8, seed: 42 })].map((c) => JSON.stringify(c));
    expect(lines).toEqual(expected);
    for (const line of lines) expect(validateCase(JSON.parse(line)).ok).toBe(true);
  });

  it('writes a JSON array', async () => {
    const { out } = await run(['generate', '--kind', 'sjia-flare', '--n', '3', '--format', 'json']);
    const cases = JSON.parse(out) as Case[];
    expect(cases.map((c) => c.id)).toEqual(['gen-1-0', 'gen-1-1', 'gen-1-2']);
    expect(JSON.parse((await run(['generate', '--kind', 'mas', '--n', '0', '--format', 'json'])).out)).toEqual([]);
  });

  it('--start regenerates a slice of a larger cohort', async () => {
    const whole = (await run(['generate', '--n', '12', '--seed', '9'])).out.trimEnd().split('\n');
    const slice = (await run(['generate', '--n', '4', '--seed', '9', '--start', '8'])).out.trimEnd().split('\n');
    expect(slice).toEqual(whole.slice(8));
  });

  it('converts units only at the edge: SI output converts back to the canonical case', async () => {
    const { out } = await run(['generate', '--kind', 'mas', '--n', '5', '--seed', '3', '--units', 'si']);
    out
      .trimEnd()
      .split('\n')
      .forEach((line, i) => {
        const back = caseToCanonical(JSON.parse(line) as Case, 'si');
        const original = generateCase({ kind: 'mas', seed: 3, index: i });
        back.labs.forEach((panel, p) => {
          for (const [k, v] of Object.entries(panel)) {
            const o = (original.labs[p] as unknown as Record<string, unknown>)[k];
            // SI reporting precision (e.g. TG to 0.01 mmol/L) may move a value by under half a unit.
            if (typeof v === 'number')
              expect(Math.abs(v - (o as number))).toBeLessThanOrEqual(Math.max(0.005 * Math.abs(o as number), 0.051));
          }
        });
      });
  });

  it('writes CSV: one row per case per time point, with the documented header', async () => {
    const { out } = await run([
      'generate',
      '--kind',
      'mas',
      '--n',
      '4',
      '--seed',
      '11',
      '--format',
      'csv',
      '--units',
      'conventional',
    ]);
    const rows = out.trimEnd().split('\n');
    expect(rows[0]).toBe(csvHeader('conventional').join(','));
    const cases = [...caseStream({ kind: 'mas', n: 4, seed: 11 })];
    const expectedRows = cases.reduce(
      (s, c) => s + new Set([...c.observations.map((o) => o.hour), ...c.labs.map((l) => l.hour)]).size,
      0,
    );
    expect(rows).toHaveLength(1 + expectedRows);
    expect(rows[0]).toContain('crp [mg/dL]');
    expect(rows[1]!.startsWith('gen-11-0,11,0,')).toBe(true);
  });

  it('--columns documents the CSV layout', async () => {
    const { code, out } = await run(['generate', '--columns', '--units', 'si']);
    expect(code).toBe(0);
    expect(out).toMatch(/One row per case per time point/);
    expect(out).toContain('ferritin [µg/L]');
  });

  it('writes --out atomically and leaves no temporary file', async () => {
    const file = join(dir, 'cohort.jsonl');
    writeFileSync(file, 'old content\n');
    const { code } = await run(['generate', '--kind', 'misc', '--n', '5', '--out', file]);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(5);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [['--kind', 'bogus'], /--kind "bogus".*Fix: use one of mas, sjia-flare, sepsis, misc/],
    [['--mix', 'mas:ten'], /--mix .*kind:weight/],
    [['--kind', 'mas', '--mix', 'mas:1'], /not both/],
    [['--n', '-3'], /--n/],
    [['--n', 'lots'], /--n "lots" is not a whole number/],
    [['--seed', '4294967296'], /--seed 4294967296 is out of range/],
    [['--difficulty', 'easy'], /--difficulty "easy".*standard, hard/],
    [['--format', 'xml'], /--format "xml"/],
    [['--units', 'imperial'], /--units "imperial"/],
    [['--frobnicate'], /Unknown option/],
    [['extra'], /unexpected argument "extra"/],
  ])('bad flags %j → exit 2, one message naming the flag and the fix, no output file', async (flags, message) => {
    const file = join(dir, 'never.jsonl');
    const { code, out, err } = await run(['generate', ...flags, '--out', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).not.toContain('never.jsonl');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--out into a missing directory is a user error', async () => {
    const { code, err } = await run(['generate', '--n', '1', '--out', join(dir, 'missing', 'x.jsonl')]);
    expect(code).toBe(2);
    expect(err).toMatch(/does not exist.*Fix/);
  });

  it('prints help', async () => {
    const { code, out } = await run(['generate', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/--mix K:W/);
    expect(out).toMatch(/education and simulation only/i);
  });
});

describe('write-atomically', () => {
  it('removes the temporary file and keeps the old file when the write fails', async () => {
    const file = join(dir, 'keep.txt');
    writeFileSync(file, 'keep me');
    await expect(
      writeOutput(file, new PassThrough(), async (s) => {
        s.write('partial');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('commit renames into place; abort leaves nothing', async () => {
    const a = await openOutput(join(dir, 'a.txt'), new PassThrough());
    a.stream.write('hello');
    await a.commit();
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('hello');
    const b = await openOutput(join(dir, 'b.txt'), new PassThrough());
    b.stream.write('x');
    await b.abort();
    expect(readdirSync(dir)).not.toContain('b.txt');
  });
});

describe('progress', () => {
  it('is silent when the stream is not a TTY', () => {
    const s = new PassThrough();
    const out = collect(s);
    const p = createProgress({ total: 10, label: 'x', stream: s });
    p.tick(5);
    p.done();
    expect(out()).toBe('');
  });
  it('renders a bar with rate and ETA', () => {
    expect(renderProgress('generate', 50, 100, 1000, 10)).toBe('generate [#####-----]  50% 50/100 50/s ETA 00:01');
    expect(formatDuration(3725)).toBe('1:02:05');
    let t = 0;
    const s = new PassThrough();
    const out = collect(s);
    const p = createProgress({ total: 4, label: 'g', stream: s, enabled: true, now: () => (t += 100), width: 4 });
    p.tick(2);
    p.done();
    expect(out()).toMatch(/\rg \[##--\] {2}50% 2\/4/);
  });
});
