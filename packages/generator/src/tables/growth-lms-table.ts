import { cite, type Source } from '../source.js';

/** One row of an LMS growth reference: Box-Cox power L, median M (kg), coefficient of variation S. */
export interface LmsRow {
  readonly ageYears: number;
  readonly l: number;
  readonly m: number;
  readonly s: number;
}

export interface LmsTable {
  readonly source: Source;
  readonly male: readonly LmsRow[];
  readonly female: readonly LmsRow[];
}

const mo = (months: number): number => months / 12;

/** WHO Child Growth Standards 2006, weight-for-age, birth to 24 months (clinical-reference.md §2.4). */
export const WHO_WEIGHT_FOR_AGE: LmsTable = {
  source: cite('who-growth-2006', 'weight-for-age LMS, clinical-reference.md §2.4'),
  male: [
    { ageYears: mo(0), l: 0.3487, m: 3.3464, s: 0.14602 },
    { ageYears: mo(3), l: 0.1738, m: 6.3762, s: 0.11727 },
    { ageYears: mo(6), l: 0.1257, m: 7.934, s: 0.10958 },
    { ageYears: mo(9), l: 0.0917, m: 8.9014, s: 0.10881 },
    { ageYears: mo(12), l: 0.0644, m: 9.6479, s: 0.10925 },
    { ageYears: mo(18), l: 0.0211, m: 10.9385, s: 0.11119 },
    { ageYears: mo(24), l: -0.0137, m: 12.1515, s: 0.11426 },
  ],
  female: [
    { ageYears: mo(0), l: 0.3809, m: 3.2322, s: 0.14171 },
    { ageYears: mo(3), l: 0.0402, m: 5.8458, s: 0.12619 },
    { ageYears: mo(6), l: -0.0756, m: 7.297, s: 0.12204 },
    { ageYears: mo(9), l: -0.1507, m: 8.2254, s: 0.12199 },
    { ageYears: mo(12), l: -0.2024, m: 8.9481, s: 0.12268 },
    { ageYears: mo(18), l: -0.2637, m: 10.2315, s: 0.12309 },
    { ageYears: mo(24), l: -0.2941, m: 11.4775, s: 0.1239 },
  ],
};

/** CDC 2000 weight-for-age (wtage.csv), 2 to 18 years (clinical-reference.md §2.4). */
export const CDC_WEIGHT_FOR_AGE: LmsTable = {
  source: cite('cdc-growth-2000', 'wtage.csv LMS, clinical-reference.md §2.4'),
  male: [
    [2, -0.206, 12.67, 0.1081], [3, -0.621, 14.4, 0.1119], [4, -0.915, 16.32, 0.12], [5, -1.0, 18.49, 0.1299],
    [6, -1.087, 20.78, 0.1391], [7, -1.236, 23.17, 0.1473], [8, -1.352, 25.75, 0.156], [9, -1.339, 28.68, 0.1667],
    [10, -1.207, 32.09, 0.1789], [11, -1.019, 36.07, 0.19], [12, -0.837, 40.67, 0.1966], [13, -0.698, 45.81, 0.1967],
    [14, -0.632, 51.23, 0.1908], [15, -0.666, 56.49, 0.1817], [16, -0.802, 61.1, 0.1725], [17, -0.973, 64.7, 0.1656],
    [18, -1.066, 67.29, 0.1619],
  ].map(([ageYears, l, m, s]) => ({ ageYears: ageYears!, l: l!, m: m!, s: s! })),
  female: [
    [2, -0.735, 12.06, 0.1074], [3, -1.024, 13.94, 0.1195], [4, -1.177, 15.88, 0.1318], [5, -1.288, 18.02, 0.1412],
    [6, -1.327, 20.34, 0.1496], [7, -1.266, 22.87, 0.1597], [8, -1.128, 25.76, 0.1721], [9, -0.971, 29.14, 0.1852],
    [10, -0.847, 33.06, 0.1959], [11, -0.787, 37.39, 0.202], [12, -0.808, 41.83, 0.2023], [13, -0.916, 45.98, 0.1974],
    [14, -1.112, 49.49, 0.1886], [15, -1.376, 52.14, 0.1779], [16, -1.651, 53.95, 0.1681], [17, -1.838, 55.18, 0.1618],
    [18, -1.851, 56.23, 0.1604],
  ].map(([ageYears, l, m, s]) => ({ ageYears: ageYears!, l: l!, m: m!, s: s! })),
};
