import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './cli-error.js';

/** A file being written: write to `stream`; `commit()` makes it appear under its name, `abort()` leaves nothing behind. */
export interface AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  readonly stream: WriteStream;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

function finished(stream: WriteStream): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    if (stream.closed) { resolvePromise(); return; }
    stream.once('error', reject);
    stream.once('close', () => resolvePromise());
    stream.end();
  });
}

/**
 * Opens `path` for an atomic write: a temporary file in the same directory (so the final rename
 * stays on one file system and is atomic), renamed over `path` on commit, removed on abort.
 * Readers never see a half-written file; a failed run leaves no output behind.
 * `what` names the flag in errors ("--out").
 */
export async function openAtomic(path: string, what = 'output'): Promise<AtomicFile> {
  const target = resolve(path);
  const dir = dirname(target);
  const dirInfo = await stat(dir).catch(() => undefined);
  if (!dirInfo || !dirInfo.isDirectory()) throw new CliError(`${what} ${path}: directory ${dir} does not exist. Fix: create it first, or give a path in an existing directory.`);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`${what} ${path}: is a directory. Fix: give a file name, e.g. ${join(path, 'cases.jsonl')}.`);
  const tempPath = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Room for a few batches (~1 MB each, commands/generate.ts): the program keeps working while the
  // OS writes the previous ones, instead of waiting for each write to finish.
  const stream = createWriteStream(tempPath, { flags: 'wx', highWaterMark: 4 * 1024 * 1024 });
  await new Promise<void>((resolveOpen, reject) => {
    stream.once('open', () => resolveOpen());
    stream.once('error', (error) => reject(new CliError(`${what} ${path}: cannot write in ${dir} (${error.message}). Fix: choose a writable directory.`)));
  });
  let settled = false;
  return {
    path: target,
    tempPath,
    stream,
    async commit() {
      if (settled) return;
      settled = true;
      try {
        await finished(stream);
        await rename(tempPath, target);
      } catch (error) {
        await unlink(tempPath).catch(() => undefined);
        throw error;
      }
    },
    async abort() {
      if (settled) return;
      settled = true;
      stream.destroy();
      await new Promise<void>((r) => (stream.closed ? r() : stream.once('close', () => r())));
      await unlink(tempPath).catch(() => undefined);
    },
  };
}

/** Writes through `write(stream)` to `path` atomically: commit on success, abort (and rethrow) on failure. */
export async function writeAtomically(path: string, write: (stream: NodeJS.WritableStream) => Promise<void>, what = 'output'): Promise<void> {
  const file = await openAtomic(path, what);
  try {
    await write(file.stream);
  } catch (error) {
    await file.abort();
    throw error;
  }
  await file.commit();
}
