import type { Investigations, LabPanel, NumericAnalyte } from '@masdrill/rules';
import { latentChance, severityBand, type CaseBody } from '../case-body.js';
import { valueAt } from '../distribution.js';
import type { Difficulty, Subtype } from '../kind.js';
import { phoenixSurelyAtLeastTwo } from '../label-bounds.js';
import { phoenixParts, mapZeroPointsAbove } from '../label-checks.js';
import { CaseLabs } from '../lab-model.js';
import type { LabTable } from '../lab-spec.js';
import { buildObservations, feverDayCourse, temperatureCourse, type FindingKey, type RespiratorySupport } from '../observations.js';
import { makePatient } from '../patient.js';
import type { Rng } from '../rng.js';
import { OBSERVATION_HOURS } from '../tables/schedule-table.js';
import { SEPSIS_TABLE } from '../tables/sepsis-table.js';
import { activityCurve, TRAJECTORY_TABLE } from '../tables/trajectory-table.js';
import { buildLabPanels } from './lab-plan.js';

// Lab overrides as constants: CaseLabs resolves a cohort's laboratory once per combination of tables (by identity).
const FERRITIN_OTHERWISE: LabTable = { ferritin: { at0: SEPSIS_TABLE.ferritin.otherwise, rho: 0.5, baseline: 60 } };
const FERRITIN_HYPER: LabTable = { ferritin: { at0: SEPSIS_TABLE.ferritin.hyperferritinemic, rho: 0.5, baseline: 60 } };
const FERRITIN_HARD_HYPER: LabTable = { ferritin: { at0: SEPSIS_TABLE.ferritin.hardHyperferritinemic, rho: 0.5, baseline: 60 } };
const SHOCK_LACTATE: LabTable = { lactate: { at0: SEPSIS_TABLE.shockLactate, rho: 0.4, baseline: 1.1 } };

function setLab(labs: LabPanel[], hour: number, key: 'inr' | 'dDimer', value: number): void {
  const panel = labs.find((p) => p.hour === hour);
  if (panel) panel[key] = value;
}

/**
 * Bacterial sepsis, septic shock and hyperferritinemic sepsis. Every case has suspected infection
 * (antimicrobials + cultures in the first 24 h) and Phoenix ≥2: the definition is the label, so the
 * organ dysfunction is built in, then completed when the drawn pattern falls short.
 */
