import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { DIFFICULTIES, formatMix, GENERATOR_VERSION, MixError, parseMix, type Difficulty } from '@masdrill/generator';
import {
  mergeInto,
  missingRanges,
  isComplete,
  reportFiles,
  runSweep,
  shardRange,
  statisticsFromJson,
  statisticsToJson,
  workersAvailable,
  MergeError,
  StatisticsFormatError,
  type CohortSpec,
  type SweepStatistics,
} from '@masdrill/sweep';
import { CliError } from '../cli-error.js';
import { DISCLAIMER } from '../help.js';
import type { Io } from '../main.js';
import { parseFlags } from '../parse-flags.js';
import { createProgress, formatDuration } from '../progress.js';

const DEFAULT_MIX = 'mas:1,sjia-flare:1,sepsis:1,misc:1';
const MAX_N = 1_000_000_000;
const MAX_WORKERS = 64;
/** Below this many cases a sweep runs on the main thread: starting workers costs more than it saves. */
const PARALLEL_MIN_CASES = 20_000;

export const SWEEP_HELP = `masdrill sweep — how each criteria set performs on a labelled synthetic cohort.
${DISCLAIMER}

Usage: masdrill sweep --out DIR [--n N] [--mix K:W,...] [--seed S] [flags]
       masdrill sweep merge PART_DIR... --out DIR [--prevalence P]

  --n N              cases (default 10000); generated lazily, memory stays flat
  --mix K:W,...      kinds and whole-number weights (default ${DEFAULT_MIX})
  --seed S           0 … 4294967295 (default 1)
  --difficulty D     standard | hard (default standard)
  --workers W        auto (default: one per core from ${PARALLEL_MIN_CASES} cases) | 0 (this thread) | a number.
                     The figures are the same bytes whatever W is.
  --prevalence P     also give PPV/NPV at prevalence P (0 < P < 1) besides each comparison's own
  --shard I/N        compute only slice I of N (1-based) and write its sufficient statistics;
                     "masdrill sweep merge" joins the parts into the same report as one run
  --out DIR          the report directory, written whole or not at all (a temporary directory
                     renamed on success; Ctrl-C leaves nothing). An existing report there is replaced.
  --quiet            no progress (a bar with ETA on a terminal, plain lines otherwise)
  -h, --help         this help

Writes: summary.txt (also printed), performance.csv, roc.csv, roc-points.csv, published.csv,
distributions.csv, figures.json, statistics.json (mergeable counts), report.html (self-contained,
offline) — none with timestamps, so two runs compare byte for byte — and run.json (timings, workers).
Comparisons: sJIA-MAS vs sJIA flare; MAS vs sepsis; MIS-C with MAS vs without; all MAS vs non-MAS,
each at onset (hour 0, as the publications read) and over the first day.
`;

export interface SweepOptions {
  readonly spec: CohortSpec;
  readonly workers: number | 'auto';
  readonly prevalence: number | undefined;
  readonly shard: { readonly index: number; readonly count: number } | undefined;
  readonly out: string;
  readonly quiet: boolean;
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()))
    throw new CliError(
      `masdrill sweep: ${flag} "${value}" is not a whole number. Fix: give ${flag} from ${min} to ${max}.`,
    );
  const n = Number(value);
  if (n < min || n > max)
    throw new CliError(`masdrill sweep: ${flag} ${value} is out of range. Fix: give ${flag} from ${min} to ${max}.`);
  return n;
}

function prevalenceOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const p = Number(value);
  if (value.trim() === '' || !Number.isFinite(p) || p <= 0 || p >= 1)
    throw new CliError(
      `masdrill sweep: --prevalence "${value}" is not a proportion. Fix: give a number between 0 and 1, e.g. --prevalence 0.05.`,
    );
  return p;
}

function outOf(value: string | undefined): string {
  if (value === undefined || value.trim() === '')
    throw new CliError('masdrill sweep: --out is missing. Fix: give a directory for the report, e.g. --out report/.');
  return value;
}

