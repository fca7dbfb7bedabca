import type { Estimate } from './intervals.js';
import { distributionSeries, escapeXml as esc, linePlot } from './svg-plots.js';
import {
  BASES,
  publishedContext,
  type ComparisonFigures,
  type DistributionFigures,
  type SweepFigures,
} from './sweep-figures.js';

const ROC_COLOURS: Readonly<Record<string, string>> = {
  hscore: '#1b6ca8',
  'ms-score': '#c0392b',
  'ferritin-esr': '#27864a',
  ferritin: '#8e44ad',
};
const KIND_COLOURS: Readonly<Record<string, string>> = {
  mas: '#c0392b',
  'sjia-flare': '#e08e0b',
  sepsis: '#1b6ca8',
  misc: '#27864a',
};

const f3 = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
const withCi = (e: Estimate): string =>
  e.value === null ? '–' : `${f3(e.value)} <span class="ci">(${f3(e.lower)}–${f3(e.upper)})</span>`;

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1rem; }
table { border-collapse: collapse; margin: .6rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ccc; padding: .2rem .45rem; text-align: right; } th:first-child, td:first-child { text-align: left; }
.ci { color: #666; font-size: .85em; } .note { color: #555; } .warn { background: #fff3cd; padding: .5rem .8rem; border-left: 4px solid #e0a800; }
.outside { color: #b00020; font-weight: 600; } .inside { color: #1b7a3a; }
.plots { display: flex; flex-wrap: wrap; gap: 1rem; } .two-by-two { display: inline-block; margin: .3rem 1rem .3rem 0; vertical-align: top; }
svg .grid { stroke: #e3e3e3; } svg .frame { fill: none; stroke: #888; } svg .diagonal { stroke: #aaa; stroke-dasharray: 4 4; }
svg text { font: 11px system-ui, sans-serif; fill: #333; } svg .plot-title { font-weight: 600; font-size: 12px; }
`;

function rocPlot(c: ComparisonFigures): string {
  const series = c.rocs
    .filter((r) => r.points.length > 0)
    .map((r) => ({
      label: `${r.label}: AUC ${f3(r.auc.value)} (${f3(r.auc.lower)}–${f3(r.auc.upper)}), ${r.positives}/${r.negatives}`,
      colour: ROC_COLOURS[r.value] ?? '#333',
      points: r.points.map((p) => [1 - p.specificity, p.sensitivity] as const),
    }));
  if (series.length === 0) return '<p class="note">No score has values in both groups: no ROC curve.</p>';
  return linePlot(series, {
    title: `ROC: ${c.label}, ${c.timePointLabel}`,
    xLabel: '1 − specificity',
    yLabel: 'sensitivity',
    x: { domain: [0, 1] },
    y: { domain: [0, 1] },
    diagonal: true,
    width: 440,
    height: 360,
  });
}

function setTable(c: ComparisonFigures): string {
  const rows: string[] = [];
  rows.push(
    '<tr><th rowspan="2">set</th><th colspan="4">assessable cases only</th><th colspan="4">not assessable / not applicable = not classified</th><th rowspan="2">not assessable<br>P / N</th><th rowspan="2">not applicable<br>P / N</th></tr>',
  );
  rows.push(
    '<tr><th>sensitivity</th><th>specificity</th><th>PPV</th><th>NPV</th><th>sensitivity</th><th>specificity</th><th>LR+</th><th>LR−</th></tr>',
  );
  for (const s of c.sets) {
    const a = s.bases['assessable-only'].metrics;
    const all = s.bases['unassessed-as-negative'].metrics;
    rows.push(
      `<tr><td>${esc(s.name)}</td><td>${withCi(a.sensitivity)}</td><td>${withCi(a.specificity)}</td><td>${withCi(a.ppv)}</td><td>${withCi(a.npv)}</td><td>${withCi(all.sensitivity)}</td><td>${withCi(all.specificity)}</td><td>${withCi(all.lrPositive)}</td><td>${withCi(all.lrNegative)}</td><td>${s.positives.notAssessable} / ${s.negatives.notAssessable}</td><td>${s.positives.notApplicable} / ${s.negatives.notApplicable}</td></tr>`,
    );
  }
  return `<table>${rows.join('\n')}</table>`;
}

function prevalenceTable(c: ComparisonFigures): string {
  const first = c.sets[0]?.bases['unassessed-as-negative'].metrics.atPrevalence;
  if (!first) return '';
  const rows = c.sets.map((s) => {
    const at = s.bases['unassessed-as-negative'].metrics.atPrevalence;
    return `<tr><td>${esc(s.name)}</td><td>${at ? withCi(at.ppv) : '–'}</td><td>${at ? withCi(at.npv) : '–'}</td><td>${withCi(s.bases['unassessed-as-negative'].metrics.accuracy)}</td></tr>`;
  });
  return `<h3>At prevalence ${first.prevalence} (cohort: ${c.prevalence})</h3><table><tr><th>set</th><th>PPV</th><th>NPV</th><th>accuracy (cohort)</th></tr>${rows.join('\n')}</table>`;
}

function rocTable(c: ComparisonFigures): string {
  const rows = c.rocs.map(
    (r) =>
      `<tr><td>${esc(r.label)}</td><td>${r.positives} / ${r.negatives}</td><td>${r.missingPositives} / ${r.missingNegatives}</td><td>${withCi(r.auc)}</td><td>${r.youden ? `≥ ${r.youden.threshold}` : '–'}</td><td>${r.youden ? `${f3(r.youden.sensitivity)} / ${f3(r.youden.specificity)}` : '–'}</td></tr>`,
  );
  const outside = c.rocs
    .filter((r) => r.outsideGrid > 0)
    .map((r) => `${r.outsideGrid} ${esc(r.label)}`)
    .join(', ');
  return `<table><tr><th>score</th><th>with a value P / N</th><th>without P / N</th><th>AUC (95% CI)</th><th>Youden-J threshold</th><th>sensitivity / specificity there</th></tr>${rows.join('\n')}</table>
<p class="note">AUC and thresholds on each score's fixed grid (3 significant figures, see Methods)${outside ? `; values outside the grid, counted at its ends: ${outside}` : ''}.</p>`;
}

function publishedTable(c: ComparisonFigures): string {
  const rows = c.sets.flatMap((s) =>
    s.published.map((p) => {
      const verdict =
        p.inside === null
          ? '<span class="note">no band: the source gives no group size</span>'
          : p.inside
            ? '<span class="inside">inside</span>'
            : '<span class="outside">outside</span>';
      return `<tr><td>${esc(s.name)}</td><td>${esc(p.measure)}</td><td>${p.published}${p.n !== null ? ` <span class="ci">(n = ${p.n})</span>` : ''}</td><td>${p.band ? `${f3(p.band.lower)}–${f3(p.band.upper)}` : '–'}</td><td>${f3(p.synthetic)}</td><td>${verdict}</td><td class="note" style="text-align:left">${esc(p.citation)}</td></tr>`;
    }),
  );
  if (rows.length === 0) return '';
  return `<h3>Beside the published figures</h3><table><tr><th>set</th><th>measure</th><th>published</th><th>sampling band</th><th>synthetic (assessable)</th><th></th><th>source</th></tr>${rows.join('\n')}</table>`;
}

function twoByTwo(c: ComparisonFigures): string {
  const tables = c.sets.flatMap((s) =>
    BASES.map((basis) => {
      const m = s.bases[basis.id].matrix;
      return `<table class="two-by-two"><caption>${esc(s.name)}: ${basis.id === 'assessable-only' ? 'assessable only' : 'all cases'}</caption><tr><th></th><th>MAS (positives)</th><th>no MAS (negatives)</th></tr><tr><td>met</td><td>${m.tp}</td><td>${m.fp}</td></tr><tr><td>not met${basis.id === 'assessable-only' ? '' : ' / not assessable / n.a.'}</td><td>${m.fn}</td><td>${m.tn}</td></tr></table>`;
    }),
  );
  return `<details><summary>2×2 tables</summary>${tables.join('\n')}</details>`;
}

function distributionPlot(d: DistributionFigures): string {
  // A loop, not Math.min(...values): a million-case cohort has more bins than a call takes arguments.
  let min = Infinity;
  let max = -Infinity;
  for (const k of d.byKind)
    for (const [v] of k.bins) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  if (min === Infinity) return '';
  const log = d.value === 'ferritin';
  const lo = log ? Math.max(1, min) : min;
  const hi = Math.max(max, lo + 1);
  const count = 40;
  const edges = Array.from({ length: count + 1 }, (_, i) =>
    log
      ? 10 ** (Math.log10(lo) + ((Math.log10(hi * 1.0001) - Math.log10(lo)) * i) / count)
      : lo + ((hi * 1.0001 - lo) * i) / count,
  );
  const series = d.byKind.map((k) => ({
    label: `${k.kind} (${k.cases - k.missing} measured, ${k.missing} not${k.below + k.above > 0 ? `, ${k.below + k.above} outside the plausible range` : ''})`,
    colour: KIND_COLOURS[k.kind] ?? '#333',
    points: distributionSeries(k.bins, edges),
  }));
  // 5% headroom: a peak drawn on the frame's top edge read as a curve cut off.
  const yMax = 1.05 * Math.max(0.01, ...series.flatMap((s) => s.points.map((p) => p[1])));
  return linePlot(series, {
    title: `${d.label} over the first day, by kind`,
    xLabel: `${d.label}${d.unit ? ` (${d.unit})` : ''}${log ? ', log scale' : ''}`,
    yLabel: 'fraction of measured cases',
    x: { domain: [edges[0]!, edges[count]!], log },
    y: { domain: [0, yMax] },
    width: 440,
    height: 320,
  });
}

/** The self-contained report: inline styles and SVG, no script, no network (a CSP forbids any). */
export function renderHtml(figures: SweepFigures): string {
  const c = figures.cohort;
  const sections = figures.comparisons.map(
    (cmp) => `
<section id="${cmp.comparison}-${cmp.timePoint}">
<h2>${esc(cmp.label)}, ${esc(cmp.timePointLabel)}</h2>
<p>${cmp.positives} positives, ${cmp.negatives} negatives (prevalence ${cmp.prevalence ?? '–'}).</p>
${setTable(cmp)}
${prevalenceTable(cmp)}
${publishedTable(cmp)}
<div class="plots">${rocPlot(cmp)}</div>
${rocTable(cmp)}
${twoByTwo(cmp)}
</section>`,
  );
  const toc = figures.comparisons
    .map(
      (cmp) =>
        `<li><a href="#${cmp.comparison}-${cmp.timePoint}">${esc(cmp.label)}, ${esc(cmp.timePointLabel)}</a></li>`,
    )
    .join('\n');
  const methods = Object.entries(figures.methods)
    .map(([k, v]) => `<li><b>${esc(k)}</b>: ${esc(v)}</li>`)
    .join('\n');
  const context = publishedContext()
    .map(
      (p) =>
        `<li><b>${esc(p.subject)}</b> — ${esc(p.text)} <span class="note">${esc(p.citation)}</span>${p.place ? ` <span class="note">(held against ${esc(p.place)})</span>` : ''}</li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>masdrill sweep: ${figures.cases} synthetic cases, seed ${c.seed}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Criteria performance on ${figures.cases} synthetic cases</h1>
<p class="warn">Education and simulation only. These are synthetic patients from masdrill's generator: the figures describe how the criteria behave on the generator's model, not on real patients.</p>
<p>Seed ${c.seed}, mix <code>${esc(c.mix)}</code>, difficulty ${esc(c.difficulty)}, generator ${esc(c.generatorVersion)}. Cases by kind: ${Object.entries(
    figures.casesByKind,
  )
    .map(([k, n]) => `${esc(k)} ${n}`)
    .join(', ')}.</p>
<ul>${toc}<li><a href="#distributions">Lab distributions by kind</a></li><li><a href="#methods">Methods</a></li></ul>
${sections.join('\n')}
<section id="distributions"><h2>Lab distributions by kind (worst value over the first day)</h2><div class="plots">${figures.distributions.map(distributionPlot).join('\n')}</div></section>
<section id="methods"><h2>Methods</h2><ul>${methods}</ul>
<h3>Published performance (cited data in @masdrill/rules)</h3><ul>${context}</ul></section>
</body>
</html>
`;
}
