import type { Case } from '../generated/case.js';
import type { PlannedAction, Plan } from '../generated/plan.js';
import type { FeedbackItem } from '../generated/score-report.js';
import type { ActionDefinition, Companion } from '../guideline/actions.js';
import type { CaseFeatures } from '../guideline/case-features.js';
import type { Requirement } from '../guideline/indications.js';
import type { Basis } from '../guideline/provenance.js';
import type { DoseCheck } from './dose-check.js';
import type { ExpectedPlan } from './expected-plan.js';

/** One action of the plan as the scorer sees it. */
export interface PlanInstance {
  /** Index in plan.actions; -1 for the reassessment written as reassessEveryHours. */
  readonly index: number;
  readonly planned: PlannedAction;
  readonly def: ActionDefinition;
  readonly dose: DoseCheck;
  /** The action is harmful in this case (an extra rule says so) or its dose is. */
  readonly harmful: boolean;
}

export interface RequirementOutcome {
  readonly requirement: Requirement;
  readonly present: boolean;
  readonly doseOk: boolean | null;
  readonly onTime: boolean | null;
  readonly safeguarded: boolean;
  readonly best?: PlanInstance;
  readonly missingCompanions: readonly Companion[];
  /** Satisfiers planned that the treatment-control table does not count for this requirement (anakinra below high dose as second line). */
  readonly inadequate: readonly PlanInstance[];
}

export interface ScoringContext {
  /** The case as the trainee sees it up to the decision hour (pitfalls that read the chart evaluate it in that window). */
  readonly chart: Case;
  readonly features: CaseFeatures;
  readonly expected: ExpectedPlan;
  readonly plan: Plan;
  readonly decisionHour: number;
  readonly instances: readonly PlanInstance[];
  readonly outcomes: ReadonlyMap<string, RequirementOutcome>;
}

export interface PitfallFinding {
  readonly items: readonly FeedbackItem[];
  /** Feedback the generic pass must not repeat: "omission:<req>", "late:<req>", "dose:<index>", "companion:<index>:<companion>", "diagnosis". */
  readonly claims: readonly string[];
  /**
   * A plan the sources call dangerous or weak as a whole, not by one facet: the score is scaled to at
   * most `percent` (SCORING_FORMULA dangerousOmissionCap / advisedAgainstCap), for `reason`.
   */
  readonly cap?: { readonly percent: number; readonly reason: string };
}

export function feedback(item: Omit<FeedbackItem, 'statementIds' | 'citations'> & { basis: Basis }): FeedbackItem {
  const { basis, ...rest } = item;
  return { ...rest, statementIds: [...basis.statementIds], citations: [...basis.citations] };
}
