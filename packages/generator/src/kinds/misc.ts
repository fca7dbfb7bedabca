import { MISC_CDC_2023, type Investigations, type NumericAnalyte } from '@masdrill/rules';
import { latentChance, severityBand, mapped, type CaseBody } from '../case-body.js';
import { valueAt } from '../distribution.js';
import type { Difficulty } from '../kind.js';
import { miscCategoryCount } from '../label-checks.js';
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
import { MISC_TABLE } from '../tables/misc-table.js';
import { labReferenceRangesFor } from '../tables/reference-range-table.js';
import { OBSERVATION_HOURS } from '../tables/schedule-table.js';
import { activityCurve, TRAJECTORY_TABLE } from '../tables/trajectory-table.js';
import { buildLabPanels } from './lab-plan.js';
import { masSuspectedOnChart, WORKUP_TABLE } from '../tables/workup-table.js';
import { ROOM_AIR_FIO2 } from '../tables/vitals-table.js';

type Echo = NonNullable<Investigations['echo']>[number];

const MISC_OBSERVATIONS = new ObservationLayout([
  'rash',
  'conjunctivitis',
  'mucosalChanges',
  'extremityChanges',
  'giSymptoms',
  'hepatomegaly',
  'splenomegaly',
  'lymphadenopathy',
  'cnsInvolvement',
]);

/**
 * MIS-C, with or without MAS. Every case meets the CSTE/CDC 2023 definition (the definition is the
 * label): documented fever ≥38.0 °C, hospitalized, CRP ≥30 mg/L, ≥2 organ categories, laboratory
 * evidence of SARS-CoV-2, no more likely alternative diagnosis.
 */
