import type { CaseIndex } from '../case/case-index.js';
import { DAYS_PER_YEAR } from '../units/calendar.js';
import type { ItemEvidence } from './criteria-result.js';
import type { WritableItem } from './lab-item.js';
import { compare } from './threshold.js';

/*
 * Systolic hypotension by age, as Pediatric Advanced Life Support defines it (citation
 * pals-hypotension, [S]): SBP < 60 mmHg in term neonates (0–28 days), < 70 mmHg in infants
 * (1–12 months), < 70 + 2 × age in years from 1 to 10 years, < 90 mmHg from 10 years. Used for the
 * WHO 2020 MIS-C sign "hypotension", for which WHO prints no number.
 */
const CITE = 'pals-hypotension';

export const PALS_HYPOTENSION = {
  neonateMaxDays: 28,
  neonateBelow: 60,
  infantBelow: 70,
  childFromYears: 1,
  /** From 1 to 10 years: SBP < base + perYear × age in years. */
  childBase: 70,
  childPerYear: 2,
  adolescentFromYears: 10,
  adolescentBelow: 90,
} as const;

/**
 * The SBP a child of this age is hypotensive below. The formula's "age in years" is read as completed
 * years (masdrill's reading: the PALS formula is taught with whole years).
 */
export function hypotensionLimit(ageYears: number): { readonly below: number; readonly band: string } {
  const t = PALS_HYPOTENSION;
  if (compare(ageYears * DAYS_PER_YEAR, '<=', t.neonateMaxDays))
    return { below: t.neonateBelow, band: 'term neonate (0–28 days)' };
  if (compare(ageYears, '<', t.childFromYears)) return { below: t.infantBelow, band: 'infant (1–12 months)' };
  if (compare(ageYears, '<', t.adolescentFromYears)) {
    const years = Math.floor(ageYears);
    return { below: t.childBase + t.childPerYear * years, band: `1–10 years: 70 + 2 × ${years}` };
  }
  return { below: t.adolescentBelow, band: '10 years and older' };
}

/** Measured systolic hypotension for age: the lowest SBP in the window against the PALS limit. Never measured → not assessed. */
export function hypotensionItem(index: CaseIndex, id: string, label: string): ItemEvidence {
  const limit = hypotensionLimit(index.case.patient.ageYears);
  const sbp = index.worstObservation('sbp', 'lowest');
  const item: WritableItem = {
    id,
    label,
    status: sbp === undefined ? 'not-assessed' : compare(sbp.value, '<', limit.below) ? 'met' : 'not-met',
    value: sbp?.value ?? null,
    unit: 'mmHg',
    threshold: `SBP < ${limit.below} mmHg (${limit.band}; PALS)`,
    hour: sbp?.hour ?? null,
    citation: CITE,
    note: 'WHO prints no number for "hypotension": masdrill reads the PALS age-based systolic limits',
  };
  return item;
}
