import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from './support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'masdrill-sweep-'));
const COHORT = ['--n', '240', '--mix', 'mas:2,sjia-flare:1,sepsis:1,misc:1', '--seed', '5', '--prevalence', '0.1'];

/** Every file of a report but run.json (timings), by name. */
function reportOf(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(out).sort())
    if (name !== 'run.json') files[name] = readFileSync(join(out, name), 'utf8');
  return files;
}

describe('masdrill sweep (built bin)', () => {
  it('writes the same bytes on 0, 2 and 8 workers, a summary that fits 80 columns, and run metadata apart', () => {
    const runs = [0, 2, 8].map((w) => {
      const out = join(dir, `w${w}`);
      const r = runCli(['sweep', ...COHORT, '--workers', String(w), '--quiet', '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return { out, stdout: r.stdout };
    });
    const first = reportOf(runs[0]!.out);
    expect(Object.keys(first)).toEqual([
      'distributions.csv',
      'figures.json',
      'performance.csv',
      'published.csv',
      'report.html',
      'roc-points.csv',
      'roc.csv',
      'statistics.json',
      'summary.txt',
    ]);
    for (const run of runs.slice(1)) expect(reportOf(run.out)).toEqual(first);
    expect(runs[0]!.stdout).toBe(first['summary.txt']);
    for (const line of first['summary.txt']!.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(first['summary.txt']).toContain('sJIA-MAS vs sJIA flare, at onset');
    expect(first['performance.csv']!.split('\n')[0]).toContain('sensitivity_lower');
    expect(JSON.parse(readFileSync(join(runs[1]!.out, 'run.json'), 'utf8'))).toMatchObject({ workers: 2, cases: 240 });
    for (const name of Object.keys(first)) expect(first[name]).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  }, 240_000);

  it('merges shards into the bytes of the unsharded run, and names missing cases', () => {
    const whole = join(dir, 'whole');
    expect(runCli(['sweep', ...COHORT, '--workers', '0', '--quiet', '--out', whole]).code).toBe(0);
    const parts = [1, 2, 3].map((i) => {
      const out = join(dir, `part-${i}`);
      const r = runCli(['sweep', ...COHORT, '--shard', `${i}/3`, '--workers', '0', '--quiet', '--out', out]);
      expect(r.code).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['run.json', 'statistics.json']);
      return out;
    });
    const merged = join(dir, 'merged');
    const r = runCli(['sweep', 'merge', parts[2]!, parts[0]!, parts[1]!, '--prevalence', '0.1', '--out', merged]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(reportOf(merged)).toEqual(reportOf(whole));
    const gap = runCli(['sweep', 'merge', parts[0]!, parts[2]!, '--out', join(dir, 'gap')]);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toMatch(/cases 80–159 are missing/);
    expect(existsSync(join(dir, 'gap'))).toBe(false);
    const twice = runCli(['sweep', 'merge', parts[0]!, parts[0]!, '--out', join(dir, 'twice')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/in two of the parts/);
    // A part written by the previous version (one bin per distinct value) is refused with the fix.
    const old = join(dir, 'part-old');
    mkdirSync(old);
    const text = readFileSync(join(parts[1]!, 'statistics.json'), 'utf8');
    writeFileSync(
      join(old, 'statistics.json'),
      text.replace(/"format":"[^"]*"/, '"format":"masdrill-sweep-statistics/1"'),
    );
    const stale = runCli(['sweep', 'merge', parts[0]!, old, parts[2]!, '--out', join(dir, 'stale')]);
    expect(stale.code).toBe(2);
    expect(stale.stderr.trim().split('\n')).toHaveLength(1);
    expect(stale.stderr).toContain(join(old, 'statistics.json'));
    expect(stale.stderr).toMatch(/another version of masdrill.*Fix: rerun the shards with this version/);
    expect(existsSync(join(dir, 'stale'))).toBe(false);
  }, 240_000);

  it('rejects bad flags with one line naming the fix, exit code 2', () => {
    for (const args of [
      ['--prevalence', '2', '--out', 'x'],
      ['--shard', '4/3', '--out', 'x'],
      ['--n', '10'],
      ['--workers', 'many', '--out', 'x'],
      ['--mix', 'mas:x', '--out', 'x'],
    ]) {
      const r = runCli(['sweep', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/Fix:|write e\.g\./);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
    // A slice beyond the count says which slices there are, not that "4/3" is not of the form I/N.
    expect(runCli(['sweep', '--shard', '4/3', '--out', 'x']).stderr).toBe(
      'masdrill sweep: --shard "4/3" names no slice: a cohort cut in 3 has slices 1 to 3. Fix: give I from 1 to N, e.g. --shard 1/3.\n',
    );
    expect(runCli(['sweep', '--shard', '1/0', '--out', 'x']).stderr).toMatch(
      /names no slice: a cohort is cut in at least 1 slice/,
    );
    const notReport = runCli(['sweep', '--n', '5', '--quiet', '--out', join(process.cwd(), 'packages')]);
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toMatch(/not a sweep report/);
  }, 120_000);

  it('prints plain progress lines when stderr is not a terminal, none with --quiet', () => {
    const r = runCli(['sweep', '--n', '40', '--workers', '0', '--out', join(dir, 'progress')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^sweep: \d+% \(\d+\/40 cases\), ETA /m);
    expect(r.stderr).toContain('sweep: 100% (40/40 cases)');
  }, 120_000);

  it('stops on Ctrl-C leaving no report and no temporary directory', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'masdrill-sweep-int-'));
    const out = join(parent, 'report');
    const child = spawn(process.execPath, [BIN, 'sweep', '--n', '20000', '--workers', '0', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let sent = false;
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (!sent && stderr.includes('sweep: 10%')) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      child.on('close', (c) => resolve(c));
    });
    expect(code).toBe(130);
    expect(stderr).toContain('stopped; nothing was written');
    expect(readdirSync(parent)).toEqual([]);
  }, 600_000);
});
