import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import envPaths from 'env-paths';

/** Where the attempt log lives: --data-dir, else MASDRILL_DATA_DIR, else the user's data directory (XDG on Linux). */
export function dataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.MASDRILL_DATA_DIR) return resolve(env.MASDRILL_DATA_DIR);
  return envPaths('masdrill', { suffix: '' }).data;
}

export const attemptLogPath = (dir: string) => join(dir, 'attempts.jsonl');

/**
 * Appends one JSON line. One write with O_APPEND: a crash can at worst leave this line cut short,
 * never touch earlier ones; a line cut short before is closed with a newline first, so it stays one
 * bad line that stats reports and skips.
 */
export function appendAttempt(dir: string, record: object): void {
  mkdirSync(dir, { recursive: true });
  const file = attemptLogPath(dir);
  let prefix = '';
  try {
    const size = statSync(file).size;
    if (size > 0) {
      const fd = openSync(file, 'r');
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      closeSync(fd);
      if (last[0] !== 0x0a) prefix = '\n';
    }
  } catch {
    /* no log yet */
  }
  appendFileSync(file, `${prefix}${JSON.stringify(record)}\n`, { encoding: 'utf8', mode: 0o600 });
}

/** The log's text, or '' when there is none yet. */
export function readAttemptLog(dir: string): string {
  try {
    return readFileSync(attemptLogPath(dir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
