import type { Case, Investigations } from '../generated/case.js';
import { FIRST_24_HOURS, inWindow, type TimeWindow } from '../case/time-window.js';
import type { CriteriaResult, CriteriaSet, CriteriaStatus, EvaluateOptions, ItemEvidence, ItemStatus } from './criteria-result.js';
import { countStatus } from './count-status.js';
import { describeThreshold, meetsThreshold, type Threshold } from './threshold.js';
import { findingItem, itemStatusOf, labItem, observationItem, readLab, thresholdItem } from './lab-item.js';

/**
 * HLH-2004 diagnostic guidelines (Henter 2007): (A) a molecular diagnosis consistent with HLH, or
 * (B) at least 5 of the 8 criteria. Every threshold is kept in the unit HLH-2004 published it in,
 * with ≥ / ≤ exactly as in the original table (some reproductions print > / <; clinical-reference.md §1.1).
 */
const CITE = 'henter-2007-hlh2004';

export const HLH_2004 = {
  required: 5,
  of: 8,
  fever: {
    // The original table says "Fever"; Jordan 2011 and the JITC reproduction write ≥38.5 °C.
    threshold: { comparator: '>=', value: 38.5, unit: '°C' },
    citation: 'jordan-2011 Table 1',
  },
  cytopenia: {
    requiredLineages: 2,
    hemoglobin: { comparator: '<', value: 90, unit: 'g/L' },
    /** Infants under 4 weeks of age. */
    hemoglobinInfant: { comparator: '<', value: 100, unit: 'g/L' },
    infantAgeDays: 28,
    platelets: { comparator: '<', value: 100, unit: '×10⁹/L' },
    neutrophils: { comparator: '<', value: 1.0, unit: '×10⁹/L', decimals: 1 },
  },
  triglyceridesFasting: { comparator: '>=', value: 3.0, unit: 'mmol/L', decimals: 1 },
  fibrinogen: { comparator: '<=', value: 1.5, unit: 'g/L' },
  ferritin: { comparator: '>=', value: 500, unit: 'µg/L' },
  sCd25: { comparator: '>=', value: 2400, unit: 'U/mL' },
} as const satisfies {
  required: number; of: number;
  fever: { threshold: Threshold; citation: string };
  cytopenia: Record<'hemoglobin' | 'hemoglobinInfant' | 'platelets' | 'neutrophils', Threshold> & { requiredLineages: number; infantAgeDays: number };
  triglyceridesFasting: Threshold; fibrinogen: Threshold; ferritin: Threshold; sCd25: Threshold;
};

/** Days per year used to turn `patient.ageYears` into days for the "< 4 weeks" infant rule (masdrill's choice: Julian year). */
const DAYS_PER_YEAR = 365.25;

/** Any-of over sub-items, tri-state: met if one is met, not met if all are not met, otherwise not assessed. */
function anyOf(items: readonly ItemEvidence[]): ItemStatus {
  if (items.some((i) => i.status === 'met')) return 'met';
  if (items.every((i) => i.status === 'not-met')) return 'not-met';
  return 'not-assessed';
}

function cytopeniaItems(c: Case, window: TimeWindow): { criterion: ItemEvidence; lineages: ItemEvidence[] } {
  const t = HLH_2004.cytopenia;
  // Age at presentation decides the infant rule for the whole window (masdrill's choice).
  const ageDays = c.patient.ageYears * DAYS_PER_YEAR;
  const infant = meetsThreshold(ageDays, { comparator: '<', value: t.infantAgeDays, unit: 'days' });
  const hb = labItem(c, {
    id: 'cytopenia.hemoglobin', label: 'Hemoglobin', analyte: 'hemoglobin', worst: 'lowest',
    threshold: infant ? t.hemoglobinInfant : t.hemoglobin, citation: CITE,
    note: infant
      ? `infant under 4 weeks (${ageDays.toFixed(1)} days at presentation): Hb < 100 g/L applies`
      : 'Hb < 90 g/L (the < 100 g/L rule applies only to infants under 4 weeks)',
  }, window);
  const plt = labItem(c, { id: 'cytopenia.platelets', label: 'Platelets', analyte: 'platelets', worst: 'lowest', threshold: t.platelets, citation: CITE }, window);
  const anc = labItem(c, { id: 'cytopenia.neutrophils', label: 'Neutrophils', analyte: 'anc', worst: 'lowest', threshold: t.neutrophils, citation: CITE }, window);
  const lineages = [hb, plt, anc];
  const s = countStatus(lineages, t.requiredLineages);
  const criterion: ItemEvidence = {
    id: 'cytopenias', label: 'Cytopenias affecting ≥ 2 of 3 lineages', status: itemStatusOf(s.status),
    value: s.status === 'not-assessable' ? null : s.met, unit: 'lineages', threshold: `≥ ${t.requiredLineages} of 3 lineages low`, hour: null, citation: CITE,
    note: `${s.met} lineage(s) low, ${s.notAssessed} not assessed; one criterion however many lineages are low`,
  };
  return { criterion, lineages };
}

