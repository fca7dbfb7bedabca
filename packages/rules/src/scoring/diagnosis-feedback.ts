import type { Plan } from '../generated/plan.js';
import type { FeedbackItem } from '../generated/score-report.js';
import type { CaseFeatures } from '../guideline/case-features.js';
import { DIAGNOSIS_LABELS, type AcceptedDiagnoses } from '../guideline/diagnoses.js';
import { feedback } from './context.js';
import { SCORING_FORMULA } from './formula.js';

/** The diagnosis component's credit for the plan's leading diagnosis: full, partial or none. */
export function diagnosisCredit(plan: Plan, accepted: AcceptedDiagnoses): number {
  const leading = plan.diagnosis.leading;
  const c = SCORING_FORMULA.diagnosisCredit;
  return accepted.full.includes(leading) ? c.full : accepted.partial.includes(leading) ? c.partial : c.wrong;
}

/** The diagnosis feedback item (unless a pitfall has claimed it). */
export function diagnosisFeedback(plan: Plan, accepted: AcceptedDiagnoses, f: CaseFeatures): FeedbackItem {
  const leading = plan.diagnosis.leading;
  const credit = diagnosisCredit(plan, accepted);
  const misc = f.kind === 'misc' && f.masPresent;
  return feedback({
    severity: credit === 1 ? 'good' : credit > 0 ? 'suboptimal' : 'critical-omission',
    component: 'diagnosis',
    basis: { statementIds: ['DX-3', ...(misc ? (['MISC-1'] as const) : [])], citations: ['guideline'] },
    title:
      credit === 1
        ? `Leading diagnosis ${DIAGNOSIS_LABELS[leading]}: right.`
        : `Leading diagnosis ${DIAGNOSIS_LABELS[leading]}: ${credit > 0 ? 'partly right' : 'not supported by this case'}.`,
    teachingPoint: misc
      ? 'About one child in five with MIS-C meets MAS criteria; naming MAS changes the treatment (MISC-1).'
      : 'MAS overlaps with sepsis, disease flares and MIS-C (DX-3): name the one the findings support.',
    expertAction: `Lead with ${DIAGNOSIS_LABELS[accepted.full[0]!]}.`,
  });
}
