import { cite, prior, type Source } from '../source.js';

/**
 * How a death shows on the chart, and what septic shock does to mortality. Death follows the
 * course: a patient who dies is on the chart in multi-organ failure before it (Carcillo 2017:
 * mortality under 1% with single-organ failure, 15% with multi-organ failure), never at normal
 * vital signs off support (issue 13: every septic and MIS-C death was off support with GCS 15 at 72 h).
 */
export const OUTCOME_TABLE: {
  /** From this hour to the last reading a patient who dies is in refractory shock on `vasoactives` agents, intubated at FiO₂ `fio2` with SpO₂ `spo2` (%). */
  readonly terminalCourse: {
    readonly fromHour: number;
    readonly vasoactives: number;
    readonly fio2: number;
    readonly spo2: number;
    readonly source: Source;
    readonly valuesSource: Source;
  };
  /**
   * Septic-shock mortality as a multiple of the mortality of all sepsis in the same stratum; sepsis
   * without shock then takes what keeps the stratum's rate (Carcillo 2023's 23% / 5.7%).
   */
  readonly septicShockMortalityRatio: { readonly value: number; readonly source: Source };
} = {
  terminalCourse: {
    fromHour: 48,
    vasoactives: 2,
    fio2: 0.8,
    spo2: 90,
    source: cite(
      'carcillo-2017',
      'mortality <1% with single-organ failure, 15% with multiple organ failure: a death comes with multi-organ failure',
    ),
    valuesSource: prior(
      'a dying patient from 48 h: two vasoactives, intubated at FiO₂ 0.8 with SpO₂ 90% (Phoenix: 2 cardiovascular and 3 respiratory points)',
    ),
  },
  septicShockMortalityRatio: {
    value: 10.8 / 7.1,
    source: prior(
      'Phoenix derivation (Schlapbach 2024; clinical-reference.md §1.9, figures tagged [U]): in-hospital mortality 10.8% in septic shock vs 7.1% in all sepsis at higher-resource sites',
    ),
  },
};
