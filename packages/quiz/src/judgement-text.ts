import { CRITERIA_SET_IDS, type CriteriaAnswer, type CriteriaJudgement, type CriteriaSetId } from '@masdrill/rules';

/**
 * A criteria judgement in words: the sets judged met, then those judged not assessable ("none met"
 * when no set is met; a set not named was judged not met), in the sets' canonical order whatever the
 * order the answer was typed in. `label` names a set: its id in the play
 * report, its full name in the debrief. Labels are joined by " + ", as some names contain commas.
 */
export function judgementText(j: CriteriaJudgement, label: (id: CriteriaSetId) => string = (id) => id): string {
  const named = (answer: CriteriaAnswer): string =>
    CRITERIA_SET_IDS.filter((id) => j[id] === answer)
      .map(label)
      .join(' + ');
  const met = named('met');
  const open = named('not-assessable');
  return [met ? `met: ${met}` : 'none met', ...(open ? [`not assessable: ${open}`] : [])].join(' · ');
}
