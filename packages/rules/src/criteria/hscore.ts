import type { Background, Case } from '../generated/case.js';
import type { CaseIndex } from '../case/case-index.js';
import type { CriteriaResult, ItemEvidence, ItemStatus, EvaluateOptions } from './criteria-result.js';
import { scoreStatus } from './count-status.js';
import { compare, describeThreshold, type Comparator, type Threshold } from './threshold.js';
import {
  findingItem,
  labItem,
  readLab,
  type FindingItemSpec,
  type LabItemSpec,
  type UnitReading,
  type WritableItem,
} from './lab-item.js';
import { hscoreProbability, HSCORE_PROBABILITY_FIT } from './hscore-probability.js';
import { printedInEnteredUnit } from './entered-unit.js';
import { indexedCriteriaSet, type IndexedCriteriaSet } from './criteria-set.js';
import { resultWindow } from './result-window.js';

/**
 * HScore for reactive hemophagocytic syndrome (Fardet 2014), points exactly as in the published
 * table (clinical-reference.md §1.3). Each continuous variable is kept in its published unit;
 * boundary values (38.4, 39.4, 2000, 6000, 1.5, 4) fall in the middle band as in the original.
 */
const CITE = 'fardet-2014 Table';

interface Bound {
  readonly comparator: Comparator;
  readonly value: number;
}
/** A band: the value satisfies every bound it lists. */
interface Band {
  readonly points: number;
  readonly bounds: readonly Bound[];
  readonly text: string;
}
interface BandedVariable {
  readonly unit: string;
  readonly bands: readonly Band[];
}

export const HSCORE = {
  cutoff: { comparator: '>=', value: 169, unit: '' },
  maximum: 337,
  immunosuppression: { points: 18 },
  temperature: {
    unit: '°C',
    bands: [
      { points: 0, bounds: [{ comparator: '<', value: 38.4 }], text: '< 38.4' },
      {
        points: 33,
        bounds: [
          { comparator: '>=', value: 38.4 },
          { comparator: '<=', value: 39.4 },
        ],
        text: '38.4–39.4',
      },
      { points: 49, bounds: [{ comparator: '>', value: 39.4 }], text: '> 39.4' },
    ],
  },
  organomegaly: { none: 0, one: 23, both: 38 },
  cytopenias: {
    /** Points by number of lineages low: 0 or 1 → 0, 2 → 24, 3 → 34. */
    pointsByCount: [0, 0, 24, 34],
    hemoglobin: { comparator: '<=', value: 9.2, unit: 'g/dL' },
    wbc: { comparator: '<=', value: 5.0, unit: '×10⁹/L', decimals: 1 },
    platelets: { comparator: '<=', value: 110, unit: '×10⁹/L' },
  },
  ferritin: {
    unit: 'ng/mL',
    bands: [
      { points: 0, bounds: [{ comparator: '<', value: 2000 }], text: '< 2000' },
      {
        points: 35,
        bounds: [
          { comparator: '>=', value: 2000 },
          { comparator: '<=', value: 6000 },
        ],
        text: '2000–6000',
      },
      { points: 50, bounds: [{ comparator: '>', value: 6000 }], text: '> 6000' },
    ],
  },
  /**
   * Printed in mmol/L with the mg/dL equivalents beside them ("mg/dL: < 132.7 / 132.7–354 / > 354",
   * clinical-reference.md §1.3): a value is banded in the unit it was entered in.
   */
  triglycerides: {
    'mmol/L': {
      unit: 'mmol/L',
      bands: [
        { points: 0, bounds: [{ comparator: '<', value: 1.5 }], text: '< 1.5' },
        {
          points: 44,
          bounds: [
            { comparator: '>=', value: 1.5 },
            { comparator: '<=', value: 4 },
          ],
          text: '1.5–4',
        },
        { points: 64, bounds: [{ comparator: '>', value: 4 }], text: '> 4' },
      ],
    },
    'mg/dL': {
      unit: 'mg/dL',
      bands: [
        { points: 0, bounds: [{ comparator: '<', value: 132.7 }], text: '< 132.7' },
        {
          points: 44,
          bounds: [
            { comparator: '>=', value: 132.7 },
            { comparator: '<=', value: 354 },
          ],
          text: '132.7–354',
        },
        { points: 64, bounds: [{ comparator: '>', value: 354 }], text: '> 354' },
      ],
    },
  },
  fibrinogen: {
    unit: 'g/L',
    bands: [
      { points: 0, bounds: [{ comparator: '>', value: 2.5 }], text: '> 2.5' },
      { points: 30, bounds: [{ comparator: '<=', value: 2.5 }], text: '≤ 2.5' },
    ],
  },
  ast: {
    unit: 'IU/L',
    bands: [
      { points: 0, bounds: [{ comparator: '<', value: 30 }], text: '< 30' },
      { points: 19, bounds: [{ comparator: '>=', value: 30 }], text: '≥ 30' },
    ],
  },
  hemophagocytosis: { points: 35 },
} as const satisfies {
  cutoff: Threshold;
  maximum: number;
  immunosuppression: { points: number };
  temperature: BandedVariable;
  organomegaly: { none: number; one: number; both: number };
  cytopenias: { pointsByCount: readonly number[]; hemoglobin: Threshold; wbc: Threshold; platelets: Threshold };
  ferritin: BandedVariable;
  triglycerides: Readonly<Record<'mmol/L' | 'mg/dL', BandedVariable>>;
  fibrinogen: BandedVariable;
  ast: BandedVariable;
  hemophagocytosis: { points: number };
};

