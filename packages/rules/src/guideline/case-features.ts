import type { Case } from '../generated/case.js';
import type { Stage } from '../generated/plan.js';
import { evaluate } from '../criteria/evaluate.js';
import type { CriteriaSetId } from '../criteria/criteria-result.js';
import { findingInWindow, latestLab, worstObservation } from '../case/case-reader.js';
import type { TimeWindow } from '../case/time-window.js';
import { bodySurfaceAreaM2 } from './body-surface-area.js';
import { overtMasInMisc } from './overt-mas-in-misc.js';
import { PHOENIX_GCS } from '../criteria/phoenix.js';
import { meetsThreshold } from '../criteria/threshold.js';
import { DAYS_PER_YEAR } from '../units/calendar.js';
import { orderHistory, type OrderHistory, type PriorOrder } from './prior-orders.js';
import { chartDiagnosis, type CaseKind, type InfectionOnChart } from './chart-diagnosis.js';

export type { CaseKind } from './chart-diagnosis.js';
export type InfectionTrigger = 'bacterial' | 'viral' | 'suspected' | 'none';

/** A feature's value and where it was read from: ground truth, or the case's own findings and criteria. */
export interface FeatureBasis {
  readonly feature: string;
  readonly value: string | number | boolean | null;
  readonly basis: string;
}

/**
 * What the guideline's rules need to know about a patient at a decision point. Expectations
 * (reading "chart") read only what the trainee can see by the decision hour: observations, labs,
 * investigations, history, the encounter and the criteria results on that window. The patient's
 * course (reading "truth") reads the ground truth where the case has it. `readings` says which, per feature.
 */
export interface CaseFeatures {
  readonly caseId: string;
  readonly stage: Stage;
  readonly decisionHour: number;
  /** The working diagnosis (chart: design choice chart-diagnosis; truth: truth.kind). */
  readonly kind: CaseKind;
  /** Every diagnosis the chart supports at the decision hour, `kind` first (the truth reading: `kind` alone). */
  readonly supported?: readonly CaseKind[];
  readonly masPresent: boolean;
  readonly sjia: boolean;
  readonly infectionTrigger: InfectionTrigger;
  /** 28 days old or younger with a temperature ≥38.0 °C on the chart (uptodate-febrile-neonate): infection suspected. */
  readonly febrileNeonate: boolean;
  readonly cns: boolean;
  readonly shock: boolean;
  /** CC-2: shock, vasoactives, invasive ventilation or critical severity. */
  readonly icuLevel: boolean;
  /** HEAD-1 / CSA-1 "severe cases". */
  readonly severe: boolean;
  readonly hemorrhage: boolean;
  readonly ageYears: number;
  readonly weightKg: number | undefined;
  readonly heightCm: number | undefined;
  readonly bsaM2: number | undefined;
  /** Latest platelet count at or before the decision hour, ×10⁹/L. */
  readonly platelets: number | undefined;
  /** Latest ferritin at or before the decision hour, ng/mL. */
  readonly ferritin: number | undefined;
  /** Latest INR and fibrinogen (mg/dL) at or before the decision hour (procedure safety reads them). */
  readonly inr: number | undefined;
  readonly fibrinogen: number | undefined;
  /** Latest Glasgow Coma Scale at or before the decision hour, and the reading before it. */
  readonly gcs: number | undefined;
  readonly gcsPrevious: number | undefined;
  readonly lvefMin: number | undefined;
  readonly coronaryZMax: number | undefined;
  /** MIS-C IVIG splitting: LVEF <55% or shock/vasoactives (DESIGN_CHOICES 'cardiac-dysfunction'). */
  readonly cardiacDysfunction: boolean;
  /** What was ordered before this decision (PriorOrder): completed one-offs and courses, running orders. */
  readonly history: OrderHistory;
  readonly readings: readonly FeatureBasis[];
}

