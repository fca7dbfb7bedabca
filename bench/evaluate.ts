// Benchmark: cases per second for evaluating every criteria set, in process and through
// `masdrill evaluate --json` on a JSONL file. Prints its figures; asserts nothing.
//   node bench/run-plain.mjs bench/evaluate.ts [--n 100000] [--repeat 5] [--skip-cli]
// On plain Node, as the CLI runs (bench/run-plain.mjs says why not under tsx).
// In process it measures two inputs: the synthetic full-data cases below (3 time points), and
// generated cases (`generateCase`, 5–6 time points, ~25 analytes) beside JSON.stringify of the
// same cases. The machines are shared: each figure is the median of --repeat rounds, with the range.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluate, type Case } from '@masdrill/rules';
import { generateCase, KINDS } from '@masdrill/generator';

const BIN = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    repeat: { type: 'string', default: '5' },
    'skip-cli': { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
const repeat = Math.max(1, Number(values.repeat));

/**
 * Benchmark input: a full-data case whose values are varied deterministically (a small LCG),
 * so every criteria set does its whole work. Not clinical data: only load for the benchmark.
 */
function benchCase(i: number): Case {
  let s = (i * 2654435761) >>> 0;
  const r = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const labs = [0, 12, 24].map((hour) => ({
    hour,
    hemoglobin: 7 + r() * 6,
    wbc: 2 + r() * 20,
    anc: 0.3 + r() * 12,
    alc: 0.3 + r() * 4,
    platelets: 30 + r() * 500,
    ferritin: 200 + r() * 20000,
    ast: 20 + r() * 600,
    alt: 15 + r() * 400,
    ldh: 200 + r() * 3000,
    triglycerides: 80 + r() * 400,
    fibrinogen: 80 + r() * 600,
    esr: 2 + r() * 120,
    crp: 5 + r() * 300,
    procalcitonin: r() * 40,
    sodium: 128 + r() * 14,
    albumin: 2 + r() * 2.5,
    dDimer: r() * 15,
    inr: 0.9 + r() * 1.5,
    lactate: 0.5 + r() * 12,
    troponin: r() * 200,
    ntProBnp: r() * 20000,
    sCd25: 500 + r() * 8000,
  }));
  return {
    schemaVersion: 1,
    id: `bench-${i}`,
    provenance: { source: 'authored', author: 'benchmark' },
    patient: { ageYears: 0.1 + r() * 17, sex: r() < 0.5 ? 'female' : 'male', weightKg: 25, heightCm: 125 },
    background: {
      sjia: r() < 0.5 ? 'known' : 'none',
      immunosuppressiveTherapy: [],
      sarsCov2: { rnaOrAntigen: 'negative', serology: r() < 0.3 ? 'positive' : 'negative', closeContact: 'unknown' },
    },
    encounter: { hospitalized: true, suspectedInfection: r() < 0.5, moreLikelyAlternativeDiagnosis: null },
    observations: [0, 12, 24].map((hour) => ({
      hour,
      temperatureC: 37 + r() * 3.5,
      feverDays: r() * 6,
      hepatomegaly: r() < 0.5,
      splenomegaly: r() < 0.5,
      activeArthritis: r() < 0.3,
      rash: r() < 0.4,
      conjunctivitis: r() < 0.3,
      giSymptoms: r() < 0.5,
      cnsInvolvement: r() < 0.2,
      hemorrhage: r() < 0.1,
      gcs: 8 + Math.floor(r() * 8),
      pupils: 'both-reactive' as const,
      ...shockAndVasoactives(Math.floor(r() * 3)),
      respiratorySupport: 'oxygen' as const,
      fio2: 0.21 + r() * 0.5,
      spo2: 88 + r() * 12,
      sbp: 70 + r() * 50,
      dbp: 35 + r() * 35,
    })),
    labs,
    investigations: {
      boneMarrow: r() < 0.3 ? [{ hour: 12, hemophagocytosis: r() < 0.6 }] : [],
      echo: [{ hour: 6, lvefPercent: 35 + r() * 30, coronaryZMax: r() * 4 }],
    },
  };
}

/** Consistent with the case lint: vasoactives running means shock is recorded. */
function shockAndVasoactives(vasoactiveCount: number) {
  return { vasoactiveCount, shock: vasoactiveCount > 0 };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const cases: Case[] = Array.from({ length: Math.min(n, 10_000) }, (_, i) => benchCase(i));

/** Seconds for `count` calls of `work` over the inputs (cycled), after a warm-up; the checksum keeps the work alive. */
function timed<T>(
  inputs: readonly T[],
  count: number,
  work: (input: T) => number,
): { seconds: number; checksum: number } {
  for (let i = 0; i < Math.min(count, 2000); i++) work(inputs[i % inputs.length]!);
  const t0 = process.hrtime.bigint();
  let checksum = 0;
  for (let i = 0; i < count; i++) checksum += work(inputs[i % inputs.length]!);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, checksum };
}

/** µs per call over `repeat` rounds: the median, and the range as the noise. */
function microsPerCall<T>(
  inputs: readonly T[],
  count: number,
  work: (input: T) => number,
): { median: number; min: number; max: number; checksum: number } {
  const rounds: number[] = [];
  let checksum = 0;
  for (let r = 0; r < repeat; r++) {
    const run = timed(inputs, count, work);
    rounds.push((run.seconds / count) * 1e6);
    checksum += run.checksum;
  }
  const sorted = [...rounds].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]!, checksum };
}