type Agent = NonNullable<Background['immunosuppressiveTherapy']>[number];

/**
 * Which recorded long-term therapies count as "known underlying immunosuppression". Fardet names
 * glucocorticoids, cyclosporine and azathioprine. masdrill's choice for the rest (a mapped type
 * keeps this complete when the case schema grows):
 * - tacrolimus (calcineurin inhibitor like cyclosporine) and mycophenolate (antiproliferative like
 *   azathioprine) count as the same drug classes;
 * - methotrexate and the cytokine blockers (anakinra, canakinumab, tocilizumab) do not count: they
 *   are not among the named agents;
 * - 'other' is an unnamed agent: on its own it leaves the item not assessed.
 */
export const HSCORE_IMMUNOSUPPRESSIVE_AGENTS: { readonly [K in Agent]: 'counts' | 'does-not-count' | 'unknown' } = {
  glucocorticoid: 'counts',
  cyclosporine: 'counts',
  azathioprine: 'counts',
  tacrolimus: 'counts',
  mycophenolate: 'counts',
  methotrexate: 'does-not-count',
  anakinra: 'does-not-count',
  canakinumab: 'does-not-count',
  tocilizumab: 'does-not-count',
  other: 'unknown',
};

/** One scored item plus the range of points it could still take if it is not (fully) assessed. */
interface Scored {
  readonly evidence: ItemEvidence;
  readonly min: number;
  readonly max: number;
}

function inBand(band: Band, value: number): boolean {
  for (const bound of band.bounds) if (!compare(value, bound.comparator, bound.value)) return false;
  return true;
}

function bandOf(variable: BandedVariable, value: number): Band {
  for (const band of variable.bands) if (inBand(band, value)) return band;
  // The bands partition the real line (the epsilon of `compare` is symmetric): unreachable.
  throw new Error(`HScore: no band for ${value} ${variable.unit}`);
}

// Band tables are constants, so their text is built once per table.
const bandTexts = new WeakMap<BandedVariable, string>();

function bandText(variable: BandedVariable): string {
  let text = bandTexts.get(variable);
  if (text === undefined) {
    text = variable.bands.map((b) => `${b.text} ${variable.unit} → ${b.points}`).join('; ');
    bandTexts.set(variable, text);
  }
  return text;
}

const pointRanges = new WeakMap<BandedVariable, { min: number; max: number }>();

function pointRange(variable: BandedVariable): { min: number; max: number } {
  let range = pointRanges.get(variable);
  if (range === undefined) {
    const pts = variable.bands.map((b) => b.points);
    range = { min: Math.min(...pts), max: Math.max(...pts) };
    pointRanges.set(variable, range);
  }
  return range;
}

function statusForPoints(points: number): ItemStatus {
  return points > 0 ? 'met' : 'not-met';
}

function bandedItem(id: string, label: string, variable: BandedVariable, reading: UnitReading | undefined): Scored {
  const threshold = bandText(variable);
  if (reading === undefined) {
    const { min, max } = pointRange(variable);
    return {
      evidence: {
        id,
        label,
        status: 'not-assessed',
        value: null,
        unit: variable.unit,
        threshold,
        hour: null,
        citation: CITE,
      },
      min,
      max,
    };
  }
  const band = bandOf(variable, reading.value);
  return {
    evidence: {
      id,
      label,
      status: statusForPoints(band.points),
      value: reading.value,
      unit: variable.unit,
      threshold,
      hour: reading.hour,
      points: band.points,
      citation: CITE,
    },
    min: band.points,
    max: band.points,
  };
}

const IMMUNOSUPPRESSION_THRESHOLD = `HIV positive or long-term immunosuppressive therapy → ${HSCORE.immunosuppression.points}`;

