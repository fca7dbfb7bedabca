import { basename } from 'node:path';
import { isKind, KINDS, type Kind } from '@masdrill/generator';
import { formatProblem, type AnswersFile, type Case, type Scenario } from '@masdrill/rules';
import {
  constraintProblems,
  teachableDrill,
  formatSessionReport,
  formatShownScenario,
  fromAnswersFile,
  generatedCaseOf,
  playSession,
  sessionReport,
  showScenario,
  SessionError,
  EXPERT,
} from '@masdrill/quiz';
import { CliError } from '../cli-error.js';
import { DISCLAIMER } from '../help.js';
import { displayName, type Io } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { fail, findScenario, readAnswers, readScenarioFile, scenarioCase, withLines } from '../scenario-files.js';
import type { SourceLines } from '../source-lines.js';

export const PLAY_HELP = `masdrill play — play a teaching scenario headless and print the debrief.
${DISCLAIMER}

Usage: masdrill play --scenario <file|id> [--answers answers.yaml | --show] [--json]
       masdrill play --kind <kind> --seed <n> [--answers answers.yaml] [--json]

  --scenario <file|id>  a scenario file (YAML; "-" reads standard input), or the id of one in scenarios/
  --kind <kind>         a random drill over a generated patient: ${KINDS.join(', ')}
  --seed <n>            the drill's seed (0 … 4294967295); the same seed, the same drill
  --answers <file|->    the trainee's answers (YAML or JSON; "-" reads standard input):
                        stages: {<stage id>: {diagnosis, criteria, escalation, plan}};
                        a question left out scores 0. Without it the expert plays.
  --json                print the session report as JSON
  --show                print the case's stages without the key (the presentation chart, each
                        stage's hour, prompt and questions; no answers, no expert, no feedback)

Drill stages: presentation (0 h), reassess-12h, reassess-48h, day-3 (72 h).
Exit codes: 0 played; 2 bad input (the message names the file, line, JSON path and the fix).
`;

function stageKey(id: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(id) ? `.${id}` : `[${JSON.stringify(id)}]`;
}

export async function playCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    'play',
    argv,
    {
      scenario: { type: 'string' },
      kind: { type: 'string' },
      seed: { type: 'string' },
      answers: { type: 'string' },
      json: { type: 'boolean' },
      show: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(PLAY_HELP);
    return 0;
  }
  const scenarioRef = values.scenario as string | undefined;
  const kind = values.kind as string | undefined;
  const seedText = values.seed as string | undefined;
  if ((scenarioRef === undefined) === (kind === undefined && seedText === undefined)) {
    throw new CliError(
      'masdrill play: give either --scenario <file|id>, or --kind <kind> --seed <n> for a random drill. Run "masdrill play --help".',
    );
  }
  let scenario: Scenario;
  let baseCase: Case;
  if (scenarioRef !== undefined) {
    const file = await findScenario(scenarioRef);
    if (file === '-' && values.answers === '-')
      throw new CliError(
        'masdrill play: --scenario - and --answers - both read standard input. Fix: give one of them as a file.',
      );
    const read = await readScenarioFile(file, io);
    if (!read.scenario) fail(read.problems, `scenario ${basename(file)}`);
    scenario = read.scenario;
    const c = await scenarioCase(scenario, file, read.lines);
    if (!c.case) fail(c.problems, `case of scenario ${basename(file)}`);
    const unmet = withLines(constraintProblems(c.case, scenario.constrain, file), read.lines);
    if (unmet.length) fail(unmet, `scenario ${basename(file)}`);
    baseCase = c.case;
  } else {
    if (kind === undefined || !isKind(kind))
      throw new CliError(
        `masdrill play: --kind ${kind ? `"${kind}" is not a kind` : 'is missing'}. Fix: give --kind with one of ${KINDS.join(', ')}.`,
      );
    if (seedText === undefined || !/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff)
      throw new CliError(
        `masdrill play: --seed ${seedText !== undefined ? `"${seedText}" is not a whole number from 0 to 4294967295` : 'is missing'}. Fix: give --seed N with N from 0 to 4294967295 (the same seed, the same drill).`,
      );
    scenario = teachableDrill(kind as Kind, Number(seedText));
    baseCase = generatedCaseOf(scenario)!;
  }
  if (values.show) {
    if (values.answers !== undefined)
      throw new CliError('masdrill play: --show prints the case without playing it; leave out --answers.');
    io.stdout.write(
      values.json
        ? JSON.stringify(showScenario(scenario, baseCase), null, 2) + '\n'
        : formatShownScenario(showScenario(scenario, baseCase)),
    );
    return 0;
  }
  let source = EXPERT;
  let answers: { answers: AnswersFile; lines: SourceLines; file: string } | undefined;
  if (typeof values.answers === 'string') {
    answers = { ...(await readAnswers(values.answers, scenario, io)), file: displayName(values.answers) };
    source = fromAnswersFile(answers.answers.stages);
  }
  let state: ReturnType<typeof playSession>;
  try {
    state = playSession(scenario, baseCase, source);
  } catch (error) {
    if (!(error instanceof SessionError)) throw error;
    const path = `$.stages${stageKey(error.stageId)}${error.question === 'advance' ? '' : `.${error.question}`}`;
    const file = answers?.file ?? `scenario ${scenario.id}`;
    const line = answers?.lines.lineOf(path);
    throw new CliError(
      `masdrill play: ${formatProblem({ file, ...(line !== undefined ? { line } : {}), path, message: `refused: ${error.message}`, fix: 'answer only what the stage asks, with one of the offered choices and a valid plan' })}`,
    );
  }
  const report = sessionReport(state);
  io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatSessionReport(report));
  return 0;
}
