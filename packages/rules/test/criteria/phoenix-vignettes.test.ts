import { describe, expect, it } from 'vitest';
import type { Case, Observation } from '../../src/index.js';
import { phoenix } from '../../src/criteria/phoenix.js';
import type { CriteriaResult } from '../../src/criteria/criteria-result.js';
import { makeCase } from '../support/make-case.js';

/*
 * Worked examples with published scores.
 *
 * Clinical vignettes 1 and 2 of the supplement of Sanchez-Pinto et al., JAMA 2024;331(8):675–686
 * (doi 10.1001/jama.2024.0196), as reproduced with their published points by the Phoenix authors
 * (CU-DBMI-Peds/phoenix), read in two places that agree word for word:
 *   - tests/clinical_vignettes.R (commit 4ee661d197a138edc8d8886567fc3ef404e7c365): "These are taken
 *     from the supplemental material of [Sanchez-Pinto 2024]"; vignette text, the points per organ
 *     system with their reasons, the authors' phoenix() call and its expected output
 *     (expected_cv1, expected_cv2);
 *   - articles/phoenix.md (commit 4567d453b7486868c5caa68edf75a9f32052accd), "Clinical Vignettes".
 *
 * The JAMA supplements themselves (Sanchez-Pinto 2024 and Schlapbach LJ et al., JAMA 2024;331(8):
 * 665–674, doi 10.1001/jama.2024.0179) were not found in any source available to us (searches of
 * stored pages, documentation, public code and issue threads for the supplement, its eAppendix and
 * its vignette text found only the package's copies above). So these two vignettes are the only ones
 * reproduced here; whether the supplement holds more could not be checked, and none was made up.
 *
 * The smaller respiratory examples are from articles/phoenix.md, section "Respiratory → Example Use".
 */

const SOURCE = 'CU-DBMI-Peds/phoenix tests/clinical_vignettes.R, articles/phoenix.md';

function systems(r: CriteriaResult) {
  const p = (id: string) => r.items.find((i) => i.id === id)?.points;
  return {
    respiratory: p('respiratory'),
    cardiovascular: p('cardiovascular'),
    coagulation: p('coagulation'),
    neurological: p('neurological'),
    total: r.score?.value,
    sepsis: r.classifications?.sepsis,
    septicShock: r.classifications?.['septic-shock'],
  };
}

/** Points of each sub-item, for the reasons the vignettes give. */
function itemPoints(r: CriteriaResult, ids: readonly string[]) {
  return Object.fromEntries(ids.map((id) => [id, r.items.find((i) => i.id === id)?.points]));
}

// Published results (tests/clinical_vignettes.R expected_cv1 / expected_cv2).
/** Every item that can score a point, in the order the vignettes list their reasons. */
const SCORED_ITEMS = [
  'respiratory.oxygenation',
  'cardiovascular.vasoactives',
  'cardiovascular.lactate',
  'cardiovascular.map',
  'coagulation.platelets',
  'coagulation.inr',
  'coagulation.dDimer',
  'coagulation.fibrinogen',
  'neurological.gcs',
  'neurological.pupils',
] as const;
const VIGNETTE_1 = {
  respiratory: 0,
  cardiovascular: 2,
  coagulation: 1,
  neurological: 0,
  total: 3,
  sepsis: 'met',
  septicShock: 'met',
};
const VIGNETTE_2 = {
  respiratory: 2,
  cardiovascular: 0,
  coagulation: 2,
  neurological: 1,
  total: 5,
  sepsis: 'met',
  septicShock: 'not-met',
};

