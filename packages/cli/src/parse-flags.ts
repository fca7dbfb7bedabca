import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.js';
import { wrapLine } from './text-wrap.js';

export type FlagSpec = NonNullable<ParseArgsConfig['options']>;

/** One flag of a command: how it parses and how its help line reads, written once. */
export interface Flag {
  readonly name: string;
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in the help ("FILE"). */
  readonly value?: string;
  /** The help text, wrapped to fit (a "\n" in it is a soft break). */
  readonly help: string;
}

export interface ParsedFlags {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/** The help for -h/--help, the same in every command. */
export const HELP_FLAG: Flag = { name: 'help', type: 'boolean', short: 'h', help: 'this help' };

/** The "Flags:" block of a command's help, from its flag table. */
export function flagHelp(flags: readonly Flag[], width = 22): string {
  return (
    flags
      .map((f) => {
        const name = `${f.short ? `-${f.short}, ` : ''}--${f.name}${f.value ? ` ${f.value}` : ''}`;
        const column = ' '.repeat(width + 1);
        // The help is one paragraph, wrapped in its column ("\n" in a table entry is a soft break).
        const text = f.help.replace(/\s*\n\s*/g, ' ');
        return (
          name.length > width - 3
            ? [`  ${name}`, ...wrapLine(`${column}${text}`, column)]
            : wrapLine(`  ${name.padEnd(width - 2)} ${text}`, column)
        ).join('\n');
      })
      .join('\n') + '\n'
  );
}

function specOf(flags: readonly Flag[] | FlagSpec): FlagSpec {
  if (!Array.isArray(flags)) return flags as FlagSpec;
  return Object.fromEntries(flags.map((f) => [f.name, { type: f.type, ...(f.short ? { short: f.short } : {}) }]));
}

/**
 * parseArgs refuses "--window -168:72" ("argument is ambiguous"): a value that starts with "-" looks
 * like a flag. A value that starts with "-" and a digit cannot be a flag, so it is joined to its flag.
 */
function joinNegativeValues(argv: readonly string[], spec: FlagSpec): string[] {
  const takesValue = new Set<string>();
  for (const [name, option] of Object.entries(spec)) {
    if (option.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (option.short) takesValue.add(`-${option.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (takesValue.has(arg) && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(arg.startsWith('--') ? `${arg}=${next}` : `${arg}${next}`);
      i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** node:util parseArgs in strict mode, with its errors turned into one-line usage errors. */
export function parseFlags(
  command: string,
  argv: readonly string[],
  flags: readonly Flag[] | FlagSpec,
  allowPositionals = true,
): ParsedFlags {
  const options = specOf(flags);
  try {
    return parseArgs({ args: joinNegativeValues(argv, options), options, strict: true, allowPositionals });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new CliError(
      `masdrill ${command}: ${message.replace(/\.$/, '')}. Run "masdrill ${command} --help" for the flags.`,
    );
  }
}
