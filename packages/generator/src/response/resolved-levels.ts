import { DAYS_PER_YEAR, NUMERIC_ANALYTES, type Case, type NumericAnalyte } from '@masdrill/rules';
import type { LabTable } from '../lab-spec.js';
import { MAS_TABLE } from '../tables/mas-table.js';
import { RESPONSE_TABLE } from '../tables/response-table.js';
import { MISC_TABLE } from '../tables/misc-table.js';
import { SEPSIS_TABLE } from '../tables/sepsis-table.js';

export type Levels = { readonly [K in NumericAnalyte]?: number };

/** Where each analyte returns to as the illness resolves (a worsening course approaches the analyte's plausible limit, respond-labs.ts). */
export interface ResponseLevels {
  readonly resolved: Levels;
}

function baselines(...tables: readonly LabTable[]): Levels {
  const out: Record<string, number> = {};
  for (const t of tables)
    for (const a of NUMERIC_ANALYTES) {
      const spec = t[a];
      if (spec && out[a] === undefined) out[a] = spec.baseline;
    }
  return out;
}

// Healthy-child levels: the sepsis and MIS-C tables start their illnesses from them (design priors there);
// IL-18 and CXCL9, which only the sJIA tables carry, return to the pre-MAS levels there.
const HEALTHY = baselines(SEPSIS_TABLE.labs, MISC_TABLE.labs, MAS_TABLE.labs);
const NEWBORN = baselines(MAS_TABLE.neonatalLabs);

/**
 * A treated illness returns toward a healthy child's levels (a newborn's for hemoglobin and
 * platelets in the first four weeks); in MAS past the newborn weeks, the analytes MAS pushes down
 * (the ESR) return toward the MAS cohort's baseline instead. Pure.
 */
export function responseLevels(c: Case): ResponseLevels {
  const newborn = c.patient.ageYears < 28 / DAYS_PER_YEAR;
  const resolved: Record<string, number> = {};
  for (const a of NUMERIC_ANALYTES) {
    const v = (newborn ? NEWBORN[a] : undefined) ?? HEALTHY[a];
    if (v !== undefined && v > 0) resolved[a] = v;
  }
  if (c.truth?.kind === 'mas' && !newborn) {
    for (const a of RESPONSE_TABLE.masResolvesToCohortBaseline.analytes) {
      const baseline = MAS_TABLE.labs[a]?.baseline;
      if (baseline !== undefined && baseline > 0) resolved[a] = baseline;
    }
  }
  return { resolved };
}
