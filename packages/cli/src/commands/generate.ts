import { basename } from 'node:path';
import { scenarioStageBundles } from '@masdrill/export';
import { CASE_UNITS, type CaseUnits } from '@masdrill/rules';
import {
  DIFFICULTIES,
  GENERATOR_VERSION,
  KINDS,
  MixError,
  parseMix,
  type Difficulty,
  type Kind,
  type Mix,
  mixOf,
  isKind,
} from '@masdrill/generator';
import { stringify } from 'csv-stringify/sync';
import { BatchedWriter } from '../batched-writer.js';
import { CliError } from '../cli-error.js';
import { columnsHelp, csvHeader } from '../csv-layout.js';
import { encodeBatch, type BatchSpec, type Format } from '../generate-batch.js';
import { DISCLAIMER } from '../help.js';
import type { Io } from '../io.js';
import { wrapBlock } from '../text-wrap.js';
import { flagHelp, HELP_FLAG, parseFlags, type Flag } from '../parse-flags.js';
import { orderedBatches, workerCount } from '../parallel-writer.js';
import { createProgress } from '../progress.js';
import { fail, findScenario, readScenarioFile, scenarioCase } from '../scenario-files.js';
import { openOutput } from '../write-atomically.js';

export { csvHeader, csvRows, columnsHelp } from '../csv-layout.js';
export { encodeBatch, type BatchSpec, type Format } from '../generate-batch.js';

const FORMATS: readonly Format[] = ['jsonl', 'json', 'csv', 'fhir'];
const DEFAULT_MIX = 'mas:1,sjia-flare:1,sepsis:1,misc:1';
const MAX_N = 100_000_000;
const MAX_THREADS = 16;

const FLAGS: readonly Flag[] = [
  { name: 'kind', type: 'string', value: 'K', help: `one kind for every case: ${KINDS.join(', ')}` },
  {
    name: 'mix',
    type: 'string',
    value: 'K:W,...',
    help: `a mix with whole-number weights, e.g. mas:10,sepsis:5,misc:5\n(default ${DEFAULT_MIX}); each block of W-total cases holds\nthe exact proportions`,
  },
  { name: 'n', type: 'string', value: 'N', help: 'number of cases (default 10)' },
  {
    name: 'seed',
    type: 'string',
    value: 'S',
    help: '0 … 4294967295 (default 1). Case i of seed S is the same whatever --n is.',
  },
  {
    name: 'start',
    type: 'string',
    value: 'I',
    help: 'first case index (default 0), to regenerate a slice of a larger cohort',
  },
  {
    name: 'difficulty',
    type: 'string',
    value: 'D',
    help: 'standard | hard (hard: values straddling the cut-offs, missing tests,\nmarrow without hemophagocytosis, hyperferritinemic sepsis, high-ferritin\nflares)',
  },
  {
    name: 'format',
    type: 'string',
    value: 'F',
    help: 'jsonl (default, one case per line) | json (an array) | csv (see --columns) |\nfhir (one FHIR R4 transaction Bundle per line: Patient, Encounter,\nvital-sign and lab Observations)',
  },
  {
    name: 'scenario',
    type: 'string',
    value: 'REF',
    help: "with --format fhir: one Bundle per stage of a scenario (an id in scenarios/ or\na file): its case as the stage shows it at that hour; with --orders the\nstage's expected plan as MedicationRequests. The generator flags do not apply.",
  },
  { name: 'condition', type: 'boolean', help: 'fhir: add a Condition for the labelled diagnosis (the ground truth)' },
  {
    name: 'orders',
    type: 'boolean',
    help: "fhir: add a MedicationRequest for each drug or fluid the expert plan orders at\npresentation (the rules' expectedPlan; doses in mg, g or mL for the patient's\nweight or BSA); it is the answer to the case's plan question",
  },
  { name: 'no-truth', type: 'boolean', help: 'strip the ground truth (truth, encounter.died) from every case written' },
  {
    name: 'units',
    type: 'string',
    value: 'U',
    help: `${CASE_UNITS.join(' | ')} (default canonical: the units the rules read);\nevery case records its units in its "units" field`,
  },
  {
    name: 'out',
    type: 'string',
    value: 'FILE',
    help: 'write FILE atomically (a temporary file renamed on success, removed on\nfailure or Ctrl-C); a symbolic link\'s target is replaced, a FIFO or\n/dev/null written through; "-" or no --out: standard output',
  },
  {
    name: 'threads',
    type: 'string',
    value: 'T',
    help: 'worker threads that generate in parallel (default: one per core, up to\n4, from 50,000 cases; 0: this thread only). The output is the same.',
  },
  { name: 'quiet', type: 'boolean', help: 'no progress bar (it shows only when stderr is a terminal anyway)' },
  { name: 'columns', type: 'boolean', help: 'print the CSV column layout and exit' },
  HELP_FLAG,
];