describe(`Phoenix clinical vignettes (Sanchez-Pinto 2024 supplement, via ${SOURCE})`, () => {
  it('vignette 1: 3-year-old girl in Lima, hypotension on a norepinephrine drip, platelets 95 → 3 points, septic shock', () => {
    // "temperature of 39°C, tachycardia, and irritability. Blood pressure … 67/32 mmHg (mean arterial
    //  pressure of 43 mmHg) … broad spectrum antibiotics, and blood and urine cultures are sent. After an
    //  hour, she becomes hypotensive again and she is started on a norepinephrine drip … platelet count of
    //  95 K/μL." Published reasons: 0 respiratory (no hypoxemia or respiratory support); 2 cardiovascular
    //  (1 low MAP for age, 1 vasoactive); 1 coagulation (low platelets); 0 neurologic (irritability ≈ GCS 14).
    // The hour-0 blood pressure is carried to hour 1 (MAP look-back 6 h); no second pressure is invented.
    const c = makeCase({
      id: 'phoenix-vignette-1',
      patient: { ageYears: 3, sex: 'female' },
      encounter: { suspectedInfection: true },
      observations: [
        { hour: 0, temperatureC: 39, sbp: 67, dbp: 32, gcs: 14, respiratorySupport: 'none', vasoactiveCount: 0 },
        { hour: 1, vasoactiveCount: 1 },
      ],
      labs: [{ hour: 1, platelets: 95 }],
    });
    const r = phoenix.evaluate(c);
    expect(systems(r)).toEqual(VIGNETTE_1);
    expect(r.status).toBe('met');
    expect(itemPoints(r, SCORED_ITEMS)).toEqual({
      'respiratory.oxygenation': 0,
      'cardiovascular.vasoactives': 1,
      'cardiovascular.lactate': 0,
      'cardiovascular.map': 1,
      'coagulation.platelets': 1,
      'coagulation.inr': 0,
      'coagulation.dDimer': 0,
      'coagulation.fibrinogen': 0,
      'neurological.gcs': 0,
      'neurological.pupils': 0,
    });
    // 32 + (67 − 32)/3 = 43.67 (the vignette rounds it to 43): 2 to < 5 years, 32 ≤ MAP < 45 → 1 point.
    expect(r.items.find((i) => i.id === 'cardiovascular.map')).toMatchObject({ value: 43.7, points: 1, hour: 0 });
    expect(r.items.find((i) => i.id === 'cardiovascular.vasoactives')).toMatchObject({ value: 1, points: 1, hour: 1 });
    expect(r.items.find((i) => i.id === 'neurological.gcs')).toMatchObject({ value: 14, status: 'not-met' });
  });

  it('vignette 2: 6-year-old boy in Tucson, pneumonia, intubated, S/F 204, GCS 8, INR 1.7, D-dimer 4.4 → 5 points, sepsis without shock', () => {
    // Room air SpO2 89 % at the pediatrician → supplemental oxygen → antibiotics for suspected bacterial
    // pneumonia → non-invasive positive pressure ventilation → GCS 2+2+4 = 8 → intubated, conventional
    // ventilator; lowest MAP 52 mmHg (oscillometric); in the PICU FiO2 0.45 for SpO2 92 % ("S/F ratio:
    // 204"); platelets 120, lactate 2.9, INR 1.7, D-dimer 4.4 mg/L, fibrinogen 120 mg/dL.
    // Published reasons: 2 respiratory (S/F < 292 on IMV); 0 cardiovascular (MAP > 48 mmHg, lactate < 5);
    // 2 coagulation (high INR and D-dimer); 1 neurologic (GCS ≤ 10).
    // The case schema holds SBP/DBP, not MAP: 80/38 gives MAP 52. The hours are masdrill's ordering of
    // the narrative. "History of prematurity": the gestational age is not given; 32 weeks is masdrill's
    // illustration that prematurity 6 years ago does not exclude the patient (the vignette scores him).
    const obs: Observation[] = [
      { hour: 0, respiratorySupport: 'none', fio2: 0.21, spo2: 89, temperatureC: 38.7 },
      { hour: 1, respiratorySupport: 'oxygen' },
      { hour: 2, respiratorySupport: 'noninvasive', gcs: 8 },
      { hour: 3, respiratorySupport: 'invasive', fio2: 0.45, spo2: 92, sbp: 80, dbp: 38, vasoactiveCount: 0 },
    ];
    const c: Case = makeCase({
      id: 'phoenix-vignette-2',
      patient: { ageYears: 6, sex: 'male', gestationalAgeWeeks: 32 },
      encounter: { suspectedInfection: true },
      observations: obs,
      labs: [{ hour: 3, platelets: 120, lactate: 2.9, inr: 1.7, dDimer: 4.4, fibrinogen: 120 }],
    });
    const r = phoenix.evaluate(c);
    expect(systems(r)).toEqual(VIGNETTE_2);
    expect(r.status).toBe('met');
    expect(itemPoints(r, SCORED_ITEMS)).toEqual({
      'respiratory.oxygenation': 2,
      'cardiovascular.vasoactives': 0,
      'cardiovascular.lactate': 0,
      'cardiovascular.map': 0,
      'coagulation.platelets': 0,
      'coagulation.inr': 1,
      'coagulation.dDimer': 1,
      'coagulation.fibrinogen': 0,
      'neurological.gcs': 1,
      'neurological.pupils': 0,
    });
    expect(r.items.find((i) => i.id === 'respiratory.oxygenation')).toMatchObject({
      unit: 'SpO₂:FiO₂',
      value: 204.4,
      hour: 3,
    });
    expect(r.items.find((i) => i.id === 'cardiovascular.map')).toMatchObject({ value: 52, points: 0 });
    expect(r.items.find((i) => i.id === 'cardiovascular.lactate')).toMatchObject({ value: 2.9, points: 0 });
  });
});

