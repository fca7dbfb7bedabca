import {
  DIAGNOSIS_LABELS,
  criteriaKeyOf,
  type AcceptedDiagnoses,
  type Case,
  type CaseFeatures,
  type CriteriaAnswer,
  type CriteriaJudgement,
  type CriteriaResult,
  type CriteriaSetId,
  type DiagnosisId,
  type FeedbackItem,
  type Plan,
  type StatementId,
} from '@masdrill/rules';

/**
 * Feedback the session adds to the plan's score report: on the diagnosis, criteria and escalation
 * questions, and teaching notes on the plan that the scoring leaves implicit. Each item rests on
 * guideline statement IDs. Data and pure functions.
 */

const MAS_DIAGNOSES: readonly DiagnosisId[] = ['mas', 'misc-with-mas', 'primary-hlh'];
const G = ['guideline'];

function item(
  severity: FeedbackItem['severity'],
  statementIds: readonly StatementId[],
  title: string,
  teachingPoint: string,
  expertAction: string,
  citations: readonly string[] = G,
): FeedbackItem {
  return { severity, title, teachingPoint, expertAction, statementIds: [...statementIds], citations: [...citations] };
}

const negativeMarrowSeen = (visible: Case) =>
  (visible.investigations.boneMarrow ?? []).some((m) => !m.hemophagocytosis);

export function diagnosisFeedback(
  answer: DiagnosisId | undefined,
  accepted: AcceptedDiagnoses,
  f: CaseFeatures,
  visible: Case,
): FeedbackItem[] {
  const expected = accepted.full[0]!;
  const expertAction = `Lead with ${DIAGNOSIS_LABELS[expected]}.`;
  if (answer === undefined)
    return [
      item(
        'critical-omission',
        ['DX-3'],
        'No leading diagnosis given.',
        'Name the diagnosis the findings support: MAS overlaps with sepsis, flares and MIS-C (DX-3).',
        expertAction,
      ),
    ];
  if (accepted.full.includes(answer)) {
    return [
      item(
        'good',
        f.kind === 'misc' && f.masPresent ? ['DX-3', 'MISC-1'] : ['DX-3'],
        `Leading diagnosis ${DIAGNOSIS_LABELS[answer]}: right.`,
        f.kind === 'misc' && f.masPresent
          ? 'MAS complicating MIS-C changes the treatment (MISC-1).'
          : 'MAS overlaps with sepsis, disease flares and MIS-C (DX-3); the findings support this one.',
        expertAction,
      ),
    ];
  }
  const ids: StatementId[] = ['DX-3'];
  let teaching =
    'MAS overlaps with severe sepsis, disease flares and MIS-C (DX-3): falling platelets and fibrinogen with rising ferritin and liver enzymes point to MAS.';
  if (f.kind === 'misc' && f.masPresent) {
    ids.push('MISC-1');
    teaching += ' When overt MAS develops in MIS-C, treatment must leave the standard MIS-C protocol (MISC-1).';
  }
  const missedMas = f.masPresent && !MAS_DIAGNOSES.includes(answer);
  if (missedMas && negativeMarrowSeen(visible)) {
    ids.push('DX-4');
    teaching += ' A marrow without hemophagocytosis does not exclude MAS (DX-4).';
  }
  if (missedMas) {
    ids.push('DX-2');
    teaching +=
      ' In a life-threatening presentation clinical judgement may start treatment before every criterion is met (DX-2).';
  }
  if (!f.masPresent && MAS_DIAGNOSES.includes(answer)) {
    ids.push('PIT-3');
    teaching +=
      ' Calling it MAS brings immunosuppression and its infection risk to a child who does not need it (PIT-3).';
  }
  return [
    item(
      accepted.partial.includes(answer) ? 'suboptimal' : 'critical-omission',
      ids,
      `Leading diagnosis ${DIAGNOSIS_LABELS[answer]}: ${accepted.partial.includes(answer) ? 'partly right' : 'not what this patient has'}.`,
      teaching,
      expertAction,
    ),
  ];
}

const MAS_SETS: readonly CriteriaSetId[] = ['hlh-2004', 'eular-acr-2016', 'hscore', 'ms-score', 'ferritin-esr'];

