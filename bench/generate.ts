// Benchmark for `masdrill generate` (issue: generator): cases per second and peak memory for
//   (a) generate → JSONL file (the built CLI's code path, atomic write, batched), and
//   (b) generate + evaluate (every criteria set) with no output, on one thread and on two worker
//       threads (each a share of the chunks; the tally of statuses must equal the one-thread tally),
// each beside JSON.stringify of the same cases alone, measured in the same run. Targets:
// generate + evaluate ≤ 0.75× the stringify time per case; JSONL to a file ≤ 2.0×; memory flat as N grows.
// Each measurement runs in its own child process so peak RSS (maxRSS) belongs to it alone.
// Run: npx tsc -b && node bench/run-plain.mjs bench/generate.ts [--n 1000000] [--seed 1] (plain Node, as the CLI runs)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { generateAndEvaluate } from './generate-and-evaluate.mjs';

const MIX = 'mas:1,sjia-flare:1,sepsis:1,misc:1';
const CHUNK = 1000;
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    mode: { type: 'string' },
    out: { type: 'string' },
  },
});
const n = Number(values.n);
const seed = Number(values.seed);
const root = fileURLToPath(new URL('..', import.meta.url));

interface Measure {
  mode: string;
  n: number;
  ms: number;
  maxRssMB: number;
  extra?: Record<string, number>;
  tally?: string;
}

const THREADS = 2;

const tallyText = (tally: Record<string, number>): string =>
  Object.keys(tally)
    .sort()
    .map((k) => `${k}=${tally[k]}`)
    .join(' ');