describe(`Phoenix clinical vignettes as the authors score them: every input at one time point (${SOURCE.split(',')[0]})`, () => {
  // The authors' regression test passes each vignette to phoenix() as one row of inputs; these cases
  // hold exactly those inputs at hour 0, so the published result does not depend on masdrill's
  // ordering of the narrative into hours.
  it('vignette 1: phoenix(vasoactives = 1, map = 32 + (67 − 32)/3, platelets = 95, gcs = 14, age = 36 months) → expected_cv1', () => {
    const c = makeCase({
      id: 'phoenix-vignette-1-one-row',
      patient: { ageYears: 3, sex: 'female' },
      encounter: { suspectedInfection: true },
      observations: [{ hour: 0, vasoactiveCount: 1, sbp: 67, dbp: 32, gcs: 14 }],
      labs: [{ hour: 0, platelets: 95 }],
    });
    expect(systems(phoenix.evaluate(c))).toEqual(VIGNETTE_1);
  });

  it('vignette 2: phoenix(gcs = 8, map = 52, imv = 1, sf_ratio = 92/0.45, platelets 120, lactate 2.9, INR 1.7, D-dimer 4.4, fibrinogen 120) → expected_cv2', () => {
    // The R call gives no age; the vignette's 6 years (72 months) is used for the MAP band. The R call
    // also omits vasoactives (NA, scored 0); the vignette gives none (a fluid bolus only), recorded as 0.
    const row: Omit<Observation, 'hour'> = {
      gcs: 8,
      sbp: 80,
      dbp: 38,
      respiratorySupport: 'invasive',
      fio2: 0.45,
      spo2: 92,
    };
    const build = (o: Omit<Observation, 'hour'>) =>
      makeCase({
        id: 'phoenix-vignette-2-one-row',
        patient: { ageYears: 6, sex: 'male' },
        encounter: { suspectedInfection: true },
        observations: [{ hour: 0, ...o }],
        labs: [{ hour: 0, platelets: 120, lactate: 2.9, inr: 1.7, dDimer: 4.4, fibrinogen: 120 }],
      });
    expect(systems(phoenix.evaluate(build({ ...row, vasoactiveCount: 0 })))).toEqual(VIGNETTE_2);
    // With vasoactives left unrecorded, as in the R call, the answer is the authors' (missing = 0, septic
    // shock 0, as phoenix_septic_shock = 0); that an unrecorded vasoactive could still add the one
    // cardiovascular point that makes it shock is kept apart, as evidence.
    const unrecorded = phoenix.evaluate(build(row));
    expect(systems(unrecorded)).toEqual(VIGNETTE_2);
    expect(unrecorded.reachable).toEqual({ sepsis: false, 'septic-shock': true });
  });
});

describe('Phoenix respiratory examples (CU-DBMI-Peds/phoenix articles/phoenix.md, "Respiratory → Example Use")', () => {
  const resp = (o: Omit<Observation, 'hour'>) =>
    phoenix.evaluate(makeCase({ observations: [{ hour: 0, ...o }] })).items.find((i) => i.id === 'respiratory')?.points;

  it('nasal cannula 5 L/min (FiO2 ≈ 0.40), SpO2 87 → 1', () => {
    expect(resp({ respiratorySupport: 'oxygen', fio2: 0.4, spo2: 87 })).toBe(1);
  });

  it.each([
    // documented rows: pfr | sfr | imv | o2 → score (the ratios are rebuilt from PaO2/SpO2 and FiO2)
    ['sfr 438, nothing else → 0', { fio2: 0.21, spo2: 92 }, 0], // 0 points; masdrill marks it not assessed (support unknown)
    ['sfr 175 on oxygen → 1', { respiratorySupport: 'oxygen', fio2: 0.4, spo2: 70 }, 1],
    ['pfr 186 on IMV → 2', { respiratorySupport: 'invasive', fio2: 0.5, pao2: 93 }, 2],
    [
      'pfr 300, sfr 277 on oxygen without IMV → 1',
      { respiratorySupport: 'oxygen', fio2: 0.35, pao2: 105, spo2: 97 },
      1,
    ],
  ] as const)('%s', (_name, o, expected) => {
    expect(resp(o as Omit<Observation, 'hour'>)).toBe(expected);
  });
});
