import type { ComponentId } from '../generated/score-report.js';

/** A dose at least this many times the published maximum is harmful (issue 9: "≥ 2× its published maximum"). */
export const HARMFUL_OVER_MAXIMUM = 2;

/**
 * The scoring formula, as data (key-features practice). It is printed in every report.
 *
 * Each requirement r of the expected plan (critical weight 3, recommended 1) has four facets:
 * present, dose OK, on time, safeguarded (its companions — prophylaxis, surveillance — are in the
 * plan and its dose is not harmful). Components are weighted fractions over the requirements:
 *   keyActions = Σ w·present / Σ w
 *   dosing     = Σ w·doseOk  / Σ w  over requirements whose actions have dose rules (1 if none)
 *   timing     = Σ w·onTime  / Σ w  over requirements with a window or interval (1 if none)
 *   safety     = (Σ w·safeguarded / Σ w) × max(0, 1 − 0.5 × risky extras), 0 with any harmful action
 *   diagnosis  = 1 (accepted leading diagnosis), 0.5 (partly right), 0 (wrong)
 * raw = Σ componentWeight × component; overall = raw, or raw × 40/100 when a harmful action is present.
 * Extras that are harmless cost nothing.
 */
export const SCORING_FORMULA = {
  componentWeights: { diagnosis: 20, keyActions: 40, dosing: 15, timing: 15, safety: 10 } satisfies {
    readonly [K in ComponentId]: number;
  },
  requirementWeights: { critical: 3, recommended: 1 },
  diagnosisCredit: { full: 1, partial: 0.5, wrong: 0 },
  harmfulCap: 40,
  /**
   * A dangerous omission (the sources' strongest call left out: antimicrobials in septic shock, SSC
   * 2020 "within 1 h", strong) fails like a harmful action. A scoring weight, not a clinical number.
   */
  dangerousOmissionCap: 40,
  /**
   * A treatment the sources advise against on this chart (immunosuppression in sepsis with no MAS
   * criteria met, DX-1/DX-3; a second IVIG in MIS-C, ACR) makes a weak plan whatever else is right.
   * A scoring weight (the middle of the examiner's weak band), not a clinical number.
   */
  advisedAgainstCap: 70,
  riskyExtraPenalty: 0.5,
  roundingAllowance: 0.05,
} as const;

export const COMPONENT_LABELS: { readonly [K in ComponentId]: string } = {
  diagnosis: 'Diagnosis',
  keyActions: 'Key actions',
  dosing: 'Dosing',
  timing: 'Timing',
  safety: 'Safety',
};

export function formulaText(): string {
  const w = SCORING_FORMULA.componentWeights;
  const r = SCORING_FORMULA.requirementWeights;
  return [
    `overall = ${w.diagnosis}×diagnosis + ${w.keyActions}×keyActions + ${w.dosing}×dosing + ${w.timing}×timing + ${w.safety}×safety (each 0–1)`,
    `requirement weights: critical ${r.critical}, recommended ${r.recommended}; keyActions/dosing/timing/safety are weighted fractions of the expected requirements met (present; dose within the sourced rule for this patient's weight/BSA; started by the deadline or repeated often enough; companions such as PJP prophylaxis in place)`,
    `diagnosis: ${SCORING_FORMULA.diagnosisCredit.full} accepted, ${SCORING_FORMULA.diagnosisCredit.partial} partly right, 0 wrong`,
    `safety × max(0, 1 − ${SCORING_FORMULA.riskyExtraPenalty} per risky extra); a harmful action sets safety to 0 and scales the score to at most ${SCORING_FORMULA.harmfulCap} (overall = raw × ${SCORING_FORMULA.harmfulCap}/100)`,
    `a dangerous omission (antimicrobials left out in septic shock) scales the score to at most ${SCORING_FORMULA.dangerousOmissionCap}; a treatment the sources advise against on this chart (immunosuppression in sepsis with no MAS criteria met; a second IVIG in MIS-C) to at most ${SCORING_FORMULA.advisedAgainstCap}; the lowest cap applies`,
    `harmless extras cost nothing; doses pass within the range ±${Math.round(SCORING_FORMULA.roundingAllowance * 100)}% (rounding allowance), but never above a published maximum (e.g. 1 g per methylprednisolone infusion); a pulse without its number of days is shown, not scored, but a course total split over days (IVIG) cannot be checked without them`,
    `harmful: a dose at least ${HARMFUL_OVER_MAXIMUM}× the published maximum (per kg or m², per infusion, per day or per course), a per-dose amount written for a per-day one, a mg-vs-g slip, a procedure unsafe on the chart or a drug the sources rule out; an extra with a wrong dose or route counts as a risky extra`,
  ].join('\n');
}
