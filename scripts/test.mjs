// The one test command: build, type-check (tests, scripts and benchmarks included), run every test,
// and end with the line "N passed, N failed" that CI counts.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const run = (label, cmd, args) => {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
};

const steps = [
  ['build (tsc -b)', bin('tsc'), ['-b']],
  ['type-check tests, scripts and benchmarks', bin('tsc'), ['-p', 'tsconfig.test.json']],
  // Formatting and lint (biome.json): a step that fails counts as a failure, like the type-check.
  ['format and lint (biome check)', bin('biome'), ['check', '.']],
];
let setupFailures = 0;
for (const [label, cmd, args] of steps) if (!run(label, cmd, args)) setupFailures++;

const results = `${root}.vitest-results.json`;
rmSync(results, { force: true });
const extra = process.argv.slice(2);
const testsOk = run('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}`,
  ...extra,
]);

let passed = 0;
let failed = setupFailures;
try {
  const report = JSON.parse(readFileSync(results, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load counts as a failure even though it ran no test.
  failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} catch {
  failed += 1;
}
if (!testsOk && failed === 0) failed = 1;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
