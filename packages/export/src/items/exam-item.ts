/**
 * One exam item as every writer sees it: plain data, decided by the item builders from the rules'
 * answers (evaluate, expectedPlan, scorePlan, the patient's course), never by a writer.
 */

export type ItemTopic = 'diagnosis' | 'criteria' | 'next-step' | 'dose' | 'escalation' | 'pitfall';
export type ItemKind = 'single' | 'multiple' | 'numeric';

export interface LabTable {
  readonly caption: string;
  /** Column headings: the hours of the panels shown, e.g. "0 h". */
  readonly hours: readonly number[];
  readonly rows: readonly LabRow[];
}

export interface LabRow {
  readonly label: string;
  readonly unit: string;
  /** One cell per hour; null where the analyte was not measured ("not measured", never "normal"). */
  readonly values: readonly (number | null)[];
}

export interface ItemOption {
  /** A, B, C… */
  readonly id: string;
  readonly text: string;
}

export interface NumericKey {
  readonly value: number;
  /** Absolute tolerance in the unit: an answer within value ± tolerance is right. */
  readonly tolerance: number;
  readonly unit: string;
}

/** Where an item comes from: enough to rebuild it (seed and index, or the scenario and stage). */
export interface ItemSource {
  readonly caseId: string;
  readonly seed?: number;
  readonly index?: number;
  readonly scenarioId?: string;
  readonly stageId?: string;
  readonly hour: number;
}

export interface ExamItem {
  /** Stable across runs with the same seed and options: e.g. "mas-2026-0003-dose". */
  readonly id: string;
  /** 1-based position in the exam. */
  readonly number: number;
  readonly topic: ItemTopic;
  readonly kind: ItemKind;
  readonly title: string;
  /** The patient as the candidate sees them (no ground truth). */
  readonly vignette: string;
  /** The question itself. */
  readonly question: string;
  readonly labTable?: LabTable;
  /** Empty for numeric items. */
  readonly options: readonly ItemOption[];
  /** Option ids that are right (one for single, one or more for multiple; empty for numeric). */
  readonly key: readonly string[];
  readonly numericKey?: NumericKey;
  /** Why the key is right, citing guideline statement IDs. */
  readonly rationale: string;
  readonly statementIds: readonly string[];
  /** Citation keys (clinical-reference.md) where the rule rests on a source beyond the guideline. */
  readonly citations?: readonly string[];
  readonly source: ItemSource;
}

export const ITEM_TOPICS: readonly ItemTopic[] = [
  'diagnosis',
  'criteria',
  'next-step',
  'dose',
  'escalation',
  'pitfall',
];

export const OPTION_LETTERS = 'ABCDEFGHIJ';