export const GENERATE_HELP = `masdrill generate — labelled synthetic patients over time (MAS, sJIA flare, sepsis, MIS-C).
${DISCLAIMER}

Usage: masdrill generate [--kind K | --mix K:W,...] [--n N] [--seed S] [flags]
       masdrill generate --scenario REF --format fhir [--orders] [--condition] [--out FILE]

${flagHelp(FLAGS)}
Generator ${GENERATOR_VERSION}. Every case records seed, index, generator version and difficulty.
`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`masdrill generate: ${flag} "${value}" is not allowed. Fix: use one of ${allowed.join(', ')}.`);
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value.trim()))
    throw new CliError(
      `masdrill generate: ${flag} "${value}" is not a whole number. Fix: give ${flag} a number from ${min} to ${max}.`,
    );
  const n = Number(value);
  if (n < min || n > max)
    throw new CliError(`masdrill generate: ${flag} ${value} is out of range. Fix: give ${flag} from ${min} to ${max}.`);
  return n;
}

export interface GenerateOptions {
  readonly mix: Mix;
  readonly n: number;
  readonly seed: number;
  readonly start: number;
  readonly difficulty: Difficulty;
  readonly format: Format;
  readonly units: CaseUnits;
  readonly out: string | undefined;
  readonly quiet: boolean;
  readonly noTruth: boolean;
  readonly condition: boolean;
  /** fhir: MedicationRequests for the expert plan's drug orders at presentation. */
  readonly orders: boolean;
  /** Write a scenario's stages as FHIR bundles instead of generating (an id or a file). */
  readonly scenario?: string;
  /** Worker threads; undefined: decided by the cohort's size and the cores (parallel-writer.ts). */
  readonly threads: number | undefined;
}

/** argv → options, or a CliError naming the flag and the fix. Pure. */
export function parseGenerateFlags(argv: readonly string[]): GenerateOptions | 'help' | { columns: CaseUnits } {
  const { values, positionals } = parseFlags('generate', argv, FLAGS);
  if (values.help) return 'help';
  if (positionals.length > 0)
    throw new CliError(
      `masdrill generate: unexpected argument "${positionals[0]}". Fix: generate takes flags only, e.g. --kind mas --n 10.`,
    );
  const str = (k: string): string | undefined => values[k] as string | undefined;
  if (values.condition && values['no-truth'])
    throw new CliError(
      'masdrill generate: --condition writes the ground truth and --no-truth strips it. Fix: drop one of them.',
    );
  const scenario = str('scenario');
  if (scenario !== undefined) {
    const generatorFlag = ['kind', 'mix', 'n', 'seed', 'start', 'difficulty', 'units', 'threads', 'columns'].find(
      (k) => values[k] !== undefined,
    );
    if (generatorFlag)
      throw new CliError(
        `masdrill generate: --${generatorFlag} does not apply to --scenario (the scenario names its own case). Fix: drop --${generatorFlag}.`,
      );
    if (str('format') !== 'fhir')
      throw new CliError(
        `masdrill generate: --scenario writes FHIR bundles${str('format') ? `, not ${str('format')}` : ''}. Fix: add --format fhir.`,
      );
    if (scenario.trim() === '')
      throw new CliError(
        'masdrill generate: --scenario is empty. Fix: give a scenario id (e.g. sjia-mas-classic) or a file.',
      );
  }
  const units = oneOf('--units', str('units'), CASE_UNITS, 'canonical');
  if (values.columns) return { columns: units };
  if (str('format') === 'fhir' && units !== 'canonical')
    throw new CliError(
      'masdrill generate: --format fhir writes UCUM units from the canonical ones. Fix: drop --units.',
    );
  if ((values.condition || values.orders) && str('format') !== 'fhir')
    throw new CliError(
      `masdrill generate: --${values.condition ? 'condition' : 'orders'} adds FHIR resources. Fix: add --format fhir, or drop the flag.`,
    );
  if (str('kind') !== undefined && str('mix') !== undefined)
    throw new CliError(
      'masdrill generate: give --kind or --mix, not both. Fix: drop one (a single kind is --mix K:1).',
    );
  let mix: Mix;
  const kind = str('kind');
  if (kind !== undefined) {
    if (!isKind(kind))
      throw new CliError(`masdrill generate: --kind "${kind}" is not a kind. Fix: use one of ${KINDS.join(', ')}.`);
    mix = mixOf({ [kind as Kind]: 1 });
  } else {
    try {
      mix = parseMix(str('mix') ?? DEFAULT_MIX);
    } catch (error) {
      if (error instanceof MixError) {
        throw new CliError(
          `masdrill generate: --mix ${error.message.replace(/[.;:]?\s*$/, '')}. Fix: write kind:weight pairs with whole weights from 1, e.g. --mix mas:10,sepsis:5,misc:5 (kinds: ${KINDS.join(', ')}).`,
        );
      }
      throw error;
    }
  }
  const out = str('out');
  if (out !== undefined && out.trim() === '')
    throw new CliError(
      'masdrill generate: --out is empty. Fix: give a file name, or leave --out out to write to standard output.',
    );
  return {
    mix,
    n: wholeNumber('--n', str('n'), 10, 0, MAX_N),
    seed: wholeNumber('--seed', str('seed'), 1, 0, 0xffffffff),
    start: wholeNumber('--start', str('start'), 0, 0, Number.MAX_SAFE_INTEGER - MAX_N),
    difficulty: oneOf('--difficulty', str('difficulty'), DIFFICULTIES, 'standard'),
    format: oneOf('--format', str('format'), FORMATS, 'jsonl'),
    units,
    out,
    quiet: values.quiet === true,
    noTruth: values['no-truth'] === true,
    condition: values.condition === true,
    orders: values.orders === true,
    ...(scenario !== undefined ? { scenario } : {}),
    threads: str('threads') === undefined ? undefined : wholeNumber('--threads', str('threads'), 0, 0, MAX_THREADS),
  };
}

