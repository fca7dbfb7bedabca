import type { CourseReason, MasTreatment } from '@masdrill/generator';
import type { Case, Escalation, ExpectedPlan, Plan, Stage } from '@masdrill/rules';
import type { ExamItem, ItemSource } from './exam-item.js';

/**
 * What an item builder may read about one patient at one decision hour. `visible` is what the
 * candidate sees (the stem is written from it alone); `caseNow` and `expected` are for the key only.
 */
export interface ItemContext {
  /** Stable id prefix, e.g. "mas-2026-0003". */
  readonly idBase: string;
  readonly source: ItemSource;
  readonly hour: number;
  readonly visible: Case;
  readonly caseNow: Case;
  readonly expected: ExpectedPlan;
  /** Seed for the order of options. */
  readonly orderSeed: number;
  /** At a reassessment: the plan in force, what the course calls for and why. */
  readonly reassessment?: {
    readonly planInForce: Plan;
    readonly expectedEscalation: Escalation;
    readonly reasons: readonly CourseReason[];
    /** The stage the course now calls for, and how far the MAS treatment in force went. */
    readonly planStage: Stage;
    readonly masTreatment: MasTreatment;
  };
}

/** An item before it is numbered in the exam. */
export type DraftItem = Omit<ExamItem, 'number'>;
