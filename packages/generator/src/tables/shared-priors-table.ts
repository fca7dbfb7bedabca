import type { NumericAnalyte } from '@masdrill/rules';
import { prior, type Source } from '../source.js';

// Design priors every kind shares: the synthetic laboratory's measurement model, the limits of the
// drawn growth z-scores, and the cut between the truth's severity bands.

/**
 * One noise scale, as the SD of a standard normal deviate: on the log scale for log-scale analytes
 * (value × exp(log · ε)), as a fraction of the value for linear ones (value × (1 + linear · ε)).
 */
export interface LabNoise {
  readonly log: number;
  readonly linear: number;
}

/** The synthetic laboratory's measurement model (lab-model.ts): noise, and how the differential is derived. */
export interface LabMeasurementTable {
  readonly noise: {
    /** Between-case spread of the pre-illness baseline around the analyte's table `baseline`. */
    readonly baselineSpread: LabNoise;
    /** Reading noise of the baseline panel (the clinic labs before the illness). */
    readonly baselineReading: LabNoise;
    /** Reading noise of every later reading along the course (the presentation value is drawn once, without it). */
    readonly courseReading: LabNoise;
    readonly source: Source;
  };
  /**
   * A case's pre-illness baseline lies on the side of its presentation value the cohort moves away
   * from (a MAS ferritin above its pre-MAS level, platelets below), by at least this gap: a fraction
   * of the cohort's own median-to-baseline distance, and at most `maxGap` (on the log scale for
   * log-scale analytes, else relative to the median), so reading noise cannot turn a course around.
   */
  readonly baselineSide: {
    readonly analytes: readonly NumericAnalyte[];
    readonly shareOfCohortGap: number;
    readonly maxGap: LabNoise;
    readonly source: Source;
  };
  /** ALC capped by WBC, ANC derived from both so the differential adds up. */
  readonly differential: {
    /** ALC at most this fraction of the WBC: approached smoothly from `alcFractionKnee` on, never reached. */
    readonly maxAlcFractionOfWbc: number;
    readonly alcFractionKnee: number;
    /** Fraction of the WBC that is neither neutrophils nor lymphocytes (monocytes, eosinophils, basophils). */
    readonly otherCellsFractionOfWbc: number;
    /** ANC at least this fraction of the WBC. */
    readonly minAncFractionOfWbc: number;
    readonly source: Source;
  };
}

export const LAB_MEASUREMENT: LabMeasurementTable = {
  noise: {
    baselineSpread: { log: 0.15, linear: 0.03 },
    baselineReading: { log: 0.06, linear: 0.015 },
    courseReading: { log: 0.05, linear: 0.015 },
    source: prior(
      'person-to-person spread of pre-illness levels and analytical plus within-day variation of a reading; round plausible values, not from a biological-variation database',
    ),
  },
  baselineSide: {
    analytes: ['platelets', 'ast', 'alt', 'ferritin', 'ldh', 'triglycerides', 'dDimer', 'fibrinogen'],
    shareOfCohortGap: 0.5,
    maxGap: { log: 0.4, linear: 0.05 },
    source: prior(
      "a pre-illness level clear of the presentation value on the side the disease moves away from: half the cohort's median-to-baseline distance, at most a 50% (log 0.4) or 5% change; Minoia 2014 reports >50% changes pre-MAS → MAS for platelets, transaminases, ferritin, LDH, triglycerides and D-dimer (those, and fibrinogen as MAS consumes it)",
    ),
  },
  differential: {
    maxAlcFractionOfWbc: 0.85,
    alcFractionKnee: 0.6,
    otherCellsFractionOfWbc: 0.08,
    minAncFractionOfWbc: 0.02,
    source: prior(
      'white-cell differential: lymphocytes at most 85% of the WBC (approached smoothly above 60%), 8% other cells, neutrophils at least 2%',
    ),
  },
};

/** Bounds of the anthropometric z-scores a patient is drawn at (patient.ts), in SD units. */
export interface AnthropometryZLimits {
  /** The weight-for-age z-score is clamped to these. */
  readonly weightZ: { readonly min: number; readonly max: number };
  /** The weight z-score the height leans on (HEIGHT_FOR_AGE.weightCorrelation) is clamped to these first. */
  readonly weightZForHeight: { readonly min: number; readonly max: number };
  /** The height-for-age z-score is clamped to these. */
  readonly heightZ: { readonly min: number; readonly max: number };
  readonly source: Source;
}

export const ANTHROPOMETRY_Z_LIMITS: AnthropometryZLimits = {
  weightZ: { min: -3.5, max: 3.5 },
  weightZForHeight: { min: -3, max: 3 },
  heightZ: { min: -3, max: 3 },
  source: prior('truncation of drawn weight and height z-scores so no synthetic child lies off the growth charts'),
};

/** The truth's severity band from the latent severity (case-body.ts severityBand). */
export interface SeverityBandTable {
  /** Latent severity (SD units) above which a case without organ support is 'severe', else 'moderate'. */
  readonly severeAbove: number;
  readonly source: Source;
}

export const SEVERITY_BAND: SeverityBandTable = {
  severeAbove: 0.4,
  source: prior(
    "cut of the latent severity between the truth's 'moderate' and 'severe' bands (organ support makes a case 'critical')",
  ),
};