export function synthesizeMisc(rng: Rng, difficulty: Difficulty, throughHour = Number.POSITIVE_INFINITY): CaseBody {
  const t = MISC_TABLE;
  // Age band and MAS together: P(band) from CDC surveillance, P(MAS | band) ∝ masWeight, scaled so P(MAS) = 21.5%.
  const bands = t.ageBands.bands;
  const band = rng.weighted(bands.map((b) => [b, b.p] as const));
  let meanWeight = 0;
  for (const b of bands) meanWeight += b.p * b.masWeight;
  const withMas = rng.chance(Math.min(t.masEffects.chanceCap, (t.withMas.p * band.masWeight) / meanWeight));
  const ageYears = rng.uniform(band.fromYears, band.toYears);
  const z = rng.normal();
  const severity = z + (withMas ? t.masEffects.severityShift : 0);
  const sex = rng.chance(t.male.p) ? 'male' : 'female';
  const obese = rng.chance(t.obesity.p);
  const w = t.weightZ;
  const weightZ = obese
    ? w.obese.from + w.obese.scale * Math.abs(rng.normal())
    : w.otherwise.mean + w.otherwise.sd * rng.normal();
  const patient = makePatient(rng, ageYears, sex, weightZ);

  const f = t.findings;
  const gi = rng.chance(f.giSymptoms.p);
  const muco = rng.chance(f.mucocutaneous.p);
  // Within mucocutaneous involvement, each sign at the rate that reproduces its cohort-wide share.
  let rash = muco && rng.chance(f.rash.p / f.mucocutaneous.p);
  const conj = muco && rng.chance(f.conjunctivitis.p / f.mucocutaneous.p);
  const mucosal = muco && rng.chance(f.mucosalChanges.p / f.mucocutaneous.p);
  const extremity = muco && rng.chance(f.extremityChanges.p / f.mucocutaneous.p);
  if (muco && !rash && !conj && !mucosal && !extremity) rash = true;
  const vaso = latentChance(rng, t.vasoactive.p, t.latentCorrelation.vasoactive, z);
  const ventilated = latentChance(rng, t.invasiveVentilation.p, t.latentCorrelation.invasiveVentilation, z);
  const respiratory =
    ventilated ||
    rng.chance(Math.max(0, (f.respiratoryInvolvement.p - t.invasiveVentilation.p) / (1 - t.invasiveVentilation.p)));
  const onset = MISC_OBSERVATIONS.noOnsets();
  const mark = (key: FindingKey, present: boolean, hour = 0): void => {
    if (present) onset[key] = hour;
  };
  mark('giSymptoms', gi);
  mark('rash', rash);
  mark('conjunctivitis', conj);
  mark('mucosalChanges', mucosal);
  mark('extremityChanges', extremity);
  mark('hepatomegaly', rng.chance(f.hepatomegaly.p));
  mark('splenomegaly', rng.chance(f.splenomegaly.p));
  mark('lymphadenopathy', rng.chance(f.lymphadenopathy.p));
  mark('cnsInvolvement', rng.chance(f.cnsInvolvement.p));

  const hours = [...OBSERVATION_HOURS];
  const os = t.organSupport;
  const shockFrom = rng.chance(os.fromPresentation.p) ? 0 : 12;
  const shock = mapped(hours, (h) => vaso && h >= shockFrom && h <= 48);
  const vasoactives = mapped(shock, (s) => (s ? (severity > os.twoVasoactivesAboveSeverity ? 2 : 1) : 0));
  const support: RespiratorySupport[] = mapped(hours, (h) =>
    ventilated && h >= shockFrom && h <= 48 ? 'invasive' : respiratory && h <= 48 ? 'oxygen' : 'none',
  );
  const { fio2: fi, spo2: sp } = os;
  const fio2 = mapped(support, (s) =>
    s === 'invasive'
      ? fi.invasive.from + fi.invasive.width * rng.next()
      : s === 'oxygen'
        ? fi.oxygen.from + fi.oxygen.width * rng.next()
        : ROOM_AIR_FIO2,
  );
  const spo2 = mapped(support, (s) =>
    s === 'none' ? sp.roomAir.from + rng.int(0, sp.roomAir.width) : sp.supported.from + rng.int(0, sp.supported.width),
  );
  const feverDays0 = Math.round(valueAt(t.feverDaysAtPresentation, rng.normal()));
  const observations = buildObservations(
    {
      throughHour,
      ageYears,
      hours,
      temperatureC: temperatureCourse(hours, true, valueAt(t.peakTemperatureC, rng.normal()), rng),
      feverDays: feverDayCourse(hours, true, feverDays0),
      recorded: MISC_OBSERVATIONS,
      onset,
      shock,
      vasoactives,
      support,
      fio2,
      spo2,
      gcs: mapped(hours, (h) => (onset.cnsInvolvement !== undefined && h <= 24 ? t.gcsWithCnsInvolvement.value : 15)),
    },
    rng,
  );

  const labs = new CaseLabs(rng, severity, t.labs, withMas ? [] : [t.withoutMasLabs], withMas ? t.masLabs : null);
  const progression = rng.uniform(0, TRAJECTORY_TABLE.misc.progressionMax);
  const curves = {
    main: activityCurve(withMas ? TRAJECTORY_TABLE.miscWithMas : TRAJECTORY_TABLE.misc, progression),
    procalcitonin: activityCurve(withMas ? TRAJECTORY_TABLE.miscWithMas : TRAJECTORY_TABLE.misc, progression),
    cardiac: activityCurve(TRAJECTORY_TABLE.miscCardiac, progression),
    overlay: withMas ? TRAJECTORY_TABLE.miscMasOverlay : null,
  };
  const natriuretic: NumericAnalyte = rng.chance(t.ntProBnpRatherThanBnp.p) ? 'ntProBnp' : 'bnp';
  const panels = buildLabPanels(labs, curves, rng, {
    throughHour,
    difficulty,
    baseline: false,
    everyHour: ['troponin', natriuretic],
    procalcitonin: true,
    lactateAt12: vaso,
  });

  const lowEf = latentChance(rng, t.lvefBelow55.p, t.latentCorrelation.lvefBelow55, z);
  const aneurysm = rng.chance(t.coronaryAneurysm.p);
  const { echo: e } = t;
  const lvef = lowEf ? e.lowLvef : e.normalLvef;
  const ef0 = lvef.from + lvef.width * rng.next();
  // The 72-h share is drawn after the 12-h findings, and for every case, so the stream keeps its order.
  const lvefAt72 = (u: number): number =>
    lowEf ? ef0 + (e.recoveredShare.from + e.recoveredShare.width * u) * (e.recoveryTarget - ef0) : ef0;
  const cz = e.coronaryZ;
  const z0 = aneurysm
    ? cz.aneurysm.from + cz.aneurysm.width * rng.next()
    : Math.min(cz.otherwise.max, cz.otherwise.from + cz.otherwise.scale * Math.abs(rng.normal()));
  const echo: Echo[] = [
    {
      hour: 12,
      lvefPercent: Math.round(ef0),
      coronaryZMax: Math.round(z0 * 10) / 10,
      pericardialEffusion: rng.chance(e.pericardialEffusion.p),
      valvulitis: rng.chance(e.valvulitis.p),
    },
    {
      hour: 72,
      lvefPercent: Math.round(lvefAt72(rng.next())),
      coronaryZMax: Math.round((z0 + cz.changeSd * rng.normal()) * 10) / 10,
    },
  ];

  // CDC 2023 needs ≥2 organ categories: complete the presentation when the draw fell short.
  const construction = {
    patient,
    observations,
    labs: panels,
    echo,
    labReferenceRanges: labReferenceRangesFor(patient),
  };
  // The rules' calculator decides (its compiled path costs less than the cheap pre-check it had:
  // 0.047× vs 0.056× JSON.stringify of a MIS-C case per call).
  const atLeastTwo = (): boolean => miscCategoryCount(construction) >= MISC_CDC_2023.categoriesRequired;
  if (!atLeastTwo()) {
    for (const o of observations) if (o.hour <= 24) o.giSymptoms = true;
    if (!atLeastTwo()) for (const o of observations) if (o.hour <= 24) o.rash = true;
  }

  const pcr = rng.chance(t.sarsCov2.rnaOrAntigen.p);
  const serology = !pcr || rng.chance(t.sarsCov2.serology.p);
  const suspectedInfection = rng.chance(t.suspectedInfection.p);
  const investigations: Investigations = {
    echo,
    viralTests: [
      { hour: 0, virus: 'SARS-CoV-2', method: 'pcr', result: pcr ? 'positive' : 'negative' },
      { hour: 0, virus: 'SARS-CoV-2', method: 'serology', result: serology ? 'positive' : 'negative' },
    ],
  };
  if (suspectedInfection) investigations.cultures = [{ hour: 0, specimen: 'blood', result: 'negative' }];
  // A marrow when the 24-h panel makes MAS suspected on the chart (it was drawn only when MAS was the truth).
  const p24 = panels.find((p) => p.hour === 24);
  const suspected = masSuspectedOnChart(p24?.ferritin, p24?.platelets, p24?.fibrinogen);
  if (rng.chance(suspected ? WORKUP_TABLE.boneMarrow.suspected.p : WORKUP_TABLE.boneMarrow.otherwise.p)) {
    investigations.boneMarrow = [
      {
        hour: 48,
        hemophagocytosis: rng.chance(withMas ? t.marrow.hemophagocytosis.p : t.marrow.hemophagocytosisWithoutMas.p),
        malignancy: false,
      },
    ];
  }

  const died = latentChance(rng, t.died.p, t.latentCorrelation.died, z);
  if (died) chartTerminalCourse(observations, ageYears);
  return {
    patient,
    background: {
      sjia: 'none',
      sarsCov2: {
        rnaOrAntigen: pcr ? 'positive' : 'negative',
        serology: serology ? 'positive' : 'negative',
        closeContact: rng.chance(t.sarsCov2.closeContact.p) ? 'yes' : 'unknown',
        severeRespiratoryCovid19: false,
      },
      ...(obese ? { otherConditions: ['obesity'] } : {}),
    },
    encounter: { hospitalized: true, died, suspectedInfection, moreLikelyAlternativeDiagnosis: null },
    observations,
    labs: panels,
    investigations,
    truth: {
      kind: 'misc',
      subtype: withMas ? 'misc-with-mas' : 'misc',
      masPresent: withMas,
      trigger: 'SARS-CoV-2',
      severity: severityBand(severity, vaso || ventilated),
      cnsInvolvement: onset.cnsInvolvement !== undefined,
      hemorrhage: false,
    },
  };
}
