import type { Case } from '../generated/case.js';
import type { CaseIndex } from '../case/case-index.js';
import type { NumericAnalyte } from '../units/analytes.js';
import { fromCanonical } from '../units/convert.js';
import type { CriteriaResult, CriteriaStatus, ItemEvidence, ItemStatus, EvaluateOptions } from './criteria-result.js';
import { compare, describeThreshold, labMeetsThreshold, meetsThreshold, type Threshold } from './threshold.js';
import type { WritableItem } from './lab-item.js';
import { indexedCriteriaSet, type IndexedCriteriaSet } from './criteria-set.js';
import { resultWindow } from './result-window.js';
import {
  PHOENIX_LOOK_BACK_HOURS,
  currentValue,
  neverMeasured,
  phoenixSnapshots,
  type PhoenixSnapshot,
  type PhoenixValue,
  type PhoenixVariable,
  type Recorded,
} from './phoenix-time-points.js';
import { DAYS_PER_YEAR } from '../units/calendar.js';

export { PHOENIX_LOOK_BACK_HOURS, meanArterialPressure } from './phoenix-time-points.js';

/*
 * Phoenix Sepsis Score (Schlapbach LJ, JAMA 2024;331:665–74; Sanchez-Pinto LN, JAMA 2024).
 * Every number below is from the authors' rubric as implemented in their software
 * (CU-DBMI-Peds/phoenix: inst/phoenix_rubric.md, R/phoenix_*.R, articles/ehr_implementation_notes.md),
 * which states the published clinical table's integer bands as half-open intervals so that
 * non-integer MAP and lactate values fall into exactly one band (rubric footnote j).
 * The score is computed at time points from the values current then (look-backs and the worst
 * total at one time point: see phoenix-time-points.ts).
 */

const RUBRIC = 'schlapbach-2024-phoenix §rubric (CU-DBMI-Peds/phoenix inst/phoenix_rubric.md)';
const IMPLEMENTATION =
  'schlapbach-2024-phoenix §implementation (CU-DBMI-Peds/phoenix articles/ehr_implementation_notes.md)';

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
  {
    analyte: 'platelets',
    label: 'Platelets',
    worst: 'lowest',
    threshold: { comparator: '<', value: 100, unit: '×10³/µL' },
  },
  { analyte: 'inr', label: 'INR', worst: 'highest', threshold: { comparator: '>', value: 1.3, unit: 'ratio' } },
  { analyte: 'dDimer', label: 'D-dimer', worst: 'highest', threshold: { comparator: '>', value: 2, unit: 'mg/L FEU' } },
  {
    analyte: 'fibrinogen',
    label: 'Fibrinogen',
    worst: 'lowest',
    threshold: { comparator: '<', value: 100, unit: 'mg/dL' },
  },
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

function and2(a: CriteriaStatus, b: CriteriaStatus): CriteriaStatus {
  if (a === 'not-met' || b === 'not-met') return 'not-met';
  if (a === 'met' && b === 'met') return 'met';
  return 'not-assessable';
}

/** Adds a note when there is one (assigned rather than spread in: spreads are slow on Node 20). */
function noted(item: WritableItem, note: string | undefined): ItemEvidence {
  if (note !== undefined) item.note = note;
  return item;
}

// ── Respiratory ──────────────────────────────────────────────────────────────────────────────

/**
 * PaO₂:FiO₂ or SpO₂:FiO₂ as the ratio the cut-offs are written for. Binary division misses exact
 * boundaries (112 / 0.28 = 399.99999999999994, which would score PaO₂:FiO₂ < 400); rounding to 1e-9
 * keeps a ratio that is exactly on a cut-off on it.
 */
export function oxygenationRatio(numerator: number, fio2: number): number {
  return Math.round((numerator / fio2) * 1e9) / 1e9;
}

function ratioPoints(ratio: number | undefined, table: typeof PHOENIX_PF_RATIO): number {
  if (ratio === undefined) return 0;
  let points = 0;
  for (const band of table) if (meetsThreshold(ratio, band.threshold)) points = Math.max(points, band.points);
  return points;
}

/** An hour for notes (time points may fall between whole hours). */
function hourText(hour: number): string {
  return String(round(hour, 2));
}

/** Look-back in words, for evidence notes. */
function lookBack(variable: PhoenixVariable): string {
  return `${PHOENIX_LOOK_BACK_HOURS[variable]} h look-back`;
}

