import { cite, prior, type Source } from '../source.js';

/**
 * Drug toxicity the responding patient shows on the chart (a teaching model). That cyclosporine
 * raises the blood pressure is sourced (clinical-reference.md §3.1 and §4 pitfall 9: "monitor
 * levels, nephrotoxicity, hypertension" [S]); the size and onset of the rise are DESIGN PRIORS:
 * no source gives them. The case carries no creatinine, so nephrotoxicity is not shown.
 */
export const DRUG_TOXICITY_TABLE: {
  readonly cyclosporineHypertension: {
    /** The fact modelled: cyclosporine above its published maximum raises systolic and diastolic pressure. */
    readonly fact: Source;
    /** Hours after the overdose starts before the pressure begins to rise. */
    readonly fromHours: number;
    /** Hours the rise takes to reach its full size. */
    readonly rampHours: number;
    /** Fractional rise of SBP and DBP per multiple of the maximum above it (at 2× the maximum: this fraction). */
    readonly risePerMultipleOverMaximum: number;
    /** The rise never exceeds this fraction. */
    readonly maxRise: number;
    readonly magnitude: Source;
  };
} = {
  cyclosporineHypertension: {
    fact: cite('cyclosporine-toxicity', 'cyclosporine: monitor levels, nephrotoxicity, hypertension'),
    fromHours: 24,
    rampHours: 48,
    risePerMultipleOverMaximum: 0.15,
    maxRise: 0.3,
    magnitude: prior(
      'cyclosporine above its maximum: SBP and DBP rise by 15% per multiple of the maximum above it (at most 30%), from a day after it starts, over two days; no source gives the size or onset',
    ),
  },
};
