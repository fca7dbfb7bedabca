import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { ValidationProblem } from '@masdrill/rules';
import { CliError } from './cli-error.js';
import { displayName, STANDARD_STREAM, type Io } from './io.js';

/**
 * Reading input files: "-" for standard input everywhere, one clear message for every way a read
 * can fail (missing, a directory, no permission), a UTF-8 byte-order mark accepted, and size
 * limits stated rather than discovered as a crash. FIFOs (mkfifo, <(…)) are read like files.
 */

/** A whole document (a JSON case or array, a plan, a scenario) is read into memory up to this size. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
/** One JSONL line (one case) may be this long; cases are a few kB, so only a broken file comes near. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

const BOM = '\uFEFF';

/** An input that cannot be read at all: a CliError that still knows the problem, so validate can list it and go on. */
export class InputError extends CliError {
  constructor(readonly problem: ValidationProblem) {
    super(`${problem.file}: ${problem.message}. Fix: ${problem.fix}.`);
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: permission denied',
  ENOTDIR: 'cannot be found: a part of its path is not a directory',
  ELOOP: 'cannot be found: too many symbolic links',
  ENAMETOOLONG: 'cannot be found: the name is too long',
  EMFILE: 'cannot be opened: too many open files',
};

/** The error for a failed read, naming the file and what to do. */
export function readFailure(file: string, error: unknown, what = 'input'): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = (code && REASONS[code]) ?? (code ? `cannot be read (${code})` : 'cannot be read');
  const fix =
    code === 'EACCES' || code === 'EPERM'
      ? 'make it readable (chmod u+r), or give another file'
      : code === 'EISDIR'
        ? 'give a file inside it (masdrill validate takes folders)'
        : 'check the path, or give "-" to read standard input';
  const message =
    code === 'EISDIR'
      ? `is a directory, not a ${what} file`
      : code === 'ENOENT'
        ? `no such ${what} file`
        : `the ${what} file ${why}`;
  return new InputError({ file: displayName(file), path: '$', message, fix });
}

/** Checks a path before opening it, so a directory or a missing file gets its own message. */
async function checkReadable(path: string, what: string): Promise<void> {
  const info = await stat(path).catch((error: unknown) => {
    throw readFailure(path, error, what);
  });
  if (info.isDirectory()) throw readFailure(path, Object.assign(new Error('directory'), { code: 'EISDIR' }), what);
}

/** Text chunks of a file or of standard input, UTF-8, with a leading byte-order mark dropped. */
export async function* inputChunks(path: string, io: Io, what = 'input'): AsyncGenerator<string> {
  if (path !== STANDARD_STREAM) await checkReadable(path, what);
  const input = path === STANDARD_STREAM ? io.stdin : createReadStream(path);
  // Bytes decoded here, so a character split across two chunks stays whole, whatever the stream.
  const decoder = new StringDecoder('utf8');
  let first = true;
  try {
    for await (const chunk of input as AsyncIterable<string | Buffer>) {
      let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      if (first && text.startsWith(BOM)) text = text.slice(1);
      if (text.length > 0) first = false;
      yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw readFailure(path, error, what);
  }
}

/** A whole input as text (at most MAX_DOCUMENT_BYTES). */
export async function readInputText(path: string, io: Io, what = 'input'): Promise<string> {
  const parts: string[] = [];
  let size = 0;
  for await (const chunk of inputChunks(path, io, what)) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) {
      throw new CliError(
        `${displayName(path)}: the ${what} is over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB limit for one document. Fix: give cases one per line (JSONL), which streams without a limit.`,
      );
    }
    parts.push(chunk);
  }
  return parts.join('');
}

export interface InputLine {
  /** 1-based. */
  readonly number: number;
  /** The line without its end ("\n" or "\r\n"); undefined when the line is over MAX_LINE_CHARS (it is skipped). */
  readonly text: string | undefined;
}

/**
 * The lines of an input, streamed: memory stays bounded by MAX_LINE_CHARS whatever the file's size.
 * A line over the limit is reported (text undefined) and skipped to its end.
 */
export async function* inputLines(
  path: string,
  io: Io,
  what = 'input',
  maxLine = MAX_LINE_CHARS,
): AsyncGenerator<InputLine> {
  let pending: string[] = [];
  let pendingLength = 0;
  let overlong = false;
  let number = 0;
  const take = (): InputLine => {
    number++;
    let text: string | undefined;
    if (!overlong) {
      text = pending.join('');
      if (text.endsWith('\r')) text = text.slice(0, -1);
    }
    pending = [];
    pendingLength = 0;
    overlong = false;
    return { number, text };
  };
  for await (const chunk of inputChunks(path, io, what)) {
    let from = 0;
    for (;;) {
      const end = chunk.indexOf('\n', from);
      const piece = chunk.slice(from, end === -1 ? chunk.length : end);
      if (!overlong) {
        pendingLength += piece.length;
        if (pendingLength > maxLine) {
          overlong = true;
          pending = [];
        } else if (piece.length > 0) pending.push(piece);
      }
      if (end === -1) break;
      yield take();
      from = end + 1;
    }
  }
  if (pendingLength > 0 || overlong) yield take();
}