/** Why a variable has no value at a time point that measured it elsewhere (its value is NULL there, 0 points). */
function lapsedNote(s: PhoenixSnapshot, variable: PhoenixVariable, show: (value: never) => string): string | undefined {
  const v = s.values[variable];
  if (v.state !== 'lapsed' || s.hour === null) return undefined;
  return v.last
    ? `no value within the ${lookBack(variable)} at hour ${hourText(s.hour)} (last ${show(v.last.value as never)} at hour ${hourText(v.last.hour)}): 0 points at this time point`
    : `not yet measured at hour ${hourText(s.hour)}: 0 points at this time point`;
}

/** The respiratory points at one time point, and the readings they were computed from (for the evidence). */
interface RespiratoryScore extends SystemScore {
  readonly recorded: Recorded<NonNullable<PhoenixValue<'respiratorySupport'>>> | undefined;
  readonly fio2: Recorded<number> | undefined;
  readonly spo2: Recorded<number> | undefined;
  readonly pao2: Recorded<number> | undefined;
  readonly fio2ImpliesSupport: boolean;
  readonly support: boolean | undefined;
  readonly sfValid: boolean;
  readonly pf: number | undefined;
  readonly sf: number | undefined;
  readonly pfPoints: number;
  readonly sfPoints: number;
}

function respiratoryPoints(ventilated: boolean, supported: boolean, oxygenation: number): number {
  return ventilated ? oxygenation : supported ? Math.min(oxygenation, 1) : 0;
}

/** Whether a current FiO₂ can pair with a PaO₂ / SpO₂: as old as or older than it. */
function fio2Usable(fio2: Recorded<number> | undefined, numerator: Recorded<number> | undefined): boolean {
  return numerator !== undefined && fio2 !== undefined && fio2.value > 0 && fio2.hour <= numerator.hour;
}

/**
 * The respiratory points at one time point. Support and invasive ventilation come from the current
 * `respiratorySupport` record; FiO₂ > 0.21 indicates oxygen support (ehr_implementation_notes.md, ORS)
 * for as long as that FiO₂ is current (6 h), except that a support level recorded in the same
 * observation as the FiO₂ is authoritative ("none" with FiO₂ > 0.21 contradicts itself, and the case
 * lint rejects it at the input gate). PaO₂:FiO₂ and SpO₂:FiO₂ need a current FiO₂ that is as old as
 * or older than the PaO₂ / SpO₂ (ehr_implementation_notes.md, PFR and SFR caveats).
 */
function scoreRespiratory(s: PhoenixSnapshot): RespiratoryScore {
  const recorded = currentValue(s, 'respiratorySupport');
  const fio2 = currentValue(s, 'fio2');
  const spo2 = currentValue(s, 'spo2');
  const pao2 = currentValue(s, 'pao2');

  const fio2ImpliesSupport =
    fio2 !== undefined &&
    fio2.value > PHOENIX_ROOM_AIR_FIO2 &&
    !(recorded?.value === 'none' && recorded.row === fio2.row);
  // Any respiratory support (ORS includes IMV): yes / no / unknown. Support recorded before but no longer
  // current has lapsed ("consider the patient to no longer have respiratory support"); never recorded is
  // unknown: FiO₂ 0.21 alone does not rule out support (ORS "may or may not include supplemental oxygen").
  const support: boolean | undefined =
    (recorded !== undefined && recorded.value !== 'none') || fio2ImpliesSupport
      ? true
      : recorded !== undefined || !neverMeasured(s, 'respiratorySupport')
        ? false
        : undefined;
  // Invasive mechanical ventilation: yes / no / unknown, from the same record.
  const imv: boolean | undefined =
    recorded !== undefined ? recorded.value === 'invasive' : neverMeasured(s, 'respiratorySupport') ? undefined : false;

  const pf = fio2Usable(fio2, pao2) ? oxygenationRatio(pao2!.value, fio2!.value) : undefined;
  const sfValid = spo2 !== undefined && meetsThreshold(spo2.value, PHOENIX_SF_MAX_SPO2);
  const sf = sfValid && fio2Usable(fio2, spo2) ? oxygenationRatio(spo2!.value, fio2!.value) : undefined;
  // The historical published rule: an abnormal PaO₂:FiO₂ OR an abnormal SpO₂:FiO₂ scores.
  const pfPoints = ratioPoints(pf, PHOENIX_PF_RATIO);
  const sfPoints = ratioPoints(sf, PHOENIX_SF_RATIO);
  const oxygenation = Math.max(pfPoints, sfPoints);
  // What the oxygenation could still reach: each ratio is still open when it has no value now and could
  // get one from a never-measured input — a never-measured PaO₂ (or SpO₂) paired with the current or a
  // never-measured FiO₂, or a never-measured FiO₂ paired with the current PaO₂ (or valid SpO₂). A valid
  // SpO₂:FiO₂ does not close the PaO₂:FiO₂ side: on a ventilator a PaO₂:FiO₂ < 100 scores 3 whatever the
  // SpO₂:FiO₂ (the rubric takes the worse of the two). A lapsed FiO₂, or a FiO₂ newer than every measured
  // PaO₂ / SpO₂, gives no ratio at this time point (NULL, 0 points).
  const fio2Open = fio2 !== undefined || neverMeasured(s, 'fio2');
  const pfOpen =
    pf === undefined && ((neverMeasured(s, 'pao2') && fio2Open) || (neverMeasured(s, 'fio2') && pao2 !== undefined));
  const sfOpen = sf === undefined && ((neverMeasured(s, 'spo2') && fio2Open) || (neverMeasured(s, 'fio2') && sfValid));
  const ratioKnown = !pfOpen && !sfOpen;

  const points = respiratoryPoints(imv === true, support === true, oxygenation);
  const bound = respiratoryPoints(imv !== false && support !== false, support !== false, ratioKnown ? oxygenation : 3);
  return {
    points,
    bound,
    recorded,
    fio2,
    spo2,
    pao2,
    fio2ImpliesSupport,
    support,
    sfValid,
    pf,
    sf,
    pfPoints,
    sfPoints,
  };
}

