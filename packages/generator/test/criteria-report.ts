// How each criteria set performs on a synthetic cohort: for each kind (and MAS overall), the share
// of cases each set calls met / not-met / not-assessable / not-applicable, and sensitivity /
// specificity for MAS (MAS = truth.masPresent). Run: node --import tsx packages/generator/test/criteria-report.ts [--n 10000] [--difficulty hard]
import { parseArgs } from 'node:util';
import { evaluate, CRITERIA_SET_IDS, type CriteriaSetId, type CriteriaStatus } from '@masdrill/rules';
import { caseStream, KINDS, type Difficulty } from '../src/index.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '2026' },
    difficulty: { type: 'string', default: 'standard' },
  },
});
const n = Number(values.n);
const difficulty = values.difficulty as Difficulty;
type Tally = Record<CriteriaStatus, number>;
const empty = (): Tally => ({ met: 0, 'not-met': 0, 'not-assessable': 0, 'not-applicable': 0 });
const tallies = new Map<string, Map<CriteriaSetId, Tally>>();
const groups = (kind: string, subtype: string, mas: boolean): string[] => [
  kind,
  `${kind}/${subtype}`,
  mas ? 'ALL MAS-present' : 'ALL MAS-absent',
];
for (const kind of KINDS) {
  for (const c of caseStream({ kind, n, seed: Number(values.seed), difficulty })) {
    const e = evaluate(c);
    for (const g of groups(kind, c.truth!.subtype, c.truth!.masPresent)) {
      let t = tallies.get(g);
      if (!t) {
        t = new Map(CRITERIA_SET_IDS.map((id) => [id, empty()]));
        tallies.set(g, t);
      }
      for (const r of e.results) t.get(r.id)![r.status]++;
    }
  }
}
const pct = (x: number, d: number): string => (d === 0 ? '—' : `${((100 * x) / d).toFixed(1)}`);
console.log(
  `criteria met (%) per group, ${n} cases per kind, seed ${values.seed}, ${difficulty}; cells: met / not-assessable / not-applicable`,
);
console.log(`| group | n | ${CRITERIA_SET_IDS.join(' | ')} |`);
console.log(`|---|---|${CRITERIA_SET_IDS.map(() => '---').join('|')}|`);
for (const [g, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
  const total = Object.values(t.get(CRITERIA_SET_IDS[0]!)!).reduce((a, b) => a + b, 0);
  console.log(
    `| ${g} | ${total} | ${CRITERIA_SET_IDS.map((id) => {
      const x = t.get(id)!;
      return `${pct(x.met, total)} / ${pct(x['not-assessable'], total)} / ${pct(x['not-applicable'], total)}`;
    }).join(' | ')} |`,
  );
}
const pos = tallies.get('ALL MAS-present')!;
const neg = tallies.get('ALL MAS-absent')!;
console.log('\nFor MAS (truth.masPresent), counting not-assessable and not-applicable as "not met":');
for (const id of CRITERIA_SET_IDS) {
  const p = pos.get(id)!;
  const q = neg.get(id)!;
  const np = Object.values(p).reduce((a, b) => a + b, 0);
  const nq = Object.values(q).reduce((a, b) => a + b, 0);
  console.log(`  ${id.padEnd(15)} sensitivity ${pct(p.met, np)}%  specificity ${pct(nq - q.met, nq)}%`);
}
