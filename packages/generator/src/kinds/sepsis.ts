import {
  PHOENIX_COAGULATION,
  PHOENIX_COAGULATION_CAP,
  PHOENIX_LACTATE,
  PHOENIX_SEPSIS_CUTOFF,
  type Investigations,
  type LabPanel,
  type NumericAnalyte,
} from '@masdrill/rules';
import { latentChance, severityBand, mapped, type CaseBody } from '../case-body.js';
import { valueAt } from '../distribution.js';
import type { Difficulty, Subtype } from '../kind.js';
import { phoenixSurelyAtLeastTwo } from '../label-bounds.js';
import { mapZeroPointsFrom, phoenixParts } from '../label-checks.js';
import { CaseLabs } from '../lab-model.js';
import type { LabTable } from '../lab-spec.js';
import {
  buildObservations,
  ObservationLayout,
  chartShock,
  chartTerminalCourse,
  feverDayCourse,
  temperatureCourse,
  type FindingKey,
  type RespiratorySupport,
} from '../observations.js';
import { makePatient } from '../patient.js';
import type { Rng } from '../rng.js';
import { OUTCOME_TABLE } from '../tables/outcome-table.js';
import { LAB_SCHEDULE, OBSERVATION_HOURS } from '../tables/schedule-table.js';
import { SEPSIS_TABLE } from '../tables/sepsis-table.js';
import { activityCurve, TRAJECTORY_TABLE } from '../tables/trajectory-table.js';
import { buildLabPanels } from './lab-plan.js';
import { cardiacMarkers, hlhWorkup, nkResultWithoutMas, viralPcr } from './workup.js';
import { ROOM_AIR_FIO2 } from '../tables/vitals-table.js';

// Lab overrides as constants: CaseLabs resolves a cohort's laboratory once per combination of tables (by identity).
const { ferritin: FERRITIN, shockLactate: LACTATE } = SEPSIS_TABLE.overrideCoupling;
const FERRITIN_OTHERWISE: LabTable = {
  ferritin: { at0: SEPSIS_TABLE.ferritin.otherwise, rho: FERRITIN.rho, baseline: FERRITIN.baseline },
};
const FERRITIN_HYPER: LabTable = {
  ferritin: { at0: SEPSIS_TABLE.ferritin.hyperferritinemic, rho: FERRITIN.rho, baseline: FERRITIN.baseline },
};
const FERRITIN_HARD_HYPER: LabTable = {
  ferritin: { at0: SEPSIS_TABLE.ferritin.hardHyperferritinemic, rho: FERRITIN.rho, baseline: FERRITIN.baseline },
};
const SHOCK_LACTATE: LabTable = {
  lactate: { at0: SEPSIS_TABLE.shockLactate, rho: LACTATE.rho, baseline: LACTATE.baseline },
};
/** Phoenix: an INR above this scores a coagulation point. */
const PHOENIX_INR = PHOENIX_COAGULATION.find((c) => c.analyte === 'inr')!.threshold.value;

/**
 * The case's own course of an analyte scaled so its presentation value is `at0`: the readings keep
 * the lab model's kinetics (an INR once held equal at 0 and 12 h, then normal from 48 h).
 */
function scaleCourse(labs: LabPanel[], key: 'inr' | 'dDimer', at0: number): void {
  const v0 = labs.find((p) => p.hour === 0)?.[key];
  for (const p of labs) {
    const v = p[key];
    if (v === undefined || p.hour < 0) continue;
    p[key] = v0 === undefined || v0 <= 0 ? at0 : Math.round(((v * at0) / v0) * 100) / 100;
  }
}

const SEPSIS_OBSERVATIONS = new ObservationLayout([
  'hepatomegaly',
  'splenomegaly',
  'lymphadenopathy',
  'rash',
  'giSymptoms',
  'cnsInvolvement',
  'hemorrhage',
]);

/**
 * Bacterial sepsis, septic shock and hyperferritinemic sepsis. Every case has suspected infection
 * (antimicrobials + cultures in the first 24 h) and Phoenix ≥2: the definition is the label, so the
 * organ dysfunction is built in, then completed when the drawn pattern falls short.
 */
