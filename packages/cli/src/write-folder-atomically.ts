import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './cli-error.js';

/**
 * Writes a whole folder atomically: every file goes into a temporary folder beside the target,
 * which is renamed into place only when all are written. A failed or interrupted run leaves no
 * partial folder; an existing folder (replaced only with `force`) is swapped out whole, never
 * half-overwritten. `what` names the flag in errors.
 */
export async function writeFolderAtomically(
  out: string,
  files: Readonly<Record<string, string | Uint8Array>>,
  options: { force: boolean; what: string },
): Promise<void> {
  const target = resolve(out);
  const parent = dirname(target);
  const parentInfo = await stat(parent).catch(() => undefined);
  if (!parentInfo?.isDirectory())
    throw new CliError(
      `${options.what} ${out}: the folder ${parent} does not exist. Fix: create it first, or give a path in an existing folder.`,
    );
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory())
    throw new CliError(`${options.what} ${out}: is a file, not a folder. Fix: give a folder name, e.g. exam/.`);
  if (existing && !options.force && (await readdir(target)).length > 0)
    throw new CliError(
      `${options.what} ${out}: the folder exists and is not empty. Fix: give a new folder, or add --force to replace it whole.`,
    );
  const temp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  // Ctrl-C while writing: remove the temporary folder before exiting (synchronously: the process is going).
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(temp, { recursive: true, force: true });
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (const name of Object.keys(files).sort()) {
      const path = join(temp, name);
      mkdirSync(dirname(path), { recursive: true });
      await writeFile(path, files[name]!);
    }
    if (existing) {
      const old = `${target}.old-${randomBytes(4).toString('hex')}`;
      await rename(target, old);
      try {
        await rename(temp, target);
      } catch (error) {
        await rename(old, target);
        throw error;
      }
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temp, target);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(
      `${options.what} ${out}: cannot write (${error instanceof Error ? error.message : String(error)}). Fix: choose a writable folder.`,
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