/** The respiratory evidence of the time point that decides the score. */
function respiratoryItem(s: PhoenixSnapshot, r: RespiratoryScore): ItemEvidence {
  const {
    recorded,
    fio2,
    spo2,
    pao2,
    fio2ImpliesSupport,
    support,
    sfValid,
    pf,
    sf,
    pfPoints,
    sfPoints,
    points,
    bound,
  } = r;
  const ratio =
    pf !== undefined && (sf === undefined || pfPoints >= sfPoints)
      ? { kind: 'PaO₂:FiO₂' as const, value: pf, hour: pao2!.hour }
      : sf !== undefined
        ? { kind: 'SpO₂:FiO₂' as const, value: sf, hour: spo2!.hour }
        : undefined;

  const noteParts: string[] = [];
  if (ratio === undefined) {
    const why: string[] = [];
    if (spo2 !== undefined && !sfValid) why.push('SpO₂ > 97 % does not give a valid S/F');
    if (
      fio2 !== undefined &&
      ((pao2 !== undefined && fio2.hour > pao2.hour) || (spo2 !== undefined && sfValid && fio2.hour > spo2.hour))
    ) {
      why.push(`the FiO₂ (hour ${hourText(fio2.hour)}) is newer than the PaO₂/SpO₂, so no ratio`);
    }
    if (fio2 === undefined && s.values.fio2.state === 'lapsed') why.push(`no FiO₂ within the ${lookBack('fio2')}`);
    noteParts.push(`no valid PaO₂:FiO₂ or SpO₂:FiO₂${why.length > 0 ? ` (${why.join('; ')})` : ''}`);
  }
  const supportText =
    recorded !== undefined
      ? `${recorded.value} (hour ${hourText(recorded.hour)})${fio2ImpliesSupport && recorded.value === 'none' ? `; FiO₂ ${fio2!.value} at hour ${hourText(fio2!.hour)} indicates oxygen support` : ''}`
      : fio2ImpliesSupport
        ? `FiO₂ ${fio2!.value} at hour ${hourText(fio2!.hour)} (oxygen support implied)`
        : support === false
          ? `no support recorded within the ${lookBack('respiratorySupport')}`
          : fio2 !== undefined
            ? `FiO₂ ${fio2.value} (hour ${hourText(fio2.hour)})`
            : 'support not recorded';
  noteParts.push(`support: ${supportText}`);
  if (ratio !== undefined && fio2 !== undefined && fio2.hour !== ratio.hour)
    noteParts.push(`FiO₂ ${fio2.value} from hour ${hourText(fio2.hour)}`);

  return {
    id: 'respiratory.oxygenation',
    label: 'Respiratory: oxygenation ratio on respiratory support',
    status: itemStatus(points, bound),
    value: ratio ? round(ratio.value, 1) : null,
    unit: ratio?.kind ?? null,
    threshold:
      'PaO₂:FiO₂ < 400 / < 200 / < 100 or SpO₂:FiO₂ (SpO₂ ≤ 97 %) < 292 / < 220 / < 148 → 1 (any respiratory support) / 2 / 3 points (invasive ventilation)',
    hour: ratio?.hour ?? recorded?.hour ?? fio2?.hour ?? null,
    points,
    citation: RUBRIC,
    note: noteParts.join('; '),
  };
}

// ── Cardiovascular ───────────────────────────────────────────────────────────────────────────

