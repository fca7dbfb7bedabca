// The patient's response to the trainee's plans, from @masdrill/generator.
// TEMPORARY local stand-in with the agreed API until `respondToPlans` lands in the generator's
// index (under "// Patient response"); then this file becomes a re-export.
import type { Case, Plan } from '@masdrill/rules';
import { scorePlan } from '@masdrill/rules';

export type ResponseCourse = 'improving' | 'partial' | 'worsening';
export interface PatientResponse {
  readonly case: Case;
  readonly course: ResponseCourse;
  readonly reasons: readonly { text: string; statementIds: readonly string[]; citations: readonly string[] }[];
}

export function respondToPlans(base: Case, plans: readonly Plan[], untilHour: number): PatientResponse {
  const last = [...plans].filter((p) => (p.decisionHour ?? 0) <= untilHour).pop();
  if (!last) return { case: base, course: base.truth?.masPresent || base.truth?.kind === 'sepsis' ? 'worsening' : 'partial', reasons: [{ text: 'No plan yet.', statementIds: ['PIT-1'], citations: ['guideline'] }] };
  const report = scorePlan(base, last);
  const missing = report.expected.requirements.filter((r) => r.level === 'critical' && !r.present);
  const course: ResponseCourse = missing.length === 0 && report.overall >= 85 ? 'improving' : report.overall >= 60 ? 'partial' : 'worsening';
  return { case: base, course, reasons: missing.map((r) => ({ text: `Missing: ${r.label}.`, statementIds: r.statementIds, citations: r.citations })) };
}
