import {
  FIRST_24_HOURS,
  MiscCdc2023Categories,
  PHOENIX_MAP_BANDS,
  phoenixMapBand,
  PhoenixSystemPoints,
  type Case,
  type LabPanel,
  type Observation,
  type Patient,
} from '@masdrill/rules';

/**
 * Construction aids, not criteria: the generator builds a case, then asks the rules' own
 * calculators whether it carries what its label's definition demands (Phoenix ≥2 for sepsis,
 * ≥2 CSTE/CDC 2023 organ categories for MIS-C), and completes the presentation if it falls short.
 */

/**
 * The lowest mean arterial pressure (mmHg) that scores no Phoenix cardiovascular point at this age:
 * the rules' own band (PHOENIX_MAP_BANDS, Schlapbach 2024), so the generator keeps no copy of it.
 */
export function mapZeroPointsFrom(ageYears: number): number {
  const bands = PHOENIX_MAP_BANDS;
  // Past the last band (18 years and over) the rules score no MAP; the oldest band keeps adults safe.
  return (phoenixMapBand(ageYears * 12) ?? bands[bands.length - 1]!).onePointBelow;
}

export interface PhoenixParts {
  readonly respiratory: number;
  readonly cardiovascular: number;
  readonly coagulation: number;
  readonly neurological: number;
  readonly total: number;
}

// Reused calculators: the rules' compiled status path (the same threshold tables as the evidence
// engine, read in one pass without building evidence; a test holds both equal).
const phoenixPoints = new PhoenixSystemPoints();
const miscCategories = new MiscCdc2023Categories();

/**
 * Phoenix points of a case under construction, judged by the rules' own calculator (the worst
 * total at one time point, inputs carried forward within the authors' look-backs, over the first
 * 24 h as Phoenix's default window reads it): the generator builds the dysfunction, the rules
 * decide whether it reaches the definition.
 */
export function phoenixParts(
  patient: Patient,
  observations: readonly Observation[],
  labs: readonly LabPanel[],
): PhoenixParts {
  // Phoenix's default window is hours 0 to min(24, the last hour recorded): it scores as hours 0–24.
  const p = phoenixPoints.compute({ patient, observations, labs }, FIRST_24_HOURS);
  return {
    respiratory: p.respiratory,
    cardiovascular: p.cardiovascular,
    coagulation: p.coagulation,
    neurological: p.neurological,
    total: p.total,
  };
}

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
    observations: parts.observations,
    labs: parts.labs,
    investigations: { echo: parts.echo },
  };
  if (parts.labReferenceRanges) probe.labReferenceRanges = parts.labReferenceRanges;
  return miscCategories.count(probe, FIRST_24_HOURS);
}
