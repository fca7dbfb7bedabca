import {
  CRITERIA_SET_IDS,
  evaluate,
  formatProblems,
  type CriteriaSetId,
  type Evaluation,
  type TimeWindow,
} from '@masdrill/rules/evaluate';
import { BatchedWriter } from '../batched-writer.js';
import { readCases } from '../case-input.js';
import { CliError } from '../cli-error.js';
import { formatEvaluation } from '../format-evaluation.js';
import { MAX_LINE_CHARS } from '../input-files.js';
import type { Io } from '../io.js';
import { wrapBlock } from '../text-wrap.js';
import { flagHelp, HELP_FLAG, parseFlags, type Flag } from '../parse-flags.js';
import { UNITS_FLAG, unitsFlag } from '../units-flag.js';

const FLAGS: readonly Flag[] = [
  { name: 'json', type: 'boolean', help: "one JSON result per case per line (JSONL), with every item's evidence" },
  {
    name: 'statuses',
    type: 'boolean',
    help: "with --json: only each criteria set's status, count, score and\nclassifications, without item evidence (about 30× smaller, for cohorts)",
  },
  { name: 'items', type: 'boolean', help: 'in the table, list every item: value, threshold, hour, citation' },
  UNITS_FLAG,
  {
    name: 'window',
    type: 'string',
    value: 'FROM:TO',
    help: 'hours from presentation every definition reads (default: each its\nown — Phoenix and the sJIA-MAS scores the first 24 h, HLH-2004 and MIS-C\nthe illness from presentation to the last hour recorded); negative hours\nreach before presentation: -168:72',
  },
  {
    name: 'only',
    type: 'string',
    value: 'IDS',
    help: `comma-separated criteria sets:\n${CRITERIA_SET_IDS.join(', ')}`,
  },
  {
    name: 'keep-going',
    type: 'boolean',
    help: 'evaluate every good case; report each rejected one on stderr and\nexit 2 at the end with a count',
  },
  HELP_FLAG,
];

export const EVALUATE_HELP = `Usage: masdrill evaluate <file|-> [flags]

Applies every diagnostic criteria set to each case: HLH-2004, 2016 EULAR/ACR/PRINTO, HScore,
MS score, ferritin:ESR, Phoenix sepsis, MIS-C (CSTE/CDC 2023, WHO 2020). Input is one case (JSON),
an array of cases, or one case per line (JSONL, streamed; a line may hold up to ${MAX_LINE_CHARS / 1024 / 1024} MB);
"-" reads standard input, and a FIFO reads like a file. A bad case stops the run after the results
before it are written; --keep-going evaluates the rest.

Flags:
${flagHelp(FLAGS)}
Exit codes: 0 evaluated; 2 bad input or flags (the message names the file, line, field and fix).
`;

function parseWindow(text: string): TimeWindow {
  const m = /^(-?\d+(?:\.\d+)?):(-?\d+(?:\.\d+)?)$/.exec(text);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2]) : NaN;
  if (!m || !(from <= to))
    throw new CliError(
      `masdrill evaluate: --window "${text}" is not FROM:TO in hours with FROM ≤ TO. Fix: e.g. --window 0:24 or --window 0:72.`,
    );
  return { fromHour: from, toHour: to };
}

function parseOnly(text: string): CriteriaSetId[] {
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !(CRITERIA_SET_IDS as readonly string[]).includes(id));
  if (unknown.length || ids.length === 0) {
    throw new CliError(
      `masdrill evaluate: --only ${ids.length === 0 ? 'names no criteria set' : `has unknown criteria set "${unknown.join(', ')}"`}. Fix: choose from ${CRITERIA_SET_IDS.join(', ')}.`,
    );
  }
  return ids as CriteriaSetId[];
}

/** The verdicts without the evidence behind them: what a cohort summary needs. */
function statusesOnly(evaluation: Evaluation) {
  return {
    caseId: evaluation.caseId,
    results: evaluation.results.map((r) => ({
      id: r.id,
      status: r.status,
      ...(r.count ? { count: r.count } : {}),
      ...(r.score
        ? {
            score: {
              value: r.score.value,
              min: r.score.min,
              max: r.score.max,
              ...(r.score.probability ? { probability: r.score.probability.value } : {}),
            },
          }
        : {}),
      ...(r.classifications ? { classifications: r.classifications } : {}),
    })),
  };
}

export async function evaluateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('evaluate', argv, FLAGS);
  if (values.help) {
    io.stdout.write(wrapBlock(EVALUATE_HELP));
    return 0;
  }
  if (positionals.length !== 1)
    throw new CliError(
      `masdrill evaluate: give exactly one input (a case file, or "-" for standard input); got ${positionals.length}. Run "masdrill evaluate --help".`,
    );
  const units = unitsFlag('evaluate', values.units);
  const options = {
    ...(typeof values.window === 'string' ? { window: parseWindow(values.window) } : {}),
    ...(typeof values.only === 'string' ? { only: parseOnly(values.only) } : {}),
  };
  if (values.statuses && !values.json)
    throw new CliError(
      'masdrill evaluate: --statuses goes with --json. Fix: add --json (the table already shows statuses only unless --items).',
    );

  const out = new BatchedWriter(io.stdout);
  let evaluated = 0;
  let rejected = 0;
  for await (const read of readCases(positionals[0]!, io, units)) {
    if (out.closed) break;
    if (!read.ok) {
      rejected++;
      // Results computed so far are written before the complaint, never dropped.
      await out.flush();
      io.stderr.write(formatProblems(read.problems) + '\n');
      if (values['keep-going']) continue;
      io.stderr.write(
        `masdrill evaluate: stopped at this case (${count(evaluated)} evaluated before it; the rest of the input not read). Fix: correct it, or add --keep-going to evaluate every good case.\n`,
      );
      return 2;
    }
    // A threshold printed in two units is judged in the unit the values were entered in.
    const evaluation = evaluate(read.case, { ...options, enteredUnits: read.inputUnits });
    evaluated++;
    if (!values.json) await out.write(formatEvaluation(read.case, evaluation, { items: values.items === true }));
    else await out.write(JSON.stringify(values.statuses ? statusesOnly(evaluation) : evaluation) + '\n');
  }
  await out.flush();
  const failure = out.failure();
  if (failure) throw failure;
  if (rejected > 0) {
    io.stderr.write(`masdrill evaluate: ${count(evaluated)} evaluated, ${count(rejected)} rejected.\n`);
    return 2;
  }
  return 0;
}

const count = (n: number): string => n.toLocaleString('en-US');
