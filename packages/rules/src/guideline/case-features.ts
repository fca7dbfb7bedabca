import type { Case } from '../generated/case.js';
import type { Stage } from '../generated/plan.js';
import { evaluate } from '../criteria/evaluate.js';
import type { CriteriaSetId } from '../criteria/criteria-result.js';
import { findingInWindow, latestLab, worstObservation } from '../case/case-reader.js';
import type { TimeWindow } from '../case/time-window.js';
import { bodySurfaceAreaM2 } from './body-surface-area.js';
import { overtMasInMisc } from './overt-mas-in-misc.js';
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

/** Reads the features the guideline's rules depend on. Pure. */
export function caseFeatures(c: Case, stage: Stage = 'presentation', decisionHour = 0, priorOrders?: readonly PriorOrder[]): CaseFeatures {
  const readings: FeatureBasis[] = [];
  const note = (feature: string, value: FeatureBasis['value'], basis: string) => { readings.push({ feature, value, basis }); };
  const upToNow: TimeWindow = { fromHour: -8760, toHour: decisionHour };
  const truth = c.truth;

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
    note('masPresent', masPresent, `truth.masPresent, overt only once the labs show it (design choice misc-overt-mas): ${overt.reading}`);
  } else if (truth) {
    masPresent = truth.masPresent;
    note('masPresent', masPresent, 'truth.masPresent');
  } else {
    const met = MAS_CRITERIA.filter((id) => statusOf(id)?.status === 'met');
    masPresent = met.length > 0 || c.encounter.knownHlhGeneticDiagnosis === true;
    note('masPresent', masPresent, met.length ? `criteria met: ${met.join(', ')}` : 'no MAS/HLH criteria set met (not-assessable counts as not met)');
  }

  const shockSeen = findingInWindow(c, 'shock', upToNow)?.value === true;
  const vasoactives = worstObservation(c, 'vasoactiveCount', upToNow, 'highest')?.value ?? 0;
  const invasive = c.observations.some((o) => o.hour <= decisionHour && o.respiratorySupport === 'invasive');
  const shock = shockSeen || vasoactives > 0 || truth?.subtype === 'septic-shock';
  note('shock', shock, truth?.subtype === 'septic-shock' ? 'truth.subtype = septic-shock' : `observations: shock ${shockSeen ? 'documented' : 'not documented'}, vasoactives ${vasoactives}`);

  let kind: CaseKind;
  if (truth) {
    kind = truth.kind;
    note('kind', kind, 'truth.kind');
  } else {
    const misc = statusOf('misc-cdc-2023')?.status === 'met' || statusOf('misc-who-2020')?.status === 'met';
    const phoenix = statusOf('phoenix')?.status === 'met';
    kind = misc ? 'misc' : masPresent ? 'mas' : phoenix || c.encounter.suspectedInfection === true ? 'sepsis' : sjia ? 'sjia-flare' : 'undetermined';
    note('kind', kind, misc ? 'a MIS-C definition is met' : masPresent ? 'MAS criteria met' : phoenix ? 'Phoenix sepsis met' : c.encounter.suspectedInfection ? 'encounter.suspectedInfection' : sjia ? 'sJIA without MAS criteria met' : 'nothing decides the kind: every diagnosis is accepted');
  }

  let infectionTrigger: InfectionTrigger;
  if (truth?.trigger !== undefined) {
    infectionTrigger = truth.trigger === 'bacterial' ? 'bacterial' : VIRAL_TRIGGERS.has(truth.trigger) ? 'viral' : 'none';
    note('infectionTrigger', infectionTrigger, `truth.trigger = "${truth.trigger}"`);
  } else if (truth?.kind === 'sepsis') {
    infectionTrigger = 'bacterial';
    note('infectionTrigger', infectionTrigger, 'truth.kind = sepsis');
  } else {
    const inv = c.investigations;
    const culture = (inv.cultures ?? []).some((x) => x.hour <= decisionHour && x.result === 'positive');
    const viral = (inv.viralTests ?? []).some((x) => x.hour <= decisionHour && x.result === 'positive' && x.virus !== 'SARS-CoV-2');
    infectionTrigger = culture ? 'bacterial' : viral ? 'viral' : c.encounter.suspectedInfection === true || kind === 'sepsis' ? 'suspected' : 'none';
    note('infectionTrigger', infectionTrigger, culture ? 'a positive culture' : viral ? 'a positive viral test (not SARS-CoV-2)' : infectionTrigger === 'suspected' ? 'encounter.suspectedInfection or sepsis' : 'no positive culture or viral test, infection not suspected');
  }

  const cnsSeen = findingInWindow(c, 'cnsInvolvement', upToNow)?.value === true;
  const cns = truth?.cnsInvolvement ?? cnsSeen;
  note('cns', cns, truth?.cnsInvolvement !== undefined ? 'truth.cnsInvolvement' : 'observations.cnsInvolvement');

  const hemorrhage = truth?.hemorrhage ?? findingInWindow(c, 'hemorrhage', upToNow)?.value === true;
  note('hemorrhage', hemorrhage, truth?.hemorrhage !== undefined ? 'truth.hemorrhage' : 'observations.hemorrhage');

  const icuLevel = shock || invasive || truth?.severity === 'critical';
  note('icuLevel', icuLevel, `shock or vasoactives ${shock}, invasive ventilation ${invasive}${truth?.severity ? `, truth.severity = ${truth.severity}` : ''}`);

  const severe = truth?.severity !== undefined ? truth.severity !== 'moderate' : icuLevel || cns || hemorrhage;
  note('severe', severe, truth?.severity !== undefined ? `truth.severity = ${truth.severity}` : 'shock, vasoactives, invasive ventilation, CNS involvement or hemorrhage (design choice severity-fallback)');

  const weightKg = c.patient.weightKg;
  const heightCm = c.patient.heightCm;
  const bsaM2 = weightKg !== undefined && heightCm !== undefined ? bodySurfaceAreaM2(heightCm, weightKg) : undefined;
  note('weightKg', weightKg ?? null, 'patient.weightKg');
  note('bsaM2', bsaM2 === undefined ? null : Math.round(bsaM2 * 100) / 100, 'Mosteller √(height × weight / 3600) (mosteller-1987)');

  const platelets = latestLab(c, 'platelets', decisionHour)?.value;
  const ferritin = latestLab(c, 'ferritin', decisionHour)?.value;
  note('platelets', platelets ?? null, 'latest platelets at or before the decision hour (×10⁹/L)');

  const echoes = (c.investigations.echo ?? []).filter((e) => e.hour <= decisionHour);
  const efs = echoes.map((e) => e.lvefPercent).filter((v): v is number => v !== undefined);
  const zs = echoes.map((e) => e.coronaryZMax).filter((v): v is number => v !== undefined);
  const lvefMin = efs.length ? Math.min(...efs) : undefined;
  const coronaryZMax = zs.length ? Math.max(...zs) : undefined;
  const cardiacDysfunction = (lvefMin !== undefined && lvefMin < 55) || shock;
  note('cardiacDysfunction', cardiacDysfunction, `LVEF ${lvefMin === undefined ? 'not measured' : `${lvefMin}%`}, shock ${shock} (design choice cardiac-dysfunction)`);

  return {
    caseId: c.id, stage, decisionHour, kind, masPresent, sjia, infectionTrigger, cns, shock, icuLevel, severe, hemorrhage,
    ageYears: c.patient.ageYears, weightKg, heightCm, bsaM2, platelets, ferritin, lvefMin, coronaryZMax, cardiacDysfunction, history: orderHistory(priorOrders), readings,
  };
}
