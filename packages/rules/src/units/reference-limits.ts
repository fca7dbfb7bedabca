import type { Case } from '../generated/case.js';
import type { NumericAnalyte } from './analytes.js';

/** A published pediatric reference limit for an age band, in the analyte's canonical unit. */
export interface PublishedReferenceLimit {
  readonly analyte: NumericAnalyte;
  /** Inclusive lower age bound, exclusive upper age bound, in years. */
  readonly fromAgeYears: number;
  readonly toAgeYears: number;
  readonly sex?: 'female' | 'male';
  readonly lower?: number;
  readonly upper?: number;
  /** Citation key or full citation of the reference-interval study. */
  readonly source: string;
}

/**
 * Published pediatric reference limits used where a definition says "above normal" and the case
 * carries no laboratory reference of its own. Only verified, cited values belong here; an analyte
 * with no entry leaves the item "not assessed" rather than inventing a limit.
 */
export const PUBLISHED_REFERENCE_LIMITS: readonly PublishedReferenceLimit[] = [];

export interface ReferenceLimitReading {
  readonly value: number;
  readonly source: string;
}

function published(analyte: NumericAnalyte, ageYears: number, sex: 'female' | 'male', bound: 'lower' | 'upper'): ReferenceLimitReading | undefined {
  for (const r of PUBLISHED_REFERENCE_LIMITS) {
    if (r.analyte !== analyte || ageYears < r.fromAgeYears || ageYears >= r.toAgeYears) continue;
    if (r.sex !== undefined && r.sex !== sex) continue;
    const value = r[bound];
    if (value !== undefined) return { value, source: r.source };
  }
  return undefined;
}

/** The upper reference limit for this patient: the reporting laboratory's own first, then a published pediatric one. */
export function upperReferenceLimit(c: Case, analyte: NumericAnalyte): ReferenceLimitReading | undefined {
  const own = (c.labReferenceRanges as Partial<Record<NumericAnalyte, { upper?: number }>> | undefined)?.[analyte]?.upper;
  if (own !== undefined) return { value: own, source: 'reporting laboratory reference range (case.labReferenceRanges)' };
  return published(analyte, c.patient.ageYears, c.patient.sex, 'upper');
}

export function lowerReferenceLimit(c: Case, analyte: NumericAnalyte): ReferenceLimitReading | undefined {
  const own = (c.labReferenceRanges as Partial<Record<NumericAnalyte, { lower?: number }>> | undefined)?.[analyte]?.lower;
  if (own !== undefined) return { value: own, source: 'reporting laboratory reference range (case.labReferenceRanges)' };
  return published(analyte, c.patient.ageYears, c.patient.sex, 'lower');
}
