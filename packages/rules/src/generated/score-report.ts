/* Generated from packages/rules/schemas/score-report.schema.json by scripts/generate-types.mjs. Do not edit: change the schema and run `pnpm generate:types`. */

/**
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "ComponentId".
 */
export type ComponentId = 'diagnosis' | 'keyActions' | 'dosing' | 'timing' | 'safety';
/**
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'critical-omission' | 'harmful' | 'dose-error' | 'late' | 'suboptimal' | 'good';

/**
 * The judgement of one plan against the guideline for one case: overall 0-100, components, the formula used, and feedback items each resting on a guideline statement ID or a citation. Education and simulation only.
 */
export interface ScoreReport {
  schemaVersion: 1;
  caseId: string;
  stage: 'presentation' | 'steroid-inadequate' | 'refractory';
  decisionHour: number;
  /**
   * The score after any cap, rounded to one decimal.
   */
  overall: number;
  /**
   * The weighted sum of the components before any cap.
   */
  rawOverall: number;
  capped: boolean;
  capReason?: string;
  components: ScoreComponent[];
  formula: Formula;
  /**
   * How the grader read the case: each feature with its value and where it came from (ground truth or the case's own findings and criteria).
   */
  caseReading: CaseFeatureReading[];
  /**
   * What the guideline expects here: the diagnoses accepted and each requirement with the actions that satisfy it.
   */
  expected: {
    diagnoses: string[];
    requirements: RequirementResult[];
  };
  feedback: FeedbackItem[];
  disclaimer: string;
}
/**
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "ScoreComponent".
 */
export interface ScoreComponent {
  id: ComponentId;
  label: string;
  weight: number;
  fraction: number;
  points: number;
  explanation: string;
}
/**
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "Formula".
 */
export interface Formula {
  text: string;
  componentWeights: {
    diagnosis: number;
    keyActions: number;
    dosing: number;
    timing: number;
    safety: number;
  };
  requirementWeights: {
    critical: number;
    recommended: number;
  };
  harmfulCap: number;
  riskyExtraPenalty: number;
  roundingAllowance: number;
}
/**
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "CaseFeatureReading".
 */
export interface CaseFeatureReading {
  feature: string;
  value: string | number | boolean | null;
  basis: string;
}
/**
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "RequirementResult".
 */
export interface RequirementResult {
  id: string;
  label: string;
  level: 'critical' | 'recommended';
  satisfiedBy: string[];
  present: boolean;
  /**
   * null when no satisfier has a dose rule.
   */
  doseOk?: boolean | null;
  /**
   * null when the requirement has no timing window.
   */
  onTime?: boolean | null;
  safeguarded?: boolean;
  byHour?: number;
  statementIds: string[];
  citations: string[];
}
/**
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "FeedbackItem".
 */
export interface FeedbackItem {
  severity: Severity;
  /**
   * What was found, in one line.
   */
  title: string;
  /**
   * Why it matters, in plain words.
   */
  teachingPoint: string;
  /**
   * What the expert would do.
   */
  expertAction: string;
  statementIds: string[];
  citations: string[];
  actionIds?: string[];
  requirementId?: string;
  pitfallId?: string;
  component?: ComponentId;
  /**
   * The teaching text mentions a fact marked unverified in clinical-reference.md; it is not scored.
   */
  unverified?: boolean;
}
