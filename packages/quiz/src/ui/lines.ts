import type { Debrief, LabRow, OrderCheck, PatientView, QuizView } from '../view.js';
import { formatValue } from '../view.js';
import { line, type Line, type LineStyle } from './line.js';

const SPARK = '▁▂▃▄▅▆▇█';

/** A sparkline of values (oldest first), one character each, scaled to their own range. */
export function sparkline(values: readonly number[]): string {
  if (!values.length) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => SPARK[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * (SPARK.length - 1))]).join('');
}

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${formatValue(Math.abs(x))}`;
const arrow = (x: number | undefined) => (x === undefined ? ' ' : x > 0 ? '↑' : x < 0 ? '↓' : '→');

function pad(s: string, n: number): string {
  return s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length);
}
function padStart(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

export function patientLines(p: PatientView, hour: number): Line[] {
  const size = [
    p.weightKg !== undefined ? `${p.weightKg} kg` : 'weight not recorded',
    p.heightCm !== undefined ? `${p.heightCm} cm` : undefined,
    p.bsaM2 !== undefined ? `BSA ${p.bsaM2} m²` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    line(`${formatValue(p.ageYears)}-year-old ${p.sex}, ${size}. Hour ${hour}, ${p.place}.`, 'title'),
    line(`History: ${p.history.join('; ')}.`),
    line(`Exam: ${p.examination.length ? p.examination.join(', ') : 'not recorded'}.`),
    line(`Vitals: ${p.vitals.length ? p.vitals.join(', ') : 'not recorded'}.`),
  ];
}

/** Shorter names where the registry's label does not fit the table. */
const SHORT: Readonly<Record<string, string>> = {
  wbc: 'WBC',
  anc: 'Neutrophils (ANC)',
  alc: 'Lymphocytes (ALC)',
  platelets: 'Platelets',
  dDimer: 'D-dimer (FEU)',
  troponin: 'Troponin (hs)',
  sCd25: 'sCD25 (sIL-2Rα)',
};

export const LAB_HEADER = `${pad('Lab', 19)}${padStart('value', 8)} ${pad('unit', 10)}${pad('flag', 5)}${pad('Δ stage', 9)}${pad('Δ admit', 9)}trend`;

/** One lab row: value, unit, H/L flag in words, the change since the last stage and since admission, a sparkline. */
export function labLine(r: LabRow): Line {
  const value = r.pending ? `${formatValue(r.value)}*` : formatValue(r.value);
  const text = `${pad(SHORT[r.analyte] ?? r.label, 19)}${padStart(value, 8)} ${pad(r.unit, 10)}${pad(r.flag, 5)}${pad(r.sinceLast === undefined ? '' : `${arrow(r.sinceLast)}${signed(r.sinceLast)}`, 9)}${pad(r.sinceBaseline === undefined ? '' : `${arrow(r.sinceBaseline)}${signed(r.sinceBaseline)}`, 9)}${sparkline(r.series.slice(-12).map((s) => s.value))}`;
  return line(text, r.flag === 'H' || r.flag === 'L' ? 'warn' : undefined);
}

export function labLines(labs: readonly LabRow[]): Line[] {
  if (!labs.length) return [line('No laboratory results yet.', 'dim')];
  const out = [line(LAB_HEADER, 'dim'), ...labs.map(labLine)];
  if (labs.some((r) => r.pending))
    out.push(line('* result still pending at this hour: the value shown is the last one back.', 'dim'));
  if (labs.some((r) => r.flag === '?'))
    out.push(line('? no reference range on file for this analyte: judge it yourself (not read as normal).', 'dim'));
  return out;
}

/** What changed since the last stage: the rows that moved, biggest relative change first. */
export function changeLines(v: QuizView): Line[] {
  const moved = v.labs
    .filter((r) => r.sinceLast !== undefined && r.sinceLast !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.sinceLast! / (b.value - b.sinceLast! || 1)) - Math.abs(a.sinceLast! / (a.value - a.sinceLast! || 1)),
    );
  const out: Line[] = [line(`Time passes: hour ${v.stage?.hour ?? 0}. What changed since the last stage:`, 'title')];
  if (!moved.length) out.push(line('No new laboratory results since the last stage.'));
  else out.push(line(LAB_HEADER, 'dim'), ...moved.map(labLine));
  out.push(line(`Now: ${v.patient.vitals.join(', ') || 'vitals not recorded'}; ${v.patient.place}.`));
  return out;
}

export function orderCheckLines(check: OrderCheck, enabled: boolean): Line[] {
  const who = [
    check.weightKg !== undefined ? `weight ${check.weightKg} kg` : 'weight not recorded',
    check.bsaM2 !== undefined ? `BSA ${check.bsaM2} m²` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const out = [line(`Patient: ${who}.${check.computed ? ` This order: ${check.computed}.` : ''}`)];
  if (enabled) for (const f of check.flags) out.push(line(`⚠ order check: ${f}`, 'warn'));
  return out;
}

const SEVERITY: Record<string, string> = {
  harmful: '✗✗ harmful',
  'critical-omission': '✗ critical omission',
  'dose-error': '! dose error',
  late: '⏱ late',
  suboptimal: '~ suboptimal',
  good: '✓ good',
};

/** A small chart: one sparkline row per analyte over the hours, and a row marking when treatments started. */
export function chartLines(d: Debrief): Line[] {
  const out: Line[] = [line('Lab course against treatment given (each mark a lab draw):', 'title')];
  const hours = [...new Set(d.chart.series.flatMap((s) => s.points.map((p) => p.hour)))].sort((a, b) => a - b);
  if (!hours.length) return out;
  // One column per lab draw, as wide as its hour label, so the marks sit above their hours.
  const w = Math.max(...hours.map((h) => String(h).length));
  const row = (cell: (h: number, i: number) => string) => hours.map((h, i) => pad(cell(h, i), w)).join(' ');
  for (const s of d.chart.series) {
    const vals = s.points.map((p) => p.value);
    const spark = sparkline(vals);
    const at = new Map(s.points.map((p, i) => [p.hour, spark[i]!]));
    const first = vals[0];
    const last = vals[vals.length - 1];
    out.push(
      line(
        `${pad(s.label, 15)} ${row((h) => at.get(h) ?? ' ')}  ${first !== undefined ? formatValue(first) : ''} → ${last !== undefined ? formatValue(last) : ''} ${s.unit}`,
      ),
    );
  }
  out.push(
    line(
      `${pad('treatment', 15)} ${row((h, i) => (d.chart.treatments.some((t) => t.hour <= h && (i === 0 || t.hour > hours[i - 1]!)) ? '▲' : '·'))}  (▲ started)`,
    ),
  );
  out.push(line(`${pad('hour', 15)} ${row((h) => String(h))}`, 'dim'));
  for (const t of d.chart.treatments) out.push(line(`  ▲ h${t.hour}: ${t.name}`));
  return out;
}

/** The whole debrief as lines. */
export function debriefLines(d: Debrief): Line[] {
  const out: Line[] = [];
  out.push(line(`Debrief: ${d.title}`, 'title'));
  out.push(
    line(
      `Score ${d.overall}/100: ${d.stages.map((s, i) => `stage ${i + 1} ${s.score}`).join(', ')} (how it is computed: at the end)`,
      'title',
    ),
  );
  if (d.diedAtHour !== undefined)
    out.push(line(`✗✗ The patient died at hour ${d.diedAtHour}. The stages not reached score 0.`, 'bad'));
  out.push(line(`Statements behind your mistakes: ${d.missedStatementIds.join(', ') || 'none'}`));
  out.push(line(''));
  d.stages.forEach((s, i) => {
    out.push(
      line(
        `Stage ${i + 1}: ${s.title} (hour ${s.hour}) — ${s.score}/100${s.course ? `; the patient was ${s.course}` : ''}`,
        'title',
      ),
    );
    for (const r of s.courseReasons) out.push(line(`  why: ${r}`, 'dim'));
    for (const q of s.questions)
      out.push(
        line(
          `  ${pad(q.question, 10)} ${padStart(String(q.percent), 3)}% × ${q.weight}  you: ${q.answer}; expected: ${q.expected}`,
        ),
      );
    if (s.components.length)
      out.push(
        line(
          `  plan components: ${s.components.map((c) => `${c.label} ${Math.round(c.fraction * 100)}% × ${c.weight} = ${formatValue(c.points)}`).join('; ')}`,
        ),
      );
    if (s.orders.length) out.push(line("  Your orders beside the expert's (= same action, ✗ missed, + extra):", 'dim'));
    for (const o of s.orders) {
      out.push(line(`  ${o.you && o.expert ? '=' : o.expert ? '✗' : '+'} ${o.name}`));
      out.push(line(`      you:    ${o.you ?? '(not ordered)'}`));
      out.push(line(`      expert: ${o.expert ?? '(not in the expert plan)'}`, 'dim'));
    }
    for (const f of s.feedback) {
      const style: LineStyle =
        f.severity === 'good' ? 'good' : f.severity === 'suboptimal' || f.severity === 'late' ? 'warn' : 'bad';
      out.push(line(`  ${SEVERITY[f.severity] ?? f.severity} [${f.question}] ${f.title}`, style));
      if (f.severity === 'good') continue;
      out.push(line(`    Teaching: ${f.teachingPoint}`));
      out.push(line(`    Expert: ${f.expertAction}`));
      for (const st of f.statements) out.push(line(`    ${st.id}: "${st.text}"`, 'dim'));
    }
    out.push(line(''));
  });
  if (d.finalCourse) out.push(line(`Course after your last plan: ${d.finalCourse}`, 'title'));
  out.push(...chartLines(d));
  out.push(line(''));
  out.push(line(d.pitfalls.length ? 'Pitfalls hit:' : 'Pitfalls hit: none.', 'title'));
  for (const p of d.pitfalls) out.push(line(`  ${p.id}: "${p.text}"`));
  out.push(line(''));
  out.push(line('How the score is computed:', 'title'));
  for (const f of d.formula) out.push(line(f, 'dim'));
  out.push(line(d.disclaimer, 'dim'));
  return out;
}
