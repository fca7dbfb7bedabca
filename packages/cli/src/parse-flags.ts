import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.js';

export type FlagSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedFlags {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/** node:util parseArgs in strict mode, with its errors turned into one-line usage errors. */
export function parseFlags(command: string, argv: readonly string[], options: FlagSpec, allowPositionals = true): ParsedFlags {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new CliError(`masdrill ${command}: ${message}. Run "masdrill ${command} --help" for the flags.`);
  }
}
