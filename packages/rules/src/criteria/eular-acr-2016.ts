import type { CaseIndex } from '../case/case-index.js';
import type { CriteriaResult, CriteriaStatus, EvaluateOptions } from './criteria-result.js';
import { countStatus } from './count-status.js';
import type { Threshold } from './threshold.js';
import { labItem, type LabItemSpec } from './lab-item.js';
import { sjiaFebrileApplicability } from './eular-acr-2016-applicability.js';
import { indexedCriteriaSet, type IndexedCriteriaSet } from './criteria-set.js';
import { resultWindow } from './result-window.js';

/**
 * 2016 EULAR/ACR/PRINTO classification criteria for MAS complicating sJIA (Ravelli 2016):
 * a febrile patient with known or suspected sJIA is classified as MAS if ferritin > 684 ng/mL AND
 * any 2 of: platelets ≤ 181 ×10⁹/L, AST > 48 U/L, triglycerides > 156 mg/dL, fibrinogen ≤ 360 mg/dL.
 * Strict and non-strict inequalities exactly as published (clinical-reference.md §1.2).
 */
const CITE = 'ravelli-2016';

export const EULAR_ACR_2016 = {
  ferritin: { comparator: '>', value: 684, unit: 'ng/mL' },
  required: 2,
  items: {
    platelets: { comparator: '<=', value: 181, unit: '×10⁹/L' },
    ast: { comparator: '>', value: 48, unit: 'U/L' },
    triglycerides: { comparator: '>', value: 156, unit: 'mg/dL' },
    fibrinogen: { comparator: '<=', value: 360, unit: 'mg/dL' },
  },
} as const satisfies { ferritin: Threshold; required: number; items: Record<string, Threshold> };

const OTHER_ITEMS: readonly LabItemSpec[] = [
  {
    id: 'platelets',
    label: 'Platelet count',
    analyte: 'platelets',
    worst: 'lowest',
    threshold: EULAR_ACR_2016.items.platelets,
    citation: CITE,
  },
  { id: 'ast', label: 'AST', analyte: 'ast', worst: 'highest', threshold: EULAR_ACR_2016.items.ast, citation: CITE },
  {
    id: 'triglycerides',
    label: 'Triglycerides',
    analyte: 'triglycerides',
    worst: 'highest',
    threshold: EULAR_ACR_2016.items.triglycerides,
    citation: CITE,
  },
  {
    id: 'fibrinogen',
    label: 'Fibrinogen',
    analyte: 'fibrinogen',
    worst: 'lowest',
    threshold: EULAR_ACR_2016.items.fibrinogen,
    citation: CITE,
  },
];

const FERRITIN_ITEM: LabItemSpec = {
  id: 'ferritin',
  label: 'Ferritin (required)',
  analyte: 'ferritin',
  worst: 'highest',
  threshold: EULAR_ACR_2016.ferritin,
  citation: CITE,
};

function evaluate(index: CaseIndex, options: EvaluateOptions): CriteriaResult {
  const entry = sjiaFebrileApplicability(index, CITE);
  const ferritin = labItem(index, FERRITIN_ITEM);
  const others = OTHER_ITEMS.map((spec) => labItem(index, spec));
  const k = countStatus(others, EULAR_ACR_2016.required);

  const labStatus: CriteriaStatus =
    ferritin.status === 'not-met' || k.status === 'not-met'
      ? 'not-met'
      : ferritin.status === 'met' && k.status === 'met'
        ? 'met'
        : 'not-assessable';

  const status: CriteriaStatus =
    entry.applicability === 'not-applicable'
      ? 'not-applicable'
      : entry.applicability === 'unknown'
        ? 'not-assessable'
        : labStatus;

  const ferritinText =
    ferritin.status === 'met'
      ? 'ferritin > 684 ng/mL'
      : ferritin.status === 'not-met'
        ? 'ferritin ≤ 684 ng/mL'
        : 'ferritin not assessed';
  const countText = `${k.met} of 4 other items met, ${k.notAssessed} not assessed`;
  const summary =
    status === 'not-applicable'
      ? `Not applicable: ${entry.reason} (the criteria classify MAS in a febrile patient with known or suspected sJIA).`
      : entry.applicability === 'unknown'
        ? `Not assessable: ${entry.reason}, so it is unknown whether the criteria apply (${ferritinText}; ${countText}).`
        : status === 'met'
          ? `Classified as MAS: ${ferritinText} and ${countText} (2 required).`
          : status === 'not-met'
            ? `Not classified as MAS: ${ferritinText}; ${countText} (ferritin > 684 ng/mL and 2 required).`
            : `Not assessable: ${ferritinText}; ${countText}, and the missing items could change the answer.`;

  return {
    id: 'eular-acr-2016',
    name: '2016 EULAR/ACR/PRINTO classification criteria for MAS in sJIA',
    citation: CITE,
    window: resultWindow(
      index.window,
      'worst value in the window (highest ferritin, AST, triglycerides, temperature; lowest platelets, fibrinogen)',
      options,
      'first-24-hours',
    ),
    status,
    summary,
    count: { met: k.met, notAssessed: k.notAssessed, required: EULAR_ACR_2016.required, of: OTHER_ITEMS.length },
    classifications: {
      'ferritin-required':
        ferritin.status === 'met' ? 'met' : ferritin.status === 'not-met' ? 'not-met' : 'not-assessable',
      'two-of-four': k.status,
    },
    items: [ferritin, ...others, ...entry.items],
    notes: [
      'Applies only to a febrile patient with known or suspected sJIA; the criteria print no fever number, and masdrill reads "febrile" as a highest temperature ≥ 38.0 °C (the CDC MIS-C definitions use 38.0 °C), feverDays > 0 or subjective fever. Fever not assessed at all → not assessable.',
      'Inequalities exactly as published: ferritin > 684 ng/mL, platelets ≤ 181 ×10⁹/L, AST > 48 U/L, triglycerides > 156 mg/dL (> 1.76 mmol/L), fibrinogen ≤ 360 mg/dL (≤ 3.6 g/L).',
      'Classification criteria, not a diagnosis: sensitivity 0.73, specificity 0.99 in validation; they perform less well under IL-1/IL-6 blockade (Eloseily 2019).',
      'count is over the 4 items after ferritin; ferritin > 684 ng/mL is required in addition.',
    ],
  };
}

export const eularAcr2016: IndexedCriteriaSet = indexedCriteriaSet(
  'eular-acr-2016',
  '2016 EULAR/ACR/PRINTO classification criteria for MAS in sJIA',
  'first-24-hours',
  evaluate,
);
