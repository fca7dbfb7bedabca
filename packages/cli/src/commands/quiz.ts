import { createInterface } from 'node:readline';
import { basename } from 'node:path';
// Only types and light modules load up front: the first screen is printed before the engine and Ink
// load (bench/startup.ts measures it), then they load while the trainee reads it.
import type { Difficulty, Kind } from '@masdrill/generator';
import type { Case, Scenario, ValidationProblem } from '@masdrill/rules';
import type { SessionState, Topic } from '@masdrill/quiz';
import { welcomeText } from '@masdrill/quiz/welcome';
import { appendAttempt, dataDir, readAttemptLog } from '../attempt-log-file.js';
import { CliError } from '../cli-error.js';
import { DISCLAIMER } from '../help.js';
import type { Io } from '../main.js';
import { parseFlags } from '../parse-flags.js';

type Engine = typeof import('@masdrill/quiz') &
  typeof import('@masdrill/generator') &
  Pick<typeof import('@masdrill/rules'), 'formatProblem'> &
  typeof import('../scenario-files.js');

async function loadEngine(): Promise<Engine> {
  const [quiz, generator, rules, files] = await Promise.all([
    import('@masdrill/quiz'),
    import('@masdrill/generator'),
    import('@masdrill/rules'),
    import('../scenario-files.js'),
  ]);
  return { ...generator, ...quiz, formatProblem: rules.formatProblem, ...files };
}

const quizHelp = ({
  KINDS,
  DIFFICULTIES,
}: Engine) => `masdrill quiz — the drill: a synthetic patient over simulated hours, answered with the keyboard.
${DISCLAIMER}

Usage: masdrill                       (a random case, weighted towards your weak topics)
       masdrill quiz [--scenario <file|id> | --kind K [--seed N] [--difficulty D]] [flags]

  --scenario <file|id>  an authored teaching scenario (a file, or an id in scenarios/)
  --kind <kind>         a generated patient: ${KINDS.join(', ')}
  --seed <n>            its seed (0 … 4294967295; default: random); the same seed, the same case
  --difficulty <d>      ${DIFFICULTIES.join(' or ')} (default standard)
  --units <system>      si or conventional (default conventional; "u" switches at any time)
  --cases <n>           how many cases at most (default: one in --plain mode; on a terminal "n" on
                        the debrief starts the next until you quit)
  --plain               line by line: numbered choices, typed answers, output only appended
                        (for screen readers, pipes and scripts; the default when not on a terminal)
  --no-dose-check       no order-entry dose warnings (for exams)
  --data-dir <dir>      where the attempt log is kept (default: MASDRILL_DATA_DIR, else the
                        user's data directory)

Each finished case appends one line to the attempt log; "masdrill stats" shows your progress.
Honours NO_COLOR. Exit codes: 0 finished or quit; 2 bad input (or the input ended mid-case).
`;

const KIND_IDS: readonly Kind[] = ['mas', 'sjia-flare', 'sepsis', 'misc'];

/** Which drill kinds exercise which topics (a design choice for weighting the next random drill, not a clinical fact). */
const KIND_TOPICS: { readonly [K in Kind]: readonly Topic[] } = {
  mas: ['first line', 'dosing', 'escalation', 'criteria', 'pitfalls'],
  'sjia-flare': ['diagnosis', 'criteria', 'pitfalls'],
  sepsis: ['diagnosis', 'infection', 'critical care'],
  misc: ['diagnosis', 'critical care', 'criteria'],
};

/** A random kind, each weighted 1 + how weak the trainee is on the topics it drills. Randomness is fine here: choosing a case is not generating one. */
export function weightedKind(weakness: Partial<Record<Topic, number>>, random: () => number): Kind {
  const weights = KIND_IDS.map((k) => 1 + KIND_TOPICS[k].reduce((s, t) => s + (weakness[t] ?? 0), 0));
  let x = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < KIND_IDS.length; i++) {
    x -= weights[i]!;
    if (x < 0) return KIND_IDS[i]!;
  }
  return KIND_IDS[KIND_IDS.length - 1]!;
}

