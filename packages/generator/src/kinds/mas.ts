import { DAYS_PER_YEAR, type Background, type GroundTruth, type Investigations } from '@masdrill/rules';
import { latentChance, severityBand, mapped, type CaseBody } from '../case-body.js';
import { valueAt, valueBelow } from '../distribution.js';
import type { Difficulty, Subtype } from '../kind.js';
import { CaseLabs } from '../lab-model.js';
import {
  buildObservations,
  ObservationLayout,
  chartTerminalCourse,
  feverDayCourse,
  temperatureCourse,
  type FindingKey,
  type RespiratorySupport,
} from '../observations.js';
import { makePatient } from '../patient.js';
import type { Rng } from '../rng.js';
import { MAS_TABLE } from '../tables/mas-table.js';
import { LAB_SCHEDULE, OBSERVATION_HOURS } from '../tables/schedule-table.js';
import { activityCurve, TRAJECTORY_TABLE } from '../tables/trajectory-table.js';
import { buildLabPanels } from './lab-plan.js';
import { cardiacMarkers, currentSjiaTherapy, hlhWorkup, viralPcr } from './workup.js';
import { WORKUP_TABLE } from '../tables/workup-table.js';
import { ROOM_AIR_FIO2 } from '../tables/vitals-table.js';

// Rash is examined in every child (recorded absent outside sJIA); active arthritis only where sJIA is known or suspected.
const MAS_OBSERVATIONS_IN_SJIA = new ObservationLayout([
  'hepatomegaly',
  'splenomegaly',
  'lymphadenopathy',
  'rash',
  'activeArthritis',
  'cnsInvolvement',
  'hemorrhage',
  'giSymptoms',
]);
const MAS_OBSERVATIONS = new ObservationLayout(
  MAS_OBSERVATIONS_IN_SJIA.findings.filter((key) => key !== 'activeArthritis'),
);

