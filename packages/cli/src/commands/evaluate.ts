import { CRITERIA_SET_IDS, evaluate, type CriteriaSetId, type Evaluation, type TimeWindow } from '@masdrill/rules';
import { BatchedWriter } from '../batched-writer.js';
import { CliError } from '../cli-error.js';
import { formatEvaluation } from '../format-evaluation.js';
import type { Io } from '../main.js';
import { parseFlags } from '../parse-flags.js';
import { readCases, type InputUnits } from '../read-cases.js';

export const EVALUATE_HELP = `Usage: masdrill evaluate <file|-> [flags]

Applies every diagnostic criteria set to each case: HLH-2004, 2016 EULAR/ACR/PRINTO, HScore,
MS score, ferritin:ESR, Phoenix sepsis, MIS-C (CSTE/CDC 2023, WHO 2020). Input is one case (JSON),
an array of cases, or one case per line (JSONL); "-" reads standard input.

Flags:
  --json               one JSON result per case per line (JSONL), with every item's evidence
  --statuses           with --json: only each criteria set's status, count, score and
                       classifications, without item evidence (about 30× smaller, for cohorts)
  --items              in the table, list every item: value, threshold, hour, citation
  --units U            units of the input's lab values: canonical (default; as the case schema),
                       conventional, or si
  --window FROM:TO     hours from presentation every definition reads (default: each its own —
                       Phoenix and the sJIA-MAS scores the first 24 h, HLH-2004 and MIS-C the
                       illness from presentation to the last hour recorded)
  --only IDS           comma-separated criteria sets: ${CRITERIA_SET_IDS.join(', ')}
  -h, --help           this help

Exit codes: 0 evaluated; 2 bad input or flags (the message names the file, line, field and fix).
`;

const UNITS: readonly InputUnits[] = ['canonical', 'conventional', 'si'];

function parseWindow(text: string): TimeWindow {
  const m = /^(-?\d+(?:\.\d+)?):(-?\d+(?:\.\d+)?)$/.exec(text);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2]) : NaN;
  if (!m || !(from <= to)) throw new CliError(`masdrill evaluate: --window "${text}" is not FROM:TO in hours with FROM ≤ TO. Fix: e.g. --window 0:24 or --window 0:72.`);
  return { fromHour: from, toHour: to };
}

function parseOnly(text: string): CriteriaSetId[] {
  const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !(CRITERIA_SET_IDS as readonly string[]).includes(id));
  if (unknown.length || ids.length === 0) throw new CliError(`masdrill evaluate: --only has unknown criteria set "${unknown.join(', ')}". Fix: choose from ${CRITERIA_SET_IDS.join(', ')}.`);
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
      ...(r.score ? { score: { value: r.score.value, min: r.score.min, max: r.score.max, ...(r.score.probability ? { probability: r.score.probability.value } : {}) } } : {}),
      ...(r.classifications ? { classifications: r.classifications } : {}),
    })),
  };
}

export async function evaluateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('evaluate', argv, {
    json: { type: 'boolean' },
    statuses: { type: 'boolean' },
    items: { type: 'boolean' },
    units: { type: 'string' },
    window: { type: 'string' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) { io.stdout.write(EVALUATE_HELP); return 0; }
  if (positionals.length !== 1) throw new CliError(`masdrill evaluate: give exactly one input (a case file, or "-" for standard input); got ${positionals.length}. Run "masdrill evaluate --help".`);
  const units = (values.units ?? 'canonical') as string;
  if (!(UNITS as readonly string[]).includes(units)) throw new CliError(`masdrill evaluate: --units "${units}" is not one of ${UNITS.join(', ')}.`);
  const options = {
    // A threshold printed in two units is judged in the unit the values were entered in.
    enteredUnits: units as InputUnits,
    ...(typeof values.window === 'string' ? { window: parseWindow(values.window) } : {}),
    ...(typeof values.only === 'string' ? { only: parseOnly(values.only) } : {}),
  };

  if (values.statuses && !values.json) throw new CliError('masdrill evaluate: --statuses goes with --json. Fix: add --json (the table already shows statuses only unless --items).');
  const out = new BatchedWriter(io.stdout);
  for await (const c of readCases({ path: positionals[0]!, units: units as InputUnits, stdin: io.stdin })) {
    if (out.closed) break;
    const evaluation = evaluate(c, options);
    if (!values.json) await out.write(formatEvaluation(c, evaluation, { items: values.items === true }));
    else await out.write(JSON.stringify(values.statuses ? statusesOnly(evaluation) : evaluation) + '\n');
  }
  await out.flush();
  const failure = out.failure();
  if (failure) throw failure;
  return 0;
}
