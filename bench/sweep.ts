// Benchmark of the sweep path. Prints its figures; asserts nothing (the machines are shared).
//   node bench/run-plain.mjs bench/sweep.ts [--chunks 40] [--chunk 1000] [--check 1000000] [--workers-cases 200000]
//                                           [--workers-rounds 3] [--memory 100000,1000000] [--startup 15]
// On plain Node, as the CLI runs (bench/run-plain.mjs says why not under tsx).
// Ratios, not microseconds: every operation is timed per chunk of ~1,000 cases on the same objects,
// in rotating order, against JSON.stringify of the same cases, and the median of the per-chunk
// ratios is printed (separate-process figures swung 2.9–9.5× under load; DESIGN.md). Two young-
// generation collections before each timed operation leave it to pay for its own allocation only:
// without them the chunk's 1,000 freshly generated cases were copied and promoted by whichever
// operation's scavenge came first (same medians, per-chunk ranges 2–3× wider).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { caseStream, generateCase, kindAt, parseMix } from '@masdrill/generator';
import {
  CaseStatuses,
  CRITERIA_SET_IDS,
  evaluate,
  FIRST_24_HOURS,
  statusRowOf,
  StatusRow,
  type Case,
} from '@masdrill/rules';
import {
  addReading,
  CaseTally,
  cohortIdentity,
  emptyStatistics,
  readCase,
  runSweep,
  statisticsToJson,
  SWEEP_THROUGH_HOUR,
} from '@masdrill/sweep';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(REPO_ROOT, 'packages/cli/dist/bin.js');

const { values } = parseArgs({
  options: {
    chunks: { type: 'string', default: '40' },
    chunk: { type: 'string', default: '1000' },
    check: { type: 'string', default: '0' },
    'workers-cases': { type: 'string', default: '200000' },
    'workers-rounds': { type: 'string', default: '3' },
    memory: { type: 'string', default: '' },
    startup: { type: 'string', default: '15' },
    seed: { type: 'string', default: '1' },
  },
});
const CHUNKS = Number(values.chunks);
const CHUNK = Number(values.chunk);
const SEED = Number(values.seed);
const MIX_TEXT = 'mas:1,sjia-flare:1,sepsis:1,misc:1';
const MIX = parseMix(MIX_TEXT);
const SPEC = { mix: MIX_TEXT, seed: SEED, difficulty: 'standard' as const, n: CHUNKS * CHUNK };

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: readonly number[]): string => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
let sink = 0;
const loadAverage = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

// Two young-generation collections, outside the timings, promote whatever is still live (the command
// needs no --expose-gc). Full collections instead slowed every operation 2–4× (cause not pursued).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
const collectGarbage = (): void => {
  gc({ type: 'minor' });
  gc({ type: 'minor' });
};

const specAt = (index: number) =>
  ({ kind: kindAt(MIX, SEED, index), seed: SEED, index, difficulty: 'standard' }) as const;

function generateChunk(from: number): Case[] {
  const cases: Case[] = [];
  for (let i = from; i < from + CHUNK; i++) cases.push(generateCase(specAt(i)));
  return cases;
}

/** Generates a chunk as the sweep does, one case at a time, none kept. */
function streamChunk(from: number, options: { throughHour?: number } = {}): void {
  for (let i = from; i < from + CHUNK; i++) sink += generateCase(specAt(i), options).labs.length;
}

type Operation = (cases: readonly Case[], from: number) => void;
const statuses = new CaseStatuses();
// One tally per operation for the whole run, as a sweep keeps one per thread: a stratum's counts are
// a fixed 268 KB array (the dense histogram grid), allocated once per sweep, not once per chunk.
const sweepTally = new CaseTally(emptyStatistics(cohortIdentity(SPEC)));
const aggregateTally = new CaseTally(emptyStatistics(cohortIdentity(SPEC)));
const horizonTally = new CaseTally(emptyStatistics(cohortIdentity(SPEC)));
const readingStats = emptyStatistics(cohortIdentity(SPEC));
const OPERATIONS: Record<string, Operation> = {
  stringify: (cases) => {
    for (const c of cases) sink += JSON.stringify(c).length;
  },
  'statuses, 8 sets (compiled path)': (cases) => {
    for (const c of cases) sink += statuses.compute(c, FIRST_24_HOURS).rows[0]!.status;
  },
  'statuses, 8 sets at 2 time points (compiled path, one pass)': (cases) => {
    const windows = [{ fromHour: 0, toHour: 0 }, FIRST_24_HOURS]; // the sweep's two time points
    for (const c of cases) sink += statuses.computeWindows(c, windows).rowsAt(1)[0]!.status;
  },
  'evaluate, 8 sets with evidence (today)': (cases) => {
    for (const c of cases) sink += evaluate(c).results.length;
  },
  'generation (streamed, as the sweep generates)': (_cases, from) => streamChunk(from),
  'generation, the 1,000 cases held in an array': (_cases, from) => {
    sink += generateChunk(from).length;
  },
  'sweep one thread (generate + statuses at 2 time points + aggregate)': (_cases, from) => {
    for (const c of caseStream({ mix: MIX, seed: SEED, n: CHUNK, start: from })) sweepTally.add(c);
    sink += sweepTally.stats.strata.size;
  },
  'generation through hour 24 (as the sweep generates: later labs and observations left out)': (_cases, from) =>
    streamChunk(from, { throughHour: SWEEP_THROUGH_HOUR }),
  'sweep one thread, cases through hour 24 (as the sweep runs)': (_cases, from) => {
    for (const c of caseStream({ mix: MIX, seed: SEED, n: CHUNK, start: from, throughHour: SWEEP_THROUGH_HOUR }))
      horizonTally.add(c);
    sink += horizonTally.stats.strata.size;
  },
  'aggregate alone (CaseTally on the same cases: statuses at 2 time points + counting)': (cases) => {
    for (const c of cases) aggregateTally.add(c);
    sink += aggregateTally.stats.strata.size;
  },
  'the same through readCase + addReading (before)': (cases) => {
    for (const c of cases) addReading(readingStats, readCase(c));
    sink += readingStats.strata.size;
  },
  'sweep one thread, statuses from evaluate (before)': (_cases, from) => {
    for (const c of caseStream({ mix: MIX, seed: SEED, n: CHUNK, start: from })) {
      sink += evaluate(c, { window: { fromHour: 0, toHour: 0 } }).results.length + evaluate(c).results.length;
    }
  },
};

