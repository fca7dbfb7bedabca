// The sweep benchmark still runs, on plain Node, and prints every figure the issue asks for. Its
// numbers are not checked (the machine is shared); that it runs, and what it prints, are.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/run-cli.js';

const RUNNER = join(REPO_ROOT, 'bench/run-plain.mjs');
const run = (args: readonly string[]) =>
  spawnSync(process.execPath, [RUNNER, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
const leftovers = () => readdirSync(join(REPO_ROOT, 'bench')).filter((f) => f.endsWith('.plain.mjs'));

describe('bench/run-plain.mjs with bench/sweep.ts', () => {
  it('prints the ratio table and the equality check, and leaves no transpiled file', () => {
    const r = run([
      'bench/sweep.ts',
      '--chunks',
      '2',
      '--chunk',
      '40',
      '--check',
      '300',
      '--workers-cases',
      '0',
      '--startup',
      '0',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const row of [
      'statuses, 8 sets (compiled path)',
      'generation (streamed, as the sweep generates)',
      'generation through hour 24',
      'sweep one thread, cases through hour 24 (as the sweep runs)',
    ])
      expect(r.stdout).toMatch(
        new RegExp(`\\| ${row.replace(/[()]/g, '\\$&')}.* \\| \\d+\\.\\d\\d× \\| \\d+\\.\\d\\d–\\d+\\.\\d\\d \\|`),
      );
    expect(r.stdout).toMatch(/equality check: 300 cases × 2 windows × 8 sets .*, 0 mismatches /);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a script that is not TypeScript with exit code 2', () => {
    const r = run(['bench/run-plain.mjs']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: node bench\/run-plain\.mjs bench\/<name>\.ts/);
    expect(leftovers()).toEqual([]);
  });
});
