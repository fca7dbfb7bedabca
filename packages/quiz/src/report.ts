import {
  ANALYTES,
  DIAGNOSIS_LABELS,
  SCORE_DISCLAIMER,
  SEVERITIES,
  type CriteriaJudgement,
  type DiagnosisId,
  type NumericAnalyte,
} from '@masdrill/rules';
import { judgementText } from './judgement-text.js';
import type { SessionReport, SessionState, StageFeedback, StageReport } from './session-types.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The debrief of a session: per-stage scores and feedback, the overall score (the mean of the stages) and the patient's course. */
export function sessionReport(state: SessionState): SessionReport {
  const overall = state.reports.length
    ? round1(state.reports.reduce((s, r) => s + r.score, 0) / state.reports.length)
    : 0;
  return {
    scenarioId: state.scenario.id,
    title: state.scenario.title,
    caseId: state.baseCase.id,
    overall,
    stages: state.reports,
    courses: state.courses,
    ...(state.finalCourse ? { finalCourse: state.finalCourse } : {}),
    ...(state.diedAtHour !== undefined ? { diedAtHour: state.diedAtHour } : {}),
    statementIds: [...new Set(state.reports.flatMap((r) => r.statementIds))].sort(),
    disclaimer: SCORE_DISCLAIMER,
  };
}

function answerText(v: unknown): string {
  if (v === null || v === undefined) return '(not answered)';
  if (typeof v === 'string')
    return (DIAGNOSIS_LABELS as Record<string, string>)[v] ? `${v} (${DIAGNOSIS_LABELS[v as DiagnosisId]})` : v;
  if (Array.isArray(v)) return v.length ? v.join(', ') : '(none)';
  if (typeof v === 'object' && 'actions' in (v as object))
    return `${(v as { actions: unknown[] }).actions.length} action(s)`;
  if (typeof v === 'object') return judgementText(v as CriteriaJudgement);
  return JSON.stringify(v);
}

const LAB_SHOWN: readonly NumericAnalyte[] = [
  'hemoglobin',
  'wbc',
  'platelets',
  'ferritin',
  'fibrinogen',
  'ast',
  'alt',
  'ldh',
  'triglycerides',
  'crp',
  'esr',
  'lactate',
  'dDimer',
];

function shownText(r: StageReport): string[] {
  const out: string[] = [];
  const v = r.shown?.vitals;
  if (v) {
    const parts = [
      v.temperatureC !== undefined ? `T ${v.temperatureC} °C` : '',
      v.heartRate !== undefined ? `HR ${v.heartRate}` : '',
      v.sbp !== undefined && v.dbp !== undefined ? `BP ${v.sbp}/${v.dbp}` : '',
      v.gcs !== undefined ? `GCS ${v.gcs}` : '',
      v.vasoactiveCount ? `${v.vasoactiveCount} vasoactive(s)` : '',
      v.respiratorySupport && v.respiratorySupport !== 'none' ? `support ${v.respiratorySupport}` : '',
    ].filter(Boolean);
    out.push(`  Vitals (hour ${v.hour}): ${parts.join(', ') || 'none recorded'}`);
  }
  const l = r.shown?.labs;
  if (l) {
    const parts = LAB_SHOWN.filter((a) => l[a] !== undefined).map(
      (a) => `${ANALYTES[a].label} ${l[a]} ${ANALYTES[a].canonicalUnit}`,
    );
    out.push(`  Labs (hour ${l.hour}): ${parts.join('; ') || 'none'}`);
  }
  return out;
}

function stageText(r: StageReport, n: number): string {
  const lines: string[] = [];
  lines.push(
    `Stage ${n}: ${r.title} (hour ${r.hour}${r.course ? `, patient ${r.course}` : ''}; plan scored as ${r.planStage}) — ${r.score}/100`,
  );
  if (r.prompt) lines.push(`  Prompt: ${r.prompt}`);
  if (r.situation) lines.push(...r.situation.split('\n').map((x) => `  | ${x}`));
  lines.push(...shownText(r));
  for (const q of r.questions) {
    const exp =
      q.question === 'plan' ? (r.plan ? `plan score ${r.plan.overall}/100` : '') : `expected ${answerText(q.expected)}`;
    lines.push(
      `  ${q.question.padEnd(10)} ${Math.round(q.fraction * 100)
        .toString()
        .padStart(3)}%  answer: ${answerText(q.answer)}${exp ? `; ${exp}` : ''}`,
    );
  }
  if (r.orders && r.questions.some((q) => q.question === 'plan')) {
    lines.push('  Your orders:');
    lines.push(...(r.orders.length ? r.orders.map((o) => `    ${o}`) : ['    (none)']));
    lines.push("  Expert's orders now:");
    lines.push(...(r.expertOrders?.length ? r.expertOrders.map((o) => `    ${o}`) : ['    (nothing new)']));
  }
  const problems = r.feedback.filter((f) => f.severity !== 'good');
  const good = r.feedback.filter((f) => f.severity === 'good');
  const quote = (f: StageFeedback) => (f.quotes ?? []).map((q) => `      ${q.id}: "${q.text}"`);
  for (const f of problems) {
    lines.push(
      `  ${SEVERITIES[f.severity].symbol} [${f.question}] ${f.title} (${f.statementIds.join(', ') || f.citations.join(', ')})`,
    );
    lines.push(`      ${f.teachingPoint}`);
    lines.push(`      Expert: ${f.expertAction}`);
    lines.push(...quote(f));
  }
  if (good.length) {
    lines.push(`  ✓ ${good.length} thing${good.length === 1 ? '' : 's'} right:`);
    for (const g of good)
      lines.push(`    ✓ [${g.question}] ${g.title}${g.statementIds.length ? ` (${g.statementIds.join(', ')})` : ''}`);
  }
  return lines.join('\n');
}

function reasonsText(reasons: SessionReport['courses'][number]['reasons']): string {
  return reasons.map((x) => `${x.text}${x.statementIds.length ? ` (${x.statementIds.join(', ')})` : ''}`).join(' ');
}

/** The report as readable text. */
export function formatSessionReport(report: SessionReport): string {
  const out: string[] = [];
  out.push(`${report.title} [${report.scenarioId}] — case ${report.caseId}`);
  out.push(report.disclaimer);
  out.push('');
  report.stages.forEach((r, i) => {
    const course = report.courses.find((c) => c.stageId === r.stageId);
    const [header, ...rest] = stageText(r, i + 1).split('\n');
    out.push(header!);
    if (course?.reasons.length)
      out.push(`  Since the last plan the patient is ${course.course}: ${reasonsText(course.reasons)}`);
    out.push(...rest);
    out.push('');
  });
  if (report.finalCourse) {
    out.push(
      `Course at hour ${report.finalCourse.hour}: ${report.finalCourse.course}${report.finalCourse.reasons.length ? ` — ${reasonsText(report.finalCourse.reasons)}` : ''}`,
    );
  }
  if (report.diedAtHour !== undefined) out.push(`The patient died at hour ${report.diedAtHour}.`);
  out.push(
    `Overall: ${report.overall}/100 (the mean of ${report.stages.length} stage score${report.stages.length === 1 ? '' : 's'})`,
  );
  out.push(`Statements cited: ${report.statementIds.join(', ')}`);
  return out.join('\n') + '\n';
}
