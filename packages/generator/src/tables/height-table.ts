import { prior, type Source } from '../source.js';

/**
 * Median height (cm) by age and sex, with a coefficient of variation. No growth reference for
 * height was verified in clinical-reference.md, so this whole table is a DESIGN PRIOR: round
 * numbers in the range of common growth charts, good enough for BSA-based dosing drills, not a
 * reference. Replace with WHO/CDC length/stature-for-age LMS when verified.
 */
export interface HeightTable {
  readonly source: Source;
  /** [ageYears, male median cm, female median cm] */
  readonly medians: readonly (readonly [number, number, number])[];
  /** SD as a fraction of the median. */
  readonly cv: number;
  /** Correlation between the height and weight z-scores. */
  readonly weightCorrelation: number;
}

export const HEIGHT_FOR_AGE: HeightTable = {
  source: prior('height-for-age medians are round numbers in the range of common growth charts; no verified source'),
  medians: [
    [0, 50, 49],
    [0.25, 61, 60],
    [0.5, 68, 66],
    [1, 76, 74],
    [1.5, 82, 80],
    [2, 87, 86],
    [3, 96, 95],
    [4, 103, 102],
    [5, 110, 109],
    [6, 116, 115],
    [7, 122, 121],
    [8, 128, 127],
    [9, 133, 133],
    [10, 138, 138],
    [11, 143, 144],
    [12, 149, 151],
    [13, 156, 157],
    [14, 164, 160],
    [15, 170, 162],
    [16, 173, 163],
    [17, 175, 163],
    [18, 176, 164],
    [21, 177, 164],
  ],
  cv: 0.045,
  weightCorrelation: 0.6,
};
