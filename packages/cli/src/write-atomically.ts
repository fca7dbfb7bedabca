import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, lstat, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './cli-error.js';
import { STANDARD_STREAM } from './io.js';
import { trackTemporaryFile } from './temp-files.js';

/** Where output goes: write to `stream`; `commit()` makes it appear under its name, `abort()` leaves nothing behind. */
export interface OutputFile {
  readonly path: string;
  readonly stream: NodeJS.WritableStream;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

function finished(stream: WriteStream): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    if (stream.closed) {
      resolvePromise();
      return;
    }
    stream.once('error', reject);
    stream.once('close', () => resolvePromise());
    stream.end();
  });
}

function opened(stream: WriteStream, fail: (error: Error) => CliError): Promise<void> {
  return new Promise<void>((resolveOpen, reject) => {
    stream.once('open', () => resolveOpen());
    stream.once('error', (error) => reject(fail(error)));
  });
}

/**
 * The file a symbolic link finally names (replaced atomically in its own directory, so the link
 * stays a link), or the path itself when it is not a link.
 */
async function followLinks(path: string, what: string): Promise<string> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isSymbolicLink()) return path;
  const real = await realpath(path).catch(() => undefined);
  if (real) return real;
  throw new CliError(
    `${what} ${path}: a symbolic link to a file that does not exist. Fix: create its target first, or give a plain file name.`,
  );
}

/** Writing through to what is not a regular file: a character device (/dev/null, a terminal) or a FIFO. */
async function writeThrough(path: string, what: string): Promise<OutputFile> {
  const stream = createWriteStream(path, { flags: 'a' });
  await opened(
    stream,
    (error) => new CliError(`${what} ${path}: cannot write (${error.message}). Fix: choose a writable file.`),
  );
  return {
    path,
    stream,
    commit: () => finished(stream),
    async abort() {
      stream.destroy();
    },
  };
}

/**
 * Opens `path` for output, never replacing what is not a regular file:
 * - "-": standard output (`stdout`);
 * - a character device (/dev/null) or a FIFO: written through, as a shell redirection would;
 * - a symbolic link: its target is replaced atomically (the link stays);
 * - a regular file or a new name: a temporary file in the same directory (so the rename stays on
 *   one file system and is atomic), renamed over it on commit with the old file's permissions,
 *   removed on abort or on SIGINT/SIGTERM. An existing file stays intact until the new one is whole.
 * - a directory, a block device or a socket: refused (exit 2).
 * `what` names the flag in errors ("--out").
 */
export async function openOutput(path: string, stdout: NodeJS.WritableStream, what = 'output'): Promise<OutputFile> {
  if (path === STANDARD_STREAM) return { path, stream: stdout, async commit() {}, async abort() {} };
  const target = resolve(await followLinks(path, what));
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory())
    throw new CliError(`${what} ${path}: is a directory. Fix: give a file name, e.g. ${join(path, 'cases.jsonl')}.`);
  if (existing?.isCharacterDevice() || existing?.isFIFO()) return writeThrough(target, what);
  if (existing && !existing.isFile()) {
    throw new CliError(
      `${what} ${path}: is ${existing.isBlockDevice() ? 'a block device' : existing.isSocket() ? 'a socket' : 'not a regular file'}, which masdrill will not overwrite. Fix: give a regular file, a FIFO, /dev/null or "-" (standard output).`,
    );
  }
  const dir = dirname(target);
  const dirInfo = await stat(dir).catch(() => undefined);
  if (!dirInfo?.isDirectory())
    throw new CliError(
      `${what} ${path}: directory ${dir} does not exist. Fix: create it first, or give a path in an existing directory.`,
    );
  const tempPath = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const forget = trackTemporaryFile(tempPath);
  // Room for a few batches (~1 MB each, commands/generate.ts): the program keeps working while the
  // OS writes the previous ones, instead of waiting for each write to finish.
  const stream = createWriteStream(tempPath, { flags: 'wx', highWaterMark: 4 * 1024 * 1024 });
  try {
    await opened(
      stream,
      (error) =>
        new CliError(
          `${what} ${path}: cannot write in ${dir} (${(error as NodeJS.ErrnoException).code ?? error.message}). Fix: choose a writable directory.`,
        ),
    );
  } catch (error) {
    forget();
    throw error;
  }
  let settled = false;
  return {
    path: target,
    stream,
    async commit() {
      if (settled) return;
      settled = true;
      try {
        await finished(stream);
        if (existing) await chmod(tempPath, existing.mode & 0o7777).catch(() => undefined);
        await rename(tempPath, target);
      } catch (error) {
        await unlink(tempPath).catch(() => undefined);
        throw error;
      } finally {
        forget();
      }
    },
    async abort() {
      if (settled) return;
      settled = true;
      stream.destroy();
      await new Promise<void>((r) => (stream.closed ? r() : stream.once('close', () => r())));
      await unlink(tempPath).catch(() => undefined);
      forget();
    },
  };
}

/** Writes through `write(stream)` to `path`: commit on success, abort (and rethrow) on failure. */
export async function writeOutput(
  path: string,
  stdout: NodeJS.WritableStream,
  write: (stream: NodeJS.WritableStream) => Promise<void>,
  what = 'output',
): Promise<void> {
  const file = await openOutput(path, stdout, what);
  try {
    await write(file.stream);
  } catch (error) {
    await file.abort();
    throw error;
  }
  await file.commit();
}
