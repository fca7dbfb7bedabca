// Benchmark: how soon `masdrill` (no arguments, on a terminal) shows its first frame, against
// `node -e 0` measured interleaved in the same run. Prints its figures; asserts nothing.
//   node --import tsx bench/startup.ts [--rounds 15]
// The bin runs on a pseudo-terminal (util-linux `script`), as a user's terminal would give it, so
// the interactive quiz starts; so does one baseline (`node -e 0` under `script`), beside the bare
// `node -e 0`. Figures: the first frame (the notice screen, printed before the engine and Ink
// load), and the first frame Ink draws (when the keys start working). Medians of per-round ratios.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN } from '../test/support/run-cli.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' } } });
const rounds = Math.max(1, Number(values.rounds));
const dataDir = mkdtempSync(join(tmpdir(), 'masdrill-startup-'));
const env = { ...process.env, MASDRILL_DATA_DIR: dataDir, TERM: 'xterm-256color' } as NodeJS.ProcessEnv;
delete env.CI; // Ink draws nothing until exit when CI is set

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Milliseconds until `done(output)` holds (then the child is killed), or until it exits. */
function time(cmd: string, args: string[], done?: (out: string) => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    let settled = false;
    const finish = () => {
      if (!settled) {
        settled = true;
        resolve(Number(process.hrtime.bigint() - t0) / 1e6);
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (done?.(out)) finish();
    });
    child.on('exit', () => finish());
    child.on('error', reject);
  });
}

const ERASE = /\u001b\[\d+A\r\u001b\[0J/;
const underPty = (command: string) => ['-qfec', command, '/dev/null'];
const measures = {
  'node -e 0': () => time(process.execPath, ['-e', '0']),
  'node -e 0 on a pty': () => time('script', underPty(`${quote(process.execPath)} -e 0`)),
  'masdrill: first frame': () =>
    time('script', underPty(`${quote(process.execPath)} ${quote(BIN)}`), (o) =>
      o.includes('Press Enter to meet the patient'),
    ),
  'masdrill: Ink frame (keys live)': () =>
    time('script', underPty(`${quote(process.execPath)} ${quote(BIN)}`), (o) => {
      const m = ERASE.exec(o);
      return m !== null && o.slice(m.index).includes('Press Enter');
    }),
};
type Name = keyof typeof measures;
const names = Object.keys(measures) as Name[];
const samples: Record<Name, number[]> = Object.fromEntries(names.map((n) => [n, []])) as never;
const ratios: Record<Name, number[]> = Object.fromEntries(names.map((n) => [n, []])) as never;

for (let r = 0; r < rounds; r++) {
  const order = names.map((_, i) => names[(i + r) % names.length]!); // rotate the order every round
  const got: Partial<Record<Name, number>> = {};
  for (const n of order) got[n] = await measures[n]();
  for (const n of names) {
    samples[n].push(got[n]!);
    ratios[n].push(got[n]! / got['node -e 0']!);
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (x: number) => x.toFixed(0).padStart(6);
process.stdout.write(
  `masdrill start-up, ${rounds} interleaved rounds (ms; ratio = median of per-round ratios to node -e 0)\n`,
);
for (const n of names) {
  const s = samples[n];
  process.stdout.write(
    `${n.padEnd(34)} median ${fmt(median(s))}  range ${fmt(Math.min(...s))}–${fmt(Math.max(...s)).trim()}  ratio ${median(ratios[n]).toFixed(2)}×\n`,
  );
}
