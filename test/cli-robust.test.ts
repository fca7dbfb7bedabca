import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, runCli } from './support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'masdrill-robust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const golden = join(REPO_ROOT, 'cases/golden/mixed-seed-2026.jsonl');
const goldenLines = readFileSync(golden, 'utf8').trimEnd().split('\n');

/** A shell pipeline; returns masdrill's stderr and exit status (bash PIPESTATUS). */
function pipeline(masdrillArgs: string, reader: string): { stderr: string; status: number } {
  const err = join(dir, `err-${Math.random().toString(16).slice(2)}.txt`);
  const r = spawnSync(
    'bash',
    [
      '-c',
      `"${process.execPath}" "${BIN}" ${masdrillArgs} 2>"${err}" | ${reader} > /dev/null; echo "\${PIPESTATUS[0]}"`,
    ],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  return { stderr: readFileSync(err, 'utf8'), status: Number(r.stdout.trim()) };
}

describe('a reader that closes the pipe ends the run quietly', () => {
  it('validate cases/ | head -1', () => {
    const r = pipeline('validate cases/ scenarios/', 'head -1');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  it('play … --json | head -c 10', () => {
    const r = pipeline('play --kind mas --seed 1 --json', 'head -c 10');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('interrupting generate --out', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: the temporary file is removed, the old output kept, exit ${code}`, async () => {
      const sub = mkdtempSync(join(dir, 'sig-'));
      const out = join(sub, 'big.jsonl');
      writeFileSync(out, 'old\n');
      const child = spawn(
        process.execPath,
        [BIN, 'generate', '--n', '5000000', '--threads', '0', '--quiet', '--out', out],
        { stdio: 'ignore' },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      // Wait for the temporary file to exist, then interrupt.
      for (let i = 0; i < 600 && !readdirSync(sub).some((f) => f.endsWith('.tmp')); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(readdirSync(sub).some((f) => f.endsWith('.tmp'))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(readdirSync(sub)).toEqual(['big.jsonl']);
      expect(readFileSync(out, 'utf8')).toBe('old\n');
    });
  }
});

describe('generate --out never replaces what is not a regular file', () => {
  it("replaces a symbolic link's target atomically and keeps the link", () => {
    const target = join(dir, 'target.jsonl');
    const link = join(dir, 'link.jsonl');
    writeFileSync(target, 'old\n');
    symlinkSync(target, link);
    const r = runCli(['generate', '--n', '2', '--out', link]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });
  it('writes through to /dev/null, which stays a device', () => {
    const r = runCli(['generate', '--n', '2', '--out', '/dev/null']);
    expect(r.code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });
  it('writes through to a FIFO, which stays a FIFO', () => {
    const fifo = join(dir, 'pipe');
    spawnSync('mkfifo', [fifo]);
    const r = spawnSync(
      'bash',
      [
        '-c',
        `cat "${fifo}" > "${fifo}.read" & "${process.execPath}" "${BIN}" generate --n 3 --out "${fifo}"; status=$?; wait; exit $status`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(`${fifo}.read`, 'utf8').trimEnd().split('\n')).toHaveLength(3);
  });
  it('"-" is standard output', () => {
    const r = runCli(['generate', '--n', '2', '--out', '-']);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
  });
  it('refuses a dangling symbolic link', () => {
    const link = join(dir, 'dangling.jsonl');
    symlinkSync(join(dir, 'nowhere', 'x.jsonl'), link);
    const r = runCli(['generate', '--n', '2', '--out', link]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/symbolic link to a file that does not exist\. Fix:/);
  });
});

describe('bad lines never lose results', () => {
  const bad = '{"schemaVersion": 1, "id": "broken"}';
  const input = [...goldenLines.slice(0, 3), bad, ...goldenLines.slice(3, 5)].join('\n') + '\n';
  it('without --keep-going: the results before the bad line are written, then exit 2', () => {
    const r = runCli(['evaluate', '-', '--json', '--statuses'], { input });
    expect(r.code).toBe(2);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(r.stderr).toContain('<stdin>:4: $: missing required property');
    expect(r.stderr).toContain('3 evaluated before it');
  });
  it('--keep-going evaluates every good line and ends with a count', () => {
    const r = runCli(['evaluate', '-', '--json', '--statuses', '--keep-going'], { input });
    expect(r.code).toBe(2);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(r.stderr).toContain('masdrill evaluate: 5 evaluated, 1 rejected.');
  });
});

describe('units travel with the data', () => {
  it('a file written in SI units is read as such without a flag, with the same verdicts', () => {
    const canonical = runCli(['generate', '--n', '12', '--seed', '5', '--out', join(dir, 'c.jsonl')]);
    const conventional = runCli([
      'generate',
      '--n',
      '12',
      '--seed',
      '5',
      '--units',
      'si',
      '--out',
      join(dir, 'si.jsonl'),
    ]);
    expect([canonical.code, conventional.code]).toEqual([0, 0]);
    expect(readFileSync(join(dir, 'si.jsonl'), 'utf8')).toContain('"units":"si"');
    expect(runCli(['validate', join(dir, 'si.jsonl')]).code).toBe(0);
    const a = runCli(['evaluate', join(dir, 'c.jsonl'), '--json', '--statuses']);
    const b = runCli(['evaluate', join(dir, 'si.jsonl'), '--json', '--statuses']);
    expect(b.code).toBe(0);
    const statuses = (out: string) =>
      out
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { results: { status: string }[] }).results.map((r) => r.status).join());
    expect(statuses(b.stdout)).toEqual(statuses(a.stdout));
  });
  it('a conflicting --units is an error naming both', () => {
    const r = runCli(['validate', join(dir, 'si.jsonl'), '--units', 'conventional']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/values are in si units, but conventional units were asked for/);
  });
});

describe('small things a new user meets', () => {
  it('--version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^masdrill \d+\.\d+\.\d+ \(generator \d+\.\d+\.\d+\)\n$/);
  });
  it('help for an unknown command exits 2', () => {
    const r = runCli(['help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no command "nope"');
  });
  it('negative flag values parse: --window -168:72', () => {
    const r = runCli(['evaluate', golden, '--window', '-168:72', '--json', '--statuses']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  it('a UTF-8 byte-order mark is accepted', () => {
    const r = runCli(['evaluate', '-', '--json', '--statuses'], { input: '\uFEFF' + goldenLines[0] + '\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  it('grade reads the case from standard input with "-"', () => {
    const r = runCli(['grade', '--case', '-', '--plan', 'cases/plans/septic-shock.trainee.plan.json'], {
      input: readFileSync(join(REPO_ROOT, 'cases/plans/septic-shock.case.json'), 'utf8'),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  it('grade refuses an implausible case it used to grade (hemoglobin 950 g/dL)', () => {
    const c = JSON.parse(readFileSync(join(REPO_ROOT, 'cases/plans/septic-shock.case.json'), 'utf8')) as {
      labs: Record<string, unknown>[];
    };
    c.labs[0]!.hemoglobin = 950;
    const r = runCli(['grade', '--case', '-', '--plan', 'cases/plans/septic-shock.trainee.plan.json'], {
      input: JSON.stringify(c),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.labs[0].hemoglobin: 950 g/dL is outside the plausible range');
  });
  it('validate reports a damaged file and still checks the others', () => {
    const sub = mkdtempSync(join(dir, 'unreadable-'));
    writeFileSync(join(sub, 'a.jsonl'), goldenLines[0] + '\n');
    writeFileSync(join(sub, 'b.json'), '['.repeat(100));
    const r = runCli(['validate', sub]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('a.jsonl');
    expect(r.stderr).toContain('b.json:1: $: nested more than 64 levels deep');
    expect(existsSync(join(sub, 'a.jsonl'))).toBe(true);
  });
});