function report(m: Omit<Measure, 'maxRssMB'>): void {
  process.stdout.write(JSON.stringify({ ...m, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}

async function child(mode: string): Promise<void> {
  const gen = (await import(`${root}packages/generator/dist/index.js`)) as typeof import('@masdrill/generator');
  if (mode === 'evaluate' || mode === 'evaluate-threads') {
    const t = performance.now();
    if (mode === 'evaluate') {
      const { genMs, evalMs, tally } = await generateAndEvaluate({ mix: MIX, n, seed, first: 0, step: 1 });
      report({
        mode,
        n,
        ms: performance.now() - t,
        extra: { generateMs: genMs, evaluateMs: evalMs },
        tally: tallyText(tally),
      });
      return;
    }
    const parts = await Promise.all(
      Array.from(
        { length: THREADS },
        (_, k) =>
          new Promise<Record<string, number>>((resolve, reject) => {
            const w = new Worker(new URL('./generate-and-evaluate.mjs', import.meta.url), {
              workerData: { sweep: { mix: MIX, n, seed, first: k, step: THREADS } },
            });
            w.once('message', (m: { tally: Record<string, number> }) => resolve(m.tally));
            w.once('error', reject);
          }),
      ),
    );
    const tally: Record<string, number> = {};
    for (const part of parts) for (const [k, v] of Object.entries(part)) tally[k] = (tally[k] ?? 0) + v;
    report({ mode, n, ms: performance.now() - t, tally: tallyText(tally) });
    return;
  }
  if (mode === 'stringify') {
    const mix = gen.parseMix(MIX);
    let genMs = 0;
    let workMs = 0;
    let bytes = 0;
    const chunk = new Array(CHUNK);
    for (let start = 0; start < n; start += CHUNK) {
      const m = Math.min(CHUNK, n - start);
      let t = performance.now();
      for (let i = 0; i < m; i++)
        chunk[i] = gen.generateCase({ kind: gen.kindAt(mix, seed, start + i), seed, index: start + i });
      genMs += performance.now() - t;
      t = performance.now();
      for (let i = 0; i < m; i++) bytes += JSON.stringify(chunk[i]).length;
      workMs += performance.now() - t;
    }
    report({ mode, n, ms: workMs, extra: { generateMs: genMs, stringifyMs: workMs, avgBytes: bytes / n } });
    return;
  }
  if (mode === 'jsonl') {
    const { main } = (await import(`${root}packages/cli/dist/index.js`)) as typeof import('@masdrill/cli');
    const { PassThrough } = await import('node:stream');
    const sink = new PassThrough();
    sink.resume();
    const t = performance.now();
    const code = await main(
      ['generate', '--mix', MIX, '--n', String(n), '--seed', String(seed), '--quiet', '--out', values.out!],
      { stdout: sink, stderr: process.stderr, stdin: new PassThrough() },
    );
    const ms = performance.now() - t;
    if (code !== 0) throw new Error(`generate exited ${code}`);
    report({ mode, n, ms, extra: { fileMB: statSync(values.out!).size / 1e6 } });
  }
}

function runChild(mode: string, count: number, out?: string): Measure {
  const args = [
    // Children run as the parent does: the transpiled file on plain Node (bench/run-plain.mjs), or
    // this .ts under tsx, whose hooks slow generation up to 2× (bench/run-plain.mjs says why).
    ...(import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : []),
    fileURLToPath(import.meta.url),
    '--mode',
    mode,
    '--n',
    String(count),
    '--seed',
    String(seed),
    ...(out ? ['--out', out] : []),
  ];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${mode} child failed (${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure;
}

async function parent(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'masdrill-bench-'));
  const us = (m: Measure): number => (m.ms * 1000) / m.n;
  const rate = (m: Measure): string => `${Math.round(m.n / (m.ms / 1000)).toLocaleString('en')} cases/s`;
  try {
    const sizes = n > 100_000 ? [100_000, n] : [n];
    const rows: Record<string, Measure>[] = [];
    for (const size of sizes) {
      const out = join(dir, `cases-${size}.jsonl`);
      const stringify = runChild('stringify', size);
      const jsonl = runChild('jsonl', size, out);
      const evaluate = runChild('evaluate', size);
      const threads = runChild('evaluate-threads', size);
      if (threads.tally !== evaluate.tally)
        throw new Error('the two-thread sweep tallied other statuses than one thread');
      rows.push({ stringify, jsonl, evaluate, threads });
      rmSync(out, { force: true });
      console.log(
        `\nN = ${size.toLocaleString('en')} (mix ${MIX}, seed ${seed}; avg case ${Math.round(stringify.extra!.avgBytes!)} bytes as JSON)`,
      );
      console.log(
        `  JSON.stringify alone      ${us(stringify).toFixed(2).padStart(8)} µs/case  ${rate(stringify).padStart(18)}   peak RSS ${stringify.maxRssMB} MB (generation ${((stringify.extra!.generateMs! * 1000) / size).toFixed(2)} µs/case, not counted)`,
      );
      console.log(
        `  generate → JSONL file     ${us(jsonl).toFixed(2).padStart(8)} µs/case  ${rate(jsonl).padStart(18)}   peak RSS ${jsonl.maxRssMB} MB   ratio ${(us(jsonl) / us(stringify)).toFixed(2)}× (target ≤ 2.00×) ${us(jsonl) / us(stringify) <= 2 ? 'MET' : 'NOT MET'}`,
      );
      console.log(
        `  generate + evaluate       ${us(evaluate).toFixed(2).padStart(8)} µs/case  ${rate(evaluate).padStart(18)}   peak RSS ${evaluate.maxRssMB} MB   ratio ${(us(evaluate) / us(stringify)).toFixed(2)}× (target ≤ 0.75×) ${us(evaluate) / us(stringify) <= 0.75 ? 'MET' : 'NOT MET'}`,
      );
      console.log(
        `     of which generate ${((evaluate.extra!.generateMs! * 1000) / size).toFixed(2)} µs/case, evaluate ${((evaluate.extra!.evaluateMs! * 1000) / size).toFixed(2)} µs/case`,
      );
      console.log(
        `  generate + evaluate, ${THREADS} threads ${us(threads).toFixed(2).padStart(6)} µs/case  ${rate(threads).padStart(18)}   peak RSS ${threads.maxRssMB} MB   ratio ${(us(threads) / us(stringify)).toFixed(2)}× (target ≤ 0.75×) ${us(threads) / us(stringify) <= 0.75 ? 'MET' : 'NOT MET'}; same status tally as one thread`,
      );
    }
    if (rows.length === 2) {
      const [a, b] = rows as [Record<string, Measure>, Record<string, Measure>];
      console.log(
        `\nMemory as N grows (peak RSS, ${sizes[0]!.toLocaleString('en')} → ${sizes[1]!.toLocaleString('en')}): JSONL ${a.jsonl!.maxRssMB} → ${b.jsonl!.maxRssMB} MB; generate+evaluate ${a.evaluate!.maxRssMB} → ${b.evaluate!.maxRssMB} MB, on ${THREADS} threads ${a.threads!.maxRssMB} → ${b.threads!.maxRssMB} MB (flat = within ~20%)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values.mode) await child(values.mode);
else await parent();
