import { stringify } from 'csv-stringify/sync';
import type { ExamAnalysis, ItemStatistics } from './item-analysis.js';
import { FLAG_THRESHOLDS } from './item-analysis.js';
import { neutraliseCell } from '../writers/csv-item-bank.js';
import { escapeHtml } from '../writers/text-escape.js';

const f2 = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** The terminal table: one line per item, then the class summary. */
export function analysisTable(a: ExamAnalysis): string {
  const lines = [`${pad('#', 4)}${pad('item', 30)}${lpad('p', 6)}${lpad('r_pb', 7)}${lpad('D', 7)}  flags`];
  for (const s of a.items)
    lines.push(
      `${pad(String(s.number), 4)}${pad(s.itemId, 30)}${lpad(f2(s.p), 6)}${lpad(f2(s.pointBiserial), 7)}${lpad(f2(s.upperLower), 7)}  ${s.flags.join('; ')}`,
    );
  lines.push(
    '',
    `${a.students.length} students, ${a.items.length} items: mean ${a.mean.toFixed(2)}, SD ${a.sd.toFixed(2)}, KR-20 ${f2(a.kr20)}; upper and lower groups of ${a.groupSize} (27%).`,
  );
  return `${lines.join('\n')}\n`;
}

/** Per-student scores as CSV. */
export function studentScoresCsv(a: ExamAnalysis): string {
  return stringify(
    [
      ['student_id', 'correct', 'total', 'percent'],
      ...a.students.map((s) => [neutraliseCell(s.studentId), s.correct, s.total, s.percent.toFixed(1)]),
    ],
    { record_delimiter: 'windows' },
  );
}

/** Per-item statistics as CSV, distractor shares as "A=0.10 (U 0.05, L 0.20)". */
export function itemStatisticsCsv(a: ExamAnalysis): string {
  const rows = a.items.map((s) => [
    s.number,
    s.itemId,
    s.topic,
    s.p.toFixed(3),
    s.pointBiserial === null ? '' : s.pointBiserial.toFixed(3),
    s.upperLower.toFixed(3),
    s.options
      .map(
        (o) =>
          `${o.optionId}${o.keyed ? '*' : ''}=${o.share.toFixed(2)} (U ${o.upperShare.toFixed(2)}, L ${o.lowerShare.toFixed(2)})`,
      )
      .join('; '),
    s.flags.join('; '),
  ]);
  return stringify(
    [['number', 'item_id', 'topic', 'p', 'point_biserial', 'upper_lower', 'options', 'flags'], ...rows],
    { record_delimiter: 'windows' },
  );
}

/** A hand-written SVG bar chart of item difficulty, with the easy/hard bands marked and flagged items in red. */
export function difficultyPlotSvg(items: readonly ItemStatistics[]): string {
  const w = 640,
    h = 260,
    left = 44,
    right = 12,
    top = 16,
    bottom = 36;
  const plotW = w - left - right,
    plotH = h - top - bottom;
  const bw = plotW / Math.max(1, items.length);
  const y = (p: number) => top + plotH * (1 - p);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Item difficulty p by item">`,
  ];
  for (const t of [0, 0.25, 0.5, 0.75, 1])
    out.push(
      `<line x1="${left}" x2="${w - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/><text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11">${t.toFixed(2)}</text>`,
    );
  for (const [p, label] of [
    [FLAG_THRESHOLDS.hardP, 'hard'],
    [FLAG_THRESHOLDS.easyP, 'easy'],
  ] as const) {
    out.push(
      `<line x1="${left}" x2="${w - right}" y1="${y(p).toFixed(1)}" y2="${y(p).toFixed(1)}" stroke="#888" stroke-dasharray="4 3"/><text x="${w - right - 2}" y="${(y(p) - 3).toFixed(1)}" text-anchor="end" font-size="10" fill="#555">${label}</text>`,
    );
  }
  items.forEach((s, i) => {
    const x = left + i * bw + bw * 0.15;
    const colour = s.flags.length ? '#c0392b' : '#2e86c1';
    out.push(
      `<rect x="${x.toFixed(1)}" y="${y(s.p).toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${(plotH * s.p).toFixed(1)}" fill="${colour}"><title>${escapeHtml(`${s.number}. ${s.itemId}: p ${s.p.toFixed(2)}${s.flags.length ? ` — ${s.flags.join('; ')}` : ''}`)}</title></rect>`,
    );
    out.push(
      `<text x="${(x + bw * 0.35).toFixed(1)}" y="${h - bottom + 14}" text-anchor="middle" font-size="10">${s.number}</text>`,
    );
  });
  out.push(
    `<text x="${left + plotW / 2}" y="${h - 4}" text-anchor="middle" font-size="11">item (red: flagged)</text>`,
    `<text x="12" y="${top + plotH / 2}" transform="rotate(-90 12 ${top + plotH / 2})" text-anchor="middle" font-size="11">difficulty p</text>`,
    '</svg>',
  );
  return out.join('\n');
}

/** A self-contained HTML report: summary, difficulty plot, item table with flags, student scores. */
export function analysisHtml(title: string, a: ExamAnalysis): string {
  const itemRows = a.items
    .map(
      (s) =>
        `<tr${s.flags.length ? ' class="flag"' : ''}><td>${s.number}</td><td>${escapeHtml(s.itemId)}</td><td>${f2(s.p)}</td><td>${f2(s.pointBiserial)}</td><td>${f2(s.upperLower)}</td><td>${escapeHtml(s.options.map((o) => `${o.optionId}${o.keyed ? '*' : ''} ${o.share.toFixed(2)}`).join(', '))}</td><td>${escapeHtml(s.flags.join('; '))}</td></tr>`,
    )
    .join('\n');
  const studentRows = a.students
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.studentId)}</td><td>${s.correct}/${s.total}</td><td>${s.percent.toFixed(1)}%</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}: item analysis</title>
<style>body{font:14px/1.45 Arial,Helvetica,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left}tr.flag td{background:#fdecea}</style>
</head>
<body>
<h1>${escapeHtml(title)}: item analysis</h1>
<p>${a.students.length} students, ${a.items.length} items. Mean ${a.mean.toFixed(2)}, SD ${a.sd.toFixed(2)}, KR-20 ${f2(a.kr20)}. Upper and lower groups: ${a.groupSize} students each (27%).</p>
<p>p: share right. r<sub>pb</sub>: corrected point-biserial (item against the rest of the test). D: p in the upper group minus p in the lower. Options: share choosing each (* keyed). Flags: p &lt; ${FLAG_THRESHOLDS.hardP} or &gt; ${FLAG_THRESHOLDS.easyP}, r<sub>pb</sub> &lt; ${FLAG_THRESHOLDS.minPointBiserial}, D &lt; ${FLAG_THRESHOLDS.minUpperLower}, distractors that draw the upper group or fewer than ${FLAG_THRESHOLDS.minDistractorShare * 100}% of the class.</p>
${difficultyPlotSvg(a.items)}
<h2>Items</h2>
<table><thead><tr><th>#</th><th>item</th><th>p</th><th>r<sub>pb</sub></th><th>D</th><th>options</th><th>flags</th></tr></thead><tbody>
${itemRows}
</tbody></table>
<h2>Students</h2>
<table><thead><tr><th>student</th><th>score</th><th>percent</th></tr></thead><tbody>
${studentRows}
</tbody></table>
</body>
</html>
`;
}
