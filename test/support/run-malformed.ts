import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../packages/cli/src/main.js';
import type { Malformed } from './malformed-inputs.js';

export interface MalformedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Files in the run's directory that the run did not start with (an output or temporary file left behind). */
  readonly leftovers: readonly string[];
  /** The mentions with their paths filled in. */
  readonly mentions: readonly string[];
  readonly argv: readonly string[];
}

/** Writes the input's files into `dir` and resolves "@name" / "@dir" in its argv and mentions. */
export function prepare(m: Malformed, dir: string): { argv: string[]; mentions: string[] } {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(m.files)) writeFileSync(join(dir, name), text);
  const fill = (s: string): string =>
    s.replace(/@dir/g, dir).replace(/@([\w.-]+\.(?:json|jsonl|yaml))/g, (_, name: string) => join(dir, name));
  return { argv: m.argv.map(fill), mentions: m.mentions.map(fill) };
}

export function leftovers(m: Malformed, dir: string): string[] {
  const expected = new Set(Object.keys(m.files));
  return readdirSync(dir).filter((f) => !expected.has(f));
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  return () => Buffer.concat(chunks).toString('utf8');
}

/** Runs the CLI in-process through main() with injected streams: what bin.ts does, without a process per input. */
export async function runMalformed(m: Malformed, dir: string): Promise<MalformedRun> {
  const { argv, mentions } = prepare(m, dir);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  let code: number | null;
  try {
    code = await main(argv, {
      stdout,
      stderr,
      stdin: Readable.from(m.stdin === undefined ? [] : [Buffer.from(m.stdin)]),
    });
  } catch (error) {
    // What bin.ts would print for an internal error.
    stderr.write(
      `masdrill: internal error — please report it.\n${error instanceof Error ? error.stack : String(error)}\n`,
    );
    code = 1;
  }
  return { code, stdout: out(), stderr: err(), leftovers: leftovers(m, dir), mentions, argv };
}
