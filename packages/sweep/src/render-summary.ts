import type { Estimate } from './intervals.js';
import type { SweepFigures } from './sweep-figures.js';

/** The widest line the summary may print (a plain 80-column terminal). */
export const SUMMARY_WIDTH = 80;

const f3 = (x: number | null): string => (x === null ? '  –  ' : x.toFixed(3));
const ci = (e: Estimate): string =>
  e.lower === null || e.upper === null ? '     –     ' : `${f3(e.lower)}–${f3(e.upper)}`;
const count = (n: number): string => (n >= 100_000 ? `${Math.round(n / 1000)}k` : String(n));

/** The terminal summary: per comparison and time point, each set's sensitivity and specificity, the scores' AUCs and the published bands. */
export function renderSummary(figures: SweepFigures): string {
  const lines: string[] = [];
  const c = figures.cohort;
  const kinds = Object.entries(figures.casesByKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  lines.push(`masdrill sweep: ${figures.cases} synthetic cases, seed ${c.seed}, ${c.difficulty}`);
  lines.push(`  by kind: ${kinds}`);
  lines.push(`  mix ${c.mix}, generator ${c.generatorVersion}`);
  lines.push('Education and simulation only: synthetic patients, not clinical evidence.');
  lines.push('sens/spec: assessable cases, Wilson 95% CI. all: not assessable or not');
  lines.push('applicable counted as not classified. n.a.: not assessable+applicable P/N.');
  lines.push('AUC, Youden J: on a fixed 3-significant-figure grid per score (see Methods).');
  for (const cmp of figures.comparisons) {
    lines.push('');
    lines.push(`${cmp.label}, ${cmp.timePointLabel}: ${cmp.positives} vs ${cmp.negatives}`);
    if (cmp.positives === 0 || cmp.negatives === 0) {
      lines.push('  (a group is empty: no figures)');
      continue;
    }
    lines.push('  set            sens  95% CI       spec  95% CI       all:sens spec  n.a. P/N');
    for (const s of cmp.sets) {
      const a = s.bases['assessable-only'].metrics;
      const all = s.bases['unassessed-as-negative'].metrics;
      const naP = s.positives.notAssessable + s.positives.notApplicable;
      const naN = s.negatives.notAssessable + s.negatives.notApplicable;
      lines.push(
        `  ${s.set.padEnd(14)} ${f3(a.sensitivity.value)} ${ci(a.sensitivity)} ${f3(a.specificity.value)} ${ci(a.specificity)}  ${f3(all.sensitivity.value)} ${f3(all.specificity.value)}  ${count(naP)}/${count(naN)}`,
      );
    }
    for (const r of cmp.rocs) {
      if (r.auc.value === null) continue;
      const y = r.youden;
      lines.push(
        `  AUC ${r.label.padEnd(18)} ${f3(r.auc.value)} ${ci(r.auc)}${y ? `  J: ≥ ${y.threshold} (${f3(y.sensitivity)}/${f3(y.specificity)})` : ''}`,
      );
      if (r.outsideGrid > 0) lines.push(`    ${r.outsideGrid} ${r.label} values outside its grid, counted at its ends`);
    }
    for (const s of cmp.sets)
      for (const p of s.published) {
        const verdict =
          p.inside === null
            ? 'no band (no published n)'
            : `${p.inside ? 'inside' : 'OUTSIDE'} ${f3(p.band!.lower)}–${f3(p.band!.upper)}`;
        lines.push(`  published ${s.set} ${p.measure.slice(0, 4)} ${p.published} → ${f3(p.synthetic)} ${verdict}`);
      }
  }
  return lines.map((l) => (l.length > SUMMARY_WIDTH ? l.slice(0, SUMMARY_WIDTH - 1) + '…' : l)).join('\n') + '\n';
}
