import type { Case } from '../generated/case.js';
import type { CaseIndex } from '../case/case-index.js';
import type { CriteriaResult, CriteriaStatus, EvaluateOptions, ItemEvidence, ItemStatus } from './criteria-result.js';
import { countStatus } from './count-status.js';
import { describeThreshold, meetsThreshold, type Threshold } from './threshold.js';
import type { WritableItem } from './lab-item.js';
import { indexedCriteriaSet, type IndexedCriteriaSet } from './criteria-set.js';
import { resultWindow } from './result-window.js';
import { hypotensionItem } from './pediatric-hypotension.js';
import { inWindow } from '../case/time-window.js';
import {
  aboveUpperLimitItem,
  allOf,
  anyOf,
  categoryItems,
  flattenGroups,
  echoFindingItem,
  echoItem,
  findingItem,
  fromCriteriaStatus,
  sarsCov2RnaOrAntigen,
  sarsCov2Serology,
  statusValue,
  vasoactiveShockItem,
} from './misc-organ-involvement.js';

/*
 * WHO preliminary case definition of MIS-C temporally related to COVID-19 (scientific brief,
 * 15 May 2020). The definition prints almost no numbers: where it says "elevated" masdrill reads
 * "above the patient's upper reference limit"; where it names a finding without a cut-off the
 * choice is marked below and in the result's notes.
 */
const CITE = 'who-2020-misc';

export const MISC_WHO_2020 = {
  /**
   * "Children and adolescents 0–19 years of age". masdrill reads "0–19 years" as age < 20 years
   * (a 19-year-old up to the day before turning 20).
   */
  age: { comparator: '<', value: 20, unit: 'years' } as Threshold,
  /** "fever ≥ 3 days". */
  feverDays: { comparator: '>=', value: 3, unit: 'days' } as Threshold,
  /** "at least two of" the five clinical signs. */
  signsRequired: 2,
  /**
   * "Features of myocardial dysfunction": WHO prints no cut-off. masdrill's choice: LVEF < 55 %, the
   * cut-off of the CSTE/CDC 2023 definition (cdc-cste-2023-misc), not a WHO number.
   */
  lvef: { comparator: '<', value: 55, unit: '%' } as Threshold,
  /**
   * "Coronary abnormalities": WHO prints no cut-off. masdrill's choice: largest coronary z-score ≥ 2.0
   * (AHA 2017 Kawasaki "dilation"), as in the CDC 2023 calculator.
   */
  coronaryZ: { comparator: '>=', value: 2.0, unit: '', decimals: 1 } as Threshold,
} as const;

function feverDaysItem(index: CaseIndex): ItemEvidence {
  const days = index.worstObservation('feverDays', 'highest');
  return {
    id: 'fever',
    label: 'Fever ≥ 3 days',
    status:
      days === undefined ? 'not-assessed' : meetsThreshold(days.value, MISC_WHO_2020.feverDays) ? 'met' : 'not-met',
    value: days?.value ?? null,
    unit: 'days',
    threshold: describeThreshold(MISC_WHO_2020.feverDays),
    hour: days?.hour ?? null,
    citation: CITE,
  };
}

/**
 * "No other obvious microbial cause of inflammation, including bacterial sepsis, staphylococcal or
 * streptococcal shock syndromes". masdrill's reading: a positive BLOOD culture drawn in the window
 * (the illness, presentation to the decision hour) is the obvious microbial cause the definition
 * names (bacterial sepsis); a positive urine, CSF, respiratory or other culture, or one from outside
 * the illness, does not exclude by itself (it may be incidental), and a toxic shock syndrome, often
 * culture-negative, excludes through the documented alternative diagnosis.
 */
function noMicrobialCauseItem(index: CaseIndex): ItemEvidence {
  const c = index.case;
  const window = index.window;
  const positive = (c.investigations.cultures ?? []).find(
    (k) => k.result === 'positive' && k.specimen === 'blood' && inWindow(k.hour, window),
  );
  const alt = c.encounter.moreLikelyAlternativeDiagnosis;
  let status: ItemStatus;
  let value: string | null;
  if (positive) {
    status = 'not-met';
    value = `positive ${positive.specimen} culture${positive.organism ? ` (${positive.organism})` : ''}`;
  } else if (typeof alt === 'string') {
    status = 'not-met';
    value = alt;
  } else if (alt === null) {
    status = 'met';
    value = 'none documented';
  } else {
    status = 'not-assessed';
    value = null;
  }
  const item: WritableItem = {
    id: 'no-microbial-cause',
    label: 'No other obvious microbial cause of inflammation',
    status,
    value,
    unit: null,
    threshold: 'no positive blood culture in the window and no more likely alternative diagnosis',
    hour: positive?.hour ?? null,
    citation: CITE,
  };
  const ignored = (c.investigations.cultures ?? []).find(
    (k) => k.result === 'positive' && k !== positive && !(k.specimen === 'blood' && inWindow(k.hour, window)),
  );
  if (status === 'not-assessed') item.note = 'alternative diagnosis not assessed and no positive blood culture';
  else if (ignored !== undefined && positive === undefined) {
    item.note = `a positive ${ignored.specimen} culture at hour ${ignored.hour}${ignored.organism ? ` (${ignored.organism})` : ''} does not exclude by itself: only a positive blood culture in the window is read as an obvious microbial cause`;
  }
  return item;
}

