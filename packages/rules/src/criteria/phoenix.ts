import type { Case, Observation } from '../generated/case.js';
import { FIRST_24_HOURS, inWindow, type TimeWindow } from '../case/time-window.js';
import { worstLab, worstObservation } from '../case/case-reader.js';
import type { NumericAnalyte } from '../units/analytes.js';
import { fromCanonical } from '../units/convert.js';
import type { CriteriaResult, CriteriaSet, CriteriaStatus, EvaluateOptions, ItemEvidence, ItemStatus } from './criteria-result.js';
import { scoreStatus } from './count-status.js';
import { compare, describeThreshold, labMeetsThreshold, meetsThreshold, type Threshold } from './threshold.js';

/*
 * Phoenix Sepsis Score (Schlapbach LJ, JAMA 2024;331:665–74; Sanchez-Pinto LN, JAMA 2024).
 * Every number below is from the authors' rubric as implemented in their software
 * (CU-DBMI-Peds/phoenix: inst/phoenix_rubric.md, R/phoenix_*.R, articles/ehr_implementation_notes.md),
 * which states the published clinical table's integer bands as half-open intervals so that
 * non-integer MAP and lactate values fall into exactly one band (rubric footnote j).
 */

const RUBRIC = 'schlapbach-2024-phoenix §rubric (CU-DBMI-Peds/phoenix inst/phoenix_rubric.md)';
const IMPLEMENTATION = 'schlapbach-2024-phoenix §implementation (CU-DBMI-Peds/phoenix articles/ehr_implementation_notes.md)';

// ── Applicability (ehr_implementation_notes.md "Exclusion Criteria") ───────────────────────────
/** Age ≥ 216 months (18 y) at encounter start is excluded. */
export const PHOENIX_MAX_AGE_MONTHS = 216;
/** Gestational age (postmenstrual, i.e. GA at birth + age) < 37 weeks at encounter start is excluded. */
export const PHOENIX_MIN_GESTATIONAL_AGE_WEEKS = 37;

// ── Respiratory (0–3) ────────────────────────────────────────────────────────────────────────
/** 1 point needs any respiratory support; 2 and 3 points need invasive mechanical ventilation. */
export const PHOENIX_PF_RATIO: readonly { readonly points: 1 | 2 | 3; readonly threshold: Threshold }[] = [
  { points: 1, threshold: { comparator: '<', value: 400, unit: '' } },
  { points: 2, threshold: { comparator: '<', value: 200, unit: '' } },
  { points: 3, threshold: { comparator: '<', value: 100, unit: '' } },
];
export const PHOENIX_SF_RATIO: readonly { readonly points: 1 | 2 | 3; readonly threshold: Threshold }[] = [
  { points: 1, threshold: { comparator: '<', value: 292, unit: '' } },
  { points: 2, threshold: { comparator: '<', value: 220, unit: '' } },
  { points: 3, threshold: { comparator: '<', value: 148, unit: '' } },
];
/** Rubric footnote b: SpO₂:FiO₂ is only valid when SpO₂ ≤ 97 %. */
export const PHOENIX_SF_MAX_SPO2: Threshold = { comparator: '<=', value: 97, unit: '%' };
/** ehr_implementation_notes.md, ORS: "If FiO₂ > 0.21 then that indicates oxygen support". */
export const PHOENIX_ROOM_AIR_FIO2 = 0.21;

// ── Cardiovascular (0–6) ─────────────────────────────────────────────────────────────────────
/** Systemic vasoactives (dobutamine, dopamine, epinephrine, milrinone, norepinephrine, vasopressin). */
export const PHOENIX_VASOACTIVES: readonly { readonly points: 1 | 2; readonly threshold: Threshold }[] = [
  { points: 1, threshold: { comparator: '>=', value: 1, unit: 'drugs' } },
  { points: 2, threshold: { comparator: '>=', value: 2, unit: 'drugs' } },
];
/** Lactate 5–10.9 mmol/L → 1 point, ≥ 11 → 2 (software: 5 ≤ lactate < 11). */
export const PHOENIX_LACTATE: readonly { readonly points: 1 | 2; readonly threshold: Threshold }[] = [
  { points: 1, threshold: { comparator: '>=', value: 5, unit: 'mmol/L' } },
  { points: 2, threshold: { comparator: '>=', value: 11, unit: 'mmol/L' } },
];