// ---- 1. per-chunk ratios against stringify, operations in rotating order
const names = Object.keys(OPERATIONS);
const ratios: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let k = CHUNKS > 0 ? -2 : 0; k < CHUNKS; k++) {
  // two warm-up chunks
  const from = Math.max(0, k) * CHUNK;
  const cases = generateChunk(from);
  const times: Record<string, number> = {};
  for (let j = 0; j < names.length; j++) {
    const name = names[(j + k + 2) % names.length]!;
    collectGarbage();
    const t = performance.now();
    OPERATIONS[name]!(cases, from);
    times[name] = performance.now() - t;
  }
  if (k >= 0) for (const name of names) ratios[name]!.push(times[name]! / times.stringify!);
}
if (CHUNKS > 0) printRatios();
function printRatios(): void {
  const stringifyUs = (() => {
    const cases = generateChunk(0);
    const t = performance.now();
    for (const c of cases) sink += JSON.stringify(c).length;
    return ((performance.now() - t) * 1000) / CHUNK;
  })();
  console.log(
    `\nper-chunk ratios to JSON.stringify of the same cases (${CHUNKS} chunks of ${CHUNK}; stringify ≈ ${stringifyUs.toFixed(1)} µs/case just now; load average ${loadAverage()})`,
  );
  console.log('| operation | median × stringify | range |\n| --- | --- | --- |');
  for (const name of names.slice(1))
    console.log(`| ${name} | ${median(ratios[name]!).toFixed(2)}× | ${range(ratios[name]!)} |`);
}

// ---- 2. the compiled path against the evidence engine on many cases: every set's status, count or
// score and reachable range, at both windows the sweep reads (onset hour 0 and the first day)
const checkN = Number(values.check);
if (checkN > 0) {
  const reference = new StatusRow();
  const mismatches = CRITERIA_SET_IDS.map(() => 0);
  let checked = 0;
  const windows = [{ fromHour: 0, toHour: 0 }, FIRST_24_HOURS];
  for (const c of caseStream({ mix: MIX, seed: SEED + 1, n: checkN })) {
    // Both windows from one pass, as the sweep computes them (CaseTally).
    statuses.computeWindows(c, windows);
    for (let w = 0; w < windows.length; w++) {
      const window = windows[w]!;
      const rows = statuses.rowsAt(w);
      evaluate(c, { window }).results.forEach((r, i) => {
        statusRowOf(r, reference);
        const row = rows[i]!;
        if (
          !(
            reference.status === row.status &&
            Object.is(reference.value, row.value) &&
            Object.is(reference.min, row.min) &&
            Object.is(reference.max, row.max)
          )
        )
          mismatches[i]!++;
      });
    }
    checked++;
  }
  const total = mismatches.reduce((a, b) => a + b, 0);
  console.log(
    `\nequality check: ${checked} cases × 2 windows × ${CRITERIA_SET_IDS.length} sets (status, count or score, reachable range; both windows from one pass), ${total} mismatches between the compiled path and the evidence engine (${CRITERIA_SET_IDS.map((id, i) => `${id} ${mismatches[i]}`).join(', ')})`,
  );
}

