import type { Background, Investigations } from '@masdrill/rules';
import { latentChance, severityBand, mapped, type CaseBody } from '../case-body.js';
import { valueAt, valueBelow } from '../distribution.js';
import type { Difficulty } from '../kind.js';
import { CaseLabs } from '../lab-model.js';
import {
  buildObservations,
  ObservationLayout,
  feverDayCourse,
  temperatureCourse,
  type RespiratorySupport,
} from '../observations.js';
import { makePatient } from '../patient.js';
import type { Rng } from '../rng.js';
import { LAB_SCHEDULE, OBSERVATION_HOURS } from '../tables/schedule-table.js';
import { SJIA_FLARE_TABLE } from '../tables/sjia-flare-table.js';
import { activityCurve, TRAJECTORY_TABLE } from '../tables/trajectory-table.js';
import { buildLabPanels } from './lab-plan.js';
import { WORKUP_TABLE } from '../tables/workup-table.js';
import { cardiacMarkers, currentSjiaTherapy, hlhWorkup, nkResultWithoutMas, viralPcr } from './workup.js';
import { ROOM_AIR_FIO2 } from '../tables/vitals-table.js';

const SJIA_FLARE_OBSERVATIONS = new ObservationLayout([
  'hepatomegaly',
  'splenomegaly',
  'lymphadenopathy',
  'activeArthritis',
  'rash',
  'cnsInvolvement',
  'hemorrhage',
  'giSymptoms',
]);

/** Active sJIA flare without MAS (known sJIA, or a first presentation of suspected sJIA). */
export function synthesizeSjiaFlare(
  rng: Rng,
  difficulty: Difficulty,
  throughHour = Number.POSITIVE_INFINITY,
): CaseBody {
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
  const rho = t.severityCorrelation;
  const present = {
    hepatomegaly: latentChance(rng, f.hepatomegaly.p, rho.hepatomegaly, severity),
    splenomegaly: latentChance(rng, f.splenomegaly.p, rho.splenomegaly, severity),
    lymphadenopathy: latentChance(rng, f.lymphadenopathy.p, rho.lymphadenopathy, severity),
    activeArthritis: rng.chance(f.activeArthritis.p),
    rash: rng.chance(f.rash.p),
    cnsInvolvement: rng.chance((hard ? f : t.standardFindings).cnsInvolvement.p),
    hemorrhage: rng.chance((hard ? f : t.standardFindings).hemorrhage.p),
    giSymptoms: rng.chance(f.giSymptoms.p),
  };
  const hours = known ? [LAB_SCHEDULE.baselineHour, ...OBSERVATION_HOURS] : [...OBSERVATION_HOURS];
  const onset = SJIA_FLARE_OBSERVATIONS.noOnsets();
  for (const key of Object.keys(present) as (keyof typeof present)[]) if (present[key]) onset[key] = 0;
  if (present.activeArthritis && known && rng.chance(t.arthritisAtBaseline.p))
    onset.activeArthritis = LAB_SCHEDULE.baselineHour;
  const n = hours.length;
  const support: RespiratorySupport[] = new Array<RespiratorySupport>(n).fill('none');
  const observations = buildObservations(
    {
      throughHour,
      ageYears,
      hours,
      temperatureC: temperatureCourse(hours, febrile, peak, rng),
      feverDays: feverDayCourse(
        hours,
        febrile,
        t.feverDaysAtPresentation.from + rng.int(0, t.feverDaysAtPresentation.width),
      ),
      recorded: SJIA_FLARE_OBSERVATIONS,
      onset,
      shock: new Array<boolean>(n).fill(false),
      vasoactives: new Array<number>(n).fill(0),
      support,
      fio2: new Array<number>(n).fill(ROOM_AIR_FIO2),
      spo2: mapped(hours, () => t.vitals.spo2RoomAir.from + rng.int(0, t.vitals.spo2RoomAir.width)),
      gcs: mapped(hours, (h) => (present.cnsInvolvement && h >= 0 && h <= 24 ? t.vitals.cnsGcs : 15)),
    },
    rng,
  );

  const labs = new CaseLabs(rng, severity, t.labs, hard ? [t.hardLabs] : []);
  const main = activityCurve(TRAJECTORY_TABLE.sjiaFlare, rng.uniform(0, TRAJECTORY_TABLE.sjiaFlare.progressionMax));
  const curves = { main, procalcitonin: main, cardiac: main, overlay: null };
  const suspectedInfection = rng.chance(WORKUP_TABLE.cultures.inSjia.p);
  const pct = LAB_SCHEDULE.procalcitoninOutsideSepsis;
  const workup = hlhWorkup(labs, rng, nkResultWithoutMas(rng));
  const panels = buildLabPanels(labs, curves, rng, {
    throughHour,
    difficulty,
    baseline: known,
    atPresentation: [...cardiacMarkers(labs, observations, rng), ...workup.atPresentation],
    procalcitonin: rng.chance(suspectedInfection ? pct.infectionSuspected.p : pct.otherwise.p),
    ...(workup.nkCellActivity ? { nkCellActivity: workup.nkCellActivity } : {}),
  });

  const investigations: Investigations = {};
  if (workup.marrow)
    investigations.boneMarrow = [{ hour: 24, hemophagocytosis: rng.chance(t.hemophagocytosis.p), malignancy: false }];
  if (suspectedInfection) investigations.cultures = [{ hour: 0, specimen: 'blood', result: 'negative' }];

  const background: Background = { sjia: known ? 'known' : 'suspected' };
  const viral = viralPcr(undefined, rng, workup);
  if (viral) investigations.viralTests = [viral];
  if (known) {
    background.sjiaDurationYears =
      Math.floor(valueBelow(t.sjiaDurationYears, patient.ageYears, rng.next()) * 100) / 100; // down: never past the age
    background.immunosuppressiveTherapy = currentSjiaTherapy(rng);
  }

  return {
    patient,
    background,
    encounter: { hospitalized: true, died: false, suspectedInfection },
    observations,
    labs: panels,
    investigations,
    truth: {
      kind: 'sjia-flare',
      subtype: 'sjia-flare',
      masPresent: false,
      trigger: 'active-sjia',
      severity: severityBand(severity - t.severityBandShift.value, false),
      cnsInvolvement: present.cnsInvolvement,
      hemorrhage: present.hemorrhage,
    },
  };
}