const WORDS: { readonly [K in CriteriaAnswer]: string } = {
  met: 'met',
  'not-met': 'not met',
  'not-assessable': 'not assessable',
};

/**
 * Feedback per asked criteria set: the judgement (met, not met, not assessable) against the key on
 * the chart by now. A set the key calls not assessable is answered "not assessable": missing data
 * is not assessed, never normal.
 */
export function criteriaFeedback(
  answer: CriteriaJudgement | undefined,
  results: readonly CriteriaResult[],
  f: CaseFeatures,
): FeedbackItem[] {
  const out: FeedbackItem[] = [];
  for (const r of results) {
    const key = criteriaKeyOf(r.status);
    const said = answer?.[r.id] ?? 'not-met';
    const ids: StatementId[] = r.id === 'hlh-2004' ? ['DX-1'] : ['DX-3'];
    if (said === key) {
      // Right — and where the set cannot be judged on what is measured, say so.
      if (key === 'not-assessable' && answer !== undefined) {
        out.push(
          item(
            'good',
            ids,
            `${r.name}: not assessable by hour ${r.window.toHour} — rightly judged not assessable.`,
            `${r.name}: ${r.summary} Missing data is not assessed, never normal.`,
            'Name what is missing and order it if it would change the decision.',
            [r.citation.split(' ')[0]!],
          ),
        );
      }
      continue;
    }
    if (r.id.startsWith('misc') && f.masPresent) ids.push('MISC-1');
    let teaching = `${r.name}: ${r.summary}`;
    if (r.id === 'hlh-2004') teaching += ' HLH-2004 needs 5 of 8 criteria (DX-1).';
    if (key === 'not-assessable') teaching += ' Missing data is not assessed, never normal: the set is not assessable.';
    if (said === 'met' && MAS_SETS.includes(r.id) && f.masPresent) {
      ids.push('DX-2');
      teaching +=
        ' Fewer criteria than required can still warrant treatment in a life-threatening presentation (DX-2).';
    }
    out.push(
      item(
        'suboptimal',
        ids,
        `${r.name}: you judged it ${WORDS[said]}, it is ${WORDS[key]}.`,
        teaching,
        `Read each item against its threshold: the set is ${WORDS[key]} by hour ${r.window.toHour}.`,
        [r.citation.split(' ')[0]!],
      ),
    );
  }
  if (answer === undefined)
    out.unshift(
      item(
        'suboptimal',
        ['DX-1'],
        'The criteria question was not answered.',
        'Criteria sets frame the diagnosis (DX-1) without delaying treatment.',
        'Say which criteria sets are met, not met or not assessable by now.',
      ),
    );
  return out;
}

/** Teaching notes on the plan that the score leaves implicit. */
export function planNotes(plan: Plan, f: CaseFeatures): FeedbackItem[] {
  const out: FeedbackItem[] = [];
  const has = (a: string) => plan.actions.some((x) => x.action === a);
  const secondLine = ['emapalumab', 'anakinra', 'tocilizumab', 'ruxolitinib', 'baricitinib', 'etoposide', 'etanercept'];
  if (
    f.masPresent &&
    f.stage === 'refractory' &&
    has('ivig') &&
    !secondLine.some((a) => plan.actions.some((x) => x.action === a && x.atHour >= f.decisionHour))
  ) {
    out.push(
      item(
        'suboptimal',
        ['IVIG-2', 'IVIG-1'],
        'IVIG is the only new agent for refractory MAS.',
        'IVIG may be considered when first-line therapy fails (IVIG-1), but it worked in only two of six patients in one pediatric series (IVIG-2): it is a weak escalation on its own.',
        'Add emapalumab or high-dose anakinra (or another second-line agent) with the IVIG.',
      ),
    );
  }
  if (f.masPresent && f.stage === 'refractory' && f.infectionTrigger !== 'none' && has('emapalumab')) {
    out.push(
      item(
        'good',
        ['EMA-2', 'EMA-1'],
        'Emapalumab for refractory infection-triggered MAS.',
        'Emapalumab brings most refractory patients into remission (EMA-1) and has been used with etoposide, anakinra, tacrolimus and corticosteroids in infection-induced MAS (EMA-2).',
        'Keep the antimicrobials and the infection watch going.',
      ),
    );
  }
  return out;
}