/**
 * Hypertriglyceridemia: HLH-2004 asks for a FASTING value. masdrill's reading (the source is silent
 * on non-fasting samples):
 * - panels marked fasting, or whose fasting status was not recorded, are read as they are;
 * - a non-fasting value at or above the cut-off does not establish fasting hypertriglyceridemia →
 *   not assessed (unless an eligible panel already meets it);
 * - a non-fasting value below the cut-off counts as not met (masdrill's reading: a fasting sample
 *   is not expected to be higher than a non-fasting one).
 */
function triglycerideItem(c: Case, window: TimeWindow): ItemEvidence {
  const threshold = HLH_2004.triglyceridesFasting;
  const spec = { id: 'tg-fibrinogen.triglycerides', label: 'Triglycerides (fasting)', threshold, citation: CITE };
  const eligible: Case = { ...c, labs: c.labs.filter((p) => p.triglyceridesFasting !== false) };
  const nonFasting: Case = { ...c, labs: c.labs.filter((p) => p.triglyceridesFasting === false) };
  const best = readLab(eligible, 'triglycerides', threshold.unit, window, 'highest');
  const worstNonFasting = readLab(nonFasting, 'triglycerides', threshold.unit, window, 'highest');
  const fastingRecorded = best === undefined ? undefined : c.labs.find((p) => p.hour === best.hour && p.triglycerides !== undefined && p.triglyceridesFasting !== false)?.triglyceridesFasting;
  const eligibleItem = thresholdItem({
    ...spec,
    note: fastingRecorded === true ? 'fasting sample'
      : 'fasting status not recorded: read as a fasting value (masdrill\'s choice; HLH-2004 asks for fasting triglycerides)',
  }, best);
  if (eligibleItem.status === 'met') return eligibleItem;
  if (worstNonFasting !== undefined && meetsThreshold(worstNonFasting.value, threshold)) {
    return {
      ...thresholdItem(spec, undefined),
      note: `non-fasting sample of ${worstNonFasting.value.toFixed(2)} mmol/L at hour ${worstNonFasting.hour}, at or above the cut-off: HLH-2004 asks for fasting triglycerides, so this does not establish the criterion (repeat fasting)`,
    };
  }
  if (best !== undefined) return eligibleItem;
  if (worstNonFasting !== undefined) {
    return { ...thresholdItem(spec, worstNonFasting), note: 'non-fasting sample below the cut-off: counted as not met (masdrill\'s reading: a fasting value is not expected to be higher)' };
  }
  return thresholdItem(spec, undefined);
}

function tgFibrinogenItems(c: Case, window: TimeWindow): { criterion: ItemEvidence; parts: ItemEvidence[] } {
  const tg = triglycerideItem(c, window);
  const fib = labItem(c, { id: 'tg-fibrinogen.fibrinogen', label: 'Fibrinogen', analyte: 'fibrinogen', worst: 'lowest', threshold: HLH_2004.fibrinogen, citation: CITE }, window);
  const parts = [tg, fib];
  const status = anyOf(parts);
  const criterion: ItemEvidence = {
    id: 'tg-fibrinogen', label: 'Hypertriglyceridemia and/or hypofibrinogenemia', status,
    value: status === 'not-assessed' ? null : parts.filter((p) => p.status === 'met').length, unit: 'of 2',
    threshold: `fasting TG ${describeThreshold(HLH_2004.triglyceridesFasting)} and/or fibrinogen ${describeThreshold(HLH_2004.fibrinogen)}`,
    hour: null, citation: CITE,
  };
  return { criterion, parts };
}

