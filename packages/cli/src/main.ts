import { CliError } from './cli-error.js';
import { MAIN_HELP } from './help.js';

export interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
}

type Command = (argv: readonly string[], io: Io) => Promise<number>;

// Each command is loaded only when it runs, so `masdrill --help` never pays for Ink or the generator.
const COMMANDS: Record<string, () => Promise<Command>> = {
  evaluate: async () => (await import('./commands/evaluate.js')).evaluateCommand,
  generate: async () => (await import('./commands/generate.js')).generateCommand,
  grade: async () => (await import('./commands/grade.js')).gradeCommand,
  play: async () => (await import('./commands/play.js')).playCommand,
  quiz: async () => (await import('./commands/quiz.js')).quizCommand,
  stats: async () => (await import('./commands/stats.js')).statsCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
};

/** Runs one masdrill command; returns the exit code. User errors become one line on stderr and code 2. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    // No command: the drill itself (on a terminal the Ink quiz, otherwise the --plain mode).
    if (name === undefined) return await (await COMMANDS.quiz!())([], io);
    if (name === '--help' || name === '-h' || name === 'help') {
      if (name === 'help' && rest[0] && COMMANDS[rest[0]]) return await (await COMMANDS[rest[0]]!())(['--help'], io);
      io.stdout.write(MAIN_HELP);
      return 0;
    }
    const load = COMMANDS[name];
    if (!load) throw new CliError(`masdrill: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run "masdrill --help".`);
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(error.message.endsWith('\n') ? error.message : error.message + '\n');
      return error.exitCode;
    }
    throw error;
  }
}
