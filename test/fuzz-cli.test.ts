import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEAKS, malformedInputs, type CommandName } from './support/malformed-inputs.js';
import { runCli } from './support/run-cli.js';
import { leftovers, prepare, runMalformed, type MalformedRun } from './support/run-malformed.js';

// Every malformed input, every command: exit 2, one message that names the file (or flag), the
// line or field, and a fix; no stack trace or engine text; nothing left behind. In-process through
// main() (fast); a sample through the built bin, as users run it.

const corpus = malformedInputs();
const dir = mkdtempSync(join(tmpdir(), 'masdrill-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(r: MalformedRun): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(LEAKS);
  expect(r.stderr, 'a fix').toMatch(/Fix: |Run "masdrill \w+ --help"/);
  for (const mention of r.mentions) expect(r.stderr).toContain(mention);
  expect(r.leftovers).toEqual([]);
}

describe('fuzz: malformed inputs across every command', () => {
  it('holds at least 500 inputs, covering all five commands', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    const commands = new Set<CommandName>(corpus.map((m) => m.command));
    expect([...commands].sort()).toEqual(['evaluate', 'generate', 'grade', 'play', 'validate']);
    expect(new Set(corpus.map((m) => `${m.command} ${m.name}`)).size).toBe(corpus.length);
  });

  for (const command of ['evaluate', 'validate', 'generate', 'grade', 'play'] as const) {
    const inputs = corpus.map((m, i) => ({ m, i })).filter(({ m }) => m.command === command);
    it.each(inputs.map(({ m, i }) => [m.name, i] as const))(`${command}: %s`, async (_name, i) => {
      check(await runMalformed(corpus[i]!, join(dir, String(i))));
    });
  }
});

describe('fuzz: a sample through the built bin', () => {
  const sample = corpus.map((m, i) => ({ m, i })).filter(({ i }) => i % 60 === 0);
  it.each(sample.map(({ m, i }) => [`${m.command} ${m.name}`, i] as const))('%s', (_name, i) => {
    const m = corpus[i]!;
    const runDir = join(dir, `bin-${i}`);
    const { argv, mentions } = prepare(m, runDir);
    const r = runCli(argv, m.stdin === undefined ? {} : { input: m.stdin });
    check({ ...r, mentions, argv, leftovers: leftovers(m, runDir) });
  });
});