export function synthesizeSepsis(rng: Rng, difficulty: Difficulty, throughHour = Number.POSITIVE_INFINITY): CaseBody {
  const t = SEPSIS_TABLE;
  const hard = difficulty === 'hard';
  const hyper = rng.chance(hard ? t.hyperferritinemicHard.p : t.hyperferritinemic.p);
  const shockCase = rng.chance(t.shock.p);
  const subtype: Subtype = hyper ? 'hyperferritinemic-sepsis' : shockCase ? 'septic-shock' : 'bacterial-sepsis';
  const z = rng.normal();
  const sv = t.severity;
  const severity = z + (shockCase ? sv.shockShift : 0) + (hyper ? sv.hyperferritinemicShift : 0);
  const dic = rng.chance(hyper ? t.dic.hyperferritinemic.p : shockCase ? t.dic.shock.p : t.dic.otherwise.p);

  const sex = rng.chance(t.male.p) ? 'male' : 'female';
  const ageYears = valueAt(t.ageYears, rng.normal());
  const patient = makePatient(rng, ageYears, sex);

  const f = t.findings;
  const present: Partial<Record<FindingKey, boolean>> = {
    hepatomegaly: latentChance(rng, f.hepatomegaly.p, sv.hepatomegalyCorrelation, severity),
    splenomegaly: rng.chance(f.splenomegaly.p),
    lymphadenopathy: rng.chance(f.lymphadenopathy.p),
    rash: rng.chance(f.rash.p),
    giSymptoms: rng.chance(f.giSymptoms.p),
  };
  const od = t.organDysfunction;
  const ventilated = rng.chance(shockCase ? od.invasiveVentilation.shock.p : od.invasiveVentilation.otherwise.p);
  const oxygen = !ventilated && rng.chance(od.oxygenOrNoninvasive.p);
  const lowGcs = rng.chance(shockCase ? od.lowGcs.shock.p : od.lowGcs.otherwise.p);
  const twoVaso = shockCase && rng.chance(od.twoVasoactives.p);
  const hemorrhage = dic && rng.chance(t.hemorrhageInDic.p);
  const onset = SEPSIS_OBSERVATIONS.noOnsets();
  for (const key of SEPSIS_OBSERVATIONS.findings) if (present[key]) onset[key] = 0;
  if (lowGcs) onset.cnsInvolvement = 0;
  if (hemorrhage) onset.hemorrhage = 12;

  const hours = [...OBSERVATION_HOURS];
  const sp = t.support;
  const shockFrom = rng.chance(sp.shockAtPresentation.p) ? 0 : 12;
  const shock = mapped(hours, (h) => shockCase && h >= shockFrom && h <= 48);
  const vasoactives = mapped(shock, (s, i) => (s ? (twoVaso && hours[i]! <= 24 ? 2 : 1) : 0));
  // One mode per patient, oxygen or non-invasive ventilation (drawn per reading, it switched hour to hour).
  const onSupport: RespiratorySupport = oxygen && rng.chance(sp.noninvasive.p) ? 'noninvasive' : 'oxygen';
  const support: RespiratorySupport[] = mapped(hours, (h) =>
    ventilated && h <= 48 ? 'invasive' : oxygen && h <= 24 ? onSupport : 'none',
  );
  const fio2 = mapped(support, (s) =>
    s === 'invasive'
      ? sp.fio2Invasive.from + sp.fio2Invasive.width * rng.next()
      : s === 'none'
        ? ROOM_AIR_FIO2
        : sp.fio2OnSupport.from + sp.fio2OnSupport.width * rng.next(),
  );
  const spo2 = mapped(support, (s) =>
    s === 'none'
      ? sp.spo2RoomAir.from + rng.int(0, sp.spo2RoomAir.width)
      : sp.spo2OnSupport.from + rng.int(0, sp.spo2OnSupport.width),
  );
  const gcs = mapped(hours, (h) =>
    lowGcs && h <= 24 ? sp.lowGcs.from + rng.int(0, sp.lowGcs.width) : lowGcs && h <= 48 ? sp.recoveringGcs : 15,
  );
  const febrile = rng.chance(t.febrile.p);
  const observations = buildObservations(
    {
      throughHour,
      ageYears,
      hours,
      temperatureC: temperatureCourse(hours, febrile, valueAt(t.peakTemperatureC, rng.normal()), rng),
      feverDays: feverDayCourse(
        hours,
        febrile,
        t.feverDaysAtPresentation.from + rng.int(0, t.feverDaysAtPresentation.width),
      ),
      recorded: SEPSIS_OBSERVATIONS,
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
  if (!shockCase) {
    // No cardiovascular point without shock: keep the MAP clear of the Phoenix 1-point band.
    const m = t.nonShockMap;
    const floor = mapZeroPointsFrom(patient.ageYears) + m.margin;
    for (const o of observations) {
      const map = (o.sbp! + 2 * o.dbp!) / 3;
      if (map <= floor) {
        const k = (floor + m.scaleTo) / map;
        o.sbp = Math.round(o.sbp! * k);
        o.dbp = Math.round(o.dbp! * k) + m.dbpExtra;
      }
    }
  }

  const overrides: LabTable[] = [hyper ? (hard ? FERRITIN_HARD_HYPER : FERRITIN_HYPER) : FERRITIN_OTHERWISE];
  if (dic) overrides.push(t.dicLabs);
  if (shockCase) overrides.push(SHOCK_LACTATE);
  const labs = new CaseLabs(rng, severity, t.labs, overrides);
  const progression = rng.uniform(0, TRAJECTORY_TABLE.sepsis.progressionMax);
  const main = activityCurve(TRAJECTORY_TABLE.sepsis, progression);
  const curves = {
    main,
    procalcitonin: activityCurve(TRAJECTORY_TABLE.sepsisProcalcitonin, progression),
    cardiac: main,
    overlay: null,
  };
  const atPresentation: NumericAnalyte[] = cardiacMarkers(labs, observations, rng);
  const workup = hlhWorkup(labs, rng, nkResultWithoutMas(rng));
  atPresentation.push(...workup.atPresentation);
  const panels = buildLabPanels(labs, curves, rng, {
    throughHour,
    difficulty,
    baseline: false,
    atPresentation,
    // Procalcitonin as in every kind with suspected infection (sepsis always has it by definition).
    procalcitonin: rng.chance(LAB_SCHEDULE.procalcitoninOutsideSepsis.infectionSuspected.p),
    lactateAt12: true,
    ...(workup.nkCellActivity ? { nkCellActivity: workup.nkCellActivity } : {}),
  });

  // Lactate moves with the circulation: a septic-shock case whose presentation lactate already scores
  // a Phoenix cardiovascular point is in shock from presentation, not from 12 h at normal vital signs.
  const lactate0 = panels.find((p) => p.hour === 0)?.lactate;
  if (shockCase && shockFrom > 0 && lactate0 !== undefined && lactate0 >= PHOENIX_LACTATE[0]!.threshold.value)
    chartShock(observations[0]!, ageYears, 1);

  // Complete the organ dysfunction to Phoenix ≥2 when the drawn pattern falls short, and to at least
  // one organ (respiratory, cardiovascular, neurological) point: coagulopathy comes with the organ
  // picture, not alone at normal vital signs (it reached Phoenix ≥2 on its own in 26% of sepsis).
  // A cheap bound (label-bounds.ts) settles most cases; the rules' calculator decides the rest, and what to add.
  const pc = t.phoenixCompletion;
  for (let guard = 0; guard < 6; guard++) {
    // Septic shock is a cardiovascular point from presentation or 12 h: the bound then settles it.
    if (shockCase && phoenixSurelyAtLeastTwo(observations, panels)) break;
    const parts = phoenixParts(patient, observations, panels);
    const organ = parts.respiratory + parts.cardiovascular + parts.neurological;
    if (parts.total >= PHOENIX_SEPSIS_CUTOFF && organ > 0) break;
    // Each step adds one point: a coagulation abnormality, or respiratory support with a low SpO₂:FiO₂.
    // Both go in at presentation, so they count at the same time point (Phoenix scores the worst
    // total at one time point, not the worst of each item across the day).
    const coag =
      organ > 0 &&
      parts.coagulation < PHOENIX_COAGULATION_CAP &&
      (parts.respiratory > 0 || rng.next() < pc.coagulation.p);
    if (coag) {
      const p0 = panels.find((p) => p.hour === 0);
      if (p0?.inr === undefined || p0.inr <= PHOENIX_INR) {
        const v = Math.round((pc.inr.from + pc.inr.width * rng.next()) * 100) / 100;
        scaleCourse(panels, 'inr', v);
      } else {
        const v = Math.round((pc.dDimer.from + pc.dDimer.width * rng.next()) * 100) / 100;
        scaleCourse(panels, 'dDimer', v);
      }
    } else {
      const o = observations.find((x) => x.hour === 0)!;
      // In the patient's one mode: a patient on non-invasive ventilation later was charted on oxygen
      // here (4 in 40,000 septic cases had two modes).
      o.respiratorySupport = onSupport;
      o.fio2 = pc.oxygenFio2;
      o.spo2 = pc.spo2.from + rng.int(0, pc.spo2.width);
    }
  }

  const organism = rng.chance(t.bloodCulturePositive.p) ? rng.weighted(t.organisms.weights) : undefined;
  const investigations: Investigations = {
    cultures: [
      organism
        ? { hour: 0, specimen: 'blood', result: 'positive', organism }
        : { hour: 0, specimen: 'blood', result: 'negative' },
    ],
  };
  const viral = viralPcr(undefined, rng, workup);
  if (viral) investigations.viralTests = [viral];
  if (workup.marrow) {
    investigations.boneMarrow = [{ hour: 24, hemophagocytosis: rng.chance(t.hemophagocytosis.p), malignancy: false }];
  }
  // Leans on the case's own severity draw (before the subtype shifts) so each stratum keeps its published rate;
  // within it septic shock carries the higher mortality, sepsis without shock the rest.
  const stratum = hyper ? t.died.hyperferritinemic.p : t.died.otherwise.p;
  const inShock = stratum * OUTCOME_TABLE.septicShockMortalityRatio.value;
  const died = latentChance(
    rng,
    shockCase ? inShock : (stratum - t.shock.p * inShock) / (1 - t.shock.p),
    sv.diedCorrelation,
    z,
  );
  if (died) chartTerminalCourse(observations, ageYears);
  const critical = shockCase || ventilated;

  return {
    patient,
    background: { sjia: 'none' },
    encounter: { hospitalized: true, died, suspectedInfection: true },
    observations,
    labs: panels,
    investigations,
    truth: {
      kind: 'sepsis',
      subtype,
      masPresent: false,
      trigger: 'bacterial',
      severity: severityBand(severity, critical),
      cnsInvolvement: lowGcs,
      hemorrhage,
    },
  };
}