/** Cases per batch: small enough to stream (≈1 MB of JSON), large enough to hand to a worker thread. */
const BATCH = 256;
/** The worker thread script, next to this file's directory once built. */
const WORKER_SCRIPT = new URL('../generate-writer-worker.js', import.meta.url);

async function writeCases(
  options: GenerateOptions,
  stream: NodeJS.WritableStream,
  io: Io,
  destination: string,
): Promise<void> {
  const sink = new BatchedWriter(stream);
  const progress = createProgress({
    total: options.n,
    label: 'generate',
    unit: 'cases',
    destination,
    stream: io.stderr,
    enabled: options.quiet || options.n < 1000 ? false : undefined,
  });
  const spec: BatchSpec = {
    mix: options.mix,
    seed: options.seed,
    start: options.start,
    difficulty: options.difficulty,
    format: options.format,
    units: options.units,
    noTruth: options.noTruth,
    condition: options.condition,
    orders: options.orders,
  };
  if (options.format === 'json') await sink.write(options.n === 0 ? '[' : '[\n');
  if (options.format === 'csv') await sink.write(stringify([csvHeader(options.units)]));
  const threads = workerCount(options.n, WORKER_SCRIPT, options.threads);
  const encode = (from: number, count: number): Uint8Array => encodeBatch(spec, from, count);
  for await (const batch of orderedBatches(options.start, options.n, BATCH, encode, {
    script: WORKER_SCRIPT,
    data: spec,
    threads,
  })) {
    if (sink.closed) break;
    await sink.writeBytes(batch.bytes);
    progress.tick(batch.count);
  }
  if (options.format === 'json') await sink.write(options.n === 0 ? ']\n' : '\n]\n');
  await sink.flush();
  const failure = sink.failure();
  if (failure) throw failure;
  progress.done();
}

/** The scenario's stages as FHIR bundles; a scenario or case that is not valid is a CliError. */
async function scenarioBundles(options: GenerateOptions, io: Io) {
  const file = await findScenario(options.scenario!, 'generate');
  const read = await readScenarioFile(file, io);
  if (!read.scenario) fail(read.problems, `scenario ${basename(file)}`, 'generate');
  const c = await scenarioCase(read.scenario, file, read.lines);
  if (!c.case) fail(c.problems, `case of scenario ${basename(file)}`, 'generate');
  return scenarioStageBundles(read.scenario, c.case, { orders: options.orders, condition: options.condition });
}

export async function generateCommand(argv: readonly string[], io: Io): Promise<number> {
  const options = parseGenerateFlags(argv);
  if (options === 'help') {
    io.stdout.write(wrapBlock(GENERATE_HELP));
    return 0;
  }
  if ('columns' in options) {
    io.stdout.write(columnsHelp(options.columns));
    return 0;
  }
  // A scenario is read before the output opens: a bad one leaves no file behind.
  const stages = options.scenario === undefined ? undefined : await scenarioBundles(options, io);
  const file = await openOutput(options.out ?? '-', io.stdout, '--out');
  try {
    if (stages) {
      const sink = new BatchedWriter(file.stream);
      for (const s of stages) await sink.write(`${JSON.stringify(s.bundle)}\n`);
      await sink.flush();
      const failure = sink.failure();
      if (failure) throw failure;
    } else await writeCases(options, file.stream, io, options.out ?? 'standard output');
  } catch (error) {
    await file.abort();
    throw error;
  }
  await file.commit();
  return 0;
}
