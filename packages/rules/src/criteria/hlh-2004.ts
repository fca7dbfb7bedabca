import type { Case, LabPanel } from '../generated/case.js';
import type { CaseIndex } from '../case/case-index.js';
import { worstLabAmong } from '../case/case-reader.js';
import type { CriteriaResult, CriteriaStatus, ItemEvidence, ItemStatus, EvaluateOptions } from './criteria-result.js';
import { countStatus } from './count-status.js';
import { describeThreshold, formatNumber, meetsThreshold, type Threshold } from './threshold.js';
import { printedInEnteredUnit } from './entered-unit.js';
import { fromCanonical } from '../units/convert.js';
import {
  findingItem,
  itemStatusOf,
  labItem,
  observationItem,
  thresholdItem,
  type FindingItemSpec,
  type LabItemSpec,
  type ObservationItemSpec,
  type UnitReading,
  type WritableItem,
} from './lab-item.js';
import { indexedCriteriaSet, type IndexedCriteriaSet } from './criteria-set.js';
import { resultWindow } from './result-window.js';
import { DAYS_PER_YEAR } from '../units/calendar.js';

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
  /** "fasting TG ≥ 3.0 mmol/L (≥ 265 mg/dL)": printed in both units, each judged in its own (clinical-reference.md §1.1). */
  triglyceridesFasting: {
    'mmol/L': { comparator: '>=', value: 3.0, unit: 'mmol/L', decimals: 1 },
    'mg/dL': { comparator: '>=', value: 265, unit: 'mg/dL' },
  },
  fibrinogen: { comparator: '<=', value: 1.5, unit: 'g/L' },
  ferritin: { comparator: '>=', value: 500, unit: 'µg/L' },
  sCd25: { comparator: '>=', value: 2400, unit: 'U/mL' },
} as const satisfies {
  required: number;
  of: number;
  fever: { threshold: Threshold; citation: string };
  cytopenia: Record<'hemoglobin' | 'hemoglobinInfant' | 'platelets' | 'neutrophils', Threshold> & {
    requiredLineages: number;
    infantAgeDays: number;
  };
  triglyceridesFasting: Readonly<Record<'mmol/L' | 'mg/dL', Threshold>>;
  fibrinogen: Threshold;
  ferritin: Threshold;
  sCd25: Threshold;
};

/** Days per year used to turn `patient.ageYears` into days for the "< 4 weeks" infant rule (masdrill's choice: Julian year). */

/** Any-of over sub-items, tri-state: met if one is met, not met if all are not met, otherwise not assessed. */
function anyOf(items: readonly ItemEvidence[]): ItemStatus {
  if (items.some((i) => i.status === 'met')) return 'met';
  if (items.every((i) => i.status === 'not-met')) return 'not-met';
  return 'not-assessed';
}

// Item specs are constants of the definition, built once (only the infant note depends on the case).
const INFANT_AGE: Threshold = { comparator: '<', value: HLH_2004.cytopenia.infantAgeDays, unit: 'days' };
const HEMOGLOBIN_SPEC: LabItemSpec = {
  id: 'cytopenia.hemoglobin',
  label: 'Hemoglobin',
  analyte: 'hemoglobin',
  worst: 'lowest',
  threshold: HLH_2004.cytopenia.hemoglobin,
  citation: CITE,
  note: 'Hb < 90 g/L (the < 100 g/L rule applies only to infants under 4 weeks)',
};
const PLATELETS_SPEC: LabItemSpec = {
  id: 'cytopenia.platelets',
  label: 'Platelets',
  analyte: 'platelets',
  worst: 'lowest',
  threshold: HLH_2004.cytopenia.platelets,
  citation: CITE,
};
const NEUTROPHILS_SPEC: LabItemSpec = {
  id: 'cytopenia.neutrophils',
  label: 'Neutrophils',
  analyte: 'anc',
  worst: 'lowest',
  threshold: HLH_2004.cytopenia.neutrophils,
  citation: CITE,
};

const CYTOPENIA_THRESHOLD = `≥ ${HLH_2004.cytopenia.requiredLineages} of 3 lineages low`;

