import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { caseStream, GENERATOR_VERSION, type Difficulty } from '@masdrill/generator';
import { CaseTally } from './case-tally.js';
import { mergePacked, type PackedStatistics } from './packed-statistics.js';
import { TIME_POINTS } from './time-points.js';
import { coverRange, emptyStatistics, type CohortIdentity, type SweepStatistics } from './sweep-statistics.js';

export interface CohortSpec {
  /** The mix in its canonical text form (formatMix), part of the cohort's identity. */
  readonly mix: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly n: number;
}

export function cohortIdentity(spec: CohortSpec): CohortIdentity {
  return {
    mix: spec.mix,
    seed: spec.seed,
    difficulty: spec.difficulty,
    n: spec.n,
    generatorVersion: GENERATOR_VERSION,
  };
}

/** The half-open slice of cases shard `index` (1-based) of `count` covers: contiguous, in order, together the whole cohort. */
export function shardRange(n: number, index: number, count: number): [number, number] {
  return [Math.floor((n * (index - 1)) / count), Math.floor((n * index) / count)];
}

/**
 * The last hour the sweep reads (its time points' windows): cases are generated through it only,
 * the labs and observations after it left out (GenerateOptions.throughHour; the same values).
 */
export const SWEEP_THROUGH_HOUR = Math.max(...TIME_POINTS.map((tp) => tp.window.toHour));

/** Cases from … to−1 generated lazily and counted into `tally`, on this thread. */
export function tallyRange(
  tally: CaseTally,
  spec: CohortSpec,
  from: number,
  to: number,
  onCases?: (count: number) => void,
): void {
  coverRange(tally.stats, [from, to]);
  let pending = 0;
  for (const c of caseStream({
    mix: spec.mix,
    seed: spec.seed,
    difficulty: spec.difficulty,
    n: to - from,
    start: from,
    throughHour: SWEEP_THROUGH_HOUR,
  })) {
    tally.add(c);
    if (++pending === 250) {
      onCases?.(pending);
      pending = 0;
    }
  }
  if (pending > 0) onCases?.(pending);
}

/** Cases from … to−1 generated lazily, read and counted on this thread. */
export function sweepRange(
  spec: CohortSpec,
  from: number,
  to: number,
  onCases?: (count: number) => void,
): SweepStatistics {
  const tally = new CaseTally(emptyStatistics(cohortIdentity(spec)));
  tallyRange(tally, spec, from, to, onCases);
  return tally.stats;
}

export interface SweepRun {
  readonly spec: CohortSpec;
  readonly from: number;
  readonly to: number;
  /** Worker threads; 0: this thread only. */
  readonly workers: number;
  /** Cases per chunk (default: about 16 chunks per worker, 50 to 2,000 cases each). */
  readonly chunkSize?: number;
  readonly onCases?: (count: number) => void;
  /**
   * A worker hands its statistics back and starts afresh every so many cases (default: only when it
   * finishes; the counts are fixed-size arrays, so holding them costs the same at any cohort size).
   */
  readonly handBackEvery?: number;
  /** Checked between chunks: when it says stop, the run ends with an AbortError. */
  readonly signal?: AbortSignal;
  /** Each worker's old-generation heap limit in MiB (default WORKER_OLD_GENERATION_MB). */
  readonly workerHeapMb?: number;
}

/** What a worker sends: a chunk done, statistics to add (with a chunk, or when it finishes), or an error. */
interface WorkerReport {
  readonly done?: number;
  readonly finished?: true;
  readonly statistics?: PackedStatistics;
  readonly error?: string;
}

const WORKER_SCRIPT = new URL('./sweep-worker.js', import.meta.url);

/**
 * A worker's young generation (V8: three semi-spaces, so 4 MiB each). Left to V8, each isolate grows
 * its semi-spaces to 16 MiB some way into a long sweep, and the peak memory of a 10⁶-case sweep was
 * ~20 MiB per thread above a 10⁵-case one; a case's garbage is short-lived, so scavenging a smaller
 * space costs no more CPU (measured: 3.7–4.0 s per 60,000 cases at 4 MiB, 4.1–5.8 s at 16 MiB).
 */
