import type { ScoreReport } from '../generated/score-report.js';
import { SEVERITIES } from './severity.js';

/** A plain-text rendering of a score report, for the terminal. Pure. */
export function formatScoreReport(report: ScoreReport): string {
  const lines: string[] = [];
  lines.push(`masdrill grade — case ${report.caseId}, stage ${report.stage} (hour ${report.decisionHour})`);
  lines.push(report.disclaimer);
  lines.push('');
  lines.push(
    `Score: ${report.overall} / 100${report.capped ? `  (capped: ${report.capReason ?? 'harmful action'}; before the cap ${report.rawOverall})` : ''}`,
  );
  for (const c of report.components) {
    lines.push(`  ${c.label.padEnd(12)} ${String(c.points).padStart(5)} / ${c.weight}   ${c.explanation}`);
  }
  lines.push('');
  lines.push('Feedback:');
  for (const item of report.feedback) {
    const refs = [...item.statementIds, ...item.citations.filter((x) => x !== 'guideline')].join(', ');
    lines.push(`- [${SEVERITIES[item.severity].mark}] ${item.title}${refs ? `  [${refs}]` : ''}`);
    if (item.severity !== 'good') {
      lines.push(`    Why: ${item.teachingPoint}`);
      lines.push(`    Expert: ${item.expertAction}`);
    }
  }
  lines.push('');
  lines.push('Expected here:');
  for (const r of report.expected.requirements) {
    lines.push(
      `  ${r.present ? '✓' : '✗'} ${r.level === 'critical' ? 'critical   ' : 'recommended'} ${r.label} — ${r.satisfiedBy.join(' | ')}${r.byHour !== undefined ? ` (by hour ${r.byHour})` : ''}  [${[...r.statementIds, ...r.citations.filter((x) => x !== 'guideline')].join(', ')}]`,
    );
  }
  lines.push('');
  lines.push('How the case was read:');
  for (const f of report.caseReading) lines.push(`  ${f.feature} = ${String(f.value)}  (${f.basis})`);
  lines.push('');
  lines.push('Formula:');
  for (const l of report.formula.text.split('\n')) lines.push(`  ${l}`);
  return lines.join('\n') + '\n';
}