// ---- 3. two workers against one, interleaved. Wall time, and CPU time of every thread of the
// process: Linux shares CPU fairly between sessions, not threads (autogroup), so on a machine loaded
// by other sessions a second thread gets little more CPU and the wall-time ratio measures the load.
// Each worker isolate pays a warm-up that does not grow with the cohort: loading the packages, and
// ~4 s of CPU in background TurboFan compiles over its first ~50,000 cases (`node --trace-opt`), which
// with one worker run on the idle second core and with two compete with the other worker. A sweep of
// n and one of 2n cases per configuration cancel it: the difference is what n more cases cost once
// warm, which is what a long sweep sees.
const wn = Number(values['workers-cases']);
const workerRounds = Number(values['workers-rounds']);
if (wn > 0) {
  interface Run {
    seconds: number;
    cpu: number;
    text: string;
  }
  const measure = async (n: number, workers: number): Promise<Run> => {
    const t = performance.now();
    const c0 = process.cpuUsage();
    const stats = await runSweep({ spec: { ...SPEC, n }, from: 0, to: n, workers });
    const used = process.cpuUsage(c0);
    return {
      seconds: (performance.now() - t) / 1000,
      cpu: (used.user + used.system) / 1e6,
      text: statisticsToJson(stats),
    };
  };
  const wall: number[] = [];
  const cpu: number[] = [];
  const marginalWall: number[] = [];
  const marginalCpu: number[] = [];
  let same = true;
  for (let round = 0; round < workerRounds; round++) {
    const order = round % 2 === 0 ? [1, 2] : [2, 1];
    const short: Record<number, Run> = {};
    const long: Record<number, Run> = {};
    for (const workers of order) {
      short[workers] = await measure(wn, workers);
      long[workers] = await measure(2 * wn, workers);
    }
    same &&= short[1]!.text === short[2]!.text && long[1]!.text === long[2]!.text;
    wall.push(long[1]!.seconds / long[2]!.seconds);
    cpu.push(long[2]!.cpu / long[1]!.cpu);
    marginalWall.push((long[1]!.seconds - short[1]!.seconds) / (long[2]!.seconds - short[2]!.seconds));
    marginalCpu.push((long[2]!.cpu - short[2]!.cpu) / (long[1]!.cpu - short[1]!.cpu));
  }
  console.log(
    `\n2 workers vs 1 (${workerRounds} interleaved rounds of ${wn} and ${2 * wn} cases per configuration; load average ${loadAverage()}); statistics identical: ${same}`,
  );
  console.log(
    `  whole sweep of ${2 * wn}: ${median(wall).toFixed(2)}× the throughput (range ${range(wall)}), ${median(cpu).toFixed(2)}× the CPU time (range ${range(cpu)})`,
  );
  console.log(
    `  warm (the ${wn} cases between the two sizes, warm-up cancelled): ${median(marginalWall).toFixed(2)}× the throughput (range ${range(marginalWall)}), ${median(marginalCpu).toFixed(2)}× the CPU time per case (range ${range(marginalCpu)})`,
  );
}

// ---- 4. peak memory of whole sweeps, each in its own process (worker threads included in the RSS)
if (values.memory) {
  // A script file, not --eval: worker threads inherit the parent's flags, and --input-type breaks them.
  const dir = mkdtempSync(join(tmpdir(), 'masdrill-bench-'));
  const script = join(dir, 'sweep-memory.mjs');
  writeFileSync(
    script,
    `const { runSweep } = await import(${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'packages/sweep/dist/index.js')).href)});
const n = Number(process.argv[2]); const t = performance.now();
await runSweep({ spec: { mix: '${MIX_TEXT}', seed: 1, difficulty: 'standard', n }, from: 0, to: n, workers: 2 });
console.log(JSON.stringify({ n, maxRssMiB: process.resourceUsage().maxRSS / 1024, seconds: (performance.now() - t) / 1000 }));\n`,
  );
  const results = values.memory.split(',').map((text) => {
    const r = spawnSync(process.execPath, [script, text], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { n: number; maxRssMiB: number; seconds: number };
  });
  rmSync(dir, { recursive: true, force: true });
  console.log(`\npeak memory, 2 workers, one process per size (load average ${loadAverage()}):`);
  for (const r of results)
    console.log(
      `  ${r.n} cases: peak RSS ${r.maxRssMiB.toFixed(0)} MiB, ${r.seconds.toFixed(1)} s (${Math.round(r.n / r.seconds)} cases/s)`,
    );
  if (results.length >= 2)
    console.log(`  ratio largest/smallest: ${(results.at(-1)!.maxRssMiB / results[0]!.maxRssMiB).toFixed(2)}×`);
}

// ---- 5. start-up: `masdrill evaluate` of one case against `node -e 0`, interleaved
const startupRounds = Number(values.startup);
if (startupRounds > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'masdrill-bench-'));
  const file = join(dir, 'case.json');
  writeFileSync(file, JSON.stringify(generateCase({ kind: 'mas', seed: 1, index: 0 })));
  const time = (args: string[]): number => {
    const t = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    return performance.now() - t;
  };
  const startup: number[] = [];
  for (let i = 0; i < startupRounds; i++) {
    const a = time(['-e', '0']);
    const b = time([BIN, 'evaluate', file]);
    startup.push(b / a);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `\n\`masdrill evaluate\` of one case: ${median(startup).toFixed(2)}× \`node -e 0\` (median of ${startupRounds} interleaved pairs, range ${range(startup)})`,
  );
}
if (sink === -1) console.log('');