export function synthesizeSepsis(rng: Rng, difficulty: Difficulty): CaseBody {
  const t = SEPSIS_TABLE;
  const hard = difficulty === 'hard';
  const hyper = rng.chance(hard ? t.hyperferritinemicHard.p : t.hyperferritinemic.p);
  const shockCase = rng.chance(t.shock.p);
  const subtype: Subtype = hyper ? 'hyperferritinemic-sepsis' : shockCase ? 'septic-shock' : 'bacterial-sepsis';
  const z = rng.normal();
  const severity = z + (shockCase ? 0.8 : 0) + (hyper ? 0.4 : 0);
  const dic = rng.chance(hyper ? t.dic.hyperferritinemic.p : shockCase ? t.dic.shock.p : t.dic.otherwise.p);

  const sex = rng.chance(t.male.p) ? 'male' : 'female';
  const ageYears = valueAt(t.ageYears, rng.normal());
  const patient = makePatient(rng, ageYears, sex);

  const f = t.findings;
  const present: Partial<Record<FindingKey, boolean>> = {
    hepatomegaly: latentChance(rng, f.hepatomegaly.p, 0.3, severity),
    splenomegaly: rng.chance(f.splenomegaly.p),
    lymphadenopathy: rng.chance(f.lymphadenopathy.p),
    rash: rng.chance(f.rash.p),
    giSymptoms: rng.chance(f.giSymptoms.p),
  };
  const recorded: FindingKey[] = ['hepatomegaly', 'splenomegaly', 'lymphadenopathy', 'rash', 'giSymptoms', 'cnsInvolvement', 'hemorrhage'];
  const od = t.organDysfunction;
  const ventilated = rng.chance(shockCase ? od.invasiveVentilation.shock.p : od.invasiveVentilation.otherwise.p);
  const oxygen = !ventilated && rng.chance(od.oxygenOrNoninvasive.p);
  const lowGcs = rng.chance(shockCase ? od.lowGcs.shock.p : od.lowGcs.otherwise.p);
  const twoVaso = shockCase && rng.chance(od.twoVasoactives.p);
  const hemorrhage = dic && rng.chance(0.4);
  const onset: Partial<Record<FindingKey, number>> = {};
  for (const key of recorded) if (present[key]) onset[key] = 0;
  if (lowGcs) onset.cnsInvolvement = 0;
  if (hemorrhage) onset.hemorrhage = 12;

  const hours = [...OBSERVATION_HOURS];
  const shockFrom = rng.chance(0.7) ? 0 : 12;
  const shock = hours.map((h) => shockCase && h >= shockFrom && h <= 48);
  const vasoactives = shock.map((s, i) => (s ? (twoVaso && hours[i]! <= 24 ? 2 : 1) : 0));
  const support: RespiratorySupport[] = hours.map((h) => (ventilated && h <= 48 ? 'invasive' : oxygen && h <= 24 ? (rng.chance(0.3) ? 'noninvasive' : 'oxygen') : 'none'));
  const fio2 = support.map((s) => (s === 'invasive' ? 0.35 + 0.4 * rng.next() : s === 'none' ? 0.21 : 0.3 + 0.2 * rng.next()));
  const spo2 = support.map((s) => (s === 'none' ? 96 + rng.int(0, 4) : 90 + rng.int(0, 7)));
  const gcs = hours.map((h) => (lowGcs && h <= 24 ? 7 + rng.int(0, 3) : lowGcs && h <= 48 ? 12 : 15));
  const febrile = rng.chance(t.febrile.p);
  const observations = buildObservations({
    ageYears, hours,
    temperatureC: temperatureCourse(hours, febrile, valueAt(t.peakTemperatureC, rng.normal()), rng),
    feverDays: feverDayCourse(hours, febrile, 1 + rng.int(0, 2)),
    recorded, onset, shock, vasoactives, support, fio2, spo2, gcs,
  }, rng);
  if (!shockCase) {
    // No cardiovascular point without shock: keep the MAP above the Phoenix 0-point band.
    const floor = mapZeroPointsAbove(patient.ageYears) + 4;
    for (const o of observations) {
      const map = (o.sbp! + 2 * o.dbp!) / 3;
      if (map <= floor) { const k = (floor + 2) / map; o.sbp = Math.round(o.sbp! * k); o.dbp = Math.round(o.dbp! * k) + 1; }
    }
  }

  const overrides: LabTable[] = [hyper ? (hard ? FERRITIN_HARD_HYPER : FERRITIN_HYPER) : FERRITIN_OTHERWISE];
  if (dic) overrides.push(t.dicLabs);
  if (shockCase) overrides.push(SHOCK_LACTATE);
  const labs = new CaseLabs(rng, severity, t.labs, overrides);
  const progression = rng.uniform(0, TRAJECTORY_TABLE.sepsis.progressionMax);
  const main = activityCurve(TRAJECTORY_TABLE.sepsis, progression);
  const curves = { main, procalcitonin: activityCurve(TRAJECTORY_TABLE.sepsisProcalcitonin, progression), cardiac: main, overlay: null };
  const cardiac = rng.chance(t.cardiacMarkers.p);
  const atPresentation: NumericAnalyte[] = [];
  if (cardiac) atPresentation.push('troponin', 'bnp');
  if (rng.chance(t.special.sCd25.p)) atPresentation.push('sCd25');
  const panels = buildLabPanels(labs, curves, rng, { difficulty, baseline: false, atPresentation, procalcitonin: true, lactateAt12: true });

  // Complete the organ dysfunction to Phoenix ≥2 when the drawn pattern falls short.
  // A cheap bound (label-bounds.ts) settles most cases; the rules' calculator decides the rest, and what to add.
  for (let guard = 0; guard < 6; guard++) {
    if (phoenixSurelyAtLeastTwo(observations, panels)) break;
    const parts = phoenixParts(patient, observations, panels);
    if (parts.total >= 2) break;
    // Each step adds one point: a coagulation abnormality, or respiratory support with a low SpO₂:FiO₂.
    // Both go in at presentation, so they count at the same time point (Phoenix scores the worst
    // total at one time point, not the worst of each item across the day).
    const coag = parts.coagulation < 2 && (parts.respiratory > 0 || rng.next() < 0.6);
    if (coag) {
      const p0 = panels.find((p) => p.hour === 0);
      if (p0?.inr === undefined || p0.inr <= 1.3) {
        const v = Math.round((1.35 + 0.4 * rng.next()) * 100) / 100;
        setLab(panels, 0, 'inr', v); setLab(panels, 12, 'inr', v); setLab(panels, 24, 'inr', Math.round((v - 0.05) * 100) / 100);
      } else {
        const v = Math.round((2.2 + 4 * rng.next()) * 100) / 100;
        setLab(panels, 0, 'dDimer', v); setLab(panels, 12, 'dDimer', v); setLab(panels, 24, 'dDimer', v);
      }
    } else {
      const o = observations.find((x) => x.hour === 0)!;
      o.respiratorySupport = 'oxygen';
      o.fio2 = 0.4;
      o.spo2 = 93 + rng.int(0, 3);
    }
  }

  const organism = rng.chance(t.bloodCulturePositive.p) ? rng.weighted(t.organisms.weights) : undefined;
  const investigations: Investigations = {
    cultures: [organism ? { hour: 0, specimen: 'blood', result: 'positive', organism } : { hour: 0, specimen: 'blood', result: 'negative' }],
  };
  if (rng.chance(hyper ? t.marrowAspirated.hyperferritinemic.p : t.marrowAspirated.otherwise.p)) {
    investigations.boneMarrow = [{ hour: 24, hemophagocytosis: rng.chance(t.hemophagocytosis.p), malignancy: false }];
  }
  // Leans on the case's own severity draw (before the subtype shifts) so each stratum keeps its published rate.
  const died = latentChance(rng, hyper ? t.died.hyperferritinemic.p : t.died.otherwise.p, 0.4, z);
  const critical = shockCase || ventilated;

  return {
    patient,
    background: { sjia: 'none' },
    encounter: { hospitalized: true, died, suspectedInfection: true },
    observations, labs: panels, investigations,
    truth: { kind: 'sepsis', subtype, masPresent: false, trigger: 'bacterial', severity: severityBand(severity, critical), cnsInvolvement: lowGcs, hemorrhage },
  };
}
