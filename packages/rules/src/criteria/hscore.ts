import type { Background, Case } from '../generated/case.js';
import { FIRST_24_HOURS, inWindow, type TimeWindow } from '../case/time-window.js';
import { worstObservation } from '../case/case-reader.js';
import type { CriteriaResult, CriteriaSet, EvaluateOptions, ItemEvidence, ItemStatus } from './criteria-result.js';
import { scoreStatus } from './count-status.js';
import { compare, describeThreshold, type Comparator, type Threshold } from './threshold.js';
import { findingItem, labItem, readLab, type UnitReading } from './lab-item.js';
import { hscoreProbability, HSCORE_PROBABILITY_FIT } from './hscore-probability.js';

/**
 * HScore for reactive hemophagocytic syndrome (Fardet 2014), points exactly as in the published
 * table (clinical-reference.md §1.3). Each continuous variable is kept in its published unit;
 * boundary values (38.4, 39.4, 2000, 6000, 1.5, 4) fall in the middle band as in the original.
 */
const CITE = 'fardet-2014 Table';

interface Bound { readonly comparator: Comparator; readonly value: number }
/** A band: the value satisfies every bound it lists. */
interface Band { readonly points: number; readonly bounds: readonly Bound[]; readonly text: string }
interface BandedVariable { readonly unit: string; readonly bands: readonly Band[] }

