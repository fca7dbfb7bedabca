import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';
import { MAIN_HELP } from './help.js';
import { readFailure } from './input-files.js';
import type { Io } from './io.js';
import { wrapBlock } from './text-wrap.js';

export type { Io } from './io.js';

type Command = (argv: readonly string[], io: Io) => Promise<number>;

// Each command is loaded only when it runs, so `masdrill --help` never pays for Ink or the generator.
const COMMANDS: Record<string, () => Promise<Command>> = {
  evaluate: async () => (await import('./commands/evaluate.js')).evaluateCommand,
  exam: async () => (await import('./commands/exam.js')).examCommand,
  generate: async () => (await import('./commands/generate.js')).generateCommand,
  grade: async () => (await import('./commands/grade.js')).gradeCommand,
  play: async () => (await import('./commands/play.js')).playCommand,
  quiz: async () => (await import('./commands/quiz.js')).quizCommand,
  stats: async () => (await import('./commands/stats.js')).statsCommand,
  sweep: async () => (await import('./commands/sweep.js')).sweepCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
};

async function versionText(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const { GENERATOR_VERSION } = await import('@masdrill/generator');
  return `masdrill ${pkg.version} (generator ${GENERATOR_VERSION})\n`;
}

/** A file-system error that escaped a command is still an input the user can fix: say which file and why. */
function fileSystemError(error: unknown): CliError | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (!(e instanceof Error) || typeof e.code !== 'string' || typeof e.path !== 'string') return undefined;
  return readFailure(e.path, e);
}

/** Runs one masdrill command; returns the exit code. User errors become one message on stderr and code 2. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    // No command: the drill itself (on a terminal the Ink quiz, otherwise the --plain mode).
    if (name === undefined) return await (await COMMANDS.quiz!())([], io);
    if (name === '--version' || name === '-V' || name === 'version') {
      io.stdout.write(await versionText());
      return 0;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      if (topic !== undefined) {
        const load = COMMANDS[topic];
        if (!load)
          throw new CliError(
            `masdrill help: no command "${topic}". Fix: use one of ${Object.keys(COMMANDS).join(', ')}, or run "masdrill --help".`,
          );
        return await (await load())(['--help'], io);
      }
      io.stdout.write(wrapBlock(MAIN_HELP));
      return 0;
    }
    const load = COMMANDS[name];
    if (!load)
      throw new CliError(
        `masdrill: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run "masdrill --help".`,
      );
    return await (await load())(rest, io);
  } catch (error) {
    const known = error instanceof CliError ? error : fileSystemError(error);
    if (known) {
      io.stderr.write(known.message.endsWith('\n') ? known.message : known.message + '\n');
      return known.exitCode;
    }
    throw error;
  }
}
