import {
  NUMERIC_ANALYTES,
  PUBLISHED_REFERENCE_LIMITS,
  publishedReferenceLimit,
  type Case,
  type NumericAnalyte,
  type Patient,
} from '@masdrill/rules';
import { prior, type Source } from '../source.js';

/**
 * The synthetic laboratory's own reference limits: round DESIGN PRIORS (typical laboratory limits,
 * not a verified age-specific reference). A generated case carries them (case.labReferenceRanges)
 * only where no published pediatric limit covers the patient's age and sex (the rules'
 * PUBLISHED_REFERENCE_LIMITS); elsewhere the definitions that say "above normal" (MIS-C troponin,
 * WHO inflammatory markers, coagulopathy) read the published limit, and cite it.
 */
export const SYNTHETIC_LAB_REFERENCE_RANGES: {
  readonly source: Source;
  readonly ranges: NonNullable<Case['labReferenceRanges']>;
} = {
  source: prior('round laboratory reference limits for a synthetic laboratory; not a verified paediatric reference'),
  ranges: {
    crp: { upper: 5 },
    esr: { upper: 20 },
    procalcitonin: { upper: 0.5 },
    dDimer: { upper: 0.5 },
    inr: { upper: 1.2 },
    troponin: { upper: 14 },
    bnp: { upper: 100 },
    ntProBnp: { upper: 300 },
    ferritin: { lower: 10, upper: 300 },
    ldh: { upper: 330 },
    fibrinogen: { lower: 200, upper: 400 },
    anc: { lower: 1.5 },
    alc: { lower: 1.0 },
    albumin: { lower: 3.5 },
    ast: { upper: 40 },
    alt: { upper: 40 },
  },
};

type Ranges = NonNullable<Case['labReferenceRanges']>;
type Range = { lower?: number; upper?: number };

// Patients whose ages fall between the same published band edges share their ranges: one object per
// (sex, band), so a million cases do not build a million copies.
const EDGES: readonly number[] = [...new Set(PUBLISHED_REFERENCE_LIMITS.flatMap((r) => [r.fromAgeYears, r.toAgeYears]))]
  .filter(Number.isFinite)
  .sort((a, b) => a - b);
const BY_BAND = new Map<number, Ranges>();

function bandOf(ageYears: number): number {
  let band = 0;
  while (band < EDGES.length && ageYears >= EDGES[band]!) band++;
  return band;
}

/** The limits a generated case carries: the synthetic laboratory's, minus every bound a published pediatric limit gives for this patient. */
export function labReferenceRangesFor(patient: Pick<Patient, 'ageYears' | 'sex'>): Ranges {
  const key = 2 * bandOf(patient.ageYears) + (patient.sex === 'female' ? 1 : 0);
  let ranges = BY_BAND.get(key);
  if (ranges === undefined) {
    const own: Record<string, Range> = {};
    const synthetic = SYNTHETIC_LAB_REFERENCE_RANGES.ranges as Readonly<Partial<Record<NumericAnalyte, Range>>>;
    for (const analyte of NUMERIC_ANALYTES) {
      const prior = synthetic[analyte];
      if (prior === undefined) continue;
      const range: Range = {};
      for (const bound of ['lower', 'upper'] as const) {
        if (
          prior[bound] !== undefined &&
          publishedReferenceLimit(analyte, patient.ageYears, patient.sex, bound) === undefined
        )
          range[bound] = prior[bound];
      }
      if (range.lower !== undefined || range.upper !== undefined) own[analyte] = Object.freeze(range);
    }
    // Shared by every case of the band: frozen, so no consumer can change another case's limits.
    BY_BAND.set(key, (ranges = Object.freeze(own) as Ranges));
  }
  return ranges;
}
