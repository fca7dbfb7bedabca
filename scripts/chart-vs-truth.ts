// How often the working diagnosis read from the chart differs from the hidden truth, per kind and
// stage hour (the drill's stages: 0, 12, 48, 72 h), over generated cases. Prints a table; asserts nothing.
//   node_modules/.bin/tsc -b && node --import tsx scripts/chart-vs-truth.ts [--n 150] [--seed 1] [--rules path/to/rules/dist/index.js]
// --rules reads another build of the rules (e.g. an older commit's, built elsewhere) to compare.
// Columns: "label" reads the features as expectations read them from the case with its truth;
// "chart" reads them from the same case with the truth removed (all the trainee can see). Before
// issue 9 item 6 expectations took the label from the truth; now label and chart must be equal.
// "working ≠ truth": the expert's leading diagnosis (or "undetermined") is not the truth's;
// "truth not keyed": the truth's diagnosis earns less than full credit on the diagnosis question.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { generateCase, KINDS } from '@masdrill/generator';
import type { Case, CaseFeatures, DiagnosisId } from '@masdrill/rules';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '150' },
    seed: { type: 'string', default: '1' },
    rules: { type: 'string' },
  },
});
const n = Number(values.n);
const seed = Number(values.seed);
const rules: typeof import('@masdrill/rules') = values.rules
  ? await import(pathToFileURL(values.rules).href)
  : await import('@masdrill/rules');
const HOURS = [0, 12, 48, 72] as const;

function truthDiagnosis(c: Case): DiagnosisId {
  const t = c.truth!;
  if (t.kind === 'misc') return t.masPresent ? 'misc-with-mas' : 'misc';
  if (t.kind === 'sepsis') return t.subtype === 'septic-shock' ? 'septic-shock' : 'sepsis';
  return t.kind === 'sjia-flare' && !t.masPresent ? 'sjia-flare' : 'mas';
}
const working = (f: CaseFeatures) => (f.kind === 'undetermined' ? 'undetermined' : rules.acceptedDiagnoses(f).full[0]);
const differs = (c: Case, f: CaseFeatures) => working(f) !== truthDiagnosis(c);
const notKeyed = (c: Case, f: CaseFeatures) => !rules.acceptedDiagnoses(f).full.includes(truthDiagnosis(c));
const pct = (k: number) => `${((100 * k) / n).toFixed(1).padStart(5)}%`;

console.log(
  `${n} generated cases per kind (seed ${seed}), share of cases; rules: ${values.rules ?? '@masdrill/rules'}`,
);
console.log('kind        hour | working ≠ truth: label  chart | truth not keyed: label  chart');
for (const kind of KINDS) {
  for (const hour of HOURS) {
    const count = [0, 0, 0, 0];
    for (let index = 0; index < n; index++) {
      const c = generateCase({ kind, seed, index });
      const { truth: _truth, ...chart } = c;
      const label = rules.caseFeatures(c, 'presentation', hour, undefined, 'chart');
      const seen = rules.caseFeatures(chart, 'presentation', hour, undefined, 'chart');
      [differs(c, label), differs(c, seen), notKeyed(c, label), notKeyed(c, seen)].forEach((hit, i) => {
        if (hit) count[i]!++;
      });
    }
    const [dl, dc, kl, kc] = count.map(pct);
    console.log(
      `${kind.padEnd(11)} ${String(hour).padStart(4)} |                ${dl} ${dc} |                ${kl} ${kc}`,
    );
  }
}