async function loadScenario(e: Engine, ref: string): Promise<{ scenario: Scenario; baseCase: Case }> {
  const { findScenario, readScenarioFile, scenarioCase, withLines, constraintProblems } = e;
  function fail(problems: readonly ValidationProblem[], what: string): never {
    throw new CliError(
      `masdrill quiz: the ${what} is not valid:\n${problems.slice(0, 12).map(e.formatProblem).join('\n')}`,
    );
  }
  let file: string;
  try {
    file = await findScenario(ref);
  } catch (error) {
    if (error instanceof CliError) throw new CliError(error.message.replace(/^masdrill play:/, 'masdrill quiz:'));
    throw error;
  }
  const read = await readScenarioFile(file);
  if (!read.scenario) fail(read.problems, `scenario ${basename(file)}`);
  const c = await scenarioCase(read.scenario, file, read.lines);
  if (!c.case) fail(c.problems, `case of scenario ${basename(file)}`);
  const unmet = withLines(constraintProblems(c.case, read.scenario.constrain, file), read.lines);
  if (unmet.length) fail(unmet, `scenario ${basename(file)}`);
  return { scenario: read.scenario, baseCase: c.case };
}

function drill(e: Engine, kind: Kind, seed: number, difficulty: Difficulty): SessionState {
  const scenario = e.teachableDrill(kind, seed, difficulty);
  return e.createSession(scenario, e.generatedCaseOf(scenario)!);
}

/** A line reader over a stream: the next line, or undefined at its end. */
function lineReader(input: NodeJS.ReadableStream): { readLine: () => Promise<string | undefined>; close: () => void } {
  const rl = createInterface({ input, terminal: false });
  const queue: string[] = [];
  const waiting: ((l: string | undefined) => void)[] = [];
  let ended = false;
  rl.on('line', (l) => {
    const w = waiting.shift();
    if (w) w(l);
    else queue.push(l);
  });
  rl.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w(undefined);
  });
  return {
    readLine: () =>
      new Promise((res) => {
        if (queue.length) res(queue.shift());
        else if (ended) res(undefined);
        else waiting.push(res);
      }),
    close: () => rl.close(),
  };
}