function cytopeniaItems(index: CaseIndex): { criterion: ItemEvidence; lineages: ItemEvidence[] } {
  const t = HLH_2004.cytopenia;
  // Age at presentation decides the infant rule for the whole window (masdrill's choice).
  const ageDays = index.case.patient.ageYears * DAYS_PER_YEAR;
  const infant = meetsThreshold(ageDays, INFANT_AGE);
  const hb = labItem(
    index,
    infant
      ? {
          id: 'cytopenia.hemoglobin',
          label: 'Hemoglobin',
          analyte: 'hemoglobin',
          worst: 'lowest',
          threshold: t.hemoglobinInfant,
          citation: CITE,
          note: `infant under 4 weeks (${ageDays.toFixed(1)} days at presentation): Hb < 100 g/L applies`,
        }
      : HEMOGLOBIN_SPEC,
  );
  const plt = labItem(index, PLATELETS_SPEC);
  const anc = labItem(index, NEUTROPHILS_SPEC);
  const lineages = [hb, plt, anc];
  const s = countStatus(lineages, t.requiredLineages);
  const criterion: ItemEvidence = {
    id: 'cytopenias',
    label: 'Cytopenias affecting ≥ 2 of 3 lineages',
    status: itemStatusOf(s.status),
    value: s.status === 'not-assessable' ? null : s.met,
    unit: 'lineages',
    threshold: CYTOPENIA_THRESHOLD,
    hour: null,
    citation: CITE,
    note: `${s.met} lineage(s) low, ${s.notAssessed} not assessed; one criterion however many lineages are low`,
  };
  return { criterion, lineages };
}

/**
 * Hypertriglyceridemia: HLH-2004 asks for a FASTING value ("fasting TG ≥ 3.0 mmol/L (≥ 265 mg/dL)").
 * What masdrill assumes (the source says nothing about other samples):
 * - only a panel recorded as fasting can establish the criterion;
 * - a value of unknown fasting status, or a non-fasting one, at or above the cut-off does not
 *   establish it: not assessed (it would if the sample was fasting; repeat fasting), unless a fasting
 *   panel already meets it;
 * - a value below the cut-off counts as not met whatever the fasting status (masdrill's reading:
 *   fasting lowers triglycerides, so a fasting sample is not expected to be higher).
 * The value is judged in the unit it was entered in, against the threshold printed in that unit.
 */
const TRIGLYCERIDES_ID = 'tg-fibrinogen.triglycerides';
const TRIGLYCERIDES_LABEL = 'Triglycerides (fasting)';
const FASTING_NOTE = 'fasting sample';
const BELOW_NOTE =
  "below the cut-off: not met whatever the fasting status (masdrill's reading: a fasting value is not expected to be higher)";

/** The highest triglyceride value in the window among some panels, in `unit`. */
function highestTriglycerides(index: CaseIndex, panels: readonly LabPanel[], unit: string): UnitReading | undefined {
  const reading = worstLabAmong(panels, 'triglycerides', index.window, 'highest');
  return reading === undefined
    ? undefined
    : { value: fromCanonical('triglycerides', reading.value, unit), unit, hour: reading.hour };
}

