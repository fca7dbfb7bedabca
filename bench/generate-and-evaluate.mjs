// What a validator's sweep does per case, with no output: generate, evaluate every criteria set,
// keep only the tally of statuses. Plain JS so a worker thread can load it without tsx (Node 20
// does not pass tsx's loader to workers). Used by bench/generate.ts on one thread and on several.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = new URL('..', import.meta.url);
const CHUNK = 1000;

/** Chunks first, first + step, … of [0, n) of the mix: generate, then evaluate; times and the status tally. */
export async function generateAndEvaluate({ mix, n, seed, first, step }) {
  const gen = await import(new URL('packages/generator/dist/index.js', root).href);
  const rules = await import(new URL('packages/rules/dist/index.js', root).href);
  const parsed = gen.parseMix(mix);
  const tally = {};
  let genMs = 0;
  let evalMs = 0;
  const chunk = new Array(CHUNK);
  for (let start = first * CHUNK; start < n; start += step * CHUNK) {
    const m = Math.min(CHUNK, n - start);
    let t = performance.now();
    for (let i = 0; i < m; i++)
      chunk[i] = gen.generateCase({ kind: gen.kindAt(parsed, seed, start + i), seed, index: start + i });
    genMs += performance.now() - t;
    t = performance.now();
    for (let i = 0; i < m; i++) {
      for (const r of rules.evaluate(chunk[i]).results) {
        const key = `${r.id}:${r.status}`;
        tally[key] = (tally[key] ?? 0) + 1;
      }
    }
    evalMs += performance.now() - t;
  }
  return { genMs, evalMs, tally };
}

if (!isMainThread && workerData?.sweep) parentPort.postMessage(await generateAndEvaluate(workerData.sweep));
