// Benchmark: cases per second for evaluating every criteria set, in process and through
// `masdrill evaluate --json` on a JSONL file. Prints its figures; asserts nothing.
//   node --import tsx bench/evaluate.ts [--n 100000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, type Case } from '@masdrill/rules';
import { BIN } from '../test/support/run-cli.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100000' } } });
const n = Number(values.n);

/**
 * Benchmark input: a full-data case whose values are varied deterministically (a small LCG),
 * so every criteria set does its whole work. Not clinical data: only load for the benchmark.
 */
function benchCase(i: number): Case {
  let s = (i * 2654435761) >>> 0;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const labs = [0, 12, 24].map((hour) => ({
    hour,
    hemoglobin: 7 + r() * 6, wbc: 2 + r() * 20, anc: 0.3 + r() * 12, alc: 0.3 + r() * 4, platelets: 30 + r() * 500,
    ferritin: 200 + r() * 20000, ast: 20 + r() * 600, alt: 15 + r() * 400, ldh: 200 + r() * 3000,
    triglycerides: 80 + r() * 400, fibrinogen: 80 + r() * 600, esr: 2 + r() * 120, crp: 5 + r() * 300,
    procalcitonin: r() * 40, sodium: 128 + r() * 14, albumin: 2 + r() * 2.5, dDimer: r() * 15, inr: 0.9 + r() * 1.5,
    lactate: 0.5 + r() * 12, troponin: r() * 200, ntProBnp: r() * 20000, sCd25: 500 + r() * 8000,
  }));
  return {
    schemaVersion: 1, id: `bench-${i}`, provenance: { source: 'authored', author: 'benchmark' },
    patient: { ageYears: 0.1 + r() * 17, sex: r() < 0.5 ? 'female' : 'male', weightKg: 25, heightCm: 125 },
    background: { sjia: r() < 0.5 ? 'known' : 'none', immunosuppressiveTherapy: [], sarsCov2: { rnaOrAntigen: 'negative', serology: r() < 0.3 ? 'positive' : 'negative', closeContact: 'unknown' } },
    encounter: { hospitalized: true, suspectedInfection: r() < 0.5, moreLikelyAlternativeDiagnosis: null },
    observations: [0, 12, 24].map((hour) => ({
      hour, temperatureC: 37 + r() * 3.5, feverDays: r() * 6, hepatomegaly: r() < 0.5, splenomegaly: r() < 0.5, activeArthritis: r() < 0.3,
      rash: r() < 0.4, conjunctivitis: r() < 0.3, giSymptoms: r() < 0.5, cnsInvolvement: r() < 0.2, hemorrhage: r() < 0.1,
      gcs: 8 + Math.floor(r() * 8), pupils: 'both-reactive' as const, ...shockAndVasoactives(Math.floor(r() * 3)), respiratorySupport: 'oxygen' as const,
      fio2: 0.21 + r() * 0.5, spo2: 88 + r() * 12, sbp: 70 + r() * 50, dbp: 35 + r() * 35,
    })),
    labs,
    investigations: { boneMarrow: r() < 0.3 ? [{ hour: 12, hemophagocytosis: r() < 0.6 }] : [], echo: [{ hour: 6, lvefPercent: 35 + r() * 30, coronaryZMax: r() * 4 }] },
  };
}

/** Consistent with the case lint: vasoactives running means shock is recorded. */
function shockAndVasoactives(vasoactiveCount: number) {
  return { vasoactiveCount, shock: vasoactiveCount > 0 };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const cases: Case[] = Array.from({ length: Math.min(n, 10_000) }, (_, i) => benchCase(i));

// In process: evaluate only (cases built beforehand, cycled).
for (let i = 0; i < 2000; i++) evaluate(cases[i % cases.length]!); // warm-up
let t0 = process.hrtime.bigint();
let sink = 0;
for (let i = 0; i < n; i++) sink += evaluate(cases[i % cases.length]!).results.length;
let seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`in process:  ${n.toLocaleString('en-US')} cases × 8 criteria sets in ${seconds.toFixed(2)} s = ${Math.round(n / seconds).toLocaleString('en-US')} cases/s (${((seconds / n) * 1e6).toFixed(1)} µs/case; checksum ${sink})`);

// Through the built CLI: a JSONL file of n cases.
const dir = mkdtempSync(join(tmpdir(), 'masdrill-bench-'));
const input = join(dir, 'cases.jsonl');
const chunks: string[] = [];
for (let i = 0; i < n; i++) chunks.push(JSON.stringify(cases[i % cases.length]!.id === `bench-${i}` ? cases[i]! : { ...cases[i % cases.length]!, id: `bench-${i}` }));
writeFileSync(input, chunks.join('\n') + '\n');
const output = join(dir, 'results.jsonl');
for (const flags of ['--json', '--json --statuses']) {
  t0 = process.hrtime.bigint();
  const run = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" evaluate "${input}" ${flags} > "${output}"`], { stdio: ['ignore', 'ignore', 'inherit'] });
  seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (run.status !== 0) throw new Error(`masdrill evaluate exited ${run.status}`);
  console.log(`CLI:         masdrill evaluate ${flags} on ${n.toLocaleString('en-US')} JSONL lines (${mb(statSync(input).size)} in, ${mb(statSync(output).size)} out) in ${seconds.toFixed(2)} s = ${Math.round(n / seconds).toLocaleString('en-US')} cases/s, including process start`);
}
rmSync(dir, { recursive: true, force: true });