function triglycerideItem(index: CaseIndex, options: EvaluateOptions): ItemEvidence {
  const { value: threshold, unit } = printedInEnteredUnit(HLH_2004.triglyceridesFasting, 'triglycerides', options);
  const spec = (note?: string) => ({
    id: TRIGLYCERIDES_ID,
    label: TRIGLYCERIDES_LABEL,
    threshold,
    citation: CITE,
    ...(note === undefined ? {} : { note }),
  });
  const labs = index.labsInWindow();
  const fasting = highestTriglycerides(
    index,
    labs.filter((p) => p.triglyceridesFasting === true),
    unit,
  );
  const unknown = highestTriglycerides(
    index,
    labs.filter((p) => p.triglyceridesFasting === undefined),
    unit,
  );
  const nonFasting = highestTriglycerides(
    index,
    labs.filter((p) => p.triglyceridesFasting === false),
    unit,
  );
  if (fasting !== undefined && meetsThreshold(fasting.value, threshold))
    return thresholdItem(spec(FASTING_NOTE), fasting);
  // A value at or above the cut-off whose sample was not (known to be) fasting: would meet it if fasting.
  for (const [reading, status] of [
    [unknown, 'fasting status not recorded'],
    [nonFasting, 'non-fasting sample'],
  ] as const) {
    if (reading !== undefined && meetsThreshold(reading.value, threshold)) {
      const item: WritableItem = thresholdItem(spec(), undefined);
      item.note = `${status} of ${formatNumber(reading.value, 2)} ${unit} at hour ${reading.hour}, at or above the cut-off: HLH-2004 asks for fasting triglycerides, so this does not establish the criterion (it would if fasting; repeat fasting)`;
      return item;
    }
  }
  if (fasting !== undefined) return thresholdItem(spec(FASTING_NOTE), fasting);
  const below = unknown ?? nonFasting;
  if (below !== undefined) return thresholdItem(spec(BELOW_NOTE), below);
  return thresholdItem(spec(), undefined);
}

const FIBRINOGEN_SPEC: LabItemSpec = {
  id: 'tg-fibrinogen.fibrinogen',
  label: 'Fibrinogen',
  analyte: 'fibrinogen',
  worst: 'lowest',
  threshold: HLH_2004.fibrinogen,
  citation: CITE,
};
const TG_FIBRINOGEN_THRESHOLD = `fasting TG ${describeThreshold(HLH_2004.triglyceridesFasting['mmol/L'])} (${describeThreshold(HLH_2004.triglyceridesFasting['mg/dL'])}) and/or fibrinogen ${describeThreshold(HLH_2004.fibrinogen)}`;

function tgFibrinogenItems(
  index: CaseIndex,
  options: EvaluateOptions,
): { criterion: ItemEvidence; parts: ItemEvidence[] } {
  const tg = triglycerideItem(index, options);
  const fib = labItem(index, FIBRINOGEN_SPEC);
  const parts = [tg, fib];
  const status = anyOf(parts);
  const criterion: ItemEvidence = {
    id: 'tg-fibrinogen',
    label: 'Hypertriglyceridemia and/or hypofibrinogenemia',
    status,
    value: status === 'not-assessed' ? null : (tg.status === 'met' ? 1 : 0) + (fib.status === 'met' ? 1 : 0),
    unit: 'of 2',
    threshold: TG_FIBRINOGEN_THRESHOLD,
    hour: null,
    citation: CITE,
  };
  return { criterion, parts };
}

/** Evidence properties in the order the items below list them: id, label, threshold, unit, citation, then the reading. */
function marrowItem(
  status: ItemStatus,
  value: boolean | null,
  hour: number | null,
  note: string | undefined,
): ItemEvidence {
  const item: WritableItem = {
    id: 'hemophagocytosis',
    label: 'Hemophagocytosis on bone marrow',
    threshold: 'present (no evidence of malignancy)',
    unit: null,
    citation: CITE,
    status,
    value,
    hour,
  };
  if (note !== undefined) item.note = note;
  return item;
}

/**
 * Hemophagocytosis "in bone marrow, spleen or lymph nodes; no evidence of malignancy": a marrow that
 * shows malignancy does not count towards the criterion, whatever it shows; an unrecorded malignancy
 * field is no evidence of malignancy.
 */
function hemophagocytosisItem(index: CaseIndex): ItemEvidence {
  const inside = index.boneMarrowInWindow();
  if (inside.length === 0) {
    return marrowItem(
      'not-assessed',
      null,
      null,
      'no bone marrow examination in the window (spleen and lymph-node histology are not recorded in a case)',
    );
  }
  const positive = inside.find((m) => m.hemophagocytosis && m.malignancy !== true);
  if (positive !== undefined) return marrowItem('met', true, positive.hour, undefined);
  const malignant = inside.find((m) => m.hemophagocytosis && m.malignancy === true);
  if (malignant !== undefined) {
    return marrowItem(
      'not-met',
      true,
      malignant.hour,
      'hemophagocytosis in a marrow that shows malignancy: HLH-2004 requires "no evidence of malignancy", so it does not count',
    );
  }
  const first = inside.reduce((a, b) => (b.hour < a.hour ? b : a));
  return marrowItem(
    'not-met',
    false,
    first.hour,
    'absence of hemophagocytosis does not exclude HLH/MAS; serial marrow assessment may be needed (guideline DX-4)',
  );
}

