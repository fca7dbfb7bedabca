import type { MasTreatment } from '@masdrill/generator';
import type { CaseFeatures, Escalation, FeedbackItem, Stage, StatementId } from '@masdrill/rules';
import type { CourseReason } from '@masdrill/generator';

/** What the escalation feedback is written from: what was given and what the patient did. */
export interface EscalationContext {
  readonly features: CaseFeatures;
  /** The stage the course now calls for. */
  readonly planStage: Stage;
  /** How far the MAS treatment in force went over the interval (none outside MAS). */
  readonly masTreatment: MasTreatment;
  /** Why the patient is doing what they do (the response model's reasons). */
  readonly reasons: readonly CourseReason[];
}

const item = (
  severity: FeedbackItem['severity'],
  statementIds: readonly StatementId[],
  title: string,
  teachingPoint: string,
  expertAction: string,
): FeedbackItem => ({
  severity,
  title,
  teachingPoint,
  expertAction,
  statementIds: [...new Set(statementIds)],
  citations: ['guideline'],
});

/** The next step, from what is in force and what the course calls for — never "second line" when first line was not given. */
function nextStep(c: EscalationContext): { action: string; ids: StatementId[]; why: string } {
  const f = c.features;
  const gcsFalling = c.reasons.some((r) => r.statementIds.includes('GC-2'));
  if (f.masPresent && gcsFalling)
    return {
      action: 'Switch the glucocorticoid to dexamethasone, which reaches the brain.',
      ids: ['GC-2'],
      why: 'The neurological state is not improving on methylprednisolone (GC-2).',
    };
  if (f.masPresent && c.masTreatment === 'none')
    return {
      action: 'Start high-dose glucocorticoid now (methylprednisolone pulses, or dexamethasone with CNS involvement).',
      ids: ['HEAD-1', 'GC-1'],
      why: 'No MAS treatment is in force: it is first-line treatment that is due, now (HEAD-1, GC-1).',
    };
  if (f.masPresent && c.masTreatment === 'glucocorticoid-alone')
    return {
      action: 'Add cyclosporine A (or anakinra) to the glucocorticoid.',
      ids: ['CSA-1', 'ANK-1'],
      why: 'On the glucocorticoid alone MAS is not falling: an inadequate response calls for cyclosporine A (CSA-1) or anakinra (ANK-1).',
    };
  if (f.masPresent && c.masTreatment === 'first-line-combination') {
    return {
      action: 'Escalate to second-line therapy (emapalumab, high-dose anakinra, or another agent).',
      ids: ['GC-3', 'PRO-2', 'EMA-1', ...(f.infectionTrigger !== 'none' ? ['EMA-2' as const] : [])],
      why: 'MAS is not falling on the glucocorticoid with cyclosporine or anakinra: pulses work in about two-thirds of patients (GC-3) and early escalation shapes the prognosis (PRO-2).',
    };
  }
  if (f.masPresent && c.masTreatment === 'second-line')
    return {
      action:
        'Review the second-line agent and its dose (high-dose anakinra, ANK-2), and look for an infection driving it.',
      ids: ['ANK-2', 'INF-1'],
      why: 'MAS is still not responding on second-line therapy.',
    };
  const untreatedInfection = c.reasons.some(
    (r) => /antibiotic|antimicrobial|infection/i.test(r.text) && /No |untreated|without/i.test(r.text),
  );
  if (untreatedInfection)
    return {
      action: 'Start antimicrobials now.',
      ids: f.masPresent ? ['INF-1'] : [],
      why: 'The infection is untreated and the patient is deteriorating.',
    };
  return {
    action: 'Step up the treatment of what is not responding.',
    ids: [],
    why: 'A process the guideline treats is not improving on the plan in force.',
  };
}

/**
 * Feedback on the escalation answer, written from what happened (the treatment in force, the
 * patient's course and its reasons), so it never tells a trainee to go to second line when first
 * line was never given, nor cites pulse efficacy in septic shock.
 */
export function escalationFeedback(
  answer: Escalation | undefined,
  expected: Escalation,
  c: EscalationContext,
): FeedbackItem[] {
  const seen = c.reasons.map((r) => r.text).join(' ');
  if (answer === expected) {
    return [
      item(
        'good',
        ['CC-1'],
        `Escalation: ${answer} — right.`,
        `Reassessing at least every 12 hours is what tells you whether to escalate (CC-1).${seen ? ` ${seen}` : ''}`,
        expected === 'escalate' ? nextStep(c).action : 'Continue, and keep reassessing.',
      ),
    ];
  }
  if (expected === 'escalate') {
    const step = nextStep(c);
    const ids: StatementId[] = ['CC-1', ...step.ids, ...c.reasons.flatMap((r) => r.statementIds)];
    if (c.features.masPresent && c.masTreatment === 'first-line-combination') ids.push('PRO-1');
    return [
      item(
        'critical-omission',
        ids,
        answer === undefined ? 'Escalation not decided.' : 'You continued, but the patient is not responding.',
        `${seen ? `${seen} ` : ''}${step.why}`,
        step.action,
      ),
    ];
  }
  return [
    item(
      'suboptimal',
      ['CC-1', 'PIT-3', 'INF-3'],
      answer === undefined ? 'Escalation not decided.' : 'You escalated, but the patient is responding.',
      `The reassessment shows a response${seen ? ` (${seen})` : ''} (CC-1): more immunosuppression now adds opportunistic infection and organ toxicity (PIT-3, INF-3) without benefit.`,
      'Continue the current plan and keep reassessing.',
    ),
  ];
}
