import type { GroundTruth, NumericAnalyte } from '@masdrill/rules';
import { cite, prior, proportion, type Proportion, type Source } from '../source.js';

/**
 * The patient's response to a management plan: a TEACHING MODEL, not a physiology model. Each
 * disease process has an activity (1 at presentation, 0 resolved) that grows untreated and falls
 * when the plan in force controls it; labs and vital signs are read off the activity. Rates and
 * thresholds are DESIGN PRIORS chosen so the course is legible over the hours of a drill; the
 * probabilities that decide who responds to what are cited where a source gives one.
 */
export interface RateSource {
  /** Per hour, in natural-log activity units (ln 2 / 48 doubles or halves the activity in 48 h). */
  readonly perHour: number;
  readonly source: Source;
}

const perHalfLife = (hours: number, note: string): RateSource => ({ perHour: Math.LN2 / hours, source: prior(note) });

export type Severity = NonNullable<GroundTruth['severity']>;

export const RESPONSE_TABLE: {
  readonly source: Source;
  readonly mas: {
    /** Untreated MAS: the activity doubles in 48 h (shock and organ failure within a day or two). */
    readonly growth: RateSource;
    /** Adequately treated MAS: the activity halves in 72 h (ferritin falls, platelets and fibrinogen recover over days). */
    readonly resolution: RateSource;
    /** GC-3: methylprednisolone pulses work in about two-thirds (moderate MAS responds to the glucocorticoid alone). */
    readonly steroidAloneResponds: { readonly [K in Severity]: Proportion };
    /** Refractory to glucocorticoid + cyclosporine/anakinra, needing a second-line agent. */
    readonly refractoryToFirstLine: { readonly [K in Severity]: Proportion };
    /** IVIG-2: IVIG was effective in two of six patients. */
    readonly ivigResponds: Proportion;
    /** SJIA-3: etanercept used successfully in steroid- and cyclosporine-resistant sJIA; no rate given. */
    readonly etanerceptResponds: Proportion;
    /** A regimen each tier short of what the case needs controls this fraction of it (1 tier short: activity about stable). */
    readonly controlPerTierShort: { readonly value: number; readonly source: Source };
  };
  readonly infection: {
    readonly bacterialGrowth: RateSource;
    readonly bacterialResolution: RateSource;
    readonly viralGrowth: RateSource;
    readonly viralResolution: RateSource;
    /** INF-1: immunosuppression without antimicrobials lets the infection run faster. */
    readonly uncontrolledUnderImmunosuppression: { readonly factor: number; readonly source: Source };
  };
  readonly misc: { readonly growth: RateSource; readonly resolution: RateSource };
  readonly sjiaFlare: { readonly growth: RateSource; readonly resolution: RateSource };
  readonly activity: { readonly max: number; readonly min: number; readonly source: Source };
  /** Systemic activity at which shock, then organ failure (invasive ventilation), appear; and below which they resolve. */
  readonly thresholds: {
    readonly shockAppears: number;
    readonly organFailureAppears: number;
    readonly shockResolvesBelow: number;
    readonly ventilationEndsBelow: number;
    readonly oxygenEndsBelow: number;
    readonly source: Source;
  };
  /**
   * How fast each analyte follows the activity (1: fully; 0.5: half the change). Ferritin and the
   * acute-phase markers sit many-fold from their resolved level, so following the activity fully
   * would move them too fast; counts and fibrinogen follow it. Unlisted analytes follow fully.
   */
  readonly analyteSpeed: { readonly [K in NumericAnalyte]?: number } & { readonly source?: never };
  readonly analyteSpeedSource: Source;
  /**
   * Analytes that MAS pushes down while it consumes fibrinogen, though the healthy level lies below
   * them too: in MAS they resolve toward the MAS cohort's own baseline (the active sJIA level the
   * generator starts MAS from), so a worsening MAS lowers them and a resolving one raises them.
   */
  readonly masResolvesToCohortBaseline: { readonly analytes: readonly NumericAnalyte[]; readonly source: Source };
  /**
   * PIT-2: in children under 3, interferon-targeted therapy raises AST/ALT 2- to 25-fold as early as
   * 7 days after it starts. The model takes the low end, reached over the two days after day 7.
   */
  readonly interferonHepatotoxicity: {
    readonly underAgeYears: number;
    readonly fromHours: number;
    readonly rampHours: number;
    readonly fold: number;
    readonly source: Source;
  };
  /** Relative measurement noise (SD) on each modelled lab value, from a stream per case and hour. */
  readonly measurementNoise: { readonly value: number; readonly source: Source };
  /** Past the presentation peak, fever climbs at this fraction of the activity's rise. */
  readonly feverRiseSpeed: { readonly value: number; readonly source: Source };
  /** How an observation row of the responding patient is read off the activity (respond-observations.ts). */
  readonly observations: {
    /** °C the fever settles to as the activity falls to 0, and the range a responding temperature is kept in. */
    readonly normalTemperatureC: number;
    readonly temperatureC: { readonly min: number; readonly max: number };
    /** Under neurological activity above this, a CNS finding the row had stays recorded though the GCS is back to 15. */
    readonly cnsFindingAboveNeurologicalActivity: number;
    /** FiO2 and SpO2 (%) when the model changes the respiratory support: taken from the row where it has them, else these, within these limits. */
    readonly supportReadings: {
      readonly roomAir: { readonly spo2IfUnknown: number; readonly spo2AtLeast: number };
      readonly invasive: { readonly fio2AtLeast: number; readonly spo2IfUnknown: number; readonly spo2AtMost: number };
      readonly oxygen: {
        readonly fio2IfUnknown: number;
        readonly fio2AtMost: number;
        readonly spo2IfUnknown: number;
        readonly spo2AtMost: number;
      };
    };
    readonly source: Source;
  };
  /**
   * Past the bound the labs are read at (activity.max), an untreated process keeps growing: its drive
   * (the unbounded activity) carries the decompensation the chart shows together — lactate, a falling
   * blood pressure with two vasoactives, a falling GCS (septic encephalopathy) — up to death at
   * `deathAt` (by the severity at presentation: less reserve the sicker the child). Design priors.
   */
  readonly decompensation: {
    readonly deathAt: { readonly [K in Severity]: number };
    /** The drive stops growing here (past every death threshold). */
    readonly driveMax: number;
    /** GCS points lost per unit of drive above organFailureAppears. */
    readonly gcsPointsPerDrive: number;
    /** Fraction of systolic and diastolic pressure lost per unit of drive above organFailureAppears (at most maxPressureLoss). */
    readonly pressureLossPerDrive: number;
    readonly maxPressureLoss: number;
    readonly source: Source;
  };
  /** A process whose activity moved by less than this fraction since the last plan is "stable". */
  readonly courseMargin: { readonly value: number; readonly source: Source };
  /** Hours between rows the model adds after the last row of the case, up to the stage asked for. */
  readonly extensionStepHours: number;
} = {
  source: prior(
    'teaching model of the response to treatment; rates and thresholds chosen for a legible course over the hours of a drill',
  ),
  mas: {
    growth: perHalfLife(48, 'untreated MAS activity doubles in 48 h'),
    resolution: perHalfLife(72, 'adequately treated MAS activity halves in 72 h'),
    steroidAloneResponds: {
      moderate: proportion(
        2 / 3,
        cite('guideline', 'GC-3: methylprednisolone pulse therapy is effective in about two-thirds of patients'),
      ),
      severe: proportion(0, cite('guideline', 'HEAD-1, CSA-1: severe cases need cyclosporine with the glucocorticoid')),
      critical: proportion(0, cite('guideline', 'HEAD-1, CSA-1, PIT-4: severe cases need combination therapy')),
    },
    refractoryToFirstLine: {
      moderate: proportion(0.05, prior('moderate MAS refractory to glucocorticoid + cyclosporine/anakinra')),
      severe: proportion(0.15, prior('severe MAS refractory to glucocorticoid + cyclosporine/anakinra')),
      critical: proportion(0.3, prior('critical MAS refractory to glucocorticoid + cyclosporine/anakinra')),
    },
    ivigResponds: proportion(
      2 / 6,
      cite('guideline', 'IVIG-2: IVIG effective in two of six patients in one pediatric series'),
    ),
    etanerceptResponds: proportion(
      0.5,
      prior('SJIA-3 gives no rate for etanercept in steroid- and cyclosporine-resistant sJIA-MAS'),
    ),
    controlPerTierShort: {
      value: 0.5,
      source: prior('a regimen one tier short of the need holds the activity about level'),
    },
  },
  infection: {
    bacterialGrowth: perHalfLife(24, 'untreated bacterial sepsis activity doubles in 24 h'),
    bacterialResolution: perHalfLife(36, 'bacterial sepsis on antibiotics: activity halves in 36 h'),
    viralGrowth: perHalfLife(48, 'an untreated viral trigger: activity doubles in 48 h'),
    viralResolution: perHalfLife(48, 'a treated viral trigger: activity halves in 48 h'),
    uncontrolledUnderImmunosuppression: {
      factor: 2,
      source: prior('INF-1: immunosuppression without antimicrobials doubles the growth of the trigger infection'),
    },
  },
  misc: {
    growth: perHalfLife(72, 'untreated MIS-C activity doubles in 72 h'),
    resolution: perHalfLife(48, 'MIS-C on IVIG with glucocorticoids: activity halves in 48 h'),
  },
  sjiaFlare: {
    growth: { perHour: 0, source: prior('an sJIA flare without MAS holds level untreated over the hours of a drill') },
    resolution: perHalfLife(72, 'an sJIA flare on glucocorticoid or IL-1/IL-6 blockade: activity halves in 72 h'),
  },
  activity: {
    max: 1.6,
    min: 0.02,
    source: prior('activity bounded: the worst course reaches 1.6× the presentation distance from resolution'),
  },
  thresholds: {
    shockAppears: 1.3,
    organFailureAppears: 1.5,
    shockResolvesBelow: 0.6,
    ventilationEndsBelow: 0.5,
    oxygenEndsBelow: 0.7,
    source: prior('activity at which shock and organ failure appear, and below which they resolve'),
  },
  analyteSpeed: {
    ferritin: 0.35,
    crp: 0.5,
    procalcitonin: 0.5,
    sCd25: 0.5,
    il18: 0.5,
    cxcl9: 0.5,
    dDimer: 0.5,
    triglycerides: 0.5,
    ldh: 0.7,
    ast: 0.7,
    alt: 0.7,
    troponin: 0.7,
    bnp: 0.7,
    ntProBnp: 0.7,
    esr: 0.3,
  },
  analyteSpeedSource: prior(
    'ferritin falls over days, CRP and procalcitonin by about half a day on effective treatment; counts and fibrinogen recover over days; the ESR lags the illness, moving slowest',
  ),
  masResolvesToCohortBaseline: {
    analytes: ['esr'],
    source: cite(
      'eloseily-2019',
      'the falling ESR paradox: fibrinogen consumption lowers the ESR despite rising inflammation (clinical-reference.md §4 pitfall 2)',
    ),
  },
  interferonHepatotoxicity: {
    underAgeYears: 3,
    fromHours: 7 * 24,
    rampHours: 48,
    fold: 2,
    source: cite(
      'guideline',
      'PIT-2: 2- to 25-fold AST/ALT rises as early as 7 days after starting interferon-based therapies, under 3 years (the two-day ramp is a design prior)',
    ),
  },
  measurementNoise: { value: 0.02, source: prior('2% analytical and biological variation on repeated measurements') },
  feverRiseSpeed: {
    value: 0.25,
    source: prior('a worsening patient runs a slightly higher fever, not a proportionally higher one'),
  },
  observations: {
    normalTemperatureC: 36.8,
    temperatureC: { min: 35.5, max: 41.5 },
    cnsFindingAboveNeurologicalActivity: 0.5,
    supportReadings: {
      roomAir: { spo2IfUnknown: 97, spo2AtLeast: 96 },
      invasive: { fio2AtLeast: 0.5, spo2IfUnknown: 93, spo2AtMost: 94 },
      oxygen: { fio2IfUnknown: 0.35, fio2AtMost: 0.5, spo2IfUnknown: 94, spo2AtMost: 95 },
    },
    source: prior(
      'a responding patient: normal temperature and the range kept to; FiO2/SpO2 typical of room air, supplemental oxygen and invasive ventilation when the support changes',
    ),
  },
  decompensation: {
    deathAt: { moderate: 3, severe: 2.5, critical: 2.1 },
    driveMax: 3.3,
    gcsPointsPerDrive: 12,
    pressureLossPerDrive: 0.5,
    maxPressureLoss: 0.45,
    source: prior(
      'untreated septic shock or MAS decompensates past organ failure to death over about a day (critical) to two or three (moderate); lactate, pressure and GCS move together with it',
    ),
  },
  courseMargin: { value: 0.03, source: prior('a change of under 3% in activity since the last plan reads as stable') },
  extensionStepHours: 24,
};
