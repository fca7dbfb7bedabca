import {
  CRITERIA_SETS,
  FIRST_24_HOURS,
  type Case,
  type LabPanel,
  type Observation,
  type Patient,
} from '@masdrill/rules';
import { PHOENIX_MAP_ZERO_POINTS_ABOVE } from './tables/vitals-table.js';

/**
 * Construction aids, not criteria: the generator builds a case, then asks the rules' own
 * calculators whether it carries what its label's definition demands (Phoenix ≥2 for sepsis,
 * ≥2 CSTE/CDC 2023 organ categories for MIS-C), and completes the presentation if it falls short.
 */

export function mapZeroPointsAbove(ageYears: number): number {
  for (const band of PHOENIX_MAP_ZERO_POINTS_ABOVE.bands) if (ageYears < band.toAgeYears) return band.map;
  return 51;
}

export interface PhoenixParts {
  readonly respiratory: number;
  readonly cardiovascular: number;
  readonly coagulation: number;
  readonly neurological: number;
  readonly total: number;
}

/**
 * Phoenix points of a case under construction, judged by the rules' own calculator (the worst
 * total at one time point, inputs carried forward within the authors' look-backs): the generator
 * builds the dysfunction, the rules decide whether it reaches the definition.
 */
export function phoenixParts(
  patient: Patient,
  observations: readonly Observation[],
  labs: readonly LabPanel[],
): PhoenixParts {
  const probe: Case = {
    schemaVersion: 1,
    id: 'phoenix-probe',
    provenance: { source: 'generated' },
    patient,
    background: { sjia: 'none' },
    encounter: { suspectedInfection: true },
    observations: [...observations],
    labs: [...labs],
    investigations: {},
  };
  const result = CRITERIA_SETS.phoenix.evaluate(probe);
  const points = (id: string) => result.items.find((i) => i.id === id)?.points ?? 0;
  return {
    respiratory: points('respiratory'),
    cardiovascular: points('cardiovascular'),
    coagulation: points('coagulation'),
    neurological: points('neurological'),
    total: result.score?.value ?? 0,
  };
}

const MISC_CATEGORIES = ['cardiac', 'mucocutaneous', 'shock', 'gastrointestinal', 'hematologic'] as const;

/**
 * CSTE/CDC 2023 organ categories met by a MIS-C case under construction, judged by the rules' own
 * calculator (hours 0–24).
 */
export function miscCategoryCount(
  parts: Pick<Case, 'patient' | 'observations' | 'labs' | 'labReferenceRanges'> & {
    echo: NonNullable<Case['investigations']['echo']>;
  },
): number {
  const probe: Case = {
    schemaVersion: 1,
    id: 'misc-probe',
    provenance: { source: 'generated' },
    patient: parts.patient,
    background: { sjia: 'none' },
    encounter: {},
    observations: [...parts.observations],
    labs: [...parts.labs],
    investigations: { echo: [...parts.echo] },
    ...(parts.labReferenceRanges ? { labReferenceRanges: parts.labReferenceRanges } : {}),
  };
  const items = CRITERIA_SETS['misc-cdc-2023'].evaluate(probe, { window: FIRST_24_HOURS }).items;
  return MISC_CATEGORIES.filter((id) => items.find((i) => i.id === id)?.status === 'met').length;
}