function hemophagocytosisItem(marrows: Investigations['boneMarrow'], window: TimeWindow): ItemEvidence {
  const base = {
    id: 'hemophagocytosis', label: 'Hemophagocytosis on bone marrow', threshold: 'present (no evidence of malignancy)', unit: null, citation: CITE,
  };
  const inside = (marrows ?? []).filter((m) => inWindow(m.hour, window));
  if (inside.length === 0) {
    return { ...base, status: 'not-assessed', value: null, hour: null, note: 'no bone marrow examination in the window (spleen and lymph-node histology are not recorded in a case)' };
  }
  const positive = inside.find((m) => m.hemophagocytosis);
  if (positive !== undefined) {
    return {
      ...base, status: 'met', value: true, hour: positive.hour,
      ...(positive.malignancy === true
        ? { note: 'the same marrow showed malignancy: HLH-2004 adds "no evidence of malignancy"; masdrill counts the hemophagocytosis and flags this' }
        : {}),
    };
  }
  const first = inside.reduce((a, b) => (b.hour < a.hour ? b : a));
  return {
    ...base, status: 'not-met', value: false, hour: first.hour,
    note: 'absence of hemophagocytosis does not exclude HLH/MAS; serial marrow assessment may be needed (guideline DX-4)',
  };
}

function nkActivityItem(c: Case, window: TimeWindow): ItemEvidence {
  const base = { id: 'nk-activity', label: 'Low or absent NK-cell activity', threshold: 'low or absent (per local laboratory reference)', unit: null, citation: CITE };
  const readings = c.labs.filter((p) => inWindow(p.hour, window) && p.nkCellActivity !== undefined);
  const low = readings.find((p) => p.nkCellActivity === 'low' || p.nkCellActivity === 'absent');
  if (low !== undefined) return { ...base, status: 'met', value: low.nkCellActivity ?? null, hour: low.hour };
  const first = readings[0];
  if (first !== undefined) return { ...base, status: 'not-met', value: first.nkCellActivity ?? null, hour: first.hour };
  return { ...base, status: 'not-assessed', value: null, hour: null };
}

function molecularStatus(c: Case): CriteriaStatus {
  const known = c.encounter.knownHlhGeneticDiagnosis;
  return known === true ? 'met' : known === false ? 'not-met' : 'not-assessable';
}