export const HSCORE = {
  cutoff: { comparator: '>=', value: 169, unit: '' },
  maximum: 337,
  immunosuppression: { points: 18 },
  temperature: {
    unit: '°C',
    bands: [
      { points: 0, bounds: [{ comparator: '<', value: 38.4 }], text: '< 38.4' },
      { points: 33, bounds: [{ comparator: '>=', value: 38.4 }, { comparator: '<=', value: 39.4 }], text: '38.4–39.4' },
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
      { points: 35, bounds: [{ comparator: '>=', value: 2000 }, { comparator: '<=', value: 6000 }], text: '2000–6000' },
      { points: 50, bounds: [{ comparator: '>', value: 6000 }], text: '> 6000' },
    ],
  },
  triglycerides: {
    unit: 'mmol/L',
    bands: [
      { points: 0, bounds: [{ comparator: '<', value: 1.5 }], text: '< 1.5' },
      { points: 44, bounds: [{ comparator: '>=', value: 1.5 }, { comparator: '<=', value: 4 }], text: '1.5–4' },
      { points: 64, bounds: [{ comparator: '>', value: 4 }], text: '> 4' },
    ],
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
  cutoff: Threshold; maximum: number; immunosuppression: { points: number };
  temperature: BandedVariable; organomegaly: { none: number; one: number; both: number };
  cytopenias: { pointsByCount: readonly number[]; hemoglobin: Threshold; wbc: Threshold; platelets: Threshold };
  ferritin: BandedVariable; triglycerides: BandedVariable; fibrinogen: BandedVariable; ast: BandedVariable;
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

function bandOf(variable: BandedVariable, value: number): Band {
  const band = variable.bands.find((b) => b.bounds.every((bound) => compare(value, bound.comparator, bound.value)));
  // The bands partition the real line (the epsilon of `compare` is symmetric): unreachable.
  if (band === undefined) throw new Error(`HScore: no band for ${value} ${variable.unit}`);
  return band;
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
    return { evidence: { id, label, status: 'not-assessed', value: null, unit: variable.unit, threshold, hour: null, citation: CITE }, min, max };
  }
  const band = bandOf(variable, reading.value);
  return {
    evidence: { id, label, status: statusForPoints(band.points), value: reading.value, unit: variable.unit, threshold, hour: reading.hour, points: band.points, citation: CITE },
    min: band.points, max: band.points,
  };
}

function immunosuppressionItem(c: Case): Scored {
  const { hivPositive, immunosuppressiveTherapy: therapy } = c.background;
  const pts = HSCORE.immunosuppression.points;
  const base = {
    id: 'immunosuppression', label: 'Known underlying immunosuppression', unit: null, hour: null, citation: CITE,
    threshold: `HIV positive or long-term immunosuppressive therapy → ${pts}`,
  };
  const counting = (therapy ?? []).filter((a) => HSCORE_IMMUNOSUPPRESSIVE_AGENTS[a] === 'counts');
  if (hivPositive === true || counting.length > 0) {
    const value = [...(hivPositive === true ? ['HIV positive'] : []), ...counting].join(', ');
    return { evidence: { ...base, status: 'met', value, points: pts }, min: pts, max: pts };
  }
  if (therapy === undefined) {
    return { evidence: { ...base, status: 'not-assessed', value: null, note: 'long-term therapy not recorded' }, min: 0, max: pts };
  }
  if (therapy.some((a) => HSCORE_IMMUNOSUPPRESSIVE_AGENTS[a] === 'unknown')) {
    return {
      evidence: { ...base, status: 'not-assessed', value: null, note: `recorded therapy: ${therapy.join(', ')}; an unnamed ("other") long-term therapy may or may not be immunosuppressive` },
      min: 0, max: pts,
    };
  }
  return {
    evidence: {
      ...base, status: 'not-met', value: therapy.length === 0 ? 'none' : therapy.join(', '), points: 0,
      ...(hivPositive === undefined ? { note: 'HIV status not recorded: not a KNOWN immunosuppression' } : {}),
    },
    min: 0, max: 0,
  };
}

function organomegalyItem(c: Case, window: TimeWindow): { scored: Scored; parts: ItemEvidence[] } {
  const o = HSCORE.organomegaly;
  const liver = findingItem(c, { id: 'organomegaly.hepatomegaly', label: 'Hepatomegaly', field: 'hepatomegaly', citation: CITE }, window);
  const spleen = findingItem(c, { id: 'organomegaly.splenomegaly', label: 'Splenomegaly', field: 'splenomegaly', citation: CITE }, window);
  const parts = [liver, spleen];
  const met = parts.filter((p) => p.status === 'met').length;
  const unknown = parts.filter((p) => p.status === 'not-assessed').length;
  const byCount = [o.none, o.one, o.both] as const;
  const min = byCount[met] ?? 0;
  const max = byCount[met + unknown] ?? 0;
  const base = {
    id: 'organomegaly', label: 'Organomegaly', unit: null, citation: CITE,
    threshold: `none → ${o.none}; hepatomegaly or splenomegaly → ${o.one}; both → ${o.both}`,
  };
  const evidence: ItemEvidence = unknown === 0
    ? { ...base, status: statusForPoints(min), value: met === 2 ? 'both' : met === 1 ? (liver.status === 'met' ? 'hepatomegaly' : 'splenomegaly') : 'none', hour: null, points: min }
    : { ...base, status: 'not-assessed', value: null, hour: null, note: `${met} organ(s) enlarged, ${unknown} not assessed: ${min}–${max} points` };
  return { scored: { evidence, min, max }, parts };
}

function cytopeniaItem(c: Case, window: TimeWindow): { scored: Scored; parts: ItemEvidence[] } {
  const t = HSCORE.cytopenias;
  const parts = [
    labItem(c, { id: 'cytopenia.hemoglobin', label: 'Hemoglobin', analyte: 'hemoglobin', worst: 'lowest', threshold: t.hemoglobin, citation: CITE }, window),
    labItem(c, { id: 'cytopenia.wbc', label: 'White cell count', analyte: 'wbc', worst: 'lowest', threshold: t.wbc, citation: CITE }, window),
    labItem(c, { id: 'cytopenia.platelets', label: 'Platelets', analyte: 'platelets', worst: 'lowest', threshold: t.platelets, citation: CITE }, window),
  ];
  const met = parts.filter((p) => p.status === 'met').length;
  const unknown = parts.filter((p) => p.status === 'not-assessed').length;
  const min = t.pointsByCount[met] ?? 0;
  const max = t.pointsByCount[met + unknown] ?? 0;
  const base = {
    id: 'cytopenias', label: 'Number of cytopenias', unit: 'lineages', citation: CITE,
    threshold: `Hb ${describeThreshold(t.hemoglobin)}, WBC ${describeThreshold(t.wbc)}, platelets ${describeThreshold(t.platelets)}: 1 lineage → 0; 2 → 24; 3 → 34`,
  };
  const evidence: ItemEvidence = unknown === 0
    ? { ...base, status: statusForPoints(min), value: met, hour: null, points: min }
    : { ...base, status: 'not-assessed', value: null, hour: null, note: `${met} lineage(s) low, ${unknown} not assessed: ${min}–${max} points` };
  return { scored: { evidence, min, max }, parts };
}

function hemophagocytosisItem(c: Case, window: TimeWindow): Scored {
  const pts = HSCORE.hemophagocytosis.points;
  const base = { id: 'hemophagocytosis', label: 'Hemophagocytosis on bone marrow aspirate', unit: null, citation: CITE, threshold: `present → ${pts}` };
  const inside = (c.investigations.boneMarrow ?? []).filter((m) => inWindow(m.hour, window));
  const positive = inside.find((m) => m.hemophagocytosis);
  if (positive !== undefined) return { evidence: { ...base, status: 'met', value: true, hour: positive.hour, points: pts }, min: pts, max: pts };
  const first = inside[0];
  if (first !== undefined) return { evidence: { ...base, status: 'not-met', value: false, hour: first.hour, points: 0 }, min: 0, max: 0 };
  return { evidence: { ...base, status: 'not-assessed', value: null, hour: null }, min: 0, max: pts };
}

function evaluate(c: Case, options: EvaluateOptions = {}): CriteriaResult {
  const window = options.window ?? FIRST_24_HOURS;
  const organomegaly = organomegalyItem(c, window);
  const cytopenias = cytopeniaItem(c, window);
  const temp = worstObservation(c, 'temperatureC', window, 'highest');
  const temperature = bandedItem('temperature', 'Temperature', HSCORE.temperature, temp && { ...temp, unit: HSCORE.temperature.unit });
  const scored: Scored[] = [
    immunosuppressionItem(c),
    temperature,
    organomegaly.scored,
    cytopenias.scored,
    bandedItem('ferritin', 'Ferritin', HSCORE.ferritin, readLab(c, 'ferritin', HSCORE.ferritin.unit, window, 'highest')),
    bandedItem('triglycerides', 'Triglycerides', HSCORE.triglycerides, readLab(c, 'triglycerides', HSCORE.triglycerides.unit, window, 'highest')),
    bandedItem('fibrinogen', 'Fibrinogen', HSCORE.fibrinogen, readLab(c, 'fibrinogen', HSCORE.fibrinogen.unit, window, 'lowest')),
    bandedItem('ast', 'AST', HSCORE.ast, readLab(c, 'ast', HSCORE.ast.unit, window, 'highest')),
    hemophagocytosisItem(c, window),
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
    status === 'met' ? `HScore ${value}${min === max ? '' : ` (range ${min}–${max})`} reaches the cut-off ≥ ${cutoff}.`
      : status === 'not-met' ? `HScore ${value}${min === max ? '' : ` (at most ${max} with ${notAssessed} item(s) not assessed)`} stays below the cut-off ≥ ${cutoff}.`
        : `Not assessable: ${value} points from assessed items, ${notAssessed} item(s) not assessed leave a range ${min}–${max} across the cut-off ≥ ${cutoff}.`;

  return {
    id: 'hscore', name: 'HScore', citation: 'fardet-2014',
    window: { ...window, rule: 'worst value in the window (highest temperature, ferritin, triglycerides, AST; lowest hemoglobin, WBC, platelets, fibrinogen)' },
    status, summary,
    score: {
      value, min, max, cutoff: `≥ ${cutoff} (sensitivity 93%, specificity 86%)`,
      probability: {
        value: probability,
        method: `${HSCORE_PROBABILITY_FIT.method}${min === max ? '' : `; computed on the ${value} points from assessed items, so a lower bound while ${notAssessed} item(s) are not assessed`}`,
      },
    },
    items: [...scored.map((i) => i.evidence), ...organomegaly.parts, ...cytopenias.parts],
    notes: [
      'HScore was derived in adults (Fardet 2014); it is not validated in children or in the ICU, and its probability table was not validated in the ICU.',
      `Probability: ${HSCORE_PROBABILITY_FIT.method} (citation ${HSCORE_PROBABILITY_FIT.citation}).`,
      'Boundary values (38.4 and 39.4 °C, ferritin 2000 and 6000 ng/mL, triglycerides 1.5 and 4 mmol/L) fall in the middle band as in the original table ("< 38.4 → 0"; one calculator writes "≤ 38.4 = 0").',
      'score.value counts the assessed items only; score.min/max are the totals if every not-assessed item took its lowest/highest points.',
      'Known underlying immunosuppression: HIV positive, or long-term glucocorticoids, cyclosporine, azathioprine (named by Fardet) or, by masdrill\'s choice, tacrolimus or mycophenolate; methotrexate and IL-1/IL-6 blockers do not count; an unrecorded HIV status is not a known immunosuppression; an unrecorded therapy list leaves the item not assessed.',
      'Cytopenias: 0 or 1 lineage low scores 0 (the table lists "1 lineage → 0").',
    ],
  };
}

export const hscore: CriteriaSet = { id: 'hscore', name: 'HScore', evaluate };
