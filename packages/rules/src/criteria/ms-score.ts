import type { CaseIndex } from '../case/case-index.js';
import type { BooleanObservationField, Worst } from '../case/case-reader.js';
import type { NumericAnalyte } from '../units/analytes.js';
import type { CriteriaResult, CriteriaStatus, ItemEvidence, ScoreSummary, EvaluateOptions } from './criteria-result.js';
import { scoreStatus } from './count-status.js';
import { compare, type Threshold } from './threshold.js';
import { readLab } from './lab-item.js';
import { sjiaFebrileApplicability } from './eular-acr-2016-applicability.js';
import { indexedCriteriaSet, type IndexedCriteriaSet } from './criteria-set.js';
import { resultWindow } from './result-window.js';

/**
 * MS score, MAS vs active sJIA (Minoia 2019, Table 4):
 *   MS = 2.44×CNS + 1.54×Haem − 1.30×Arthritis − 0.003×PLT + 0.001×LDH − 0.004×Fibrinogen + 0.0001×Ferritin
 * PLT ×10⁹/L, LDH U/L, fibrinogen mg/dL, ferritin ng/mL; cut-off MS ≥ −2.1 (clinical-reference.md §1.4).
 */
const CITE = 'minoia-2019 Table 4';
const NAME = 'MS score (MAS vs active sJIA)';

interface FindingTerm {
  readonly kind: 'finding';
  readonly id: string;
  readonly label: string;
  readonly field: BooleanObservationField;
  readonly coefficient: number;
}
interface LabTerm {
  readonly kind: 'lab';
  readonly id: string;
  readonly label: string;
  readonly analyte: NumericAnalyte;
  readonly unit: string;
  readonly coefficient: number;
  readonly worst: Worst;
}

export const MS_SCORE = {
  cutoff: { comparator: '>=', value: -2.1, unit: '' },
  terms: [
    { kind: 'finding', id: 'cns', label: 'CNS involvement', field: 'cnsInvolvement', coefficient: 2.44 },
    { kind: 'finding', id: 'hemorrhage', label: 'Haemorrhagic manifestations', field: 'hemorrhage', coefficient: 1.54 },
    { kind: 'finding', id: 'arthritis', label: 'Active arthritis', field: 'activeArthritis', coefficient: -1.3 },
    {
      kind: 'lab',
      id: 'platelets',
      label: 'Platelet count',
      analyte: 'platelets',
      unit: '×10⁹/L',
      coefficient: -0.003,
      worst: 'lowest',
    },
    { kind: 'lab', id: 'ldh', label: 'LDH', analyte: 'ldh', unit: 'U/L', coefficient: 0.001, worst: 'highest' },
    {
      kind: 'lab',
      id: 'fibrinogen',
      label: 'Fibrinogen',
      analyte: 'fibrinogen',
      unit: 'mg/dL',
      coefficient: -0.004,
      worst: 'lowest',
    },
    {
      kind: 'lab',
      id: 'ferritin',
      label: 'Ferritin',
      analyte: 'ferritin',
      unit: 'ng/mL',
      coefficient: 0.0001,
      worst: 'highest',
    },
  ],
} as const satisfies { cutoff: Threshold; terms: readonly (FindingTerm | LabTerm)[] };

/** One term: its evidence and the range of contributions it could still make (lab values are ≥ 0 and unbounded above). */
interface Term {
  readonly evidence: ItemEvidence;
  readonly min: number;
  readonly max: number;
}

function signed(x: number): string {
  return x < 0 ? `− ${Math.abs(x)}` : `+ ${x}`;
}

// Term texts are constants of the model: built once per term, not per case.
const termTexts = new WeakMap<FindingTerm | LabTerm, string>();

function termText(term: FindingTerm | LabTerm): string {
  let text = termTexts.get(term);
  if (text === undefined) {
    text =
      term.kind === 'finding'
        ? `present: ${signed(term.coefficient)}`
        : `continuous: ${signed(term.coefficient)} × value in ${term.unit}`;
    termTexts.set(term, text);
  }
  return text;
}

function termOf(index: CaseIndex, term: FindingTerm | LabTerm): Term {
  const threshold = termText(term);
  if (term.kind === 'finding') {
    const reading = index.finding(term.field);
    if (reading === undefined) {
      return {
        evidence: {
          id: term.id,
          label: term.label,
          status: 'not-assessed',
          value: null,
          unit: null,
          threshold,
          hour: null,
          citation: CITE,
        },
        min: Math.min(0, term.coefficient),
        max: Math.max(0, term.coefficient),
      };
    }
    const points = reading.value ? term.coefficient : 0;
    return {
      evidence: {
        id: term.id,
        label: term.label,
        status: reading.value ? 'met' : 'not-met',
        value: reading.value,
        unit: null,
        threshold,
        hour: reading.hour,
        points,
        citation: CITE,
      },
      min: points,
      max: points,
    };
  }
  const reading = readLab(index, term.analyte, term.unit, term.worst);
  if (reading === undefined) {
    // A lab value is ≥ 0 with no upper limit: its contribution is bounded on one side only.
    return {
      evidence: {
        id: term.id,
        label: term.label,
        status: 'not-assessed',
        value: null,
        unit: term.unit,
        threshold,
        hour: null,
        citation: CITE,
      },
      min: term.coefficient < 0 ? -Infinity : 0,
      max: term.coefficient < 0 ? 0 : Infinity,
    };
  }
  const points = term.coefficient * reading.value;
  // "met" for a continuous term means: measured and entered into the score.
  return {
    evidence: {
      id: term.id,
      label: term.label,
      status: 'met',
      value: reading.value,
      unit: term.unit,
      threshold,
      hour: reading.hour,
      points,
      citation: CITE,
    },
    min: points,
    max: points,
  };
}