function covidEvidenceItem(c: Case): ItemEvidence {
  const rna = sarsCov2RnaOrAntigen(c);
  const serology = sarsCov2Serology(c);
  const contact = c.background.sarsCov2?.closeContact;
  const contactStatus: ItemStatus = contact === 'yes' ? 'met' : contact === 'no' ? 'not-met' : 'not-assessed';
  const status = anyOf([rna, serology, contactStatus]);
  return {
    id: 'covid-evidence',
    label: 'Evidence of COVID-19 (RT-PCR, antigen or serology) or likely contact',
    status,
    value:
      rna === 'met'
        ? 'RNA or antigen positive'
        : serology === 'met'
          ? 'serology positive'
          : contactStatus === 'met'
            ? 'contact'
            : status === 'not-met'
              ? 'none'
              : null,
    unit: null,
    threshold: 'positive RT-PCR, antigen or serology, or likely contact with a COVID-19 patient',
    hour: null,
    citation: CITE,
  };
}

function clinicalSigns(index: CaseIndex): { signs: ItemEvidence[]; all: ItemEvidence[] } {
  const t = MISC_WHO_2020;
  const groups: ItemEvidence[][] = [
    categoryItems(
      'mucocutaneous',
      '(a) Rash, bilateral non-purulent conjunctivitis or mucocutaneous inflammation',
      [
        findingItem(index, 'rash', 'mucocutaneous.rash', 'Rash', CITE),
        findingItem(
          index,
          'conjunctivitis',
          'mucocutaneous.conjunctivitis',
          'Bilateral non-purulent conjunctivitis',
          CITE,
        ),
        findingItem(index, 'mucosalChanges', 'mucocutaneous.oral', 'Oral mucocutaneous inflammation', CITE),
        findingItem(
          index,
          'extremityChanges',
          'mucocutaneous.extremities',
          'Hand or foot mucocutaneous inflammation',
          CITE,
        ),
      ],
      CITE,
    ),
    categoryItems(
      'shock',
      '(b) Hypotension or shock',
      [
        findingItem(index, 'shock', 'shock.documented', 'Clinician-documented shock', CITE),
        vasoactiveShockItem(index, 'shock.vasoactives', 'Two or more vasoactive drugs'),
        hypotensionItem(index, 'shock.hypotension', 'Systolic hypotension for age'),
      ],
      CITE,
      'clinician-documented shock, two or more vasoactive drugs (the Phoenix "≥ 2 vasoactives" band), or a measured systolic blood pressure below the PALS limit for age (WHO prints no number)',
    ),
    categoryItems(
      'cardiac',
      '(c) Myocardial dysfunction, pericarditis, valvulitis or coronary abnormalities',
      [
        echoItem(
          index,
          'lvefPercent',
          t.lvef,
          'lowest',
          'cardiac.lvef',
          'Myocardial dysfunction (LVEF < 55 %)',
          CITE,
          'LVEF < 55 % is borrowed from the CSTE/CDC 2023 definition: WHO gives no cut-off',
        ),
        echoFindingItem(
          index,
          'pericardialEffusion',
          'cardiac.pericarditis',
          'Pericarditis (pericardial effusion on echo)',
          CITE,
          'pericardial effusion on echo stands for pericarditis',
        ),
        echoFindingItem(index, 'valvulitis', 'cardiac.valvulitis', 'Valvulitis', CITE),
        echoItem(
          index,
          'coronaryZMax',
          t.coronaryZ,
          'highest',
          'cardiac.coronary',
          'Coronary abnormalities',
          'mccrindle-2017-aha-kawasaki',
          'z-score ≥ 2.0 is masdrill\'s reading of "coronary abnormalities" (AHA 2017 Kawasaki "dilation"): WHO gives no number',
        ),
        aboveUpperLimitItem(index, 'troponin', 'cardiac.troponin', 'Elevated troponin', CITE),
        aboveUpperLimitItem(index, 'ntProBnp', 'cardiac.nt-probnp', 'Elevated NT-proBNP', CITE),
      ],
      CITE,
    ),
    categoryItems(
      'coagulopathy',
      '(d) Evidence of coagulopathy (PT, PTT, elevated D-dimer)',
      [
        aboveUpperLimitItem(
          index,
          'inr',
          'coagulopathy.inr',
          'Prolonged PT (INR above the reference upper limit)',
          CITE,
        ),
        aboveUpperLimitItem(index, 'dDimer', 'coagulopathy.d-dimer', 'Elevated D-dimer', CITE),
      ],
      CITE,
      'INR above the reference upper limit stands for a prolonged PT; PTT is not in the case model',
    ),
    categoryItems(
      'gastrointestinal',
      '(e) Acute gastrointestinal problems',
      [findingItem(index, 'giSymptoms', 'gastrointestinal.symptoms', 'Diarrhoea, vomiting or abdominal pain', CITE)],
      CITE,
    ),
  ];
  return { signs: groups.map((g) => g[0]!), all: flattenGroups(groups) };
}