/** MAS: sJIA-associated (onset / known / infection-triggered), previously-well infection-triggered, neonatal. */
export function synthesizeMas(rng: Rng, difficulty: Difficulty, throughHour = Number.POSITIVE_INFINITY): CaseBody {
  const t = MAS_TABLE;
  const hard = difficulty === 'hard';
  const u = rng.next();
  let subtype: Subtype;
  let trigger: GroundTruth['trigger'];
  let sjia: Background['sjia'];
  if (u < t.subtypes.neonatal.p) {
    subtype = 'neonatal-mas';
    trigger = 'maternal-autoimmunity';
    sjia = 'none';
  } else if (u < t.subtypes.neonatal.p + t.subtypes.infectionTriggeredPreviouslyWell.p) {
    subtype = 'infection-triggered-mas-previously-well';
    trigger = rng.weighted(t.virus.weights);
    sjia = 'none';
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
  const ageYears = neonatal ? ageDays / DAYS_PER_YEAR : valueAt(t.ageYears, rng.normal());
  const patient = makePatient(
    rng,
    ageYears,
    sex,
    rng.normal(),
    neonatal
      ? {
          gestationalAgeWeeks:
            t.neonatalCourse.gestationalAgeWeeks.from + rng.int(0, t.neonatalCourse.gestationalAgeWeeks.width),
        }
      : {},
  );

  // Findings (present at some point in the first day), leaning on severity.
  const f = t.findings;
  const rho = t.severityCorrelation;
  const hepatomegaly = latentChance(rng, f.hepatomegaly.p, rho.hepatomegaly, severity);
  const splenomegaly = latentChance(rng, f.splenomegaly.p, rho.splenomegaly, severity);
  const cns = latentChance(rng, f.cnsInvolvement.p, rho.cnsInvolvement, severity);
  const hemorrhage = latentChance(rng, f.hemorrhage.p, rho.hemorrhage, severity);
  const lymph = latentChance(rng, f.lymphadenopathy.p, rho.lymphadenopathy, severity);
  const arthritis = inSjia && rng.chance(f.activeArthritis.p);
  const rash = inSjia && rng.chance(f.rash.p);
  const organFailure = latentChance(rng, f.organFailure.p, rho.organFailure, severity);
  // A death comes with multi-organ failure (Carcillo 2017, OUTCOME_TABLE): drawn among the organ
  // failures, so the cohort keeps both its 8% mortality and its 18.8% organ failure (Minoia 2014 and
  // Ravelli 2016 report the same multinational cohort). Drawn apart, deaths off the organ-failure
  // draw charted their own vasoactives and ventilation, and 24.1% of MAS had organ failure.
  const died = organFailure && rng.chance(t.died.p / f.organFailure.p);
  const gi = rng.chance(f.giSymptoms.p);
  const febrile = rng.chance(f.fever.p);
  const peak = valueAt(t.peakTemperatureC, rng.normal());

  const hours = knownSjia ? [LAB_SCHEDULE.baselineHour, ...OBSERVATION_HOURS] : [...OBSERVATION_HOURS];
  const onsetOf = (present: boolean): number | undefined =>
    present ? (rng.chance(t.findingAtPresentation.p) ? 0 : 12) : undefined;
  // Every finding of both MAS layouts, always: one shape (see ObservationLayout.noOnsets).
  const onset: Partial<Record<FindingKey, number>> = {
    hepatomegaly: onsetOf(hepatomegaly),
    splenomegaly: onsetOf(splenomegaly),
    lymphadenopathy: onsetOf(lymph),
    activeArthritis: arthritis ? (knownSjia ? LAB_SCHEDULE.baselineHour : 0) : undefined,
    rash: rash ? 0 : undefined,
    cnsInvolvement: onsetOf(cns),
    hemorrhage: onsetOf(hemorrhage),
    giSymptoms: gi ? 0 : undefined,
  };

  const ofc = t.organFailureCourse;
  const shockOrgan = organFailure && rng.chance(ofc.shock.p);
  const ventilated = organFailure && (!shockOrgan || rng.chance(ofc.ventilatedWithShock.p));
  const failFrom = rng.chance(ofc.fromPresentation.p) ? 0 : 12;
  const sp = t.support;
  const shock = mapped(hours, (h) => shockOrgan && h >= failFrom && h <= 48);
  const vasoactives = mapped(shock, (s) => (s ? (severity > sp.twoVasoactivesAboveSeverity ? 2 : 1) : 0));
  const support: RespiratorySupport[] = mapped(hours, (h) =>
    ventilated && h >= failFrom && h <= 72
      ? 'invasive'
      : h >= 0 && severity > sp.oxygenAboveSeverity
        ? 'oxygen'
        : 'none',
  );
  const fio2 = mapped(support, (s) =>
    s === 'invasive'
      ? sp.fio2Invasive.from + sp.fio2Invasive.width * rng.next()
      : s === 'oxygen'
        ? sp.fio2Oxygen.from + sp.fio2Oxygen.width * rng.next()
        : ROOM_AIR_FIO2,
  );
  const spo2 = mapped(support, (s) =>
    s === 'none'
      ? sp.spo2RoomAir.from + rng.int(0, sp.spo2RoomAir.width)
      : sp.spo2OnSupport.from + rng.int(0, sp.spo2OnSupport.width),
  );
  const g = t.gcs;
  const worstGcs = cns
    ? Math.max(
        3,
        g.worstAtMost -
          Math.floor(rng.next() * (severity > g.severeAboveSeverity ? g.severeDropSteps : g.mildDropSteps)),
      )
    : 15;
  const gcs = mapped(hours, (h) =>
    cns && h >= (onset.cnsInvolvement ?? 0) && h <= 48
      ? h === 24 || h === 12
        ? worstGcs
        : Math.min(15, worstGcs + g.betterBy)
      : 15,
  );

  const observations = buildObservations(
    {
      throughHour,
      ageYears,
      hours,
      temperatureC: temperatureCourse(hours, febrile, peak, rng),
      // A newborn cannot have had fever for more days than it has lived.
      feverDays: feverDayCourse(
        hours,
        febrile,
        Math.min(
          t.feverDaysAtPresentation.from + rng.int(0, t.feverDaysAtPresentation.width),
          neonatal ? Math.floor(ageDays) : Infinity,
        ),
      ),
      recorded: inSjia ? MAS_OBSERVATIONS_IN_SJIA : MAS_OBSERVATIONS,
      onset,
      shock,
      vasoactives,
      support,
      fio2,
      spo2,
      gcs,
    },
    rng,
  );

  // Laboratory along the MAS trajectory.
  const labs = new CaseLabs(rng, severity, t.labs, neonatal ? [t.neonatalLabs] : []);
  const main = activityCurve(TRAJECTORY_TABLE.mas, rng.uniform(0, TRAJECTORY_TABLE.mas.progressionMax));
  const curves = { main, procalcitonin: main, cardiac: main, overlay: null };
  // Cultures and antimicrobials from the history the chart shows, not from the hidden trigger.
  const cultures = WORKUP_TABLE.cultures;
  const suspectedInfection = rng.chance(inSjia ? cultures.inSjia.p : cultures.previouslyWell.p);
  const pct = LAB_SCHEDULE.procalcitoninOutsideSepsis;
  const workup = hlhWorkup(labs, rng, () => rng.weighted(t.nkCellResult.weights));
  const panels = buildLabPanels(labs, curves, rng, {
    throughHour,
    difficulty,
    baseline: knownSjia,
    atPresentation: [...cardiacMarkers(labs, observations, rng), ...workup.atPresentation],
    procalcitonin: rng.chance(suspectedInfection ? pct.infectionSuspected.p : pct.otherwise.p),
    ...(workup.nkCellActivity ? { nkCellActivity: workup.nkCellActivity } : {}),
  });

  if (died) chartTerminalCourse(observations, ageYears);
  const investigations: Investigations = {};
  if (workup.marrow) {
    investigations.boneMarrow = [
      {
        hour: 24,
        hemophagocytosis: rng.chance(hard ? t.hemophagocytosisHard.p : t.hemophagocytosis.p),
        malignancy: false,
      },
    ];
  }
  if (suspectedInfection) investigations.cultures = [{ hour: 0, specimen: 'blood', result: 'negative' }];
  const viral = viralPcr(trigger, rng, workup);
  if (viral) investigations.viralTests = [viral];

  const background: Background = { sjia };
  if (knownSjia) {
    background.sjiaDurationYears =
      Math.floor(valueBelow(t.sjiaDurationYears, patient.ageYears, rng.next()) * 100) / 100; // down: never past the age
    background.immunosuppressiveTherapy = currentSjiaTherapy(rng);
  }
  if (neonatal) {
    background.maternalAutoimmuneDisease = true;
    background.birthHospitalization = ageDays <= t.neonatalCourse.birthHospitalizationUpToAgeDays;
  }

  return {
    patient,
    background,
    encounter: { hospitalized: true, died, suspectedInfection },
    observations,
    labs: panels,
    investigations,
    truth: {
      kind: 'mas',
      subtype,
      masPresent: true,
      trigger,
      severity: severityBand(severity, organFailure || died),
      cnsInvolvement: cns,
      hemorrhage,
    },
  };
}
