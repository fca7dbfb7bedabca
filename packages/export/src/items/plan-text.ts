import { ACTIONS, type Plan } from '@masdrill/rules';
import { doseText } from './dose-text.js';

/** A plan in words, one action per clause: "Dexamethasone 10 mg/m²/day IV, every 12 hours, from hour 0; …". */
export function planText(plan: Plan): string {
  const clauses = plan.actions.map((a) => {
    const name = ACTIONS[a.action].name;
    const dose = a.dose ? ` ${doseText(a.dose)}` : '';
    const every = a.everyHours !== undefined ? ` every ${a.everyHours} hours` : '';
    return `${name}${dose}${every} from hour ${a.atHour}`;
  });
  if (plan.reassessEveryHours !== undefined) clauses.push(`reassessment every ${plan.reassessEveryHours} hours`);
  return clauses.join('; ');
}
