/**
 * An error the user can fix: a wrong flag, a malformed file, an absurd value. The CLI prints its
 * message alone (no stack trace) and exits with code 2.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