const VIRAL_TRIGGERS = new Set(['EBV', 'CMV', 'adenovirus', 'other-virus']);

/**
 * Where the features are read from. "chart": what the trainee can see at the decision hour — every
 * feature that drives an expectation (the working diagnosis, MAS, severity, infection, CNS,
 * hemorrhage, shock, ICU) follows from the chart, never from the hidden truth. "truth": the ground
 * truth first (the patient's course, which the hidden truth drives).
 */
export type FeatureReading = 'chart' | 'truth';

/** A neonate: 28 days of age or younger (uptodate-febrile-neonate). */
const NEONATE_MAX_DAYS = 28;
/** Fever in a neonate: ≥38.0 °C, and a febrile neonate gets empirical parenteral antibiotics pending cultures (uptodate-febrile-neonate). */
const NEONATAL_FEVER_C = 38;

/** Reads the features the guideline's rules depend on. Pure. */
export function caseFeatures(
  c: Case,
  stage: Stage = 'presentation',
  decisionHour = 0,
  priorOrders?: readonly PriorOrder[],
  reading: FeatureReading = 'truth',
): CaseFeatures {
  const readings: FeatureBasis[] = [];
  const note = (feature: string, value: FeatureBasis['value'], basis: string) => {
    readings.push({ feature, value, basis });
  };
  const upToNow: TimeWindow = { fromHour: -8760, toHour: decisionHour };
  // Expectations read the chart; the ground truth is read only for the course it drives.
  const truth = reading === 'truth' ? c.truth : undefined;

  // Criteria results on what is known from presentation to the decision hour (read only when needed: they cost a little).
  let evaluation: ReturnType<typeof evaluate> | undefined;
  const criteria = () => (evaluation ??= evaluate(c, { window: { fromHour: 0, toHour: Math.max(0, decisionHour) } }));
  const statusOf = (id: CriteriaSetId) => criteria().results.find((r) => r.id === id);

  const sjia = c.background.sjia !== 'none';
  note('sjia', sjia, `background.sjia = "${c.background.sjia}"`);

  const lastTemperature = [...c.observations]
    .reverse()
    .find((o) => o.hour <= decisionHour && o.temperatureC !== undefined)?.temperatureC;
  const febrileNeonate =
    reading === 'chart' &&
    c.patient.ageYears * DAYS_PER_YEAR <= NEONATE_MAX_DAYS &&
    lastTemperature !== undefined &&
    lastTemperature >= NEONATAL_FEVER_C;
  const inv = c.investigations;
  const onChart: InfectionOnChart = {
    bacterial: (inv.cultures ?? []).some((x) => x.hour <= decisionHour && x.result === 'positive'),
    viral: (inv.viralTests ?? []).some(
      (x) => x.hour <= decisionHour && x.result === 'positive' && x.virus !== 'SARS-CoV-2',
    ),
    suspected: c.encounter.suspectedInfection === true || febrileNeonate,
  };

  // The diagnosis: the truth's label for the course, otherwise what the chart shows (design choice chart-diagnosis).
  const chart = truth ? undefined : chartDiagnosis(c, decisionHour, statusOf, onChart);
  let masPresent: boolean;
  let kind: CaseKind;
  if (truth && truth.kind === 'misc' && truth.masPresent) {
    // MISC-1: MIS-C leaves its standard protocol when overt MAS develops, not before.
    const overt = overtMasInMisc(c, decisionHour);
    masPresent = overt.overt;
    note(
      'masPresent',
      masPresent,
      `truth.masPresent, overt only once the labs show it (design choice misc-overt-mas): ${overt.reading}`,
    );
  } else if (truth) {
    masPresent = truth.masPresent;
    note('masPresent', masPresent, 'truth.masPresent');
  } else {
    masPresent = chart!.masPresent;
    note('masPresent', masPresent, chart!.basis);
  }
  if (truth) {
    kind = truth.kind;
    note('kind', kind, 'truth.kind');
  } else {
    kind = chart!.kind;
    note('kind', kind, `${chart!.basis} (design choice chart-diagnosis)`);
  }
  const supported: readonly CaseKind[] = chart?.supported ?? [kind];
  note('supported', supported.join(', '), 'the diagnoses the chart cannot tell apart at the decision hour');

  const shockSeen = findingInWindow(c, 'shock', upToNow)?.value === true;
  const vasoactives = worstObservation(c, 'vasoactiveCount', upToNow, 'highest')?.value ?? 0;
  const invasive = c.observations.some((o) => o.hour <= decisionHour && o.respiratorySupport === 'invasive');
  // On the chart, septic shock is also what Phoenix calls it at the decision hour: suspected infection, a score ≥2 with ≥1
  // cardiovascular point (lactate, MAP or vasoactives). Read only where infection is suspected, as the definition needs it.
  const phoenixShock =
    reading === 'chart' &&
    !shockSeen &&
    vasoactives === 0 &&
    c.encounter.suspectedInfection === true &&
    evaluate(c, { window: { fromHour: decisionHour, toHour: decisionHour }, only: ['phoenix'] }).results[0]
      ?.classifications?.['septic-shock'] === 'met';
  const shock = shockSeen || vasoactives > 0 || phoenixShock || truth?.subtype === 'septic-shock';
  note(
    'shock',
    shock,
    truth?.subtype === 'septic-shock'
      ? 'truth.subtype = septic-shock'
      : `observations: shock ${shockSeen ? 'documented' : 'not documented'}, vasoactives ${vasoactives}${phoenixShock ? '; Phoenix septic shock at the decision hour (schlapbach-2024-phoenix)' : ''}`,
  );

  let infectionTrigger: InfectionTrigger;
  if (truth?.trigger !== undefined) {
    infectionTrigger =
      truth.trigger === 'bacterial' ? 'bacterial' : VIRAL_TRIGGERS.has(truth.trigger) ? 'viral' : 'none';
    note('infectionTrigger', infectionTrigger, `truth.trigger = "${truth.trigger}"`);
  } else if (truth?.kind === 'sepsis') {
    infectionTrigger = 'bacterial';
    note('infectionTrigger', infectionTrigger, 'truth.kind = sepsis');
  } else {
    const suspected = onChart.suspected || kind === 'sepsis' || chart?.infectionNotExcluded === true;
    infectionTrigger = onChart.bacterial ? 'bacterial' : onChart.viral ? 'viral' : suspected ? 'suspected' : 'none';
    note(
      'infectionTrigger',
      infectionTrigger,
      onChart.bacterial
        ? 'a positive culture by the decision hour'
        : onChart.viral
          ? 'a positive viral test (not SARS-CoV-2) by the decision hour'
          : suspected
            ? c.encounter.suspectedInfection
              ? 'encounter.suspectedInfection'
              : febrileNeonate
                ? `a febrile neonate (${lastTemperature} °C at ${Math.round(c.patient.ageYears * DAYS_PER_YEAR)} days)`
                : 'sepsis'
            : 'no positive culture or viral test by the decision hour, infection not suspected',
    );
  }

  const cnsSeen = findingInWindow(c, 'cnsInvolvement', upToNow)?.value === true;
  const cns = truth?.cnsInvolvement ?? cnsSeen;
  note('cns', cns, truth?.cnsInvolvement !== undefined ? 'truth.cnsInvolvement' : 'observations.cnsInvolvement');

  const hemorrhage = truth?.hemorrhage ?? findingInWindow(c, 'hemorrhage', upToNow)?.value === true;
  note('hemorrhage', hemorrhage, truth?.hemorrhage !== undefined ? 'truth.hemorrhage' : 'observations.hemorrhage');

  // CC-2 "severe organ dysfunction": Phoenix neurological dysfunction (GCS ≤10) read from the chart.
  const gcsNow = [...c.observations].reverse().find((o) => o.hour <= decisionHour && o.gcs !== undefined)?.gcs;
  const lowGcs = reading === 'chart' && gcsNow !== undefined && meetsThreshold(gcsNow, PHOENIX_GCS);
  const icuLevel = shock || invasive || lowGcs || truth?.severity === 'critical';
  note(
    'icuLevel',
    icuLevel,
    `shock or vasoactives ${shock}, invasive ventilation ${invasive}${reading === 'chart' ? `, GCS ${gcsNow ?? 'not assessed'}${lowGcs ? ' (≤10, Phoenix neurological dysfunction)' : ''}` : ''}${truth?.severity ? `, truth.severity = ${truth.severity}` : ''}`,
  );

  // HEAD-1/CSA-1 "severe cases": the truth's severity for the course; on the chart, its organ dysfunction (severity-fallback).
  const severe = truth?.severity !== undefined ? truth.severity !== 'moderate' : icuLevel || cns || hemorrhage;
  note(
    'severe',
    severe,
    truth?.severity !== undefined
      ? `truth.severity = ${truth.severity}`
      : 'shock, vasoactives, invasive ventilation, GCS ≤10, CNS involvement or hemorrhage on the chart (design choice severity-fallback)',
  );

  const weightKg = c.patient.weightKg;
  const heightCm = c.patient.heightCm;
  const bsaM2 = weightKg !== undefined && heightCm !== undefined ? bodySurfaceAreaM2(heightCm, weightKg) : undefined;
  note('weightKg', weightKg ?? null, 'patient.weightKg');
  note(
    'bsaM2',
    bsaM2 === undefined ? null : Math.round(bsaM2 * 100) / 100,
    'Mosteller √(height × weight / 3600) (mosteller-1987)',
  );

  const platelets = latestLab(c, 'platelets', decisionHour)?.value;
  const ferritin = latestLab(c, 'ferritin', decisionHour)?.value;
  const inr = latestLab(c, 'inr', decisionHour)?.value;
  const fibrinogen = latestLab(c, 'fibrinogen', decisionHour)?.value;
  const gcsReadings = c.observations
    .filter((o) => o.hour <= decisionHour && o.gcs !== undefined)
    .sort((a, b) => a.hour - b.hour)
    .map((o) => o.gcs!);
  const gcs = gcsReadings.at(-1);
  const gcsPrevious = gcsReadings.at(-2);
  note('platelets', platelets ?? null, 'latest platelets at or before the decision hour (×10⁹/L)');

  const echoes = (c.investigations.echo ?? []).filter((e) => e.hour <= decisionHour);
  const efs = echoes.map((e) => e.lvefPercent).filter((v): v is number => v !== undefined);
  const zs = echoes.map((e) => e.coronaryZMax).filter((v): v is number => v !== undefined);
  const lvefMin = efs.length ? Math.min(...efs) : undefined;
  const coronaryZMax = zs.length ? Math.max(...zs) : undefined;
  const cardiacDysfunction = (lvefMin !== undefined && lvefMin < 55) || shock;
  note(
    'cardiacDysfunction',
    cardiacDysfunction,
    `LVEF ${lvefMin === undefined ? 'not measured' : `${lvefMin}%`}, shock ${shock} (design choice cardiac-dysfunction)`,
  );

  return {
    caseId: c.id,
    stage,
    decisionHour,
    kind,
    supported,
    masPresent,
    sjia,
    infectionTrigger,
    febrileNeonate,
    cns,
    shock,
    icuLevel,
    severe,
    hemorrhage,
    ageYears: c.patient.ageYears,
    weightKg,
    heightCm,
    bsaM2,
    platelets,
    ferritin,
    inr,
    fibrinogen,
    gcs,
    gcsPrevious,
    lvefMin,
    coronaryZMax,
    cardiacDysfunction,
    history: orderHistory(priorOrders),
    readings,
  };
}
