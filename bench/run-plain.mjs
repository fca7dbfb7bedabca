// Runs a TypeScript benchmark on plain Node, without tsx: `node bench/run-plain.mjs bench/sweep.ts [args…]`.
// tsx's ESM hooks make V8 pretenure the generator's allocation sites (its objects then go straight to
// the old generation): generation measured 1.7–2.0× slower under `node --import tsx` than on plain
// Node, and not at all with --no-allocation-site-pretenuring. The CLI runs on plain Node, so the
// benchmarks must too. The script is transpiled (types erased, nothing bundled) beside itself, so its
// imports resolve as they would, and may name only packages and node: modules.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const [script, ...args] = process.argv.slice(2);
if (!script?.endsWith('.ts')) {
  console.error('usage: node bench/run-plain.mjs bench/<name>.ts [args…]');
  process.exit(2);
}
const source = resolve(script);
const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  fileName: source,
});
const plain = join(dirname(source), `.${basename(source, '.ts')}.${process.pid}.plain.mjs`);
writeFileSync(plain, outputText);
try {
  const run = spawnSync(process.execPath, [plain, ...args], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(plain, { force: true });
}