function nkItem(status: ItemStatus, value: string | null, hour: number | null): ItemEvidence {
  return {
    id: 'nk-activity',
    label: 'Low or absent NK-cell activity',
    threshold: 'low or absent (per local laboratory reference)',
    unit: null,
    citation: CITE,
    status,
    value,
    hour,
  };
}

function nkActivityItem(index: CaseIndex): ItemEvidence {
  const readings = index.labsInWindow().filter((p) => p.nkCellActivity !== undefined);
  const low = readings.find((p) => p.nkCellActivity === 'low' || p.nkCellActivity === 'absent');
  if (low !== undefined) return nkItem('met', low.nkCellActivity ?? null, low.hour);
  const first = readings[0];
  if (first !== undefined) return nkItem('not-met', first.nkCellActivity ?? null, first.hour);
  return nkItem('not-assessed', null, null);
}

function molecularStatus(c: Case): CriteriaStatus {
  const known = c.encounter.knownHlhGeneticDiagnosis;
  return known === true ? 'met' : known === false ? 'not-met' : 'not-assessable';
}

const FEVER_SPEC: ObservationItemSpec = {
  id: 'fever',
  label: 'Fever',
  field: 'temperatureC',
  worst: 'highest',
  threshold: HLH_2004.fever.threshold,
  citation: HLH_2004.fever.citation,
  note: 'one reproduction of the HLH-2004 table prints "Fever" without a number; masdrill encodes ≥ 38.5 °C (Jordan 2011) on the highest temperature',
};
const SPLENOMEGALY_SPEC: FindingItemSpec = {
  id: 'splenomegaly',
  label: 'Splenomegaly',
  field: 'splenomegaly',
  citation: CITE,
};
const FERRITIN_SPEC: LabItemSpec = {
  id: 'ferritin',
  label: 'Ferritin',
  analyte: 'ferritin',
  worst: 'highest',
  threshold: HLH_2004.ferritin,
  citation: CITE,
  note: '≥ 500 µg/L is non-specific (e.g. sepsis); > 3000 µg/L is concerning and > 10,000 µg/L highly suspicious (Jordan 2011; guideline DX-1)',
};
const SCD25_SPEC: LabItemSpec = {
  id: 'scd25',
  label: 'Soluble CD25 (sIL-2Rα)',
  analyte: 'sCd25',
  worst: 'highest',
  threshold: HLH_2004.sCd25,
  citation: CITE,
  note: 'norms are age-related; > 2 SD above the age-adjusted laboratory norm is considered more meaningful (Jordan 2011)',
};