function evaluate(c: Case, options: EvaluateOptions = {}): CriteriaResult {
  const window = options.window ?? FIRST_24_HOURS;
  const fever = observationItem(c, {
    id: 'fever', label: 'Fever', field: 'temperatureC', worst: 'highest', threshold: HLH_2004.fever.threshold, citation: HLH_2004.fever.citation,
    note: 'one reproduction of the HLH-2004 table prints "Fever" without a number; masdrill encodes ≥ 38.5 °C (Jordan 2011) on the highest temperature',
  }, window);
  const splenomegaly = findingItem(c, { id: 'splenomegaly', label: 'Splenomegaly', field: 'splenomegaly', citation: CITE }, window);
  const cytopenias = cytopeniaItems(c, window);
  const tgFib = tgFibrinogenItems(c, window);
  const hemophagocytosis = hemophagocytosisItem(c.investigations.boneMarrow, window);
  const nk = nkActivityItem(c, window);
  const ferritin = labItem(c, {
    id: 'ferritin', label: 'Ferritin', analyte: 'ferritin', worst: 'highest', threshold: HLH_2004.ferritin, citation: CITE,
    note: '≥ 500 µg/L is non-specific (e.g. sepsis); > 3000 µg/L is concerning and > 10,000 µg/L highly suspicious (Jordan 2011; guideline DX-1)',
  }, window);
  const scd25 = labItem(c, {
    id: 'scd25', label: 'Soluble CD25 (sIL-2Rα)', analyte: 'sCd25', worst: 'highest', threshold: HLH_2004.sCd25, citation: CITE,
    note: 'norms are age-related; > 2 SD above the age-adjusted laboratory norm is considered more meaningful (Jordan 2011)',
  }, window);

  // The 8 published criteria in table order; `count` is taken over these only.
  const criteria = [fever, splenomegaly, cytopenias.criterion, tgFib.criterion, hemophagocytosis, nk, ferritin, scd25];

  const known = c.encounter.knownHlhGeneticDiagnosis;
  const molecular: ItemEvidence = {
    id: 'molecular-diagnosis', label: 'Molecular diagnosis consistent with HLH (arm A)',
    status: known === true ? 'met' : known === false ? 'not-met' : 'not-assessed',
    value: known ?? null, unit: null, threshold: 'present', hour: null, citation: CITE,
  };

  const b = countStatus(criteria, HLH_2004.required);
  const armA = molecularStatus(c);
  // Arm A decides only when it is known to be present: an unrecorded molecular diagnosis does not
  // hold the result open (masdrill's choice; genetic results rarely exist in the first hours).
  const status: CriteriaStatus = armA === 'met' ? 'met' : b.status;

  const summary = armA === 'met'
    ? `Met by arm A: a molecular diagnosis consistent with HLH (${b.met} of 8 clinical criteria also met).`
    : b.status === 'met'
      ? `Met: ${b.met} of 8 criteria met (≥ ${HLH_2004.required} required).`
      : b.status === 'not-met'
        ? `Not met: ${b.met} of 8 criteria met and only ${b.notAssessed} not assessed, so ≥ ${HLH_2004.required} cannot be reached.`
        : `Not assessable: ${b.met} of 8 criteria met and ${b.notAssessed} not assessed could still reach ${HLH_2004.required}.`;

  return {
    id: 'hlh-2004', name: 'HLH-2004 diagnostic guidelines', citation: CITE,
    window: { ...window, rule: 'worst value in the window (highest temperature, ferritin, triglycerides, sCD25; lowest hemoglobin, platelets, neutrophils, fibrinogen)' },
    status, summary,
    count: { met: b.met, notAssessed: b.notAssessed, required: HLH_2004.required, of: HLH_2004.of },
    classifications: { 'molecular-diagnosis': armA, 'clinical-criteria': b.status },
    items: [...criteria, ...cytopenias.lineages, ...tgFib.parts, molecular],
    notes: [
      'Fever: one reproduction of the HLH-2004 table prints "Fever" without a number; masdrill encodes ≥ 38.5 °C on the highest temperature in the window (Jordan 2011, JITC reproduction). A fever documented only as days of fever or subjective fever, without a temperature, leaves the item not assessed.',
      'Thresholds use ≥ and ≤ as in the original HLH-2004 table (fasting TG ≥ 3.0 mmol/L, fibrinogen ≤ 1.5 g/L, ferritin ≥ 500 µg/L, sCD25 ≥ 2400 U/mL); some reproductions print > and <.',
      'Triglycerides: HLH-2004 asks for a fasting value. masdrill reads fasting and unrecorded-fasting panels as they are; a non-fasting value at or above 3.0 mmol/L leaves the item not assessed, a non-fasting value below it counts as not met.',
      'Infant hemoglobin rule (< 100 g/L under 4 weeks): age in days = ageYears × 365.25 at presentation, under 28 days.',
      'Cytopenias and TG/fibrinogen are one criterion each; their lineages/parts are listed as sub-items after the 8 criteria.',
      'Hemophagocytosis is read from bone marrow examinations in the window; its absence does not exclude HLH/MAS (guideline DX-4).',
      'Arm A (molecular diagnosis) is met only when recorded as present; when unrecorded it does not keep the result open.',
      'Ferritin > 10,000 µg/L is highly specific (guideline DX-1; Jordan 2011); HLH-2004 was built for (mostly familial) pediatric HLH and is non-specific in sepsis.',
    ],
  };
}

export const hlh2004: CriteriaSet = { id: 'hlh-2004', name: 'HLH-2004 diagnostic guidelines', evaluate };
