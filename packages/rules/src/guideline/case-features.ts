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

export type CaseKind = 'mas' | 'sjia-flare' | 'sepsis' | 'misc' | 'undetermined';
export type InfectionTrigger = 'bacterial' | 'viral' | 'suspected' | 'none';

/** A feature's value and where it was read from: ground truth, or the case's own findings and criteria. */
export interface FeatureBasis {
  readonly feature: string;
  readonly value: string | number | boolean | null;
  readonly basis: string;
}

/**
 * What the guideline's rules need to know about a patient at a decision point. Read from the
 * case's ground truth where the case has it (generated cases, authored cases that state it), and
 * otherwise from the case's own findings and criteria results. `readings` says which, per feature.
 */
export interface CaseFeatures {
  readonly caseId: string;
  readonly stage: Stage;
  readonly decisionHour: number;
  readonly kind: CaseKind;
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
const MAS_CRITERIA: readonly CriteriaSetId[] = ['hlh-2004', 'eular-acr-2016', 'ms-score', 'hscore'];

/**
 * Where the action features are read from. "chart": what the trainee can see at the decision hour
 * (expectations and scoring: antimicrobials, ICU, CNS, shock and bleeding follow from the chart;
 * only the case's label — kind, MAS, severity — comes from its ground truth, as the answer the
 * diagnosis question keys). "truth": the ground truth first (the patient's course, which the
 * hidden truth drives).
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
  const truth = c.truth;
  // The action features read the truth only for the course; expectations read the chart.
  const hidden = reading === 'truth' ? truth : undefined;

  // Criteria results are read only when the case has no ground truth (they cost a little), on what
  // is known from presentation to the decision hour.
  let evaluation: ReturnType<typeof evaluate> | undefined;
  const criteria = () => (evaluation ??= evaluate(c, { window: { fromHour: 0, toHour: Math.max(0, decisionHour) } }));
  const statusOf = (id: CriteriaSetId) => criteria().results.find((r) => r.id === id);

  const sjia = c.background.sjia !== 'none';
  note('sjia', sjia, `background.sjia = "${c.background.sjia}"`);

  let masPresent: boolean;
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
    const met = MAS_CRITERIA.filter((id) => statusOf(id)?.status === 'met');
    masPresent = met.length > 0 || c.encounter.knownHlhGeneticDiagnosis === true;
    note(
      'masPresent',
      masPresent,
      met.length ? `criteria met: ${met.join(', ')}` : 'no MAS/HLH criteria set met (not-assessable counts as not met)',
    );
  }

  const shockSeen = findingInWindow(c, 'shock', upToNow)?.value === true;
  const vasoactives = worstObservation(c, 'vasoactiveCount', upToNow, 'highest')?.value ?? 0;
  const invasive = c.observations.some((o) => o.hour <= decisionHour && o.respiratorySupport === 'invasive');
  // On the chart, septic shock is also what Phoenix calls it at the decision hour: suspected infection, a score ≥2 with ≥1
  // cardiovascular point (lactate, MAP or vasoactives). Read only where infection is suspected, as the definition needs it.
  const phoenixShock =
    reading === 'chart' &&
    !shockSeen &&
    vasoactives === 0 &&
    (c.encounter.suspectedInfection === true || truth?.kind === 'sepsis') &&
    evaluate(c, { window: { fromHour: decisionHour, toHour: decisionHour }, only: ['phoenix'] }).results[0]
      ?.classifications?.['septic-shock'] === 'met';
  const shock = shockSeen || vasoactives > 0 || phoenixShock || hidden?.subtype === 'septic-shock';
  note(
    'shock',
    shock,
    hidden?.subtype === 'septic-shock'
      ? 'truth.subtype = septic-shock'
      : `observations: shock ${shockSeen ? 'documented' : 'not documented'}, vasoactives ${vasoactives}${phoenixShock ? '; Phoenix septic shock at the decision hour (schlapbach-2024-phoenix)' : ''}`,
  );

  let kind: CaseKind;
  if (truth) {
    kind = truth.kind;
    note('kind', kind, 'truth.kind');
  } else {
    const misc = statusOf('misc-cdc-2023')?.status === 'met' || statusOf('misc-who-2020')?.status === 'met';
    const phoenix = statusOf('phoenix')?.status === 'met';
    kind = misc
      ? 'misc'
      : masPresent
        ? 'mas'
        : phoenix || c.encounter.suspectedInfection === true
          ? 'sepsis'
          : sjia
            ? 'sjia-flare'
            : 'undetermined';
    note(
      'kind',
      kind,
      misc
        ? 'a MIS-C definition is met'
        : masPresent
          ? 'MAS criteria met'
          : phoenix
            ? 'Phoenix sepsis met'
            : c.encounter.suspectedInfection
              ? 'encounter.suspectedInfection'
              : sjia
                ? 'sJIA without MAS criteria met'
                : 'nothing decides the kind: every diagnosis is accepted',
    );
  }

  const lastTemperature = [...c.observations]
    .reverse()
    .find((o) => o.hour <= decisionHour && o.temperatureC !== undefined)?.temperatureC;
  const febrileNeonate =
    c.patient.ageYears * DAYS_PER_YEAR <= NEONATE_MAX_DAYS &&
    lastTemperature !== undefined &&
    lastTemperature >= NEONATAL_FEVER_C;
  let infectionTrigger: InfectionTrigger;
  if (hidden?.trigger !== undefined) {
    infectionTrigger =
      hidden.trigger === 'bacterial' ? 'bacterial' : VIRAL_TRIGGERS.has(hidden.trigger) ? 'viral' : 'none';
    note('infectionTrigger', infectionTrigger, `truth.trigger = "${hidden.trigger}"`);
  } else if (hidden?.kind === 'sepsis') {
    infectionTrigger = 'bacterial';
    note('infectionTrigger', infectionTrigger, 'truth.kind = sepsis');
  } else {
    const inv = c.investigations;
    const culture = (inv.cultures ?? []).some((x) => x.hour <= decisionHour && x.result === 'positive');
    const viral = (inv.viralTests ?? []).some(
      (x) => x.hour <= decisionHour && x.result === 'positive' && x.virus !== 'SARS-CoV-2',
    );
    const suspected =
      c.encounter.suspectedInfection === true || kind === 'sepsis' || (reading === 'chart' && febrileNeonate);
    infectionTrigger = culture ? 'bacterial' : viral ? 'viral' : suspected ? 'suspected' : 'none';
    note(
      'infectionTrigger',
      infectionTrigger,
      culture
        ? 'a positive culture by the decision hour'
        : viral
          ? 'a positive viral test (not SARS-CoV-2) by the decision hour'
          : suspected
            ? c.encounter.suspectedInfection
              ? 'encounter.suspectedInfection'
              : kind === 'sepsis'
                ? 'sepsis'
                : `a febrile neonate (${lastTemperature} °C at ${Math.round(c.patient.ageYears * DAYS_PER_YEAR)} days)`
            : 'no positive culture or viral test by the decision hour, infection not suspected',
    );
  }

  const cnsSeen = findingInWindow(c, 'cnsInvolvement', upToNow)?.value === true;
  const cns = hidden?.cnsInvolvement ?? cnsSeen;
  note('cns', cns, hidden?.cnsInvolvement !== undefined ? 'truth.cnsInvolvement' : 'observations.cnsInvolvement');

  const hemorrhage = hidden?.hemorrhage ?? findingInWindow(c, 'hemorrhage', upToNow)?.value === true;
  note('hemorrhage', hemorrhage, hidden?.hemorrhage !== undefined ? 'truth.hemorrhage' : 'observations.hemorrhage');

  // CC-2 "severe organ dysfunction": Phoenix neurological dysfunction (GCS ≤10) read from the chart.
  const gcsNow = [...c.observations].reverse().find((o) => o.hour <= decisionHour && o.gcs !== undefined)?.gcs;
  const lowGcs = reading === 'chart' && gcsNow !== undefined && meetsThreshold(gcsNow, PHOENIX_GCS);
  const icuLevel = shock || invasive || lowGcs || hidden?.severity === 'critical';
  note(
    'icuLevel',
    icuLevel,
    `shock or vasoactives ${shock}, invasive ventilation ${invasive}${reading === 'chart' ? `, GCS ${gcsNow ?? 'not assessed'}${lowGcs ? ' (≤10, Phoenix neurological dysfunction)' : ''}` : ''}${hidden?.severity ? `, truth.severity = ${hidden.severity}` : ''}`,
  );

  // HEAD-1/CSA-1 "severe cases" stay with the case's label, like the diagnosis (the chart has no sourced severity grade).
  const severe = truth?.severity !== undefined ? truth.severity !== 'moderate' : icuLevel || cns || hemorrhage;
  note(
    'severe',
    severe,
    truth?.severity !== undefined
      ? `truth.severity = ${truth.severity} (the case's label)`
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
    masPresent,
    sjia,
    infectionTrigger,
    febrileNeonate: reading === 'chart' && febrileNeonate,
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