function bandPoints(
  value: number,
  bands: readonly { readonly points: number; readonly threshold: Threshold }[],
  analyte?: NumericAnalyte,
): number {
  let points = 0;
  for (const band of bands) {
    const hit = analyte ? labMeetsThreshold(analyte, value, band.threshold) : meetsThreshold(value, band.threshold);
    if (hit) points = Math.max(points, band.points);
  }
  return points;
}

const LAST_MAP_BAND = PHOENIX_MAP_BANDS[PHOENIX_MAP_BANDS.length - 1];
/** The MAP band for age: the last band closed above. A loop, not find(): the sweep calls it per case. */
export function phoenixMapBand(ageMonths: number): PhoenixMapBand | undefined {
  for (const b of PHOENIX_MAP_BANDS)
    if (
      compare(ageMonths, '>=', b.fromMonths) &&
      (compare(ageMonths, '<', b.toMonths) || (b === LAST_MAP_BAND && compare(ageMonths, '<=', b.toMonths)))
    )
      return b;
  return undefined;
}

export function phoenixMapPoints(ageMonths: number, map: number): number | undefined {
  const band = phoenixMapBand(ageMonths);
  if (!band) return undefined;
  return mapPointsInBand(band, map);
}

/** MAP points within an age band (the band is found once per case, the points once per time point). */
function mapPointsInBand(band: PhoenixMapBand, map: number): number {
  if (compare(map, '<', band.twoPointsBelow)) return 2;
  if (compare(map, '<', band.onePointBelow)) return 1;
  return 0;
}

/** An item's status from its points and whether it was never measured. */
function measuredStatus(points: number, never: boolean): ItemStatus {
  return points > 0 ? 'met' : never ? 'not-assessed' : 'not-met';
}

/** The cardiovascular points at one time point, and the readings they were computed from. */
interface CardiovascularScore extends SystemScore {
  readonly vaso: Recorded<number> | undefined;
  readonly vasoPoints: number;
  readonly lactate: Recorded<number> | undefined;
  readonly lactatePoints: number;
  readonly map: Recorded<number> | undefined;
  readonly mapPoints: number;
  readonly mapBound: number;
}

/** `band` is the patient's MAP band for age (undefined: no Phoenix band for this age). */
function scoreCardiovascular(s: PhoenixSnapshot, band: PhoenixMapBand | undefined): CardiovascularScore {
  const vaso = currentValue(s, 'vasoactiveCount');
  const vasoPoints = vaso ? bandPoints(vaso.value, PHOENIX_VASOACTIVES) : 0;
  const vasoBound = neverMeasured(s, 'vasoactiveCount') ? 2 : vasoPoints;

  const lactate = currentValue(s, 'lactate');
  const lactatePoints = lactate ? bandPoints(lactate.value, PHOENIX_LACTATE, 'lactate') : 0;
  const lactateBound = neverMeasured(s, 'lactate') ? 2 : lactatePoints;

  const map = currentValue(s, 'map');
  const mapPoints = map && band ? mapPointsInBand(band, map.value) : 0;
  const mapBound = band && !neverMeasured(s, 'map') ? mapPoints : 2;

  return {
    points: vasoPoints + lactatePoints + mapPoints,
    bound: vasoBound + lactateBound + mapBound,
    vaso,
    vasoPoints,
    lactate,
    lactatePoints,
    map,
    mapPoints,
    mapBound,
  };
}

function lactateMmol(value: number): number {
  return fromCanonical('lactate', value, 'mmol/L');
}

/** The cardiovascular evidence of the time point that decides the score. */
function cardiovascularItems(
  s: PhoenixSnapshot,
  band: PhoenixMapBand | undefined,
  r: CardiovascularScore,
): ItemEvidence[] {
  const { vaso, vasoPoints, lactate, lactatePoints, map, mapPoints, mapBound } = r;
  return [
    noted(
      {
        id: 'cardiovascular.vasoactives',
        label: 'Systemic vasoactive medications',
        status: measuredStatus(vasoPoints, neverMeasured(s, 'vasoactiveCount')),
        value: vaso?.value ?? null,
        unit: 'drugs',
        threshold: '1 drug → 1 point; ≥ 2 drugs → 2 points',
        hour: vaso?.hour ?? null,
        points: vasoPoints,
        citation: RUBRIC,
      },
      lapsedNote(s, 'vasoactiveCount', (v: number) => `${v} drug(s)`),
    ),
    noted(
      {
        id: 'cardiovascular.lactate',
        label: 'Lactate',
        status: measuredStatus(lactatePoints, neverMeasured(s, 'lactate')),
        value: lactate ? lactateMmol(lactate.value) : null,
        unit: 'mmol/L',
        threshold: '5 ≤ lactate < 11 mmol/L → 1 point; ≥ 11 mmol/L → 2 points',
        hour: lactate?.hour ?? null,
        points: lactatePoints,
        citation: RUBRIC,
      },
      lapsedNote(s, 'lactate', (v: number) => `${lactateMmol(v)} mmol/L`),
    ),
    noted(
      {
        id: 'cardiovascular.map',
        label: 'Mean arterial pressure for age',
        status: itemStatus(mapPoints, mapBound),
        value: map ? round(map.value, 1) : null,
        unit: 'mmHg',
        threshold: band
          ? `age ${band.label}: MAP < ${band.onePointBelow} → 1 point; < ${band.twoPointsBelow} → 2 points`
          : 'no Phoenix MAP band for this age',
        hour: map?.hour ?? null,
        points: mapPoints,
        citation: RUBRIC,
      },
      map
        ? 'MAP = DBP + (SBP − DBP)/3 from the same observation'
        : lapsedNote(s, 'map', (v: number) => `MAP ${round(v, 1)} mmHg`),
    ),
  ];
}