const WORKER_YOUNG_GENERATION_MB = 12;
/**
 * A worker's old generation. A worker keeps ~11 MiB of live heap whatever the cohort (its counts
 * are a fixed-size array outside the heap), but V8 raises the old generation's limit as garbage is
 * promoted, collecting it later and later: a 10⁶-case sweep peaked 20 MiB above a 10⁵-case one
 * (175 vs 155 MiB, 1.13×). Capped, major collections come sooner, memory is flat (147 vs 148 MiB at
 * 48 MiB) and the sweep no slower (21.4 vs 24.0 s per 10⁶ cases). 64 MiB leaves room for a larger
 * chunk in flight; a worker that still runs out is reported as such (runSweep).
 */
const WORKER_OLD_GENERATION_MB = 64;

/** Whether worker threads can run (they need the built script). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_SCRIPT));
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function abortError(): Error {
  const error = new Error('the sweep was stopped');
  error.name = 'AbortError';
  return error;
}

/**
 * A sweep over cases from … to−1, in chunks, on this thread or on worker threads. Statistics are
 * integer counts merged by addition, so the result is the same bytes whatever the number of
 * workers or the order chunks finish in.
 */
export async function runSweep(run: SweepRun): Promise<SweepStatistics> {
  const chunk =
    run.chunkSize ?? Math.min(2_000, Math.max(50, Math.ceil((run.to - run.from) / (Math.max(1, run.workers) * 16))));
  const chunks: [number, number][] = [];
  for (let at = run.from; at < run.to; at += chunk) chunks.push([at, Math.min(run.to, at + chunk)]);
  const total = emptyStatistics(cohortIdentity(run.spec));
  if (run.workers === 0 || !workersAvailable()) {
    const tally = new CaseTally(total);
    for (const [from, to] of chunks) {
      if (run.signal?.aborted) throw abortError();
      tallyRange(tally, run.spec, from, to, run.onCases);
      await tick(); // lets a Ctrl-C handler run between chunks
    }
    return total;
  }
  const heapMb = run.workerHeapMb ?? WORKER_OLD_GENERATION_MB;
  const workers = Array.from(
    { length: Math.min(run.workers, Math.max(1, chunks.length)) },
    () =>
      new Worker(WORKER_SCRIPT, {
        workerData: { spec: run.spec, handBackEvery: run.handBackEvery ?? Infinity },
        resourceLimits: {
          maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
          maxOldGenerationSizeMb: heapMb,
        },
      }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let handedBack = 0;
      let failed = false;
      const fail = (error: Error): void => {
        if (!failed) {
          failed = true;
          reject(error);
        }
      };
      const onAbort = (): void => fail(abortError());
      run.signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (worker: Worker): void => {
        if (next < chunks.length) worker.postMessage({ range: chunks[next++] });
      };
      // A chunk done costs the parent a message of a few bytes; statistics cross threads packed, when
      // a worker finishes (and every handBackEvery of its cases if set; sweep-worker.ts).
      for (const worker of workers) {
        worker.on('message', (message: WorkerReport) => {
          if (failed) return;
          if (message.error !== undefined) {
            fail(new Error(message.error));
            return;
          }
          if (message.statistics !== undefined) mergePacked(total, message.statistics);
          if (message.finished) {
            if (++handedBack === workers.length) {
              run.signal?.removeEventListener('abort', onAbort);
              resolve();
            }
            return;
          }
          run.onCases?.(message.done!);
          done += 1;
          if (done === chunks.length) for (const w of workers) w.postMessage({ finish: true });
          else feed(worker);
        });
        worker.on('error', (error) =>
          fail(
            (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new Error(
                  `a sweep worker ran out of its ${heapMb} MiB heap; rerun with --workers 0 (one thread, no cap) and report it`,
                )
              : error,
          ),
        );
        worker.on('exit', (code) => {
          if (handedBack < workers.length) fail(new Error(`a sweep worker stopped (exit code ${code})`));
        });
        // Two chunks in flight per worker keep it busy while the previous report travels back.
        feed(worker);
        feed(worker);
      }
      if (chunks.length === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return total;
}
