import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** One batch of output, in cohort order. */
export interface EncodedBatch {
  readonly bytes: Uint8Array;
  readonly count: number;
}

/** Encodes cases from … from+count−1 (on this thread, or in a worker that calls the same function). */
export type BatchEncoder = (from: number, count: number) => Uint8Array;

export interface BatchWorkers {
  /** The worker script: it answers { id, from, count } with { id, bytes } or { id, error } (see generate-writer-worker.ts). */
  readonly script: URL;
  /** Given to every worker as workerData. */
  readonly data: unknown;
  readonly threads: number;
}

/**
 * Below this many cases the cohort is encoded on the main thread: a worker costs ~170 ms to start
 * and compiles the generator afresh, which a small cohort does not earn back.
 */
export const PARALLEL_MIN_CASES = 50_000;

/**
 * Worker threads for n cases: `requested` if given, else one per core up to 4 from
 * PARALLEL_MIN_CASES on a machine with two or more cores. None when run from source (the
 * script is built JS).
 */
export function workerCount(n: number, script: URL, requested?: number): number {
  if (requested === 0 || !existsSync(fileURLToPath(script))) return 0;
  if (requested !== undefined) return requested;
  const cores = availableParallelism();
  return n < PARALLEL_MIN_CASES || cores < 2 ? 0 : Math.min(cores, 4);
}

/**
 * Cases start … start+n−1 as bytes, in batches of `batchSize`, in cohort order. With workers, each
 * encodes whole batches (generate, convert, serialise) and hands back the bytes, and batches are
 * yielded in cohort order: byte-identical to one thread (DESIGN.md measured two such workers at
 * 1.8× one thread). At most two batches per worker are in flight, so memory stays constant.
 * Leaving the loop early (a closed pipe) or an error stops the workers.
 */
export async function* orderedBatches(
  start: number,
  n: number,
  batchSize: number,
  encode: BatchEncoder,
  workers?: BatchWorkers,
): AsyncGenerator<EncodedBatch> {
  const ranges: { from: number; count: number }[] = [];
  for (let done = 0; done < n; done += batchSize)
    ranges.push({ from: start + done, count: Math.min(batchSize, n - done) });
  if (!workers || workers.threads === 0) {
    for (const r of ranges) yield { bytes: encode(r.from, r.count), count: r.count };
    return;
  }
  const pool = new WorkerPool(workers);
  try {
    const inFlight: Promise<Uint8Array>[] = [];
    let next = 0;
    while (next < ranges.length && inFlight.length < 2 * workers.threads) inFlight.push(pool.encode(ranges[next++]!));
    for (const r of ranges) {
      const bytes = await inFlight.shift()!;
      if (next < ranges.length) inFlight.push(pool.encode(ranges[next++]!));
      yield { bytes, count: r.count };
    }
  } finally {
    await pool.close();
  }
}

interface Reply {
  readonly id: number;
  readonly bytes?: Uint8Array;
  readonly error?: string;
}

/** Worker threads given batches in turn; each answers its requests in the order they were sent. */
class WorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<
    number,
    { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(options: BatchWorkers) {
    this.workers = Array.from({ length: options.threads }, () => {
      const worker = new Worker(options.script, { workerData: options.data });
      worker.on('message', (reply: Reply) => this.settle(reply));
      worker.on('error', (error: Error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.pending.size > 0) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      return worker;
    });
  }

  encode(range: { from: number; count: number }): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const promise = new Promise<Uint8Array>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    promise.catch(() => undefined); // a rejection surfaces where the batch is awaited, not as unhandled
    this.workers[id % this.workers.length]!.postMessage({ id, from: range.from, count: range.count });
    return promise;
  }

  private settle(reply: Reply): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.error !== undefined) waiter.reject(new Error(reply.error));
    else waiter.resolve(reply.bytes!);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