/** Evidence properties in the order this item lists them: id, label, unit, hour, citation, threshold, then the reading. */
function immunosuppressionEvidence(
  status: ItemStatus,
  value: string | null,
  points: number | undefined,
  note: string | undefined,
): ItemEvidence {
  const item: WritableItem = {
    id: 'immunosuppression',
    label: 'Known underlying immunosuppression',
    unit: null,
    hour: null,
    citation: CITE,
    threshold: IMMUNOSUPPRESSION_THRESHOLD,
    status,
    value,
  };
  if (points !== undefined) item.points = points;
  if (note !== undefined) item.note = note;
  return item;
}

function immunosuppressionItem(c: Case): Scored {
  const { hivPositive, immunosuppressiveTherapy: therapy } = c.background;
  const pts = HSCORE.immunosuppression.points;
  const counting = (therapy ?? []).filter((a) => HSCORE_IMMUNOSUPPRESSIVE_AGENTS[a] === 'counts');
  if (hivPositive === true || counting.length > 0) {
    const value = (hivPositive === true ? ['HIV positive', ...counting] : counting).join(', ');
    return { evidence: immunosuppressionEvidence('met', value, pts, undefined), min: pts, max: pts };
  }
  if (therapy === undefined) {
    return {
      evidence: immunosuppressionEvidence('not-assessed', null, undefined, 'long-term therapy not recorded'),
      min: 0,
      max: pts,
    };
  }
  if (therapy.some((a) => HSCORE_IMMUNOSUPPRESSIVE_AGENTS[a] === 'unknown')) {
    return {
      evidence: immunosuppressionEvidence(
        'not-assessed',
        null,
        undefined,
        `recorded therapy: ${therapy.join(', ')}; an unnamed ("other") long-term therapy may or may not be immunosuppressive`,
      ),
      min: 0,
      max: pts,
    };
  }
  return {
    evidence: immunosuppressionEvidence(
      'not-met',
      therapy.length === 0 ? 'none' : therapy.join(', '),
      0,
      hivPositive === undefined ? 'HIV status not recorded: not a KNOWN immunosuppression' : undefined,
    ),
    min: 0,
    max: 0,
  };
}

/**
 * A summary item over sub-items (organomegaly, cytopenias), properties in the order these list them:
 * id, label, unit, citation, threshold, then the reading; points when complete, else a note.
 */
function summaryEvidence(
  head: { readonly id: string; readonly label: string; readonly unit: string | null; readonly threshold: string },
  status: ItemStatus,
  value: string | number | null,
  points: number | undefined,
  note: string | undefined,
): ItemEvidence {
  const item: WritableItem = {
    id: head.id,
    label: head.label,
    unit: head.unit,
    citation: CITE,
    threshold: head.threshold,
    status,
    value,
    hour: null,
  };
  if (points !== undefined) item.points = points;
  if (note !== undefined) item.note = note;
  return item;
}

const ORGANOMEGALY = {
  id: 'organomegaly',
  label: 'Organomegaly',
  unit: null,
  threshold: `none → ${HSCORE.organomegaly.none}; hepatomegaly or splenomegaly → ${HSCORE.organomegaly.one}; both → ${HSCORE.organomegaly.both}`,
} as const;
const HEPATOMEGALY_SPEC: FindingItemSpec = {
  id: 'organomegaly.hepatomegaly',
  label: 'Hepatomegaly',
  field: 'hepatomegaly',
  citation: CITE,
};
const SPLENOMEGALY_SPEC: FindingItemSpec = {
  id: 'organomegaly.splenomegaly',
  label: 'Splenomegaly',
  field: 'splenomegaly',
  citation: CITE,
};

/** How many of some items are met and how many not assessed. */
function tally(parts: readonly ItemEvidence[]): { met: number; unknown: number } {
  let met = 0;
  let unknown = 0;
  for (const p of parts) {
    if (p.status === 'met') met += 1;
    else if (p.status === 'not-assessed') unknown += 1;
  }
  return { met, unknown };
}

