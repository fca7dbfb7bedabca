import type { Case } from '../generated/case.js';
import type { CaseIndex } from '../case/case-index.js';
import type { CriteriaResult, CriteriaStatus, EvaluateOptions, ItemEvidence, ItemStatus } from './criteria-result.js';
import { countStatus } from './count-status.js';
import { describeThreshold, meetsThreshold, type Threshold } from './threshold.js';
import type { WritableItem } from './lab-item.js';
import { indexedCriteriaSet, type IndexedCriteriaSet } from './criteria-set.js';
import { resultWindow } from './result-window.js';
import {
  aboveUpperLimitItem,
  allOf,
  anyOf,
  categoryItems,
  flattenGroups,
  echoItem,
  findingItem,
  fromCriteriaStatus,
  labItem,
  noAlternativeDiagnosisItem,
  sarsCov2RnaOrAntigenReading,
  sarsCov2Serology,
  vasoactiveShockItem,
  statusValue,
  toCriteriaStatus,
} from './misc-organ-involvement.js';

/*
 * CSTE/CDC 2023 surveillance case definition for MIS-C (Melgar M, MMWR Recomm Rep 2022;71(4);
 * effective 1 Jan 2023; cdc.gov/mis/hcp/case-definition-reporting). Every number is in the unit
 * the definition prints it in.
 */
const CITE = 'cdc-cste-2023-misc';

export const MISC_CDC_2023 = {
  /** "Any illness in a person aged less than 21 years". */
  age: { comparator: '<', value: 21, unit: 'years' } as Threshold,
  /** "Subjective or documented fever (temperature ≥38.0 °C)". */
  fever: { comparator: '>=', value: 38.0, unit: '°C', decimals: 1 } as Threshold,
  /** "C-reactive protein ≥3.0 mg/dL (30 mg/L)". */
  crp: { comparator: '>=', value: 3.0, unit: 'mg/dL', decimals: 1 } as Threshold,
  /** New-onset manifestations in at least two of five categories. */
  categoriesRequired: 2,
  /** Cardiac: "Left ventricular ejection fraction <55%". */
  lvef: { comparator: '<', value: 55, unit: '%' } as Threshold,
  /**
   * Cardiac: "Coronary artery dilatation, aneurysm, or ectasia". The definition prints no z-score.
   * masdrill's choice: largest coronary z-score ≥ 2.0, the lower edge of "dilation only" in the
   * AHA 2017 Kawasaki disease statement (McCrindle BW, Circulation 2017;135:e927) — not a CDC number.
   */
  coronaryZ: { comparator: '>=', value: 2.0, unit: '', decimals: 1 } as Threshold,
  /** Hematologic: "Platelet count <150,000 cells/μL". */
  platelets: { comparator: '<', value: 150_000, unit: '/µL' } as Threshold,
  /** Hematologic: "Absolute lymphocyte count (ALC) <1,000 cells/μL". */
  alc: { comparator: '<', value: 1_000, unit: '/µL' } as Threshold,
  /**
   * Laboratory criteria: "Detection of SARS-CoV-2 RNA in a clinical specimen up to 60 days prior to or
   * during hospitalization, or in a post-mortem specimen" (and the same for antigen). Hours from
   * presentation, which masdrill takes as the start of the hospitalization.
   */
  laboratoryDaysBefore: { comparator: '<=', value: 60, unit: 'days' } as Threshold,
  /** Epidemiologic linkage: close contact "in the 60 days prior to hospitalization". */
  contactDays: { comparator: '<=', value: 60, unit: 'days' } as Threshold,
} as const;

const SHOCK_NOTE =
  'the definition prints "Shock" with a footnote masdrill could not verify (clinical-reference.md §1.8 [U]: clinician-documented shock / vasoactive requirement); masdrill counts clinician-documented shock, or two or more vasoactive drugs running (the Phoenix "≥ 2 vasoactives" band, schlapbach-2024-phoenix), even when shock is unrecorded; one vasoactive drug alone does not count';
const CORONARY_NOTE =
  'z-score ≥ 2.0 is masdrill\'s reading of "dilatation" (AHA 2017 Kawasaki classification); the CDC definition prints no number';

function orCriteria(...parts: CriteriaStatus[]): CriteriaStatus {
  if (parts.some((p) => p === 'met')) return 'met';
  if (parts.every((p) => p === 'not-met')) return 'not-met';
  return 'not-assessable';
}

