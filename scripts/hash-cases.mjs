// Hash of JSON.stringify of a generated cohort, to check that a change to the generator keeps every
// case byte-identical: run before and after, compare the lines.
//   node scripts/hash-cases.mjs [n=40000] [seed=1]
import { createHash } from 'node:crypto';
import { generateCase, kindAt, parseMix } from '@masdrill/generator';

const n = Number(process.argv[2] ?? 40000);
const seed = Number(process.argv[3] ?? 1);
const mix = parseMix('mas:1,sjia-flare:1,sepsis:1,misc:1');
for (const difficulty of ['standard', 'hard']) {
  const hash = createHash('sha256');
  for (let index = 0; index < n; index++)
    hash.update(JSON.stringify(generateCase({ kind: kindAt(mix, seed, index), seed, index, difficulty })));
  console.log(`${difficulty} n=${n} seed=${seed} ${hash.digest('hex')}`);
}