function organomegalyItem(index: CaseIndex): { scored: Scored; parts: ItemEvidence[] } {
  const o = HSCORE.organomegaly;
  const liver = findingItem(index, HEPATOMEGALY_SPEC);
  const spleen = findingItem(index, SPLENOMEGALY_SPEC);
  const parts = [liver, spleen];
  const { met, unknown } = tally(parts);
  const byCount = [o.none, o.one, o.both] as const;
  const min = byCount[met] ?? 0;
  const max = byCount[met + unknown] ?? 0;
  const evidence =
    unknown === 0
      ? summaryEvidence(
          ORGANOMEGALY,
          statusForPoints(min),
          met === 2 ? 'both' : met === 1 ? (liver.status === 'met' ? 'hepatomegaly' : 'splenomegaly') : 'none',
          min,
          undefined,
        )
      : summaryEvidence(
          ORGANOMEGALY,
          'not-assessed',
          null,
          undefined,
          `${met} organ(s) enlarged, ${unknown} not assessed: ${min}–${max} points`,
        );
  return { scored: { evidence, min, max }, parts };
}

const CYTOPENIAS = {
  id: 'cytopenias',
  label: 'Number of cytopenias',
  unit: 'lineages',
  threshold: `Hb ${describeThreshold(HSCORE.cytopenias.hemoglobin)}, WBC ${describeThreshold(HSCORE.cytopenias.wbc)}, platelets ${describeThreshold(HSCORE.cytopenias.platelets)}: 1 lineage → 0; 2 → 24; 3 → 34`,
} as const;
const CYTOPENIA_SPECS: readonly LabItemSpec[] = [
  {
    id: 'cytopenia.hemoglobin',
    label: 'Hemoglobin',
    analyte: 'hemoglobin',
    worst: 'lowest',
    threshold: HSCORE.cytopenias.hemoglobin,
    citation: CITE,
  },
  {
    id: 'cytopenia.wbc',
    label: 'White cell count',
    analyte: 'wbc',
    worst: 'lowest',
    threshold: HSCORE.cytopenias.wbc,
    citation: CITE,
  },
  {
    id: 'cytopenia.platelets',
    label: 'Platelets',
    analyte: 'platelets',
    worst: 'lowest',
    threshold: HSCORE.cytopenias.platelets,
    citation: CITE,
  },
];

function cytopeniaItem(index: CaseIndex): { scored: Scored; parts: ItemEvidence[] } {
  const t = HSCORE.cytopenias;
  const parts = CYTOPENIA_SPECS.map((spec) => labItem(index, spec));
  const { met, unknown } = tally(parts);
  const min = t.pointsByCount[met] ?? 0;
  const max = t.pointsByCount[met + unknown] ?? 0;
  const evidence =
    unknown === 0
      ? summaryEvidence(CYTOPENIAS, statusForPoints(min), met, min, undefined)
      : summaryEvidence(
          CYTOPENIAS,
          'not-assessed',
          null,
          undefined,
          `${met} lineage(s) low, ${unknown} not assessed: ${min}–${max} points`,
        );
  return { scored: { evidence, min, max }, parts };
}

const HEMOPHAGOCYTOSIS_THRESHOLD = `present → ${HSCORE.hemophagocytosis.points}`;

/** Evidence properties in the order this item lists them: id, label, unit, citation, threshold, then the reading. */
function marrowEvidence(
  status: ItemStatus,
  value: boolean | null,
  hour: number | null,
  points: number | undefined,
): ItemEvidence {
  const item: WritableItem = {
    id: 'hemophagocytosis',
    label: 'Hemophagocytosis on bone marrow aspirate',
    unit: null,
    citation: CITE,
    threshold: HEMOPHAGOCYTOSIS_THRESHOLD,
    status,
    value,
    hour,
  };
  if (points !== undefined) item.points = points;
  return item;
}

function hemophagocytosisItem(index: CaseIndex): Scored {
  const pts = HSCORE.hemophagocytosis.points;
  const inside = index.boneMarrowInWindow();
  const positive = inside.find((m) => m.hemophagocytosis);
  if (positive !== undefined) return { evidence: marrowEvidence('met', true, positive.hour, pts), min: pts, max: pts };
  const first = inside[0];
  if (first !== undefined) return { evidence: marrowEvidence('not-met', false, first.hour, 0), min: 0, max: 0 };
  return { evidence: marrowEvidence('not-assessed', null, null, undefined), min: 0, max: pts };
}

// Texts that quote the constants of the score, built once.
const CUTOFF_TEXT = `≥ ${HSCORE.cutoff.value} (sensitivity 93%, specificity 86%)`;
const PROBABILITY_NOTE = `Probability: ${HSCORE_PROBABILITY_FIT.method} (citation ${HSCORE_PROBABILITY_FIT.citation}).`;