function andCriteria(...parts: CriteriaStatus[]): CriteriaStatus {
  if (parts.some((p) => p === 'not-met')) return 'not-met';
  if (parts.every((p) => p === 'met')) return 'met';
  return 'not-assessable';
}

// The fever threshold text, built once per threshold.
const feverTexts = new WeakMap<Threshold, string>();

function feverText(threshold: Threshold): string {
  let text = feverTexts.get(threshold);
  if (text === undefined) {
    text = `${describeThreshold(threshold)} documented, or subjective fever`;
    feverTexts.set(threshold, text);
  }
  return text;
}

/** Evidence properties in the order this item lists them: id, label, unit, threshold, citation, then the reading. */
function feverEvidence(
  threshold: Threshold,
  citation: string,
  unit: string | null,
  status: ItemStatus,
  value: number | string | null,
  hour: number | null,
  note: string | undefined,
): ItemEvidence {
  const item: WritableItem = {
    id: 'fever',
    label: 'Subjective or documented fever',
    unit,
    threshold: feverText(threshold),
    citation,
    status,
    value,
    hour,
  };
  if (note !== undefined) item.note = note;
  return item;
}

/** Subjective or documented fever ≥ 38.0 °C in the window. */
export function feverItem(index: CaseIndex, threshold: Threshold, citation: string): ItemEvidence {
  const temp = index.worstObservation('temperatureC', 'highest');
  const subjective = index.finding('subjectiveFever');
  const days = index.worstObservation('feverDays', 'highest');
  const documented = temp !== undefined && meetsThreshold(temp.value, threshold);
  if (documented) return feverEvidence(threshold, citation, '°C', 'met', temp.value, temp.hour, undefined);
  if (subjective?.value === true)
    return feverEvidence(threshold, citation, null, 'met', 'subjective fever', subjective.hour, undefined);
  if (days !== undefined && days.value > 0)
    return feverEvidence(threshold, citation, null, 'met', `${days.value} days of fever`, days.hour, undefined);
  // Not met only when the record rules fever out: every temperature below the cut-off, subjective fever
  // recorded absent, and no days of fever so far. Any of the three unrecorded leaves it not assessed.
  const ruledOut = temp !== undefined && subjective?.value === false && days !== undefined && days.value === 0;
  return feverEvidence(
    threshold,
    citation,
    '°C',
    ruledOut ? 'not-met' : 'not-assessed',
    temp?.value ?? null,
    temp?.hour ?? null,
    ruledOut ? undefined : 'no fever recorded, but temperature, subjective fever or fever days not all recorded',
  );
}

export function severityItem(c: Case, citation: string, label: string): ItemEvidence {
  const { hospitalized, died } = c.encounter;
  const status: ItemStatus =
    hospitalized === true || died === true
      ? 'met'
      : hospitalized === false && died === false
        ? 'not-met'
        : 'not-assessed';
  const value =
    hospitalized === true ? 'hospitalized' : died === true ? 'died' : status === 'not-met' ? 'neither' : null;
  return {
    id: 'severity',
    label,
    status,
    value,
    unit: null,
    threshold: 'hospitalization or death',
    hour: null,
    citation,
  };
}

const HOURS_PER_DAY = 24;
/** The first hour (from presentation) a SARS-CoV-2 RNA or antigen test counts from: 60 days before. */
export const MISC_CDC_2023_LABORATORY_FROM_HOUR = -MISC_CDC_2023.laboratoryDaysBefore.value * HOURS_PER_DAY;

function labCriteriaItem(index: CaseIndex): ItemEvidence {
  const c = index.case;
  const reading = sarsCov2RnaOrAntigenReading(c, MISC_CDC_2023_LABORATORY_FROM_HOUR, index.window.toHour);
  const rna = reading.status;
  const serology = sarsCov2Serology(c);
  const status = anyOf([rna, serology]);
  const item: WritableItem = {
    id: 'laboratory',
    label: 'Laboratory evidence of SARS-CoV-2 infection (RNA/antigen or illness-associated antibodies)',
    status,
    value:
      rna === 'met'
        ? 'RNA or antigen positive'
        : serology === 'met'
          ? 'serology positive'
          : status === 'not-met'
            ? 'negative'
            : null,
    unit: null,
    threshold:
      'RNA or antigen up to 60 days before or during hospitalization, or antibodies associated with the current illness',
    hour: null,
    citation: CITE,
  };
  const early = reading.tooEarly[0];
  if (rna !== 'met' && early !== undefined) {
    item.note = `a positive SARS-CoV-2 ${early.method} at hour ${early.hour} (${Math.round((-early.hour / HOURS_PER_DAY) * 10) / 10} days before presentation) is more than 60 days before the hospitalization: it does not count`;
  }
  return item;
}

