import { basename } from 'node:path';
import { isKind, KINDS, type Kind } from '@masdrill/generator';
import { formatProblem, type AnswersFile, type Case, type Scenario } from '@masdrill/rules';
import {
  constraintProblems, drillScenario, formatSessionReport, fromAnswersFile, generatedCaseOf, playSession, sessionReport, SessionError, EXPERT,
} from '@masdrill/quiz';
import { CliError } from '../cli-error.js';
import { DISCLAIMER } from '../help.js';
import type { Io } from '../main.js';
import { parseFlags } from '../parse-flags.js';
import { fail, findScenario, readAnswers, readScenarioFile, scenarioCase, withLines } from '../scenario-files.js';
import type { SourceLines } from '../source-lines.js';

export const PLAY_HELP = `masdrill play — play a teaching scenario headless and print the debrief.
${DISCLAIMER}

Usage: masdrill play --scenario <file|id> [--answers answers.yaml] [--json]
       masdrill play --kind <kind> --seed <n> [--answers answers.yaml] [--json]

  --scenario <file|id>  a scenario file (YAML), or the id of one in scenarios/
  --kind <kind>         a random drill over a generated patient: ${KINDS.join(', ')}
  --seed <n>            the drill's seed (0 … 4294967295); the same seed, the same drill
  --answers <file>      the trainee's answers (YAML/JSON: stages: {<stage id>: {diagnosis, criteria,
                        escalation, plan}}); a question left out scores 0. Without it the expert plays.
  --json                print the session report as JSON

Drill stages: presentation (0 h), reassess-12h, reassess-48h, day-3 (72 h).
Exit codes: 0 played; 2 bad input (the message names the file, line, JSON path and the fix).
`;

function stageKey(id: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(id) ? `.${id}` : `[${JSON.stringify(id)}]`;
}

export async function playCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags('play', argv, {
    scenario: { type: 'string' }, kind: { type: 'string' }, seed: { type: 'string' }, answers: { type: 'string' },
    json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  }, false);
  if (values.help) { io.stdout.write(PLAY_HELP); return 0; }
  const scenarioRef = values.scenario as string | undefined;
  const kind = values.kind as string | undefined;
  const seedText = values.seed as string | undefined;
  if ((scenarioRef === undefined) === (kind === undefined && seedText === undefined)) {
    throw new CliError('masdrill play: give either --scenario <file|id>, or --kind <kind> --seed <n> for a random drill. Run "masdrill play --help".');
  }
  let scenario: Scenario;
  let baseCase: Case;
  if (scenarioRef !== undefined) {
    const file = await findScenario(scenarioRef);
    const read = await readScenarioFile(file);
    if (!read.scenario) fail(read.problems, `scenario ${basename(file)}`);
    scenario = read.scenario;
    const c = await scenarioCase(scenario, file, read.lines);
    if (!c.case) fail(c.problems, `case of scenario ${basename(file)}`);
    const unmet = withLines(constraintProblems(c.case, scenario.constrain, file), read.lines);
    if (unmet.length) fail(unmet, `scenario ${basename(file)}`);
    baseCase = c.case;
  } else {
    if (kind === undefined || !isKind(kind)) throw new CliError(`masdrill play: --kind must be one of ${KINDS.join(', ')}${kind ? ` (got "${kind}")` : ''}.`);
    if (seedText === undefined || !/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff) throw new CliError(`masdrill play: --seed must be a whole number from 0 to 4294967295${seedText !== undefined ? ` (got "${seedText}")` : ''}.`);
    scenario = drillScenario(kind as Kind, Number(seedText));
    baseCase = generatedCaseOf(scenario)!;
  }
  let source = EXPERT;
  let answers: { answers: AnswersFile; lines: SourceLines; file: string } | undefined;
  if (typeof values.answers === 'string') {
    answers = { ...(await readAnswers(values.answers, scenario)), file: values.answers };
    source = fromAnswersFile(answers.answers.stages);
  }
  let state;
  try {
    state = playSession(scenario, baseCase, source);
  } catch (error) {
    if (!(error instanceof SessionError)) throw error;
    const path = `$.stages${stageKey(error.stageId)}${error.question === 'advance' ? '' : `.${error.question}`}`;
    const file = answers?.file ?? `scenario ${scenario.id}`;
    const line = answers?.lines.lineOf(path);
    throw new CliError(`masdrill play: ${formatProblem({ file, ...(line !== undefined ? { line } : {}), path, message: `refused: ${error.message}`, fix: 'answer only what the stage asks, with one of the offered choices and a valid plan' })}`);
  }
  const report = sessionReport(state);
  io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatSessionReport(report));
  return 0;
}
