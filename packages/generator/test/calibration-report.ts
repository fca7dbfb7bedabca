// The synthetic cohorts against the published performance of the MAS criteria, each in its
// publication's population and time point, with the 95% band each must fall in (see
// support/calibration.ts for the bands' derivation).
// Run: node --import tsx packages/generator/test/calibration-report.ts [--n 10000] [--seed 101] [--difficulty hard]
import { parseArgs } from 'node:util';
import type { Difficulty } from '../src/index.js';
import { GENERATOR_VERSION } from '../src/version.js';
import { formatCalibration, measureCalibration } from './support/calibration.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '101' },
    difficulty: { type: 'string', default: 'standard' },
  },
});
const n = Number(values.n);
const seed = Number(values.seed);
const difficulty = values.difficulty as Difficulty;
if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(seed) || (difficulty !== 'standard' && difficulty !== 'hard')) {
  console.error('calibration-report: --n and --seed take positive whole numbers, --difficulty standard or hard');
  process.exit(2);
}
const rows = measureCalibration(n, seed, difficulty);
console.log(
  formatCalibration(
    rows,
    `generator ${GENERATOR_VERSION}, ${n} cases per kind, seed ${seed}, ${difficulty}; complete cases (the set decided)`,
  ),
);