function evaluate(index: CaseIndex, options: EvaluateOptions): CriteriaResult {
  const c = index.case;
  const organomegaly = organomegalyItem(index);
  const cytopenias = cytopeniaItem(index);
  const temp = index.worstObservation('temperatureC', 'highest');
  const temperature = bandedItem(
    'temperature',
    'Temperature',
    HSCORE.temperature,
    temp && { value: temp.value, unit: HSCORE.temperature.unit, hour: temp.hour },
  );
  const triglycerides = printedInEnteredUnit(HSCORE.triglycerides, 'triglycerides', options).value;
  const scored: Scored[] = [
    immunosuppressionItem(c),
    temperature,
    organomegaly.scored,
    cytopenias.scored,
    bandedItem('ferritin', 'Ferritin', HSCORE.ferritin, readLab(index, 'ferritin', HSCORE.ferritin.unit, 'highest')),
    bandedItem(
      'triglycerides',
      'Triglycerides',
      triglycerides,
      readLab(index, 'triglycerides', triglycerides.unit, 'highest'),
    ),
    bandedItem(
      'fibrinogen',
      'Fibrinogen',
      HSCORE.fibrinogen,
      readLab(index, 'fibrinogen', HSCORE.fibrinogen.unit, 'lowest'),
    ),
    bandedItem('ast', 'AST', HSCORE.ast, readLab(index, 'ast', HSCORE.ast.unit, 'highest')),
    hemophagocytosisItem(index),
  ];
  const min = scored.reduce((s, i) => s + i.min, 0);
  const max = scored.reduce((s, i) => s + i.max, 0);
  // Every item's lowest band scores 0, so the assessed points equal the lower bound.
  const value = scored.reduce((s, i) => s + (i.evidence.points ?? i.min), 0);
  const cutoff = HSCORE.cutoff.value;
  const status = scoreStatus(min, max, (score) => compare(score, HSCORE.cutoff.comparator, cutoff));
  const notAssessed = scored.filter((i) => i.evidence.status === 'not-assessed').length;
  const probability = hscoreProbability(value);
  const summary =
    status === 'met'
      ? `HScore ${value}${min === max ? '' : ` (range ${min}–${max})`} reaches the cut-off ≥ ${cutoff}.`
      : status === 'not-met'
        ? `HScore ${value}${min === max ? '' : ` (at most ${max} with ${notAssessed} item(s) not assessed)`} stays below the cut-off ≥ ${cutoff}.`
        : `Not assessable: ${value} points from assessed items, ${notAssessed} item(s) not assessed leave a range ${min}–${max} across the cut-off ≥ ${cutoff}.`;

  return {
    id: 'hscore',
    name: 'HScore',
    citation: 'fardet-2014',
    window: resultWindow(
      index.window,
      'worst value in the window (highest temperature, ferritin, triglycerides, AST; lowest hemoglobin, WBC, platelets, fibrinogen)',
      options,
      'first-24-hours',
    ),
    status,
    summary,
    score: {
      value,
      min,
      max,
      cutoff: CUTOFF_TEXT,
      probability: {
        value: probability,
        method: `${HSCORE_PROBABILITY_FIT.method}${min === max ? '' : `; computed on the ${value} points from assessed items, so a lower bound while ${notAssessed} item(s) are not assessed`}`,
      },
    },
    items: [...scored.map((i) => i.evidence), ...organomegaly.parts, ...cytopenias.parts],
    notes: [
      'HScore was derived in adults (Fardet 2014); it is not validated in children or in the ICU, and its probability table was not validated in the ICU.',
      PROBABILITY_NOTE,
      'Boundary values (38.4 and 39.4 °C, ferritin 2000 and 6000 ng/mL, triglycerides 1.5 and 4 mmol/L or 132.7 and 354 mg/dL) fall in the middle band as in the original table ("< 38.4 → 0"; one calculator writes "≤ 38.4 = 0").',
      'Triglycerides are banded in the unit they were entered in, against the bands printed in that unit: mg/dL (< 132.7 / 132.7–354 / > 354) for a value entered in mg/dL as the case stores it, mmol/L (< 1.5 / 1.5–4 / > 4) for one entered in SI units (evaluate --units si).',
      'score.value counts the assessed items only; score.min/max are the totals if every not-assessed item took its lowest/highest points.',
      "Known underlying immunosuppression: HIV positive, or long-term glucocorticoids, cyclosporine, azathioprine (named by Fardet) or, by masdrill's choice, tacrolimus or mycophenolate; methotrexate and IL-1/IL-6 blockers do not count; an unrecorded HIV status is not a known immunosuppression; an unrecorded therapy list leaves the item not assessed.",
      'Cytopenias: 0 or 1 lineage low scores 0 (the table lists "1 lineage → 0").',
    ],
  };
}

export const hscore: IndexedCriteriaSet = indexedCriteriaSet('hscore', 'HScore', 'first-24-hours', evaluate);