// ── Coagulation ──────────────────────────────────────────────────────────────────────────────

type CoagulationDefinition = (typeof PHOENIX_COAGULATION)[number];
type CoagulationVariable = 'platelets' | 'inr' | 'dDimer' | 'fibrinogen';

/** One coagulation test at a time point: its current value, whether it scores, whether it was never measured. */
function coagulationTest(
  s: PhoenixSnapshot,
  def: CoagulationDefinition,
): { reading: Recorded<number> | undefined; hit: boolean; never: boolean } {
  const reading = currentValue(s, def.analyte as CoagulationVariable);
  const hit = reading !== undefined && labMeetsThreshold(def.analyte, reading.value, def.threshold);
  return { reading, hit, never: neverMeasured(s, def.analyte as PhoenixVariable) };
}

function scoreCoagulation(s: PhoenixSnapshot): SystemScore {
  let met = 0;
  let unknown = 0;
  for (const def of PHOENIX_COAGULATION) {
    const test = coagulationTest(s, def);
    if (test.hit) met += 1;
    if (test.never) unknown += 1;
  }
  return { points: Math.min(met, PHOENIX_COAGULATION_CAP), bound: Math.min(met + unknown, PHOENIX_COAGULATION_CAP) };
}

// Item ids and threshold texts are constants of the table, built once.
const COAGULATION_TEXTS = new Map<CoagulationDefinition, { readonly id: string; readonly threshold: string }>(
  PHOENIX_COAGULATION.map((def) => [
    def,
    { id: `coagulation.${def.analyte}`, threshold: `${describeThreshold(def.threshold)} → 1 point` },
  ]),
);

/** The coagulation evidence of the time point that decides the score. */
function coagulationItems(s: PhoenixSnapshot): ItemEvidence[] {
  return PHOENIX_COAGULATION.map((def): ItemEvidence => {
    const { reading, hit, never } = coagulationTest(s, def);
    const texts = COAGULATION_TEXTS.get(def)!;
    const inUnit = (v: number) => fromCanonical(def.analyte, v, def.threshold.unit);
    return noted(
      {
        id: texts.id,
        label: def.label,
        status: hit ? 'met' : never ? 'not-assessed' : 'not-met',
        value: reading ? inUnit(reading.value) : null,
        unit: def.threshold.unit,
        threshold: texts.threshold,
        hour: reading?.hour ?? null,
        points: hit ? 1 : 0,
        citation: RUBRIC,
      },
      lapsedNote(s, def.analyte as PhoenixVariable, (v: number) => `${inUnit(v)} ${def.threshold.unit}`),
    );
  });
}

// ── Neurological ─────────────────────────────────────────────────────────────────────────────

interface NeurologicalScore extends SystemScore {
  readonly gcs: Recorded<number> | undefined;
  readonly gcsMet: boolean;
  readonly pupils: Recorded<NonNullable<PhoenixValue<'pupils'>>> | undefined;
  readonly fixed: boolean;
}

function neurologicalPoints(gcsLow: boolean, pupilsFixed: boolean): number {
  return Math.min(
    (pupilsFixed ? PHOENIX_FIXED_PUPILS_POINTS : 0) + (gcsLow ? PHOENIX_GCS_POINTS : 0),
    PHOENIX_NEURO_CAP,
  );
}

function scoreNeurological(s: PhoenixSnapshot): NeurologicalScore {
  const gcs = currentValue(s, 'gcs');
  const gcsMet = gcs !== undefined && meetsThreshold(gcs.value, PHOENIX_GCS);
  const pupils = currentValue(s, 'pupils');
  const fixed = pupils?.value === 'both-fixed';
  const points = neurologicalPoints(gcsMet, fixed);
  const bound = neurologicalPoints(gcsMet || neverMeasured(s, 'gcs'), fixed || neverMeasured(s, 'pupils'));
  return { points, bound, gcs, gcsMet, pupils, fixed };
}