const CONTACT_THRESHOLD = `${describeThreshold(MISC_CDC_2023.contactDays)} before hospitalization`;

function epiLinkageItem(c: Case): ItemEvidence {
  const s = c.background.sarsCov2;
  const days = s?.contactDaysBeforeHospitalization;
  let status: ItemStatus = 'not-assessed';
  if (s?.closeContact === 'no') status = 'not-met';
  else if (s?.closeContact === 'yes')
    status = days === undefined ? 'not-assessed' : meetsThreshold(days, MISC_CDC_2023.contactDays) ? 'met' : 'not-met';
  return {
    id: 'epidemiologic-linkage',
    label: 'Close contact with a confirmed or probable COVID-19 case',
    status,
    value: s?.closeContact === 'yes' ? (days ?? 'yes, timing not recorded') : (s?.closeContact ?? null),
    unit: s?.closeContact === 'yes' && days !== undefined ? 'days before hospitalization' : null,
    threshold: CONTACT_THRESHOLD,
    hour: null,
    citation: CITE,
  };
}

/** The five organ categories of the 2023 definition, each followed by its findings. */
function organCategories(index: CaseIndex): { categories: ItemEvidence[]; all: ItemEvidence[] } {
  const t = MISC_CDC_2023;
  const groups: ItemEvidence[][] = [
    categoryItems(
      'cardiac',
      'Cardiac involvement',
      [
        echoItem(index, 'lvefPercent', t.lvef, 'lowest', 'cardiac.lvef', 'LV ejection fraction < 55 %', CITE),
        echoItem(
          index,
          'coronaryZMax',
          t.coronaryZ,
          'highest',
          'cardiac.coronary',
          'Coronary artery dilatation, aneurysm or ectasia',
          'mccrindle-2017-aha-kawasaki',
          CORONARY_NOTE,
        ),
        aboveUpperLimitItem(index, 'troponin', 'cardiac.troponin', 'Troponin above the laboratory normal range', CITE),
      ],
      CITE,
    ),
    categoryItems(
      'mucocutaneous',
      'Mucocutaneous involvement',
      [
        findingItem(index, 'rash', 'mucocutaneous.rash', 'Rash', CITE),
        findingItem(index, 'mucosalChanges', 'mucocutaneous.oral-mucosa', 'Inflammation of the oral mucosa', CITE),
        findingItem(
          index,
          'conjunctivitis',
          'mucocutaneous.conjunctivitis',
          'Conjunctivitis or conjunctival injection',
          CITE,
        ),
        findingItem(index, 'extremityChanges', 'mucocutaneous.extremities', 'Extremity erythema or oedema', CITE),
      ],
      CITE,
    ),
    categoryItems(
      'shock',
      'Shock',
      [
        findingItem(index, 'shock', 'shock.documented', 'Clinician-documented shock', CITE),
        vasoactiveShockItem(index, 'shock.vasoactives', 'Two or more vasoactive drugs'),
      ],
      CITE,
      SHOCK_NOTE,
    ),
    categoryItems(
      'gastrointestinal',
      'Gastrointestinal involvement',
      [findingItem(index, 'giSymptoms', 'gastrointestinal.symptoms', 'Abdominal pain, vomiting or diarrhoea', CITE)],
      CITE,
    ),
    categoryItems(
      'hematologic',
      'Hematologic involvement',
      [
        labItem(index, 'platelets', t.platelets, 'lowest', 'hematologic.platelets', 'Platelets < 150,000/µL', CITE),
        labItem(index, 'alc', t.alc, 'lowest', 'hematologic.alc', 'Absolute lymphocyte count < 1,000/µL', CITE),
      ],
      CITE,
    ),
  ];
  return { categories: groups.map((g) => g[0]!), all: flattenGroups(groups) };
}

