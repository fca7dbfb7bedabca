import type { Background, GroundTruth, Investigations, NumericAnalyte } from '@masdrill/rules';
import { latentChance, severityBand, type CaseBody } from '../case-body.js';
import { valueAt, valueBelow } from '../distribution.js';
import type { Difficulty, Subtype } from '../kind.js';
import { CaseLabs } from '../lab-model.js';
import { buildObservations, feverDayCourse, temperatureCourse, type FindingKey, type RespiratorySupport } from '../observations.js';
import { makePatient } from '../patient.js';
import type { Rng } from '../rng.js';
import { MAS_TABLE } from '../tables/mas-table.js';
import { OBSERVATION_HOURS } from '../tables/schedule-table.js';
import { activityCurve, TRAJECTORY_TABLE } from '../tables/trajectory-table.js';
import { buildLabPanels } from './lab-plan.js';
import { viralTestFor } from './viral-trigger.js';

const THERAPIES = ['glucocorticoid', 'methotrexate', 'cyclosporine', 'anakinra', 'canakinumab', 'tocilizumab'] as const;

/** MAS: sJIA-associated (onset / known / infection-triggered), previously-well infection-triggered, neonatal. */
export function synthesizeMas(rng: Rng, difficulty: Difficulty): CaseBody {
  const t = MAS_TABLE;
  const hard = difficulty === 'hard';
  const u = rng.next();
  let subtype: Subtype;
  let trigger: GroundTruth['trigger'];
  let sjia: Background['sjia'];
  if (u < t.subtypes.neonatal.p) {
    subtype = 'neonatal-mas'; trigger = 'maternal-autoimmunity'; sjia = 'none';
  } else if (u < t.subtypes.neonatal.p + t.subtypes.infectionTriggeredPreviouslyWell.p) {
    subtype = 'infection-triggered-mas-previously-well'; trigger = rng.weighted(t.virus.weights); sjia = 'none';
  } else {
    const atOnset = rng.chance(t.subtypes.atSjiaOnset.p);
    const infection = rng.chance(t.subtypes.infectionTrigger.p);
    trigger = infection ? rng.weighted(t.virus.weights) : 'active-sjia';
    subtype = atOnset ? 'sjia-onset-mas' : infection ? 'infection-triggered-mas-in-sjia' : 'known-sjia-mas';
    sjia = atOnset ? 'suspected' : 'known';
  }
  const neonatal = subtype === 'neonatal-mas';
  const inSjia = sjia !== 'none';
  const knownSjia = sjia === 'known';
  const severity = rng.normal() + (hard ? t.hardSeverityShift.value : 0);

  const sex = rng.chance(t.female.p) ? 'female' : 'male';
  const ageDays = neonatal ? valueAt(t.neonatalAgeDays, rng.normal()) : 0;
  const ageYears = neonatal ? ageDays / 365.25 : valueAt(t.ageYears, rng.normal());
  const patient = makePatient(rng, ageYears, sex, rng.normal(), neonatal ? { gestationalAgeWeeks: 37 + rng.int(0, 4) } : {});

  // Findings (present at some point in the first day), leaning on severity.
  const f = t.findings;
  const hepatomegaly = latentChance(rng, f.hepatomegaly.p, 0.3, severity);
  const splenomegaly = latentChance(rng, f.splenomegaly.p, 0.3, severity);
  const cns = latentChance(rng, f.cnsInvolvement.p, 0.4, severity);
  const hemorrhage = latentChance(rng, f.hemorrhage.p, 0.4, severity);
  const lymph = latentChance(rng, f.lymphadenopathy.p, 0.1, severity);
  const arthritis = inSjia && rng.chance(f.activeArthritis.p);
  const rash = inSjia && rng.chance(f.rash.p);
  const organFailure = latentChance(rng, f.organFailure.p, 0.5, severity);
  const died = latentChance(rng, t.died.p, 0.5, severity);
  const febrile = rng.chance(f.fever.p);
  const peak = valueAt(t.peakTemperatureC, rng.normal());

  const hours = knownSjia ? [-168, ...OBSERVATION_HOURS] : [...OBSERVATION_HOURS];
  const n = hours.length;
  const onsetOf = (present: boolean): number | undefined => (present ? (rng.chance(0.8) ? 0 : 12) : undefined);
  const onset: Partial<Record<FindingKey, number>> = {
    hepatomegaly: onsetOf(hepatomegaly), splenomegaly: onsetOf(splenomegaly), lymphadenopathy: onsetOf(lymph),
    activeArthritis: arthritis ? (knownSjia ? -168 : 0) : undefined, rash: rash ? 0 : undefined,
    cnsInvolvement: onsetOf(cns), hemorrhage: onsetOf(hemorrhage),
  };
  const recorded: FindingKey[] = ['hepatomegaly', 'splenomegaly', 'lymphadenopathy', ...(inSjia ? ['activeArthritis', 'rash'] as const : []), 'cnsInvolvement', 'hemorrhage'];

  const shockOrgan = organFailure && rng.chance(0.6);
  const ventilated = organFailure && (!shockOrgan || rng.chance(0.4));
  const failFrom = rng.chance(0.5) ? 0 : 12;
  const shock = hours.map((h) => shockOrgan && h >= failFrom && h <= 48);
  const vasoactives = shock.map((s) => (s ? (severity > 1 ? 2 : 1) : 0));
  const support: RespiratorySupport[] = hours.map((h) => (ventilated && h >= failFrom && h <= 72 ? 'invasive' : h >= 0 && severity > 1.2 ? 'oxygen' : 'none'));
  const fio2 = support.map((s) => (s === 'invasive' ? 0.35 + 0.3 * rng.next() : s === 'oxygen' ? 0.3 + 0.1 * rng.next() : 0.21));
  const spo2 = support.map((s) => (s === 'none' ? 97 + rng.int(0, 3) : 92 + rng.int(0, 5)));
  const worstGcs = cns ? Math.max(3, 14 - Math.floor(rng.next() * (severity > 0.8 ? 9 : 4))) : 15;
  const gcs = hours.map((h) => (cns && h >= (onset.cnsInvolvement ?? 0) && h <= 48 ? (h === 24 || h === 12 ? worstGcs : Math.min(15, worstGcs + 2)) : 15));

  const observations = buildObservations({
    ageYears, hours,
    temperatureC: temperatureCourse(hours, febrile, peak, rng),
    feverDays: feverDayCourse(hours, febrile, 1 + rng.int(0, 6)),
    recorded, onset, shock, vasoactives, support, fio2, spo2, gcs,
  }, rng);

  // Laboratory along the MAS trajectory.
  const labs = new CaseLabs(rng, severity, t.labs, neonatal ? [t.neonatalLabs] : []);
  const main = activityCurve(TRAJECTORY_TABLE.mas, rng.uniform(0, TRAJECTORY_TABLE.mas.progressionMax));
  const curves = { main, procalcitonin: main, cardiac: main, overlay: null };
  const atPresentation: NumericAnalyte[] = [];
  if (rng.chance(t.special.sCd25.p)) atPresentation.push('sCd25');
  if (rng.chance(t.special.il18.p)) atPresentation.push('il18');
  if (rng.chance(t.special.cxcl9.p)) atPresentation.push('cxcl9');
  const nk = rng.chance(t.special.nkCellActivity.p) ? rng.weighted([['low', 0.6], ['absent', 0.1], ['normal', 0.3]] as const) : undefined;
  const panels = buildLabPanels(labs, curves, rng, {
    difficulty, baseline: knownSjia, atPresentation, procalcitonin: rng.chance(0.5),
    ...(nk ? { nkCellActivity: nk } : {}),
  });

  const infectionTriggered = trigger !== 'active-sjia' && trigger !== 'maternal-autoimmunity';
  const suspectedInfection = rng.chance(infectionTriggered ? t.suspectedInfection.infectionTriggered.p : t.suspectedInfection.otherwise.p);
  const investigations: Investigations = {};
  if (rng.chance(t.marrowAspirated.p)) {
    investigations.boneMarrow = [{ hour: 24, hemophagocytosis: rng.chance(hard ? t.hemophagocytosisHard.p : t.hemophagocytosis.p), malignancy: false }];
  }
  if (suspectedInfection) investigations.cultures = [{ hour: 0, specimen: 'blood', result: 'negative' }];
  const viral = viralTestFor(trigger, rng);
  if (viral) investigations.viralTests = [viral];

  const background: Background = { sjia };
  if (knownSjia) {
    background.sjiaDurationYears = Math.floor(valueBelow(t.sjiaDurationYears, patient.ageYears, rng.next()) * 100) / 100; // down: never past the age
    const therapy = THERAPIES.filter((k) => rng.chance(t.therapyInKnownSjia[k].p));
    if (therapy.length > 0) background.immunosuppressiveTherapy = therapy;
  }
  if (neonatal) {
    background.maternalAutoimmuneDisease = true;
    background.birthHospitalization = ageDays <= 7;
  }

  return {
    patient,
    background,
    encounter: { hospitalized: true, died, suspectedInfection },
    observations,
    labs: panels,
    investigations,
    truth: {
      kind: 'mas', subtype, masPresent: true, trigger,
      severity: severityBand(severity, organFailure || died),
      cnsInvolvement: cns, hemorrhage,
    },
  };
}