const figure = (m: { median: number; min: number; max: number }) =>
  `${m.median.toFixed(1)} µs/case (median of ${repeat}; range ${m.min.toFixed(1)}–${m.max.toFixed(1)}) = ${Math.round(1e6 / m.median).toLocaleString('en-US')} cases/s`;

// In process: evaluate only (cases built beforehand, cycled).
const synthetic = microsPerCall(cases, n, (c) => evaluate(c).results.length);
console.log(
  `in process:  synthetic cases, ${n.toLocaleString('en-US')} × 8 criteria sets with evidence: ${figure(synthetic)} (checksum ${synthetic.checksum})`,
);

// In process, generated cases: every kind and both difficulties, generated beforehand (generation is not timed).
const generated: Case[] = Array.from({ length: Math.min(n, 8_000) }, (_, i) =>
  generateCase({
    kind: KINDS[i % KINDS.length]!,
    seed: 1,
    index: i,
    difficulty: i % (2 * KINDS.length) < KINDS.length ? 'standard' : 'hard',
  }),
);
const onGenerated = microsPerCall(generated, n, (c) => evaluate(c).results.length);
const stringify = microsPerCall(generated, n, (c) => JSON.stringify(c).length);
console.log(
  `in process:  generated cases, ${n.toLocaleString('en-US')} × 8 criteria sets with evidence: ${figure(onGenerated)} (checksum ${onGenerated.checksum})`,
);
console.log(
  `             JSON.stringify of the same cases: ${figure(stringify)}; evaluate ÷ stringify = ${(onGenerated.median / stringify.median).toFixed(2)}`,
);
if (values['skip-cli']) process.exit(0);

// Through the built CLI: a JSONL file of n cases.
const dir = mkdtempSync(join(tmpdir(), 'masdrill-bench-'));
const input = join(dir, 'cases.jsonl');
const chunks: string[] = [];
for (let i = 0; i < n; i++)
  chunks.push(
    JSON.stringify(
      cases[i % cases.length]!.id === `bench-${i}` ? cases[i]! : { ...cases[i % cases.length]!, id: `bench-${i}` },
    ),
  );
writeFileSync(input, chunks.join('\n') + '\n');
const output = join(dir, 'results.jsonl');
for (const flags of ['--json', '--json --statuses']) {
  const t0 = process.hrtime.bigint();
  const run = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" evaluate "${input}" ${flags} > "${output}"`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (run.status !== 0) throw new Error(`masdrill evaluate exited ${run.status}`);
  console.log(
    `CLI:         masdrill evaluate ${flags} on ${n.toLocaleString('en-US')} JSONL lines (${mb(statSync(input).size)} in, ${mb(statSync(output).size)} out) in ${seconds.toFixed(2)} s = ${Math.round(n / seconds).toLocaleString('en-US')} cases/s, including process start`,
  );
}
rmSync(dir, { recursive: true, force: true });