const GCS_THRESHOLD = `${describeThreshold(PHOENIX_GCS)} → 1 point`;

/** The neurological evidence of the time point that decides the score. */
function neurologicalItems(s: PhoenixSnapshot, r: NeurologicalScore): ItemEvidence[] {
  const { gcs, gcsMet, pupils, fixed } = r;
  return [
    noted(
      {
        id: 'neurological.gcs',
        label: 'Glasgow Coma Scale',
        status: measuredStatus(gcsMet ? PHOENIX_GCS_POINTS : 0, neverMeasured(s, 'gcs')),
        value: gcs?.value ?? null,
        unit: null,
        threshold: GCS_THRESHOLD,
        hour: gcs?.hour ?? null,
        points: gcsMet ? PHOENIX_GCS_POINTS : 0,
        citation: RUBRIC,
      },
      lapsedNote(s, 'gcs', (v: number) => `GCS ${v}`),
    ),
    noted(
      {
        id: 'neurological.pupils',
        label: 'Bilaterally fixed pupils',
        status: measuredStatus(fixed ? PHOENIX_FIXED_PUPILS_POINTS : 0, neverMeasured(s, 'pupils')),
        value: pupils?.value ?? null,
        unit: null,
        threshold: 'both pupils fixed → 2 points (one fixed pupil scores 0)',
        hour: pupils?.hour ?? null,
        points: fixed ? PHOENIX_FIXED_PUPILS_POINTS : 0,
        citation: IMPLEMENTATION,
      },
      lapsedNote(s, 'pupils', (v: string) => v),
    ),
  ];
}

// ── The score ────────────────────────────────────────────────────────────────────────────────

export type PhoenixSystem = 'respiratory' | 'cardiovascular' | 'coagulation' | 'neurological';
export const PHOENIX_SYSTEMS: readonly PhoenixSystem[] = [
  'respiratory',
  'cardiovascular',
  'coagulation',
  'neurological',
];
const SYSTEM_RANGE: Readonly<Record<PhoenixSystem, string>> = {
  respiratory: '0–3 points',
  cardiovascular: '0–6 points (vasoactives + lactate + MAP)',
  coagulation: '0–2 points (1 per abnormal test, capped at 2)',
  neurological: '0–2 points',
};
const SYSTEM_LABELS: Readonly<Record<PhoenixSystem, string>> = {
  respiratory: 'Phoenix respiratory points',
  cardiovascular: 'Phoenix cardiovascular points',
  coagulation: 'Phoenix coagulation points',
  neurological: 'Phoenix neurological points',
};

function systemItem(system: PhoenixSystem, score: SystemScore): ItemEvidence {
  return noted(
    {
      id: system,
      label: SYSTEM_LABELS[system],
      status: itemStatus(score.points, score.bound),
      value: score.points,
      unit: 'points',
      threshold: SYSTEM_RANGE[system],
      hour: null,
      points: score.points,
      citation: RUBRIC,
    },
    score.bound > score.points ? `up to ${score.bound} if the items not assessed were abnormal` : undefined,
  );
}

function ageInMonths(c: Case): number {
  return c.patient.ageYears * 12;
}

