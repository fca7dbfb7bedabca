/**
 * The streams a command talks through. bin.ts passes the process's; tests and embedders pass their
 * own, so a command runs in-process exactly as it does from the shell.
 */
export interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
}

/** "-" means standard input (or output) wherever a file is named. */
export const STANDARD_STREAM = '-';

/** How a path is shown in messages: "<stdin>" for "-". */
export function displayName(path: string): string {
  return path === STANDARD_STREAM ? '<stdin>' : path;
}