export async function quizCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    'quiz',
    argv,
    {
      scenario: { type: 'string' },
      kind: { type: 'string' },
      seed: { type: 'string' },
      difficulty: { type: 'string' },
      units: { type: 'string' },
      cases: { type: 'string' },
      plain: { type: 'boolean' },
      'no-dose-check': { type: 'boolean' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(quizHelp(await loadEngine()));
    return 0;
  }
  const str = (k: string) => values[k] as string | undefined;
  const units = str('units') ?? 'conventional';
  if (units !== 'si' && units !== 'conventional')
    throw new CliError(`masdrill quiz: --units must be si or conventional (got "${units}").`);
  const difficulty = str('difficulty') ?? 'standard';
  const casesText = str('cases');
  if (casesText !== undefined && (!/^\d+$/.test(casesText) || Number(casesText) < 1 || Number(casesText) > 1000))
    throw new CliError(`masdrill quiz: --cases must be a whole number from 1 to 1000 (got "${casesText}").`);
  const kind = str('kind');
  const seedText = str('seed');
  if (seedText !== undefined && (!/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff))
    throw new CliError(`masdrill quiz: --seed must be a whole number from 0 to 4294967295 (got "${seedText}").`);
  if (str('scenario') !== undefined && (kind !== undefined || seedText !== undefined))
    throw new CliError('masdrill quiz: give --scenario, or --kind/--seed, not both.');
  const dir = dataDir(str('data-dir'));
  const stdin = io.stdin as NodeJS.ReadStream;
  const stdout = io.stdout as NodeJS.WriteStream;
  const interactive = !values.plain && stdin.isTTY === true && stdout.isTTY === true;

  // On a terminal the first screen goes up now; keys typed while the engine loads wait in raw mode.
  let shown = 0;
  if (interactive) {
    const text = welcomeText(units, stdout.columns || 80);
    stdout.write(text);
    shown = text.split('\n').length - 1;
    stdin.setRawMode?.(true);
  }
  const erase = () => {
    if (shown) {
      stdout.write(`\u001b[${shown}A\r\u001b[0J`);
      shown = 0;
    }
  };
  const ink = interactive
    ? (() => {
        // Ink's colour library ignores NO_COLOR: set the level before it loads (DESIGN.md).
        if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
        return import('@masdrill/quiz/ui');
      })()
    : undefined;
  let e: Engine;
  try {
    e = await loadEngine();
    if (!(e.DIFFICULTIES as readonly string[]).includes(difficulty))
      throw new CliError(`masdrill quiz: --difficulty must be ${e.DIFFICULTIES.join(' or ')} (got "${difficulty}").`);
    if (kind !== undefined && !e.isKind(kind))
      throw new CliError(`masdrill quiz: --kind must be one of ${e.KINDS.join(', ')} (got "${kind}").`);
  } catch (error) {
    erase();
    if (interactive) stdin.setRawMode?.(false);
    throw error;
  }
  const { attemptRecord, attemptStats, debriefOf, parseAttemptLog, weakTopics } = e;

  // Weak topics from the history (a bad log never stops a drill).
  let weakness: Partial<Record<Topic, number>> = {};
  try {
    const stats = attemptStats(parseAttemptLog(readAttemptLog(dir)).attempts);
    weakness = Object.fromEntries(
      weakTopics(stats).map((t) => [t, 1 - (stats.topics.find((x) => x.topic === t)?.accuracy ?? 1)]),
    );
  } catch {
    /* no history */
  }
  const randomSeed = () => Math.floor(Math.random() * 0x100000000);
  let n = 0;
  let fixed: { scenario: Scenario; baseCase: Case } | undefined;
  try {
    fixed = str('scenario') !== undefined ? await loadScenario(e, str('scenario')!) : undefined;
  } catch (error) {
    erase();
    if (interactive) stdin.setRawMode?.(false);
    throw error;
  }
  const firstSeed = seedText !== undefined ? Number(seedText) : randomSeed();
  /** The k-th case of this run: the scenario, else --kind with consecutive seeds, else a weighted random kind. */
  const sessionAt = (k: number): SessionState => {
    if (fixed && k === 0) return e.createSession(fixed.scenario, fixed.baseCase);
    const kk: Kind = (kind as Kind | undefined) ?? weightedKind(weakness, Math.random);
    return drill(e, kk, fixed ? randomSeed() : (firstSeed + k) >>> 0, difficulty as Difficulty);
  };
  const onFinished = (state: SessionState) => {
    try {
      appendAttempt(dir, attemptRecord(state, debriefOf(state), new Date()));
    } catch (error) {
      io.stderr.write(
        `masdrill quiz: could not add this case to the attempt log in ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}); the drill goes on.\n`,
      );
    }
  };

  if (!interactive) {
    const cases = casesText === undefined ? 1 : Number(casesText);
    const { runPlain } = await import('@masdrill/quiz/plain');
    const reader = lineReader(io.stdin);
    try {
      for (; n < cases; n++) {
        const r = await runPlain({
          session: sessionAt(n),
          readLine: reader.readLine,
          write: (t) => {
            io.stdout.write(t);
          },
          echo: stdin.isTTY !== true,
          units,
          doseChecks: !values['no-dose-check'],
          onFinished,
        });
        if (r.outcome === 'quit') return 0;
        if (r.outcome === 'end-of-input') {
          io.stderr.write(
            'masdrill quiz: the input ended before the case was finished. Fix: answer every numbered question (one answer a line), or run "masdrill --help" for the other commands.\n',
          );
          return 2;
        }
      }
    } finally {
      reader.close();
    }
    return 0;
  }
  const { runQuiz } = await ink!;
  erase();
  await runQuiz({
    session: sessionAt(0),
    onFinished,
    units,
    doseChecks: !values['no-dose-check'],
    nextSession: () => (casesText === undefined || n + 1 < Number(casesText) ? sessionAt(++n) : undefined),
    stdin,
    stdout,
  });
  return 0;
}
