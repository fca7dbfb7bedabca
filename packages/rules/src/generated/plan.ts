/* Generated from packages/rules/schemas/plan.schema.json by scripts/generate-types.mjs. Do not edit: change the schema and run `pnpm generate:types`. */

/**
 * presentation: the first plan for a newly presenting patient (and any reassessment without an inadequate response to treatment given); steroid-inadequate: a reassessment at which MAS has not responded to a high-dose glucocorticoid alone (CSA-1: add cyclosporine A); refractory: a reassessment at which MAS (or MIS-C) has not responded to first-line combination therapy.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Stage".
 */
export type Stage = 'presentation' | 'steroid-inadequate' | 'refractory';
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "DiagnosisId".
 */
export type DiagnosisId =
  'mas' | 'sjia-flare' | 'sepsis' | 'septic-shock' | 'misc' | 'misc-with-mas' | 'primary-hlh' | 'other';
/**
 * An action from the catalogue in @masdrill/rules (ACTIONS).
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ActionId".
 */
export type ActionId =
  | 'methylprednisolone-pulse'
  | 'methylprednisolone-low-moderate'
  | 'dexamethasone'
  | 'cyclosporine'
  | 'anakinra'
  | 'ivig'
  | 'tocilizumab'
  | 'emapalumab'
  | 'ruxolitinib'
  | 'baricitinib'
  | 'etoposide'
  | 'etanercept'
  | 'infliximab'
  | 'aspirin'
  | 'enoxaparin-therapeutic'
  | 'empirical-antibiotics'
  | 'antiviral-therapy'
  | 'pjp-prophylaxis'
  | 'opportunistic-infection-surveillance'
  | 'fluid-bolus'
  | 'vasoactive-infusion'
  | 'icu-admission'
  | 'multidisciplinary-consult'
  | 'reassessment'
  | 'monitor-mas-labs'
  | 'monitor-cardiac-markers'
  | 'ekg'
  | 'bone-marrow-exam'
  | 'scd25'
  | 'nk-cell-activity'
  | 'blood-cultures'
  | 'viral-pcr'
  | 'echocardiogram'
  | 'lumbar-puncture'
  | 'brain-mri';
/**
 * Units without "/day" are per dose ("2 g/kg" once, "12 mg/kg" every 2 weeks); "/day" units are the total per dosing day, split by the frequency.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "DoseUnit".
 */
export type DoseUnit =
  | 'mg/kg'
  | 'mg/kg/day'
  | 'g/kg'
  | 'g/kg/day'
  | 'mg/m2'
  | 'mg/m2/day'
  | 'mg'
  | 'mg/day'
  | 'g'
  | 'g/day'
  | 'mL/kg'
  | 'mcg/kg/min';
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Frequency".
 */
export type Frequency =
  | 'once'
  | 'q4h'
  | 'q6h'
  | 'q8h'
  | 'q12h'
  | 'q24h'
  | 'q48h'
  | 'q3d'
  | 'twice-weekly'
  | 'weekly'
  | 'q2w'
  | 'q12h-3-days-weekly'
  | 'continuous';
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Route".
 */
export type Route = 'iv' | 'po' | 'sc' | 'im' | 'inhaled' | 'other';

/**
 * A trainee's management plan for one case at one decision point: the leading diagnosis, the actions with doses and start hours, and how often the patient is reassessed. Hours count from presentation. Education and simulation only.
 */
export interface Plan {
  schemaVersion: 1;
  /**
   * The case this plan answers (checked against the case when given).
   */
  caseId?: string;
  stage?: Stage;
  /**
   * The hour from presentation at which the plan is made (default 0 at presentation). Timing windows run from here.
   */
  decisionHour?: number;
  diagnosis: Diagnosis;
  /**
   * @maxItems 200
   */
  actions: PlannedAction[];
  /**
   * Planned interval between clinical reassessments, in hours (shorthand for a "reassessment" action).
   */
  reassessEveryHours?: number;
  notes?: string;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Diagnosis".
 */
export interface Diagnosis {
  leading: DiagnosisId;
  differential?: DiagnosisId[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "PlannedAction".
 */
export interface PlannedAction {
  action: ActionId;
  /**
   * When the action starts, in hours from presentation.
   */
  atHour: number;
  dose?: Dose;
  /**
   * For monitoring and reassessment: the planned interval in hours.
   */
  everyHours?: number;
  note?: string;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Dose".
 */
export interface Dose {
  amount: number;
  unit: DoseUnit;
  frequency: Frequency;
  route?: Route;
  /**
   * Planned number of dosing days (e.g. 3 for a 3-day pulse; 2 for IVIG 1 g/kg/day × 2).
   */
  durationDays?: number;
}
