import type { Case } from '../generated/case.js';
import type { CaseIndex } from '../case/case-index.js';
import type { ItemEvidence } from './criteria-result.js';
import { observationItem, withReading, type ObservationItemSpec } from './lab-item.js';
import type { Threshold } from './threshold.js';

/**
 * Who the 2016 EULAR/ACR/PRINTO criteria (and the MS score, derived for the same question) apply to:
 * "a febrile patient with known or suspected sJIA" (Ravelli 2016; Minoia 2019).
 *
 * The criteria print no fever number. masdrill's operational reading: febrile = highest temperature
 * in the window ≥ 38.0 °C (the number the CDC MIS-C definitions use), or feverDays > 0, or a
 * subjective fever. This is masdrill's choice, not part of the published criteria.
 */
export const FEBRILE_OPERATIONAL = {
  threshold: { comparator: '>=', value: 38.0, unit: '°C', decimals: 1 },
  citation: 'ravelli-2016',
  note: 'the 2016 criteria print no fever number: masdrill reads "febrile" as a highest temperature ≥ 38.0 °C (the CDC MIS-C definitions use 38.0 °C), feverDays > 0, or subjective fever',
} as const satisfies { threshold: Threshold; citation: string; note: string };

export type Applicability = 'applicable' | 'not-applicable' | 'unknown';

export interface SjiaApplicability {
  readonly applicability: Applicability;
  /** Why, in a clause ("no known or suspected sJIA", "fever not assessed"). */
  readonly reason: string;
  readonly items: readonly ItemEvidence[];
}

/** Background sJIA known or suspected (never unknown: the field is required by the case schema). */
export function sjiaItem(c: Case, citation: string): ItemEvidence {
  const sjia = c.background.sjia;
  return {
    id: 'entry.sjia',
    label: 'Known or suspected sJIA',
    status: sjia === 'none' ? 'not-met' : 'met',
    value: sjia,
    unit: null,
    threshold: 'known or suspected',
    hour: null,
    citation,
  };
}

// One temperature spec per citation (the sets that use it cite their own source), built once each.
const febrileSpecs = new Map<string, ObservationItemSpec>();

function febrileSpec(citation: string): ObservationItemSpec {
  let spec = febrileSpecs.get(citation);
  if (spec === undefined) {
    spec = {
      id: 'entry.febrile',
      label: 'Febrile',
      field: 'temperatureC',
      worst: 'highest',
      threshold: FEBRILE_OPERATIONAL.threshold,
      citation,
      note: FEBRILE_OPERATIONAL.note,
    };
    febrileSpecs.set(citation, spec);
  }
  return spec;
}

/** Febrile in the window, tri-state: any sign of fever → met; assessed without fever → not met; nothing recorded → not assessed. */
export function febrileItem(index: CaseIndex, citation: string = FEBRILE_OPERATIONAL.citation): ItemEvidence {
  const temp = observationItem(index, febrileSpec(citation));
  if (temp.status === 'met') return temp;
  const rows = index.observationsInWindow();
  const history = rows.find((o) => (o.feverDays !== undefined && o.feverDays > 0) || o.subjectiveFever === true);
  if (history !== undefined) {
    const value =
      history.feverDays !== undefined && history.feverDays > 0
        ? `${history.feverDays} day(s) of fever`
        : 'subjective fever';
    return withReading(temp, 'met', value, null, history.hour);
  }
  if (temp.status === 'not-met') return temp;
  const deniedFever = rows.find((o) => o.feverDays === 0 || o.subjectiveFever === false);
  if (deniedFever !== undefined) return withReading(temp, 'not-met', 'no fever reported', null, deniedFever.hour);
  return temp;
}

/** Febrile AND known/suspected sJIA. */
export function sjiaFebrileApplicability(index: CaseIndex, citation: string): SjiaApplicability {
  const sjia = sjiaItem(index.case, citation);
  const febrile = febrileItem(index, citation);
  const items = [sjia, febrile];
  if (sjia.status !== 'met')
    return { applicability: 'not-applicable', reason: 'the patient has no known or suspected sJIA', items };
  if (febrile.status === 'not-met')
    return { applicability: 'not-applicable', reason: 'the patient was not febrile in the window', items };
  if (febrile.status === 'not-assessed')
    return { applicability: 'unknown', reason: 'fever was not assessed in the window', items };
  return { applicability: 'applicable', reason: 'a febrile patient with known or suspected sJIA', items };
}