function evaluate(index: CaseIndex, options: EvaluateOptions): CriteriaResult {
  const c = index.case;
  const t = MISC_WHO_2020;

  const ageOk = c.patient.ageYears >= 0 && meetsThreshold(c.patient.ageYears, t.age);
  const age: ItemEvidence = {
    id: 'age',
    label: 'Age 0–19 years',
    status: ageOk ? 'met' : 'not-met',
    value: c.patient.ageYears,
    unit: 'years',
    threshold: describeThreshold(t.age),
    hour: null,
    citation: CITE,
  };
  const fever = feverDaysItem(index);
  const signs = clinicalSigns(index);
  const count = countStatus(signs.signs, t.signsRequired);
  const signsItem: WritableItem = {
    id: 'clinical-signs',
    label: 'At least 2 of 5 clinical signs of multisystem involvement',
    status: fromCriteriaStatus(count.status),
    value: count.met,
    unit: 'signs',
    threshold: `≥ ${t.signsRequired} of 5`,
    hour: null,
    citation: CITE,
  };
  if (count.notAssessed > 0) signsItem.note = `${count.notAssessed} not assessed`;
  const inflammation = categoryItems(
    'inflammation',
    'Elevated markers of inflammation (ESR, CRP or procalcitonin)',
    [
      aboveUpperLimitItem(index, 'esr', 'inflammation.esr', 'Elevated ESR', CITE),
      aboveUpperLimitItem(index, 'crp', 'inflammation.crp', 'Elevated CRP', CITE),
      aboveUpperLimitItem(index, 'procalcitonin', 'inflammation.procalcitonin', 'Elevated procalcitonin', CITE),
    ],
    CITE,
  );
  const noMicrobe = noMicrobialCauseItem(index);
  const covid = covidEvidenceItem(c);

  const core = allOf([fever.status, signsItem.status, inflammation[0]!.status, noMicrobe.status, covid.status]);
  const status: CriteriaStatus = !ageOk
    ? 'not-applicable'
    : core === 'met'
      ? 'met'
      : core === 'not-met'
        ? 'not-met'
        : 'not-assessable';

  const summary = !ageOk
    ? `Not applicable: the definition covers ages 0–19 years (age ${c.patient.ageYears}).`
    : `${status === 'met' ? 'Meets' : status === 'not-met' ? 'Does not meet' : 'Cannot decide'} the WHO 2020 definition: ${count.met} of 5 clinical signs${count.notAssessed ? ` (${count.notAssessed} not assessed)` : ''}; fever ${fever.status}, inflammation ${inflammation[0]!.status}, no microbial cause ${noMicrobe.status}, COVID-19 evidence ${covid.status}.`;

  return {
    id: 'misc-who-2020',
    name: 'MIS-C, WHO 2020 preliminary definition',
    citation: CITE,
    window: resultWindow(index.window, 'worst value in the window', options, 'illness'),
    status,
    summary,
    count: { met: count.met, notAssessed: count.notAssessed, required: t.signsRequired, of: 5 },
    items: [
      age,
      {
        id: 'all-criteria',
        label: 'All WHO criteria',
        status: core,
        value: statusValue(core),
        unit: null,
        threshold: 'criteria 1–5 all met',
        hour: null,
        citation: CITE,
      },
      fever,
      signsItem,
      ...signs.all,
      ...inflammation,
      noMicrobe,
      covid,
    ],
    notes: [
      '"0–19 years" is read as age < 20 years.',
      'Sign (b) hypotension or shock: clinician-documented shock; two or more vasoactive drugs running (the Phoenix "≥ 2 vasoactives" band, schlapbach-2024-phoenix); or hypotension, a measured systolic blood pressure below the PALS limit for age (< 60 mmHg term neonates, < 70 mmHg infants, < 70 + 2 × age in completed years from 1 to 10 years, < 90 mmHg from 10 years; citation pals-hypotension [S]). WHO prints no number for hypotension.',
      'Myocardial dysfunction read as LVEF < 55 % (the CSTE/CDC 2023 cut-off) and coronary abnormalities as z-score ≥ 2.0 (AHA 2017 Kawasaki "dilation"); pericardial effusion stands for pericarditis. WHO prints no numbers for these.',
      '"Elevated" troponin, NT-proBNP, INR (for PT), D-dimer, ESR, CRP and procalcitonin mean above the patient\'s upper reference limit (the case\'s own laboratory first, then a published pediatric one); with neither the item is not assessed.',
      'Another obvious microbial cause: a positive blood culture drawn in the window (bacterial sepsis, which the definition names), or a documented more likely alternative diagnosis (e.g. a culture-negative toxic shock syndrome). A positive culture of another specimen (urine, CSF, respiratory, other) or from outside the window does not exclude by itself; pending cultures do not exclude.',
    ],
  };
}

export const miscWho2020: IndexedCriteriaSet = indexedCriteriaSet(
  'misc-who-2020',
  'MIS-C, WHO 2020 preliminary definition',
  'illness',
  evaluate,
);