/** argv → options, or a CliError naming the flag and the fix. Pure. */
export function parseSweepFlags(argv: readonly string[]): SweepOptions | 'help' {
  const { values, positionals } = parseFlags('sweep', argv, {
    n: { type: 'string' },
    mix: { type: 'string' },
    seed: { type: 'string' },
    difficulty: { type: 'string' },
    workers: { type: 'string' },
    prevalence: { type: 'string' },
    shard: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length > 0)
    throw new CliError(
      `masdrill sweep: unexpected argument "${positionals[0]}". Fix: sweep takes flags only (or "masdrill sweep merge DIR..." to join shards).`,
    );
  const str = (k: string): string | undefined => values[k] as string | undefined;
  let mix: string;
  try {
    mix = formatMix(parseMix(str('mix') ?? DEFAULT_MIX));
  } catch (error) {
    if (error instanceof MixError) throw new CliError(`masdrill sweep: --mix ${error.message}.`);
    throw error;
  }
  const difficulty = str('difficulty') ?? 'standard';
  if (!(DIFFICULTIES as readonly string[]).includes(difficulty))
    throw new CliError(
      `masdrill sweep: --difficulty "${difficulty}" is not allowed. Fix: use one of ${DIFFICULTIES.join(', ')}.`,
    );
  const workersText = str('workers') ?? 'auto';
  const workers = workersText === 'auto' ? 'auto' : wholeNumber('--workers', workersText, 0, 0, MAX_WORKERS);
  let shard: SweepOptions['shard'];
  const shardText = str('shard');
  if (shardText !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(shardText.trim());
    if (!m)
      throw new CliError(
        `masdrill sweep: --shard "${shardText}" is not I/N. Fix: give the slice and the count, 1-based, e.g. --shard 3/8 (slice 3 of 8).`,
      );
    const [index, count] = [Number(m[1]), Number(m[2])];
    if (count < 1 || index < 1 || index > count)
      throw new CliError(
        `masdrill sweep: --shard "${shardText}" names no slice: ${count < 1 ? 'a cohort is cut in at least 1 slice' : `a cohort cut in ${count} has slices 1 to ${count}`}. Fix: give I from 1 to N, e.g. --shard 1/${Math.max(1, count)}.`,
      );
    shard = { index, count };
  }
  return {
    spec: {
      mix,
      seed: wholeNumber('--seed', str('seed'), 1, 0, 0xffffffff),
      difficulty: difficulty as Difficulty,
      n: wholeNumber('--n', str('n'), 10_000, 0, MAX_N),
    },
    workers,
    prevalence: prevalenceOf(str('prevalence')),
    shard,
    out: outOf(str('out')),
    quiet: values.quiet === true,
  };
}

function resolveWorkers(requested: number | 'auto', cases: number): number {
  if (!workersAvailable()) return 0;
  if (requested !== 'auto') return requested;
  const cores = availableParallelism();
  return cases < PARALLEL_MIN_CASES || cores < 2 ? 0 : Math.min(cores, 8);
}

/** Progress: a bar with ETA on a terminal, a plain line per tenth otherwise, nothing with --quiet. */
function sweepProgress(total: number, io: Io, quiet: boolean): { tick(count: number): void; done(): void } {
  if (quiet || total === 0) return { tick() {}, done() {} };
  if ((io.stderr as NodeJS.WritableStream & { isTTY?: boolean }).isTTY === true)
    return createProgress({ total, label: 'sweep', stream: io.stderr, enabled: true });
  const start = Date.now();
  let done = 0;
  let printed = 0;
  return {
    tick(count: number) {
      done += count;
      const tenth = Math.floor((done * 10) / total);
      if (tenth <= printed) return;
      printed = tenth;
      const elapsed = (Date.now() - start) / 1000;
      const eta = (elapsed * (total - done)) / done;
      io.stderr.write(`sweep: ${tenth * 10}% (${done}/${total} cases), ETA ${formatDuration(eta)}\n`);
    },
    done() {},
  };
}

/**
 * Writes `files` as the directory `out`, whole or not at all: into a temporary sibling directory,
 * renamed into place at the end. An existing report at `out` is replaced; any other non-empty
 * directory is refused. `stopped()` is checked between files, so Ctrl-C leaves nothing behind.
 */
async function writeDirectoryAtomically(
  out: string,
  files: Readonly<Record<string, string>>,
  stopped: () => boolean,
): Promise<void> {
  const target = resolve(out);
  const parent = dirname(target);
  const parentInfo = await stat(parent).catch(() => undefined);
  if (!parentInfo?.isDirectory())
    throw new CliError(`masdrill sweep: --out ${out}: directory ${parent} does not exist. Fix: create it first.`);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory())
    throw new CliError(`masdrill sweep: --out ${out} is a file. Fix: give a directory for the report.`);
  if (existing) {
    const entries = await readdir(target);
    if (entries.length > 0 && !entries.includes('run.json'))
      throw new CliError(
        `masdrill sweep: --out ${out} is a non-empty directory that is not a sweep report. Fix: give a new or empty directory.`,
      );
  }
  const temp = join(parent, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(temp);
    for (const name of Object.keys(files).sort()) {
      if (stopped()) throw new CliError('masdrill sweep: stopped; nothing was written.', 130);
      await writeFile(join(temp, name), files[name]!);
    }
    if (stopped()) throw new CliError('masdrill sweep: stopped; nothing was written.', 130);
    if (existing) {
      const old = `${temp}.old`;
      await rename(target, old);
      await rename(temp, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temp, target);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(
      `masdrill sweep: --out ${out}: cannot write the report (${(error as Error).message}). Fix: choose a writable directory.`,
    );
  }
}

/** Runs `work` with Ctrl-C turned into an abort: the work stops between chunks and nothing is written. */
async function withInterrupt<T>(work: (signal: AbortSignal, stopped: () => boolean) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.on('SIGINT', onSigint);
  try {
    return await work(controller.signal, () => controller.signal.aborted);
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError')
      throw new CliError('masdrill sweep: stopped; nothing was written.', 130);
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function runMetadata(extra: Record<string, unknown>): string {
  return (
    JSON.stringify(
      {
        command: 'masdrill sweep',
        generatorVersion: GENERATOR_VERSION,
        node: process.version,
        finishedAt: new Date().toISOString(),
        ...extra,
      },
      null,
      2,
    ) + '\n'
  );
}

async function sweep(options: SweepOptions, argv: readonly string[], io: Io): Promise<number> {
  const [from, to] = options.shard
    ? shardRange(options.spec.n, options.shard.index, options.shard.count)
    : [0, options.spec.n];
  const workers = resolveWorkers(options.workers, to - from);
  return withInterrupt(async (signal, stopped) => {
    const started = Date.now();
    const progress = sweepProgress(to - from, io, options.quiet);
    const stats = await runSweep({
      spec: options.spec,
      from,
      to,
      workers,
      signal,
      onCases: (count) => progress.tick(count),
    });
    progress.done();
    const seconds = (Date.now() - started) / 1000;
    const meta = {
      argv: [...argv],
      workers,
      shard: options.shard ?? null,
      cases: to - from,
      range: [from, to],
      elapsedSeconds: seconds,
      casesPerSecond: seconds > 0 ? Math.round((to - from) / seconds) : null,
    };
    if (options.shard) {
      await writeDirectoryAtomically(
        options.out,
        { 'statistics.json': statisticsToJson(stats), 'run.json': runMetadata(meta) },
        stopped,
      );
      if (!options.quiet)
        io.stderr.write(
          `sweep: shard ${options.shard.index}/${options.shard.count} (cases ${from}–${to - 1}) written to ${options.out}; join the parts with "masdrill sweep merge"\n`,
        );
      return 0;
    }
    return writeReport(stats, options.prevalence, options.out, meta, io, stopped);
  });
}

async function writeReport(
  stats: SweepStatistics,
  prevalence: number | undefined,
  out: string,
  meta: Record<string, unknown>,
  io: Io,
  stopped: () => boolean,
): Promise<number> {
  const { files } = reportFiles(stats, prevalence === undefined ? {} : { prevalence });
  await writeDirectoryAtomically(
    out,
    { ...files, 'run.json': runMetadata({ ...meta, prevalence: prevalence ?? null }) },
    stopped,
  );
  io.stdout.write(files['summary.txt']!);
  return 0;
}

async function merge(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('sweep merge', argv, {
    out: { type: 'string' },
    prevalence: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(SWEEP_HELP);
    return 0;
  }
  const out = outOf(values.out as string | undefined);
  const prevalence = prevalenceOf(values.prevalence as string | undefined);
  if (positionals.length === 0)
    throw new CliError(
      'masdrill sweep merge: no parts given. Fix: list the shard directories, e.g. masdrill sweep merge part-*/ --out report/.',
    );
  let total: SweepStatistics | undefined;
  for (const part of positionals) {
    const info = await stat(part).catch(() => undefined);
    const file = info?.isDirectory() ? join(part, 'statistics.json') : part;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined)
      throw new CliError(
        `masdrill sweep merge: ${file}: cannot read it. Fix: give directories written by "masdrill sweep --shard I/N --out DIR".`,
      );
    let stats: SweepStatistics;
    try {
      stats = statisticsFromJson(text);
    } catch (error) {
      if (error instanceof StatisticsFormatError)
        throw new CliError(
          `masdrill sweep merge: ${file}: ${error.message}. Fix: rerun the shards with this version (masdrill sweep --shard I/N --out DIR) and merge their new statistics.json files.`,
        );
      throw new CliError(
        `masdrill sweep merge: ${file}: ${(error as Error).message}. Fix: give statistics.json files written by masdrill sweep.`,
      );
    }
    try {
      if (total === undefined) total = stats;
      else mergeInto(total, stats);
    } catch (error) {
      if (error instanceof MergeError) throw new CliError(`masdrill sweep merge: ${file}: ${error.message}.`);
      throw error;
    }
  }
  if (!isComplete(total!)) {
    const gaps = missingRanges(total!)
      .map(([a, b]) => `${a}–${b - 1}`)
      .join(', ');
    throw new CliError(
      `masdrill sweep merge: the parts do not cover the cohort of ${total!.cohort.n} cases: cases ${gaps} are missing. Fix: run the missing shards and merge them all.`,
    );
  }
  return withInterrupt(async (_signal, stopped) =>
    writeReport(total!, prevalence, out, { argv: ['merge', ...argv], parts: positionals.length }, io, stopped),
  );
}

export async function sweepCommand(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === 'merge') return merge(argv.slice(1), io);
  const options = parseSweepFlags(argv);
  if (options === 'help') {
    io.stdout.write(SWEEP_HELP);
    return 0;
  }
  return sweep(options, argv, io);
}
