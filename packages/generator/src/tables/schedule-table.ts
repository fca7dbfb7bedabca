import type { NumericAnalyte } from '@masdrill/rules';
import { prior, proportion, type Proportion, type Source } from '../source.js';

const CBC: readonly NumericAnalyte[] = ['hemoglobin', 'wbc', 'anc', 'alc', 'platelets'];
const INTERVAL: readonly NumericAnalyte[] = [
  ...CBC,
  'ferritin',
  'ast',
  'alt',
  'ldh',
  'fibrinogen',
  'crp',
  'dDimer',
  'inr',
];
const FULL: readonly NumericAnalyte[] = [
  ...INTERVAL,
  'triglycerides',
  'esr',
  'procalcitonin',
  'sodium',
  'albumin',
  'lactate',
];

/**
 * When the synthetic laboratory measures what (hours from presentation). A DESIGN PRIOR: a
 * plausible inpatient schedule (full panel on arrival and at 24 h, a shorter panel at 12, 48, 72 h,
 * routine sJIA clinic labs a week before for known sJIA). Kind-specific extras (cardiac markers,
 * cytokines) and dropouts are added by the synthesizers.
 */
export const LAB_SCHEDULE: {
  readonly source: Source;
  readonly baselineHour: number;
  readonly baseline: readonly NumericAnalyte[];
  readonly byHour: readonly { readonly hour: number; readonly analytes: readonly NumericAnalyte[] }[];
  /** Hour of the second full panel (the first is at presentation): `triglyceridesMeasured.at24` and its own fasting draw apply to it. */
  readonly secondFullPanelHour: number;
  /** Hour at which a lactate is added when the synthesizer asks for one (LabPlanOptions.lactateAt12). */
  readonly extraLactateHour: number;
  readonly triglyceridesMeasured: {
    readonly at0: Proportion;
    readonly at24: Proportion;
    readonly hardAt0: Proportion;
    readonly hardAt24: Proportion;
  };
  readonly triglyceridesFasting: Proportion;
  readonly hardDropout: { readonly fibrinogen: Proportion; readonly esr: Proportion; readonly ast: Proportion };
  /** Procalcitonin outside sepsis, by whether infection is suspected (cultures and antimicrobials); sepsis always has it. */
  readonly procalcitoninOutsideSepsis: { readonly infectionSuspected: Proportion; readonly otherwise: Proportion };
} = {
  source: prior('inpatient laboratory schedule'),
  baselineHour: -168,
  baseline: [...CBC, 'ferritin', 'ast', 'alt', 'ldh', 'fibrinogen', 'esr', 'crp'],
  byHour: [
    { hour: 0, analytes: FULL },
    { hour: 12, analytes: INTERVAL },
    { hour: 24, analytes: FULL },
    { hour: 48, analytes: [...INTERVAL, 'triglycerides', 'esr', 'sodium', 'albumin'] },
    { hour: 72, analytes: INTERVAL },
  ],
  secondFullPanelHour: 24,
  extraLactateHour: 12,
  triglyceridesMeasured: {
    at0: proportion(0.85, prior('triglycerides sent on arrival')),
    at24: proportion(0.7, prior('triglycerides sent at 24 h')),
    hardAt0: proportion(0.5, prior('hard difficulty: triglycerides often not sent')),
    hardAt24: proportion(0.4, prior('hard difficulty: triglycerides often not sent')),
  },
  triglyceridesFasting: proportion(0.6, prior('triglyceride sample fasting')),
  hardDropout: {
    fibrinogen: proportion(0.2, prior('hard difficulty: fibrinogen not measured')),
    esr: proportion(0.3, prior('hard difficulty: ESR not measured')),
    ast: proportion(0.1, prior('hard difficulty: AST not measured')),
  },
  procalcitoninOutsideSepsis: {
    infectionSuspected: proportion(0.9, prior('procalcitonin sent with blood cultures when infection is suspected')),
    otherwise: proportion(0.25, prior('procalcitonin sent when infection is not suspected')),
  },
};

/** The observation (vitals and findings) hours: the same as the laboratory's. */
export const OBSERVATION_HOURS: readonly number[] = [0, 12, 24, 48, 72];

/**
 * The observation hours the temperature course turns on (TEMPERATURE_COURSE in vitals-table.ts):
 * a febrile case peaks at one of two hours; after the first 24 h the fever eases, more so after
 * `easingUntilHour`.
 */
export const TEMPERATURE_HOURS: {
  readonly source: Source;
  /** The peak is at the first hour (probability TEMPERATURE_COURSE.peakAtFirstHour) or else at the second. */
  readonly peakHours: readonly [number, number];
  /** Last hour of the easing fever (TEMPERATURE_COURSE.easing); later readings are TEMPERATURE_COURSE.late. */
  readonly easingUntilHour: number;
} = {
  source: prior('fever peaks at presentation or at the 12-h observation and eases over 24–48 h, then further'),
  peakHours: [0, 12],
  easingUntilHour: 48,
};