/**
 * Age-banded MAP (mmHg), age in months (not adjusted for prematurity): 1 point below `onePointBelow`,
 * 2 points below `twoPointsBelow`. The clinical table's "<1 mo: >30 / 17–30 / <17" reads in software
 * as MAP ≥ 31 → 0, 17 ≤ MAP < 31 → 1, MAP < 17 → 2; so a MAP of 30.5 scores 1 point.
 * The last band is closed at 216 months in the software (age ≥ 144 & age ≤ 216).
 */
export interface PhoenixMapBand {
  readonly fromMonths: number;
  readonly toMonths: number;
  readonly label: string;
  readonly onePointBelow: number;
  readonly twoPointsBelow: number;
}
export const PHOENIX_MAP_BANDS: readonly PhoenixMapBand[] = [
  { fromMonths: 0, toMonths: 1, label: '< 1 month', onePointBelow: 31, twoPointsBelow: 17 },
  { fromMonths: 1, toMonths: 12, label: '1–11 months', onePointBelow: 39, twoPointsBelow: 25 },
  { fromMonths: 12, toMonths: 24, label: '1 to < 2 years', onePointBelow: 44, twoPointsBelow: 31 },
  { fromMonths: 24, toMonths: 60, label: '2 to < 5 years', onePointBelow: 45, twoPointsBelow: 32 },
  { fromMonths: 60, toMonths: 144, label: '5 to < 12 years', onePointBelow: 49, twoPointsBelow: 36 },
  { fromMonths: 144, toMonths: 216, label: '12 to < 18 years', onePointBelow: 52, twoPointsBelow: 38 },
];

// ── Coagulation (1 point each, capped at 2) ──────────────────────────────────────────────────
export const PHOENIX_COAGULATION_CAP = 2;
export const PHOENIX_COAGULATION: readonly {
  readonly analyte: NumericAnalyte;
  readonly label: string;
  readonly worst: 'highest' | 'lowest';
  readonly threshold: Threshold;
}[] = [
  { analyte: 'platelets', label: 'Platelets', worst: 'lowest', threshold: { comparator: '<', value: 100, unit: '×10³/µL' } },
  { analyte: 'inr', label: 'INR', worst: 'highest', threshold: { comparator: '>', value: 1.3, unit: 'ratio' } },
  { analyte: 'dDimer', label: 'D-dimer', worst: 'highest', threshold: { comparator: '>', value: 2, unit: 'mg/L FEU' } },
  { analyte: 'fibrinogen', label: 'Fibrinogen', worst: 'lowest', threshold: { comparator: '<', value: 100, unit: 'mg/dL' } },
];

// ── Neurological (0–2) ───────────────────────────────────────────────────────────────────────
export const PHOENIX_GCS: Threshold = { comparator: '<=', value: 10, unit: '' };
export const PHOENIX_GCS_POINTS = 1;
/** Bilaterally fixed pupils; "one or zero fixed pupils" scores 0 (ehr_implementation_notes.md, Pupils). */
export const PHOENIX_FIXED_PUPILS_POINTS = 2;
export const PHOENIX_NEURO_CAP = 2;

// ── Criteria ─────────────────────────────────────────────────────────────────────────────────
/** Sepsis: suspected infection and Phoenix Sepsis Score ≥ 2; septic shock: sepsis and ≥ 1 cardiovascular point. */
export const PHOENIX_SEPSIS_CUTOFF = 2;
export const PHOENIX_SHOCK_CARDIOVASCULAR_CUTOFF = 1;

const DAYS_PER_YEAR = 365.25;

// ─────────────────────────────────────────────────────────────────────────────────────────────

/** A system's points from the assessed data (missing scored 0) and the most it could be if the unknowns were abnormal. */
interface SystemScore {
  readonly points: number;
  readonly bound: number;
}