function meetsCutoff(score: number): boolean {
  return compare(score, MS_SCORE.cutoff.comparator, MS_SCORE.cutoff.value);
}

function evaluate(index: CaseIndex, options: EvaluateOptions): CriteriaResult {
  const entry = sjiaFebrileApplicability(index, 'minoia-2019');
  const terms = MS_SCORE.terms.map((t) => termOf(index, t));
  const value = terms.reduce((s, t) => s + (t.evidence.points ?? 0), 0);
  const min = terms.reduce((s, t) => s + t.min, 0);
  const max = terms.reduce((s, t) => s + t.max, 0);
  const scoreState = scoreStatus(min, max, meetsCutoff);
  const notAssessed = terms.filter((t) => t.evidence.status === 'not-assessed').length;
  const bounded = Number.isFinite(min) && Number.isFinite(max);
  const cutoff = '≥ −2.1';

  const status: CriteriaStatus =
    entry.applicability === 'not-applicable'
      ? 'not-applicable'
      : entry.applicability === 'unknown'
        ? 'not-assessable'
        : scoreState;

  const scoreText =
    notAssessed === 0
      ? `MS score ${value.toFixed(2)}`
      : bounded
        ? `MS score between ${min.toFixed(2)} and ${max.toFixed(2)} (${notAssessed} item(s) not assessed)`
        : `${notAssessed} item(s) not assessed, including a laboratory value with no upper limit`;
  const summary =
    status === 'not-applicable'
      ? `Not applicable: ${entry.reason} (the MS score was derived for febrile patients with known or suspected sJIA).`
      : entry.applicability === 'unknown'
        ? `Not assessable: ${entry.reason}, so it is unknown whether the MS score applies (${scoreText}).`
        : status === 'met'
          ? `Met: ${scoreText} reaches the cut-off ${cutoff}.`
          : status === 'not-met'
            ? `Not met: ${scoreText} stays below the cut-off ${cutoff}.`
            : `Not assessable: ${scoreText}, so the score could fall on either side of ${cutoff}.`;

  // A score is reported only when its bounds are finite (every laboratory term measured).
  const score: ScoreSummary | undefined = bounded
    ? { value, min, max, cutoff: `${cutoff} (sensitivity 0.85, specificity 0.95)` }
    : undefined;

  const window = resultWindow(
    index.window,
    'worst value in the window (lowest platelets and fibrinogen, highest LDH and ferritin; a finding counts if present at any assessment)',
    options,
    'first-24-hours',
  );
  const items = [...terms.map((t) => t.evidence), ...entry.items];
  const notes = [
    'MS = 2.44×CNS + 1.54×Haem − 1.30×Arthritis − 0.003×PLT(×10⁹/L) + 0.001×LDH(U/L) − 0.004×Fibrinogen(mg/dL) + 0.0001×Ferritin(ng/mL); cut-off ≥ −2.1 (Minoia 2019).',
    'Applies to a febrile patient with known or suspected sJIA, as the 2016 criteria; masdrill reads "febrile" as a highest temperature ≥ 38.0 °C, feverDays > 0 or subjective fever (its operational choice).',
    'Worst value in the window in the direction of MAS: lowest platelets and fibrinogen, highest LDH and ferritin; CNS involvement, haemorrhage and active arthritis count if present at any assessment in the window.',
    'For laboratory terms, item status "met" means measured and entered into the score (points = coefficient × value); the terms have no cut-off of their own.',
    'Missing items: a yes/no item spans its two contributions; a missing laboratory value is bounded only by 0 (ferritin and LDH are unbounded above, platelets and fibrinogen unbounded below in contribution), so no score is reported, but the status is still decided when every possible value falls on one side of the cut-off.',
  ];
  // Two literals rather than a conditional spread (slow on Node 20): `score`, when reported, sits between summary and items.
  return score === undefined
    ? { id: 'ms-score', name: NAME, citation: 'minoia-2019', window, status, summary, items, notes }
    : { id: 'ms-score', name: NAME, citation: 'minoia-2019', window, status, summary, score, items, notes };
}

export const msScore: IndexedCriteriaSet = indexedCriteriaSet('ms-score', NAME, 'first-24-hours', evaluate);
