// Before/after figures for issue 11: runs the malformed-input corpus through a build of masdrill's
// main() and counts the outcomes. Usage (from the repository root):
//   node --import tsx test/support/fuzz-tally.ts [path/to/packages/cli/dist/main.js]
// Default: this checkout's build. Point it at another checkout's build to compare.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { LEAKS, malformedInputs } from './malformed-inputs.js';
import { leftovers, prepare } from './run-malformed.js';

type Main = (
  argv: readonly string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; stdin: NodeJS.ReadableStream },
) => Promise<number>;

const mainPath = resolve(process.argv[2] ?? 'packages/cli/dist/main.js');
const { main } = (await import(pathToFileURL(mainPath).href)) as { main: Main };
const dir = mkdtempSync(join(tmpdir(), 'masdrill-tally-'));
const counts = new Map<string, number>();
const examples = new Map<string, string>();
const corpus = malformedInputs();

for (const [i, m] of corpus.entries()) {
  const runDir = join(dir, String(i));
  const { argv, mentions } = prepare(m, runDir);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const err: Buffer[] = [];
  stderr.on('data', (c: Buffer) => err.push(Buffer.from(c)));
  stdout.resume();
  let code: number;
  let crashed = false;
  try {
    code = await main(argv, {
      stdout,
      stderr,
      stdin: Readable.from(m.stdin === undefined ? [] : [Buffer.from(m.stdin)]),
    });
  } catch (error) {
    crashed = true;
    code = 1;
    err.push(
      Buffer.from(error instanceof Error ? `${error.name}: ${error.message}\n    at ${error.stack}` : String(error)),
    );
  }
  const text = Buffer.concat(err).toString('utf8');
  const outcome = crashed
    ? /RangeError/.test(text)
      ? 'crash (RangeError)'
      : 'stack trace (internal error)'
    : code === 0
      ? 'accepted (exit 0)'
      : code !== 2
        ? `other exit code (${code})`
        : leftovers(m, runDir).length > 0
          ? 'exit 2, output file left behind'
          : LEAKS.test(text)
            ? 'exit 2, leaks engine text'
            : !/Fix: |Run "masdrill \w+ --help"/.test(text)
              ? 'exit 2, no fix'
              : !mentions.every((s) => text.includes(s))
                ? 'exit 2, misses file/line/field'
                : 'clear exit-2 message';
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  if (!examples.has(outcome)) examples.set(outcome, `${m.command} ${m.name}: ${text.split('\n')[0]!.slice(0, 160)}`);
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${corpus.length} malformed inputs through ${mainPath}\n`);
for (const [outcome, n] of [...counts].sort((a, b) => b[1] - a[1]))
  process.stdout.write(`${String(n).padStart(5)}  ${outcome}   e.g. ${examples.get(outcome)}\n`);