function itemStatus(points: number, bound: number): ItemStatus {
  if (points > 0) return 'met';
  return bound > 0 ? 'not-assessed' : 'not-met';
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function and3(...parts: CriteriaStatus[]): CriteriaStatus {
  if (parts.some((p) => p === 'not-met')) return 'not-met';
  if (parts.every((p) => p === 'met')) return 'met';
  return 'not-assessable';
}

// ── Respiratory ──────────────────────────────────────────────────────────────────────────────

interface RespiratoryRow {
  readonly hour: number;
  readonly points: number;
  readonly bound: number;
  readonly ratio: { readonly kind: 'PaO₂:FiO₂' | 'SpO₂:FiO₂'; readonly value: number } | undefined;
  readonly support: string;
}

function ratioPoints(ratio: number | undefined, table: typeof PHOENIX_PF_RATIO): number {
  if (ratio === undefined) return 0;
  let points = 0;
  for (const band of table) if (meetsThreshold(ratio, band.threshold)) points = Math.max(points, band.points);
  return points;
}

/** One observation scored on its own values (ratio and support read at the same time). */
function respiratoryRow(row: Observation): RespiratoryRow {
  const fio2 = row.fio2;
  const onSupplementalOxygen = fio2 !== undefined && fio2 > PHOENIX_ROOM_AIR_FIO2;
  // Invasive mechanical ventilation: yes / no / unknown.
  const imv: boolean | undefined = row.respiratorySupport === undefined ? undefined : row.respiratorySupport === 'invasive';
  // Any respiratory support (ORS includes IMV). A recorded support level is authoritative; FiO₂ > 0.21
  // implies oxygen support only where support was not recorded (the authors' rule for EHR data).
  // "none" with FiO₂ > 0.21 contradicts itself, and the case lint rejects it at the input gate.
  const support: boolean | undefined =
    row.respiratorySupport !== undefined
      ? row.respiratorySupport !== 'none'
      : onSupplementalOxygen
        ? true
        : undefined; // FiO₂ 0.21 alone does not rule out support: ORS "may or may not include supplemental oxygen".

  const pf = row.pao2 !== undefined && fio2 !== undefined && fio2 > 0 ? row.pao2 / fio2 : undefined;
  const sfValid = row.spo2 !== undefined && meetsThreshold(row.spo2, PHOENIX_SF_MAX_SPO2);
  const sf = sfValid && fio2 !== undefined && fio2 > 0 ? row.spo2! / fio2 : undefined;
  // The historical published rule: an abnormal PaO₂:FiO₂ OR an abnormal SpO₂:FiO₂ scores.
  const oxygenation = Math.max(ratioPoints(pf, PHOENIX_PF_RATIO), ratioPoints(sf, PHOENIX_SF_RATIO));
  const ratioKnown = pf !== undefined || sf !== undefined;

  const score = (ventilated: boolean, supported: boolean, ox: number): number =>
    ventilated ? ox : supported ? Math.min(ox, 1) : 0;
  const points = score(imv === true, support === true, oxygenation);
  const bound = score(imv !== false && support !== false, support !== false, ratioKnown ? oxygenation : 3);

  const pfPoints = ratioPoints(pf, PHOENIX_PF_RATIO);
  const sfPoints = ratioPoints(sf, PHOENIX_SF_RATIO);
  const ratio =
    pf !== undefined && (sf === undefined || pfPoints >= sfPoints)
      ? { kind: 'PaO₂:FiO₂' as const, value: pf }
      : sf !== undefined
        ? { kind: 'SpO₂:FiO₂' as const, value: sf }
        : undefined;
  const supportText =
    row.respiratorySupport ?? (onSupplementalOxygen ? `FiO₂ ${fio2} (oxygen support implied)` : fio2 !== undefined ? `FiO₂ ${fio2}` : 'support not recorded');
  return { hour: row.hour, points, bound, ratio, support: supportText };
}

function scoreRespiratory(c: Case, window: TimeWindow): { system: SystemScore; item: ItemEvidence } {
  const rows = c.observations.filter((o) => inWindow(o.hour, window)).map(respiratoryRow);
  let worst: RespiratoryRow | undefined;
  let bound = rows.length === 0 ? 3 : 0;
  for (const r of rows) {
    bound = Math.max(bound, r.bound);
    if (worst === undefined || r.points > worst.points || (r.points === worst.points && worst.ratio === undefined && r.ratio !== undefined)) worst = r;
  }
  const points = worst?.points ?? 0;
  const threshold =
    'PaO₂:FiO₂ < 400 / < 200 / < 100 or SpO₂:FiO₂ (SpO₂ ≤ 97 %) < 292 / < 220 / < 148 → 1 (any respiratory support) / 2 / 3 points (invasive ventilation)';
  const noteParts: string[] = [];
  if (worst?.ratio === undefined) noteParts.push('no valid PaO₂:FiO₂ or SpO₂:FiO₂ (SpO₂ > 97 % does not give a valid S/F)');
  if (worst) noteParts.push(`support: ${worst.support}`);
  const item: ItemEvidence = {
    id: 'respiratory.oxygenation',
    label: 'Respiratory: oxygenation ratio on respiratory support',
    status: itemStatus(points, bound),
    value: worst?.ratio ? round(worst.ratio.value, 1) : null,
    unit: worst?.ratio?.kind ?? null,
    threshold,
    hour: worst?.hour ?? null,
    points,
    citation: RUBRIC,
    ...(noteParts.length > 0 ? { note: noteParts.join('; ') } : {}),
  };
  return { system: { points, bound }, item };
}

// ── Cardiovascular ───────────────────────────────────────────────────────────────────────────

function bandPoints(value: number, bands: readonly { readonly points: number; readonly threshold: Threshold }[], analyte?: NumericAnalyte): number {
  let points = 0;
  for (const band of bands) {
    const hit = analyte ? labMeetsThreshold(analyte, value, band.threshold) : meetsThreshold(value, band.threshold);
    if (hit) points = Math.max(points, band.points);
  }
  return points;
}

export function phoenixMapBand(ageMonths: number): PhoenixMapBand | undefined {
  const last = PHOENIX_MAP_BANDS[PHOENIX_MAP_BANDS.length - 1];
  return PHOENIX_MAP_BANDS.find(
    (b) => compare(ageMonths, '>=', b.fromMonths) && (compare(ageMonths, '<', b.toMonths) || (b === last && compare(ageMonths, '<=', b.toMonths))),
  );
}

/** MAP = DBP + (SBP − DBP) / 3 (rubric footnote f; the schema carries no measured MAP). */
export function meanArterialPressure(sbp: number, dbp: number): number {
  return dbp + (sbp - dbp) / 3;
}

export function phoenixMapPoints(ageMonths: number, map: number): number | undefined {
  const band = phoenixMapBand(ageMonths);
  if (!band) return undefined;
  if (compare(map, '<', band.twoPointsBelow)) return 2;
  if (compare(map, '<', band.onePointBelow)) return 1;
  return 0;
}

function scoreCardiovascular(c: Case, window: TimeWindow, ageMonths: number): { system: SystemScore; items: ItemEvidence[] } {
  const items: ItemEvidence[] = [];

  const vaso = worstObservation(c, 'vasoactiveCount', window, 'highest');
  const vasoPoints = vaso ? bandPoints(vaso.value, PHOENIX_VASOACTIVES) : 0;
  const vasoBound = vaso ? vasoPoints : 2;
  items.push({
    id: 'cardiovascular.vasoactives', label: 'Systemic vasoactive medications', status: itemStatus(vasoPoints, vasoBound),
    value: vaso?.value ?? null, unit: 'drugs', threshold: '1 drug → 1 point; ≥ 2 drugs → 2 points', hour: vaso?.hour ?? null,
    points: vasoPoints, citation: RUBRIC,
  });

  const lactate = worstLab(c, 'lactate', window, 'highest');
  const lactatePoints = lactate ? bandPoints(lactate.value, PHOENIX_LACTATE, 'lactate') : 0;
  const lactateBound = lactate ? lactatePoints : 2;
  items.push({
    id: 'cardiovascular.lactate', label: 'Lactate', status: itemStatus(lactatePoints, lactateBound),
    value: lactate ? fromCanonical('lactate', lactate.value, 'mmol/L') : null, unit: 'mmol/L',
    threshold: '5 ≤ lactate < 11 mmol/L → 1 point; ≥ 11 mmol/L → 2 points', hour: lactate?.hour ?? null,
    points: lactatePoints, citation: RUBRIC,
  });

  const band = phoenixMapBand(ageMonths);
  let lowest: { value: number; hour: number } | undefined;
  for (const row of c.observations) {
    if (!inWindow(row.hour, window) || row.sbp === undefined || row.dbp === undefined) continue;
    const map = meanArterialPressure(row.sbp, row.dbp);
    if (lowest === undefined || map < lowest.value) lowest = { value: map, hour: row.hour };
  }
  const mapPoints = lowest && band ? (phoenixMapPoints(ageMonths, lowest.value) ?? 0) : 0;
  const mapBound = lowest && band ? mapPoints : 2;
  items.push({
    id: 'cardiovascular.map', label: 'Mean arterial pressure for age', status: itemStatus(mapPoints, mapBound),
    value: lowest ? round(lowest.value, 1) : null, unit: 'mmHg',
    threshold: band
      ? `age ${band.label}: MAP < ${band.onePointBelow} → 1 point; < ${band.twoPointsBelow} → 2 points`
      : 'no Phoenix MAP band for this age',
    hour: lowest?.hour ?? null, points: mapPoints, citation: RUBRIC,
    ...(lowest ? { note: 'MAP = DBP + (SBP − DBP)/3 from the same observation; lowest in the window' } : {}),
  });

  return { system: { points: vasoPoints + lactatePoints + mapPoints, bound: vasoBound + lactateBound + mapBound }, items };
}

// ── Coagulation ──────────────────────────────────────────────────────────────────────────────

function scoreCoagulation(c: Case, window: TimeWindow): { system: SystemScore; items: ItemEvidence[] } {
  let met = 0;
  let unknown = 0;
  const items = PHOENIX_COAGULATION.map((def): ItemEvidence => {
    const reading = worstLab(c, def.analyte, window, def.worst);
    const hit = reading !== undefined && labMeetsThreshold(def.analyte, reading.value, def.threshold);
    if (hit) met += 1;
    if (!reading) unknown += 1;
    return {
      id: `coagulation.${def.analyte}`, label: def.label,
      status: reading === undefined ? 'not-assessed' : hit ? 'met' : 'not-met',
      value: reading ? fromCanonical(def.analyte, reading.value, def.threshold.unit) : null, unit: def.threshold.unit,
      threshold: `${describeThreshold(def.threshold)} → 1 point`, hour: reading?.hour ?? null,
      points: hit ? 1 : 0, citation: RUBRIC,
    };
  });
  return {
    system: { points: Math.min(met, PHOENIX_COAGULATION_CAP), bound: Math.min(met + unknown, PHOENIX_COAGULATION_CAP) },
    items,
  };
}

// ── Neurological ─────────────────────────────────────────────────────────────────────────────

function scoreNeurological(c: Case, window: TimeWindow): { system: SystemScore; items: ItemEvidence[] } {
  const gcs = worstObservation(c, 'gcs', window, 'lowest');
  const gcsMet = gcs !== undefined && meetsThreshold(gcs.value, PHOENIX_GCS);

  let fixed: { hour: number } | undefined;
  let reactive: { hour: number; value: string } | undefined;
  for (const row of c.observations) {
    if (!inWindow(row.hour, window) || row.pupils === undefined) continue;
    if (row.pupils === 'both-fixed') { fixed = { hour: row.hour }; break; }
    if (reactive === undefined) reactive = { hour: row.hour, value: row.pupils };
  }
  const pupilsKnown = fixed !== undefined || reactive !== undefined;

  const total = (g: boolean, p: boolean) => Math.min((p ? PHOENIX_FIXED_PUPILS_POINTS : 0) + (g ? PHOENIX_GCS_POINTS : 0), PHOENIX_NEURO_CAP);
  const points = total(gcsMet, fixed !== undefined);
  const bound = total(gcsMet || gcs === undefined, fixed !== undefined || !pupilsKnown);

  const items: ItemEvidence[] = [
    {
      id: 'neurological.gcs', label: 'Glasgow Coma Scale (lowest)', status: gcs === undefined ? 'not-assessed' : gcsMet ? 'met' : 'not-met',
      value: gcs?.value ?? null, unit: null, threshold: `${describeThreshold(PHOENIX_GCS)} → 1 point`, hour: gcs?.hour ?? null,
      points: gcsMet ? PHOENIX_GCS_POINTS : 0, citation: RUBRIC,
    },
    {
      id: 'neurological.pupils', label: 'Bilaterally fixed pupils', status: fixed ? 'met' : pupilsKnown ? 'not-met' : 'not-assessed',
      value: fixed ? 'both-fixed' : reactive?.value ?? null, unit: null, threshold: 'both pupils fixed → 2 points (one fixed pupil scores 0)',
      hour: fixed?.hour ?? reactive?.hour ?? null, points: fixed ? PHOENIX_FIXED_PUPILS_POINTS : 0, citation: IMPLEMENTATION,
    },
  ];
  return { system: { points, bound }, items };
}

// ── The score ────────────────────────────────────────────────────────────────────────────────

export type PhoenixSystem = 'respiratory' | 'cardiovascular' | 'coagulation' | 'neurological';
export const PHOENIX_SYSTEMS: readonly PhoenixSystem[] = ['respiratory', 'cardiovascular', 'coagulation', 'neurological'];
const SYSTEM_RANGE: Readonly<Record<PhoenixSystem, string>> = {
  respiratory: '0–3 points', cardiovascular: '0–6 points (vasoactives + lactate + MAP)',
  coagulation: '0–2 points (1 per abnormal test, capped at 2)', neurological: '0–2 points',
};

function systemItem(system: PhoenixSystem, score: SystemScore): ItemEvidence {
  return {
    id: system, label: `Phoenix ${system} points`, status: itemStatus(score.points, score.bound),
    value: score.points, unit: 'points', threshold: SYSTEM_RANGE[system], hour: null, points: score.points, citation: RUBRIC,
    ...(score.bound > score.points ? { note: `up to ${score.bound} if the items not assessed were abnormal` } : {}),
  };
}

function ageInMonths(c: Case): number {
  return c.patient.ageYears * 12;
}

function applicability(c: Case): string | undefined {
  const months = ageInMonths(c);
  if (compare(months, '>=', PHOENIX_MAX_AGE_MONTHS)) return `age ${round(c.patient.ageYears, 2)} y is ≥ 18 years (216 months): Phoenix does not apply`;
  if (c.background.birthHospitalization === true) return 'this is the birth hospitalization: Phoenix excludes it';
  const ga = c.patient.gestationalAgeWeeks;
  if (ga !== undefined) {
    const postmenstrual = ga + (c.patient.ageYears * DAYS_PER_YEAR) / 7;
    if (compare(postmenstrual, '<', PHOENIX_MIN_GESTATIONAL_AGE_WEEKS)) {
      return `gestational age at encounter start ${round(postmenstrual, 1)} weeks is < 37 weeks: Phoenix excludes it`;
    }
  }
  return undefined;
}

function evaluate(c: Case, options: EvaluateOptions = {}): CriteriaResult {
  const window = options.window ?? FIRST_24_HOURS;
  const months = ageInMonths(c);

  const respiratory = scoreRespiratory(c, window);
  const cardiovascular = scoreCardiovascular(c, window, months);
  const coagulation = scoreCoagulation(c, window);
  const neurological = scoreNeurological(c, window);
  const systems: Record<PhoenixSystem, SystemScore> = {
    respiratory: respiratory.system, cardiovascular: cardiovascular.system,
    coagulation: coagulation.system, neurological: neurological.system,
  };

  const value = PHOENIX_SYSTEMS.reduce((sum, s) => sum + systems[s].points, 0);
  const max = PHOENIX_SYSTEMS.reduce((sum, s) => sum + systems[s].bound, 0);
  const scoreOk = scoreStatus(value, max, (s) => s >= PHOENIX_SEPSIS_CUTOFF);

  const cv = systems.cardiovascular;
  const cvStatus: CriteriaStatus = cv.points >= PHOENIX_SHOCK_CARDIOVASCULAR_CUTOFF ? 'met' : cv.bound >= PHOENIX_SHOCK_CARDIOVASCULAR_CUTOFF ? 'not-assessable' : 'not-met';
  const infection = c.encounter.suspectedInfection;
  const infectionStatus: CriteriaStatus = infection === true ? 'met' : infection === false ? 'not-met' : 'not-assessable';

  const exclusion = applicability(c);
  const sepsis = exclusion ? 'not-applicable' : and3(infectionStatus, scoreOk);
  const shock = exclusion ? 'not-applicable' : and3(sepsis, cvStatus);
  const status: CriteriaStatus = exclusion ? 'not-applicable' : scoreOk;

  const notes = [
    'Missing values score 0, as in the published rule, so the score reproduces published scores; those items are marked not assessed and score.max shows what the score could reach if they were abnormal.',
    'Worst value per item in the window (lowest MAP, GCS, platelets, fibrinogen; highest lactate, vasoactive count, INR, D-dimer); the respiratory score is the worst observation, ratio and support read at the same time. The Phoenix developers scored the worst total at a single time point with values carried forward (CU-DBMI-Peds/phoenix vignette "Worst in first 24 hours"), so with several observations this sum of per-item worsts can exceed theirs.',
    'MAP is calculated as DBP + (SBP − DBP)/3 (the case schema has no measured MAP); band edges follow the authors\' software (MAP < 31 etc. for non-integer MAP).',
    'Respiratory support counts when recorded as oxygen, non-invasive or invasive, or, where support is not recorded, when FiO₂ > 0.21; 2–3 points need invasive ventilation.',
  ];
  if (infection === undefined) notes.push('Suspected infection not recorded: sepsis and septic shock cannot be decided unless the score already rules them out.');
  if (c.background.birthHospitalization === undefined && months < 1) notes.push('Birth hospitalization not recorded for a neonate: assumed not the birth hospitalization.');
  if (c.patient.gestationalAgeWeeks === undefined && (c.patient.ageYears * DAYS_PER_YEAR) / 7 < PHOENIX_MIN_GESTATIONAL_AGE_WEEKS - 22) {
    notes.push('Gestational age not recorded for a young infant: assumed ≥ 37 weeks at encounter start.');
  }
  if (exclusion) notes.push(exclusion);

  const summary = exclusion
    ? `Not applicable: ${exclusion}.`
    : `Phoenix Sepsis Score ${value}${max > value ? ` (up to ${max} with the missing items)` : ''}: respiratory ${systems.respiratory.points}, cardiovascular ${cv.points}, coagulation ${systems.coagulation.points}, neurological ${systems.neurological.points}; sepsis ${sepsis}, septic shock ${shock}.`;

  return {
    id: 'phoenix', name: 'Phoenix Sepsis Score', citation: 'schlapbach-2024-phoenix',
    window: { ...window, rule: 'worst value in the window' },
    status, summary,
    score: { value, min: value, max, cutoff: '≥ 2 points (with suspected infection = sepsis; plus ≥ 1 cardiovascular point = septic shock)' },
    classifications: { sepsis, 'septic-shock': shock },
    items: [
      systemItem('respiratory', systems.respiratory), respiratory.item,
      systemItem('cardiovascular', cv), ...cardiovascular.items,
      systemItem('coagulation', systems.coagulation), ...coagulation.items,
      systemItem('neurological', systems.neurological), ...neurological.items,
      {
        id: 'suspected-infection', label: 'Suspected infection (systemic antimicrobials and microbiological testing)',
        status: infection === undefined ? 'not-assessed' : infection ? 'met' : 'not-met', value: infection ?? null, unit: null,
        threshold: 'present', hour: null, citation: 'schlapbach-2024-phoenix',
      },
    ],
    notes,
  };
}

export const phoenix: CriteriaSet = { id: 'phoenix', name: 'Phoenix Sepsis Score', evaluate };