function evaluate(index: CaseIndex, options: EvaluateOptions): CriteriaResult {
  const c = index.case;
  const t = MISC_CDC_2023;

  const ageOk = meetsThreshold(c.patient.ageYears, t.age);
  const age: ItemEvidence = {
    id: 'age',
    label: 'Age < 21 years',
    status: ageOk ? 'met' : 'not-met',
    value: c.patient.ageYears,
    unit: 'years',
    threshold: describeThreshold(t.age),
    hour: null,
    citation: CITE,
  };
  const fever = feverItem(index, t.fever, CITE);
  const severity = severityItem(c, CITE, 'Clinical severity requiring hospitalization or resulting in death');
  const crp = labItem(index, 'crp', t.crp, 'highest', 'crp', 'C-reactive protein ≥ 3.0 mg/dL (30 mg/L)', CITE);
  const organs = organCategories(index);
  const count = countStatus(organs.categories, t.categoriesRequired);
  const organItem: WritableItem = {
    id: 'organ-categories',
    label: 'New-onset manifestations in ≥ 2 of 5 categories',
    status: fromCriteriaStatus(count.status),
    value: count.met,
    unit: 'categories',
    threshold: `≥ ${t.categoriesRequired} of 5`,
    hour: null,
    citation: CITE,
  };
  if (count.notAssessed > 0)
    organItem.note = `${count.notAssessed} categor${count.notAssessed === 1 ? 'y' : 'ies'} not assessed`;
  const noAlt = noAlternativeDiagnosisItem(c, CITE);
  const clinicalStatus = allOf([fever.status, severity.status, crp.status, organItem.status, noAlt.status]);
  const clinical: ItemEvidence = {
    id: 'clinical',
    label: 'Clinical criteria (all)',
    status: clinicalStatus,
    value: statusValue(clinicalStatus),
    unit: null,
    threshold: 'fever, severity, CRP, ≥ 2 organ categories, no more likely alternative diagnosis',
    hour: null,
    citation: CITE,
  };
  const lab = labCriteriaItem(index);
  const epi = epiLinkageItem(c);

  const applicable = ageOk;
  const confirmed = applicable
    ? andCriteria(toCriteriaStatus(clinicalStatus), toCriteriaStatus(lab.status))
    : 'not-applicable';
  const probable = applicable
    ? andCriteria(toCriteriaStatus(clinicalStatus), toCriteriaStatus(epi.status))
    : 'not-applicable';
  const status: CriteriaStatus = applicable ? orCriteria(confirmed, probable) : 'not-applicable';

  const summary = !applicable
    ? `Not applicable: the definition covers persons aged < 21 years (age ${c.patient.ageYears}).`
    : `Clinical criteria ${clinicalStatus} (${count.met} of 5 organ categories${count.notAssessed ? `, ${count.notAssessed} not assessed` : ''}); confirmed ${confirmed}, probable ${probable}.`;

  return {
    id: 'misc-cdc-2023',
    name: 'MIS-C, CSTE/CDC 2023 surveillance definition',
    citation: CITE,
    window: resultWindow(index.window, 'worst value in the window', options, 'illness'),
    status,
    summary,
    count: { met: count.met, notAssessed: count.notAssessed, required: t.categoriesRequired, of: 5 },
    classifications: { confirmed, probable },
    items: [age, clinical, fever, severity, crp, organItem, ...organs.all, noAlt, lab, epi],
    notes: [
      'Findings in the window are taken as new-onset: the case model does not record onset relative to baseline.',
      CORONARY_NOTE + '.',
      `Shock: ${SHOCK_NOTE}.`,
      'Laboratory criteria: a SARS-CoV-2 RNA or antigen test counts when taken up to 60 days before the hospitalization (hour −1,440 from presentation, taken as the start of the hospitalization) or during it, up to the end of the window; an earlier positive test does not count and leaves the laboratory criteria not assessed.',
      'Troponin "above laboratory normal" uses the case\'s own reference range, then a published pediatric one; with neither it is not assessed.',
      'Confirmed and probable are reported independently (a confirmed case may also meet the probable criteria); the suspect (vital records) tier and the exclusion nuances (vaccine-derived antibodies, severe respiratory COVID-19) are not encoded.',
    ],
  };
}

export const miscCdc2023: IndexedCriteriaSet = indexedCriteriaSet(
  'misc-cdc-2023',
  'MIS-C, CSTE/CDC 2023 surveillance definition',
  'illness',
  evaluate,
);