function applicability(c: Case): string | undefined {
  const months = ageInMonths(c);
  if (compare(months, '>=', PHOENIX_MAX_AGE_MONTHS))
    return `age ${round(c.patient.ageYears, 2)} y is ≥ 18 years (216 months): Phoenix does not apply`;
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

/**
 * One time point scored: the four systems and the total. Its evidence is built afterwards, and only
 * for the time point that decides the score (the others' evidence is never shown).
 */
interface ScoredSnapshot {
  readonly snapshot: PhoenixSnapshot;
  readonly hour: number | null;
  readonly systems: {
    readonly respiratory: RespiratoryScore;
    readonly cardiovascular: CardiovascularScore;
    readonly coagulation: SystemScore;
    readonly neurological: NeurologicalScore;
  };
  readonly value: number;
  readonly max: number;
}

function scoreSnapshot(s: PhoenixSnapshot, band: PhoenixMapBand | undefined): ScoredSnapshot {
  const respiratory = scoreRespiratory(s);
  const cardiovascular = scoreCardiovascular(s, band);
  const coagulation = scoreCoagulation(s);
  const neurological = scoreNeurological(s);
  return {
    snapshot: s,
    hour: s.hour,
    systems: { respiratory, cardiovascular, coagulation, neurological },
    // Summed in PHOENIX_SYSTEMS order.
    value: respiratory.points + cardiovascular.points + coagulation.points + neurological.points,
    max: respiratory.bound + cardiovascular.bound + coagulation.bound + neurological.bound,
  };
}

/** The evidence of one scored time point: each system's points followed by its items. */
function snapshotItems(scored: ScoredSnapshot, band: PhoenixMapBand | undefined): ItemEvidence[] {
  const { snapshot: s, systems } = scored;
  return [
    systemItem('respiratory', systems.respiratory),
    respiratoryItem(s, systems.respiratory),
    systemItem('cardiovascular', systems.cardiovascular),
    ...cardiovascularItems(s, band, systems.cardiovascular),
    systemItem('coagulation', systems.coagulation),
    ...coagulationItems(s),
    systemItem('neurological', systems.neurological),
    ...neurologicalItems(s, systems.neurological),
  ];
}

function meetsSepsisCutoff(score: number): boolean {
  return score >= PHOENIX_SEPSIS_CUTOFF;
}

/**
 * Septic shock's score part at one time point, as the authors score it (missing values 0): total ≥ 2
 * with ≥ 1 cardiovascular point at that same time point.
 */
function shockAt(s: ScoredSnapshot): boolean {
  return meetsSepsisCutoff(s.value) && s.systems.cardiovascular.points >= PHOENIX_SHOCK_CARDIOVASCULAR_CUTOFF;
}

/** Whether the missing inputs of one time point could still make it a septic-shock time point. */
function shockReachableAt(s: ScoredSnapshot): boolean {
  return meetsSepsisCutoff(s.max) && s.systems.cardiovascular.bound >= PHOENIX_SHOCK_CARDIOVASCULAR_CUTOFF;
}

/** A yes/no answer of the score, with suspected infection: and-ed as the definition does (unrecorded infection stays open). */
function withInfection(infection: CriteriaStatus, scoreMet: boolean): CriteriaStatus {
  return and2(infection, scoreMet ? 'met' : 'not-met');
}

// The time-point note quotes the look-back table, so it is built once.
const LOOK_BACK = PHOENIX_LOOK_BACK_HOURS;
const TIME_POINT_NOTE = `Scored at a time point, as the authors developed it: at every hour in the window at which a Phoenix input was recorded (and at the window's first hour when a value from before the window is still current), each input is its last value within its look-back (PaO₂, SpO₂, FiO₂, respiratory support ${LOOK_BACK.fio2} h; lactate ${LOOK_BACK.lactate} h; MAP ${LOOK_BACK.map} h; vasoactives ${LOOK_BACK.vasoactiveCount} h; platelets, INR, D-dimer, fibrinogen ${LOOK_BACK.platelets} h; GCS ${LOOK_BACK.gcs} h; pupils ${LOOK_BACK.pupils} h; CU-DBMI-Peds/phoenix articles/ehr_implementation_notes.md), and PaO₂:FiO₂ or SpO₂:FiO₂ counts only when the FiO₂ is as old as or older than the PaO₂/SpO₂. The score is the highest total at any one time point (the earliest on ties), not the sum of each item's worst value across the window, which can overstate it (articles/phoenix.md, "Worst in first 24 hours"); septic shock needs ≥ 1 cardiovascular point at a time point whose total is ≥ 2. A value older than its look-back scores 0 at that time point (it is NULL there, not carried forward); an input never measured is not assessed.`;

/** What the missing data could still change, for the summary. */
function reachableText(reachable: { readonly sepsis: boolean; readonly septicShock: boolean }): string {
  if (reachable.sepsis) return '; the missing items could still make it sepsis';
  if (reachable.septicShock) return '; the missing items could still make it septic shock';
  return '';
}

function evaluate(index: CaseIndex, options: EvaluateOptions): CriteriaResult {
  const c = index.case;
  const window = index.window;
  const months = ageInMonths(c);
  const band = phoenixMapBand(months);

  const scored = phoenixSnapshots(c, window).map((s) => scoreSnapshot(s, band));
  // The score is the highest total at any one time point; ties keep the earliest.
  const best = scored.reduce((a, b) => (b.value > a.value ? b : a));
  const systems = best.systems;
  const value = best.value;
  const max = scored.reduce((m, s) => Math.max(m, s.max), -Infinity);
  // Missing values score 0 and the criteria are read on the data known, as the authors define them and
  // their package computes them; what the missing data could still change is kept apart (score.max, reachable).
  const scoreMet = meetsSepsisCutoff(value);
  // Septic shock: at some time point (R/score_prepared_phoenix_data.R, "jama2024": (cardiovascular ≥ kappa) × total, maximum over the window).
  const shockMet = scored.some(shockAt);
  const infection = c.encounter.suspectedInfection;
  const infectionStatus: CriteriaStatus =
    infection === true ? 'met' : infection === false ? 'not-met' : 'not-assessable';

  const exclusion = applicability(c);
  const sepsis: CriteriaStatus = exclusion ? 'not-applicable' : withInfection(infectionStatus, scoreMet);
  const shock: CriteriaStatus = exclusion ? 'not-applicable' : withInfection(infectionStatus, shockMet);
  // The set answers what its name promises: sepsis (suspected infection and a score ≥ 2); the score is evidence.
  const status: CriteriaStatus = sepsis;
  // What the missing inputs could still change: the sepsis or septic-shock answer if they were abnormal.
  const reachable = {
    sepsis: !exclusion && infection !== false && !scoreMet && meetsSepsisCutoff(max),
    septicShock: !exclusion && infection !== false && !shockMet && scored.some(shockReachableAt),
  };

  const notes = [
    'Missing values score 0 and sepsis and septic shock are decided on the data known, as the authors define them ("missing values score 0"; the criteria are valid on the data available) and as their package computes them. The items not measured are marked not assessed, and what they could still change is kept apart: score.max is what the score could reach if they were abnormal, and the summary says when that could still make sepsis or septic shock.',
    "The status is sepsis (suspected infection and a Phoenix Sepsis Score ≥ 2), what the set's name promises; a score ≥ 2 without suspected infection is not sepsis. Septic shock is reported beside it (classifications), the score as evidence.",
    TIME_POINT_NOTE,
    "MAP is calculated as DBP + (SBP − DBP)/3 from one observation (the case schema has no measured MAP, so the authors' preference for arterial over cuff pressures cannot be applied); band edges follow the authors' software (MAP < 31 etc. for non-integer MAP).",
    'Respiratory support counts when recorded as oxygen, non-invasive or invasive, or when a current FiO₂ is > 0.21 (a support level recorded in the same observation as the FiO₂ is authoritative); 2–3 points need invasive ventilation.',
  ];
  if (infection === undefined)
    notes.push(
      'Suspected infection not recorded: sepsis and septic shock cannot be decided unless the score already rules them out (suspected infection is part of the definition, not a score input, so it is not read as absent).',
    );
  if (c.background.birthHospitalization === undefined && months < 1)
    notes.push('Birth hospitalization not recorded for a neonate: assumed not the birth hospitalization.');
  if (
    c.patient.gestationalAgeWeeks === undefined &&
    (c.patient.ageYears * DAYS_PER_YEAR) / 7 < PHOENIX_MIN_GESTATIONAL_AGE_WEEKS - 22
  ) {
    notes.push('Gestational age not recorded for a young infant: assumed ≥ 37 weeks at encounter start.');
  }
  if (exclusion) notes.push(exclusion);

  const when = best.hour === null ? '' : ` at hour ${hourText(best.hour)}`;
  const timePoints = scored.filter((s) => s.hour !== null).length;
  const summary = exclusion
    ? `Not applicable: ${exclusion}.`
    : `Phoenix Sepsis Score ${value}${when}${max > value ? ` (could reach ${max} with the missing items)` : ''}, the highest total of ${timePoints} time point${timePoints === 1 ? '' : 's'}: respiratory ${systems.respiratory.points}, cardiovascular ${systems.cardiovascular.points}, coagulation ${systems.coagulation.points}, neurological ${systems.neurological.points}; sepsis ${sepsis}${infection === false && scoreMet ? ' (no suspected infection on the chart)' : ''}, septic shock ${shock}${reachableText(reachable)}.`;

  return {
    id: 'phoenix',
    name: 'Phoenix Sepsis Score',
    citation: 'schlapbach-2024-phoenix',
    window: resultWindow(
      window,
      'highest total at one time point, each input carried forward within its look-back',
      options,
      'first-24-hours',
    ),
    status,
    summary,
    score: {
      value,
      min: value,
      max,
      cutoff: '≥ 2 points (with suspected infection = sepsis; plus ≥ 1 cardiovascular point = septic shock)',
    },
    reachable: { sepsis: reachable.sepsis, 'septic-shock': reachable.septicShock },
    classifications: { sepsis, 'septic-shock': shock },
    items: [
      ...snapshotItems(best, band),
      {
        id: 'suspected-infection',
        label: 'Suspected infection (systemic antimicrobials and microbiological testing)',
        status: infection === undefined ? 'not-assessed' : infection ? 'met' : 'not-met',
        value: infection ?? null,
        unit: null,
        threshold: 'present',
        hour: null,
        citation: 'schlapbach-2024-phoenix',
      },
    ],
    notes,
  };
}

export const phoenix: IndexedCriteriaSet = indexedCriteriaSet(
  'phoenix',
  'Phoenix Sepsis Score',
  'first-24-hours',
  evaluate,
);
