import type { Background, Investigations, NumericAnalyte } from '@masdrill/rules';
import { latentChance, severityBand, type CaseBody } from '../case-body.js';
import { valueAt, valueBelow } from '../distribution.js';
import type { Difficulty } from '../kind.js';
import { CaseLabs } from '../lab-model.js';
import { buildObservations, feverDayCourse, temperatureCourse, type FindingKey, type RespiratorySupport } from '../observations.js';
import { makePatient } from '../patient.js';
import type { Rng } from '../rng.js';
import { OBSERVATION_HOURS } from '../tables/schedule-table.js';
import { SJIA_FLARE_TABLE } from '../tables/sjia-flare-table.js';
import { activityCurve, TRAJECTORY_TABLE } from '../tables/trajectory-table.js';
import { buildLabPanels } from './lab-plan.js';

/** Active sJIA flare without MAS (known sJIA, or a first presentation of suspected sJIA). */
export function synthesizeSjiaFlare(rng: Rng, difficulty: Difficulty): CaseBody {
  const t = SJIA_FLARE_TABLE;
  const hard = difficulty === 'hard';
  const known = rng.chance(t.knownSjia.p);
  const severity = rng.normal();
  const sex = rng.chance(t.female.p) ? 'female' : 'male';
  const ageYears = valueAt(t.ageYears, rng.normal());
  const patient = makePatient(rng, ageYears, sex);

  const f = t.findings;
  const febrile = rng.chance(f.fever.p);
  const peak = valueAt(t.peakTemperatureC, rng.normal());
  const present = {
    hepatomegaly: latentChance(rng, f.hepatomegaly.p, 0.2, severity),
    splenomegaly: latentChance(rng, f.splenomegaly.p, 0.2, severity),
    lymphadenopathy: latentChance(rng, f.lymphadenopathy.p, 0.2, severity),
    activeArthritis: rng.chance(f.activeArthritis.p),
    rash: rng.chance(f.rash.p),
    cnsInvolvement: rng.chance(f.cnsInvolvement.p),
    hemorrhage: rng.chance(f.hemorrhage.p),
  };
  const hours = known ? [-168, ...OBSERVATION_HOURS] : [...OBSERVATION_HOURS];
  const onset: Partial<Record<FindingKey, number>> = {};
  for (const key of Object.keys(present) as (keyof typeof present)[]) if (present[key]) onset[key] = 0;
  if (present.activeArthritis && known && rng.chance(0.5)) onset.activeArthritis = -168;
  const recorded: FindingKey[] = ['hepatomegaly', 'splenomegaly', 'lymphadenopathy', 'activeArthritis', 'rash', 'cnsInvolvement', 'hemorrhage'];
  const n = hours.length;
  const support: RespiratorySupport[] = new Array<RespiratorySupport>(n).fill('none');
  const observations = buildObservations({
    ageYears, hours,
    temperatureC: temperatureCourse(hours, febrile, peak, rng),
    feverDays: feverDayCourse(hours, febrile, 2 + rng.int(0, 8)),
    recorded, onset,
    shock: new Array<boolean>(n).fill(false), vasoactives: new Array<number>(n).fill(0),
    support, fio2: new Array<number>(n).fill(0.21), spo2: hours.map(() => 97 + rng.int(0, 3)),
    gcs: hours.map((h) => (present.cnsInvolvement && h >= 0 && h <= 24 ? 14 : 15)),
  }, rng);

  const labs = new CaseLabs(rng, severity, t.labs, hard ? [t.hardLabs] : []);
  const main = activityCurve(TRAJECTORY_TABLE.sjiaFlare, rng.uniform(0, TRAJECTORY_TABLE.sjiaFlare.progressionMax));
  const curves = { main, procalcitonin: main, cardiac: main, overlay: null };
  const atPresentation: NumericAnalyte[] = [];
  if (rng.chance(t.special.sCd25.p)) atPresentation.push('sCd25');
  if (rng.chance(t.special.il18.p)) atPresentation.push('il18');
  const panels = buildLabPanels(labs, curves, rng, { difficulty, baseline: known, atPresentation, procalcitonin: rng.chance(0.5) });

  const suspectedInfection = rng.chance(t.suspectedInfection.p);
  const investigations: Investigations = {};
  if (rng.chance(t.marrowAspirated.p)) investigations.boneMarrow = [{ hour: 24, hemophagocytosis: rng.chance(t.hemophagocytosis.p), malignancy: false }];
  if (suspectedInfection) investigations.cultures = [{ hour: 0, specimen: 'blood', result: 'negative' }];

  const background: Background = { sjia: known ? 'known' : 'suspected' };
  if (known) background.sjiaDurationYears = Math.floor(valueBelow(t.sjiaDurationYears, patient.ageYears, rng.next()) * 100) / 100; // down: never past the age

  return {
    patient, background,
    encounter: { hospitalized: true, died: false, suspectedInfection },
    observations, labs: panels, investigations,
    truth: { kind: 'sjia-flare', subtype: 'sjia-flare', masPresent: false, trigger: 'active-sjia', severity: severityBand(severity - 0.8, false), cnsInvolvement: present.cnsInvolvement, hemorrhage: present.hemorrhage },
  };
}
