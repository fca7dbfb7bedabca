import { DAYS_PER_YEAR, NUMERIC_ANALYTES, type Case, type NumericAnalyte } from '@masdrill/rules';
import type { Kind } from '../kind.js';
import type { LabTable } from '../lab-spec.js';
import { MAS_TABLE } from '../tables/mas-table.js';
import { MISC_TABLE } from '../tables/misc-table.js';
import { SEPSIS_TABLE } from '../tables/sepsis-table.js';
import { SJIA_FLARE_TABLE } from '../tables/sjia-flare-table.js';

export type Levels = { readonly [K in NumericAnalyte]?: number };

/** Where each analyte returns to as the illness resolves, and the bounds a worsening course stays inside. */
export interface ResponseLevels {
  readonly resolved: Levels;
  readonly lowest: Levels;
  readonly highest: Levels;
}

function baselines(...tables: readonly LabTable[]): Levels {
  const out: Record<string, number> = {};
  for (const t of tables) for (const a of NUMERIC_ANALYTES) { const spec = t[a]; if (spec && out[a] === undefined) out[a] = spec.baseline; }
  return out;
}

/** The widest bounds the kind's tables draw presentation values within (the generator's physiological bounds). */
function bounds(tables: readonly LabTable[]): { lowest: Levels; highest: Levels } {
  const lowest: Record<string, number> = {};
  const highest: Record<string, number> = {};
  for (const a of NUMERIC_ANALYTES) {
    const specs = tables.map((t) => t[a]).filter((s) => s !== undefined);
    if (specs.length && specs.every((s) => s.at0.min !== undefined)) lowest[a] = Math.min(...specs.map((s) => s.at0.min!));
    if (specs.length && specs.every((s) => s.at0.max !== undefined)) highest[a] = Math.max(...specs.map((s) => s.at0.max!));
  }
  return { lowest, highest };
}

// Healthy-child levels: the sepsis and MIS-C tables start their illnesses from them (design priors there);
// IL-18 and CXCL9, which only the sJIA tables carry, return to the pre-MAS levels there.
const HEALTHY = baselines(SEPSIS_TABLE.labs, MISC_TABLE.labs, MAS_TABLE.labs);
const NEWBORN = baselines(MAS_TABLE.neonatalLabs);
const TABLES: { readonly [K in Kind]: readonly LabTable[] } = {
  mas: [MAS_TABLE.labs, MAS_TABLE.neonatalLabs],
  'sjia-flare': [SJIA_FLARE_TABLE.labs, SJIA_FLARE_TABLE.hardLabs],
  sepsis: [SEPSIS_TABLE.labs, SEPSIS_TABLE.dicLabs],
  misc: [MISC_TABLE.labs, MISC_TABLE.masLabs],
};
const BOUNDS = Object.fromEntries(Object.entries(TABLES).map(([k, t]) => [k, bounds(t)])) as { readonly [K in Kind]: { lowest: Levels; highest: Levels } };
const ANY_KIND = bounds(Object.values(TABLES).flat());

/**
 * A treated illness returns toward a healthy child's levels (a newborn's for hemoglobin and
 * platelets in the first four weeks); a worsening one stays within the bounds the generator draws
 * the kind's presentation values in. Pure.
 */
export function responseLevels(c: Case): ResponseLevels {
  const newborn = c.patient.ageYears < 28 / DAYS_PER_YEAR;
  const resolved: Record<string, number> = {};
  for (const a of NUMERIC_ANALYTES) {
    const v = (newborn ? NEWBORN[a] : undefined) ?? HEALTHY[a];
    if (v !== undefined && v > 0) resolved[a] = v;
  }
  const b = c.truth ? BOUNDS[c.truth.kind] : ANY_KIND;
  return { resolved, lowest: b.lowest, highest: b.highest };
}