function evaluate(index: CaseIndex, options: EvaluateOptions): CriteriaResult {
  const c = index.case;
  const fever = observationItem(index, FEVER_SPEC);
  const splenomegaly = findingItem(index, SPLENOMEGALY_SPEC);
  const cytopenias = cytopeniaItems(index);
  const tgFib = tgFibrinogenItems(index, options);
  const hemophagocytosis = hemophagocytosisItem(index);
  const nk = nkActivityItem(index);
  const ferritin = labItem(index, FERRITIN_SPEC);
  const scd25 = labItem(index, SCD25_SPEC);

  // The 8 published criteria in table order; `count` is taken over these only.
  const criteria = [fever, splenomegaly, cytopenias.criterion, tgFib.criterion, hemophagocytosis, nk, ferritin, scd25];

  const known = c.encounter.knownHlhGeneticDiagnosis;
  const molecular: ItemEvidence = {
    id: 'molecular-diagnosis',
    label: 'Molecular diagnosis consistent with HLH (arm A)',
    status: known === true ? 'met' : known === false ? 'not-met' : 'not-assessed',
    value: known ?? null,
    unit: null,
    threshold: 'present',
    hour: null,
    citation: CITE,
  };

  const b = countStatus(criteria, HLH_2004.required);
  const armA = molecularStatus(c);
  // Arm A decides only when it is known to be present: an unrecorded molecular diagnosis does not
  // hold the result open (masdrill's choice; genetic results rarely exist in the first hours).
  const status: CriteriaStatus = armA === 'met' ? 'met' : b.status;

  const summary =
    armA === 'met'
      ? `Met by arm A: a molecular diagnosis consistent with HLH (${b.met} of 8 clinical criteria also met).`
      : b.status === 'met'
        ? `Met: ${b.met} of 8 criteria met (≥ ${HLH_2004.required} required).`
        : b.status === 'not-met'
          ? `Not met: ${b.met} of 8 criteria met and only ${b.notAssessed} not assessed, so ≥ ${HLH_2004.required} cannot be reached.`
          : `Not assessable: ${b.met} of 8 criteria met and ${b.notAssessed} not assessed could still reach ${HLH_2004.required}.`;

  return {
    id: 'hlh-2004',
    name: 'HLH-2004 diagnostic guidelines',
    citation: CITE,
    window: resultWindow(
      index.window,
      'worst value in the window (highest temperature, ferritin, triglycerides, sCD25; lowest hemoglobin, platelets, neutrophils, fibrinogen)',
      options,
      'illness',
    ),
    status,
    summary,
    count: { met: b.met, notAssessed: b.notAssessed, required: HLH_2004.required, of: HLH_2004.of },
    classifications: { 'molecular-diagnosis': armA, 'clinical-criteria': b.status },
    items: [...criteria, ...cytopenias.lineages, ...tgFib.parts, molecular],
    notes: [
      'Fever: one reproduction of the HLH-2004 table prints "Fever" without a number; masdrill encodes ≥ 38.5 °C on the highest temperature in the window (Jordan 2011, JITC reproduction). A fever documented only as days of fever or subjective fever, without a temperature, leaves the item not assessed.',
      'Thresholds use ≥ and ≤ as in the original HLH-2004 table (fasting TG ≥ 3.0 mmol/L, fibrinogen ≤ 1.5 g/L, ferritin ≥ 500 µg/L, sCD25 ≥ 2400 U/mL); some reproductions print > and <.',
      'Triglycerides: HLH-2004 asks for a fasting value ("fasting TG ≥ 3.0 mmol/L (≥ 265 mg/dL)"). Only a panel recorded as fasting establishes the criterion; a value at or above the cut-off whose fasting status is unrecorded, or that was not fasting, leaves the item not assessed (it would count if fasting); a value below the cut-off counts as not met whatever the fasting status (masdrill\'s reading: fasting does not raise triglycerides).',
      'Triglycerides are judged in the unit they were entered in, against the threshold HLH-2004 prints in that unit: ≥ 265 mg/dL for a value entered in mg/dL (as the case stores it), ≥ 3.0 mmol/L for one entered in SI units (evaluate --units si). 265 mg/dL is 2.992 mmol/L: the printed mg/dL figure is the published cut-off for mg/dL values.',
      'Hemophagocytosis counts only from a marrow without evidence of malignancy ("no evidence of malignancy" is part of the criterion); a marrow recorded as malignant does not count.',
      'Infant hemoglobin rule (< 100 g/L under 4 weeks): age in days = ageYears × 365.25 at presentation, under 28 days.',
      'Cytopenias and TG/fibrinogen are one criterion each; their lineages/parts are listed as sub-items after the 8 criteria.',
      'Hemophagocytosis is read from bone marrow examinations in the window; its absence does not exclude HLH/MAS (guideline DX-4).',
      'Arm A (molecular diagnosis) is met only when recorded as present; when unrecorded it does not keep the result open.',
      'Ferritin > 10,000 µg/L is highly specific (guideline DX-1; Jordan 2011); HLH-2004 was built for (mostly familial) pediatric HLH and is non-specific in sepsis.',
    ],
  };
}

export const hlh2004: IndexedCriteriaSet = indexedCriteriaSet(
  'hlh-2004',
  'HLH-2004 diagnostic guidelines',
  'illness',
  evaluate,
);
