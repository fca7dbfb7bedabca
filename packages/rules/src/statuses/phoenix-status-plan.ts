import {
  PHOENIX_COAGULATION_CAP,
  PHOENIX_FIXED_PUPILS_POINTS,
  PHOENIX_GCS_POINTS,
  PHOENIX_LACTATE,
  PHOENIX_MAX_AGE_MONTHS,
  PHOENIX_MIN_GESTATIONAL_AGE_WEEKS,
  PHOENIX_NEURO_CAP,
  PHOENIX_PF_RATIO,
  PHOENIX_ROOM_AIR_FIO2,
  PHOENIX_SEPSIS_CUTOFF,
  PHOENIX_SF_RATIO,
  PHOENIX_VASOACTIVES,
  phoenixMapBand,
  oxygenationRatio,
  type PhoenixMapBand,
} from '../criteria/phoenix.js';
import { compare } from '../criteria/threshold.js';
import type { Case } from '../generated/case.js';
import { DAYS_PER_YEAR } from '../units/calendar.js';
import { MET, NOT_APPLICABLE, NOT_ASSESSABLE, NOT_MET, testStatus } from './compiled-test.js';
import {
  FIO2,
  GCS,
  LACTATE,
  MAP,
  PAO2,
  PUPILS,
  type PhoenixTimeline,
  RESPIRATORY_SUPPORT,
  SPO2,
  VASOACTIVE_COUNT,
} from './phoenix-timeline.js';
import {
  PHOENIX_PUPIL_RUNG as PUPIL_RUNG,
  PHOENIX_SUPPORT_RUNG as SUPPORT_RUNG,
} from '../criteria/phoenix-time-points.js';
import type { CaseFacts } from './case-facts.js';
import {
  bandPoints,
  COAGULATION_TESTS,
  GCS_TEST,
  LACTATE_BANDS,
  PF_BANDS,
  SF_BANDS,
  SF_MAX_SPO2,
  VASOACTIVE_BANDS,
} from './phoenix-compiled-tables.js';
import type { StatusRow } from './status-row.js';
import type { WindowScan } from './window-scan.js';

/*
 * The Phoenix Sepsis Score as a status plan: criteria/phoenix.ts's tables (PHOENIX_*) compiled once,
 * scored at every time point of the PhoenixTimeline the window scan filled, step by step as the
 * engine scores a snapshot (scoreRespiratory, scoreCardiovascular, scoreCoagulation,
 * scoreNeurological), without evidence. A property test holds the two equal.
 */

const maxPoints = (table: readonly { readonly points: number }[]): number => Math.max(...table.map((b) => b.points));

/** The most oxygenation can score (what an unknown ratio leaves open). */
const OXYGENATION_MAX = Math.max(maxPoints(PHOENIX_PF_RATIO), maxPoints(PHOENIX_SF_RATIO));
const VASOACTIVES_MAX = maxPoints(PHOENIX_VASOACTIVES);
const LACTATE_MAX = maxPoints(PHOENIX_LACTATE);
/** MAP for age scores 2 below the lower cut-off, 1 below the upper (phoenix.ts mapPointsInBand). */
const MAP_TWO_POINTS = 2;
const MAP_ONE_POINT = 1;
const NONE = SUPPORT_RUNG.none;
const INVASIVE = SUPPORT_RUNG.invasive;
const BOTH_FIXED = PUPIL_RUNG['both-fixed'];

function respiratoryPoints(ventilated: boolean, supported: boolean, oxygenation: number): number {
  return ventilated ? oxygenation : supported ? Math.min(oxygenation, 1) : 0;
}

function neurologicalPoints(gcsLow: boolean, pupilsFixed: boolean): number {
  return Math.min(
    (pupilsFixed ? PHOENIX_FIXED_PUPILS_POINTS : 0) + (gcsLow ? PHOENIX_GCS_POINTS : 0),
    PHOENIX_NEURO_CAP,
  );
}

// One time point's total and its bound (written by scoreAt).
let total = 0;
let bound = 0;
/**
 * The last scored time point's points per organ system, in PHOENIX_SYSTEMS order (respiratory,
 * cardiovascular, coagulation, neurological): the engine's items, for PhoenixSystemPoints.
 */
export const SYSTEM_POINTS = new Float64Array(4);

/** The record of an input current at time point i (-1: none; i = -1: no time point at all). */
function cur(t: PhoenixTimeline, i: number, slot: number): number {
  return i === -1 ? -1 : t.currentAt(i, slot);
}

/**
 * One time point scored (i = -1: no time point, every input never measured): its total, bound and
 * SYSTEM_POINTS.
 */
export function scoreAt(t: PhoenixTimeline, i: number, band: PhoenixMapBand | undefined): void {
  // Respiratory (scoreRespiratory).
  const recorded = cur(t, i, RESPIRATORY_SUPPORT);
  const fio2 = cur(t, i, FIO2);
  const spo2 = cur(t, i, SPO2);
  const pao2 = cur(t, i, PAO2);
  const supportValue = recorded === -1 ? -1 : t.value(RESPIRATORY_SUPPORT, recorded);
  const fio2Value = fio2 === -1 ? NaN : t.value(FIO2, fio2);
  const fio2ImpliesSupport =
    fio2 !== -1 &&
    fio2Value > PHOENIX_ROOM_AIR_FIO2 &&
    !(supportValue === NONE && t.row(RESPIRATORY_SUPPORT, recorded) === t.row(FIO2, fio2));
  const neverSupport = t.never(RESPIRATORY_SUPPORT);
  // 1 yes, 0 no, -1 unknown.
  const support =
    (recorded !== -1 && supportValue !== NONE) || fio2ImpliesSupport ? 1 : recorded !== -1 || !neverSupport ? 0 : -1;
  const imv = recorded !== -1 ? (supportValue === INVASIVE ? 1 : 0) : neverSupport ? -1 : 0;
  const pao2Usable = pao2 !== -1 && fio2 !== -1 && fio2Value > 0 && t.hour(FIO2, fio2) <= t.hour(PAO2, pao2);
  const pf = pao2Usable ? oxygenationRatio(t.value(PAO2, pao2), fio2Value) : NaN;
  const sfValid = spo2 !== -1 && testStatus(SF_MAX_SPO2, t.value(SPO2, spo2)) === MET;
  const spo2Usable = sfValid && fio2 !== -1 && fio2Value > 0 && t.hour(FIO2, fio2) <= t.hour(SPO2, spo2);
  const sf = spo2Usable ? oxygenationRatio(t.value(SPO2, spo2), fio2Value) : NaN;
  const pfPoints = Number.isNaN(pf) ? 0 : bandPoints(PF_BANDS, pf);
  const sfPoints = Number.isNaN(sf) ? 0 : bandPoints(SF_BANDS, sf);
  const oxygenation = Math.max(pfPoints, sfPoints);
  const neverFio2 = t.never(FIO2);
  const fio2Open = fio2 !== -1 || neverFio2;
  const pfOpen = Number.isNaN(pf) && ((t.never(PAO2) && fio2Open) || (neverFio2 && pao2 !== -1));
  const sfOpen = Number.isNaN(sf) && ((t.never(SPO2) && fio2Open) || (neverFio2 && sfValid));
  const ratioKnown = !pfOpen && !sfOpen;
  const respiratory = respiratoryPoints(imv === 1, support === 1, oxygenation);
  const respiratoryBound = respiratoryPoints(
    imv !== 0 && support !== 0,
    support !== 0,
    ratioKnown ? oxygenation : OXYGENATION_MAX,
  );

  // Cardiovascular (scoreCardiovascular).
  const vaso = cur(t, i, VASOACTIVE_COUNT);
  const vasoPoints = vaso !== -1 ? bandPoints(VASOACTIVE_BANDS, t.value(VASOACTIVE_COUNT, vaso)) : 0;
  const vasoBound = t.never(VASOACTIVE_COUNT) ? VASOACTIVES_MAX : vasoPoints;
  const lactate = cur(t, i, LACTATE);
  const lactatePoints = lactate !== -1 ? bandPoints(LACTATE_BANDS, t.value(LACTATE, lactate)) : 0;
  const lactateBound = t.never(LACTATE) ? LACTATE_MAX : lactatePoints;
  const map = cur(t, i, MAP);
  let mapPoints = 0;
  if (map !== -1 && band !== undefined) {
    const value = t.value(MAP, map);
    mapPoints = compare(value, '<', band.twoPointsBelow)
      ? MAP_TWO_POINTS
      : compare(value, '<', band.onePointBelow)
        ? MAP_ONE_POINT
        : 0;
  }
  const mapBound = band !== undefined && !t.never(MAP) ? mapPoints : MAP_TWO_POINTS;

  // Coagulation (scoreCoagulation).
  let met = 0;
  let unknown = 0;
  for (const test of COAGULATION_TESTS) {
    const r = cur(t, i, test.slot);
    if (r !== -1 && testStatus(test.test, t.value(test.slot, r)) === MET) met += 1;
    if (t.never(test.slot)) unknown += 1;
  }

  // Neurological (scoreNeurological).
  const gcs = cur(t, i, GCS);
  const gcsMet = gcs !== -1 && testStatus(GCS_TEST, t.value(GCS, gcs)) === MET;
  const pupils = cur(t, i, PUPILS);
  const fixed = pupils !== -1 && t.value(PUPILS, pupils) === BOTH_FIXED;

  // Summed in PHOENIX_SYSTEMS order, as the engine sums them.
  const cardiovascular = vasoPoints + lactatePoints + mapPoints;
  const coagulation = Math.min(met, PHOENIX_COAGULATION_CAP);
  const neurological = neurologicalPoints(gcsMet, fixed);
  total = respiratory + cardiovascular + coagulation + neurological;
  SYSTEM_POINTS[0] = respiratory;
  SYSTEM_POINTS[1] = cardiovascular;
  SYSTEM_POINTS[2] = coagulation;
  SYSTEM_POINTS[3] = neurological;
  bound =
    respiratoryBound +
    (vasoBound + lactateBound + mapBound) +
    Math.min(met + unknown, PHOENIX_COAGULATION_CAP) +
    neurologicalPoints(gcsMet || t.never(GCS), fixed || t.never(PUPILS));
}

/** Whether Phoenix excludes the patient (phoenix.ts applicability). */
function excluded(c: Case): boolean {
  const months = c.patient.ageYears * 12;
  if (compare(months, '>=', PHOENIX_MAX_AGE_MONTHS)) return true;
  if (c.background.birthHospitalization === true) return true;
  const ga = c.patient.gestationalAgeWeeks;
  return (
    ga !== undefined && compare(ga + (c.patient.ageYears * DAYS_PER_YEAR) / 7, '<', PHOENIX_MIN_GESTATIONAL_AGE_WEEKS)
  );
}

/** What Phoenix reads from the case outside its rows (the same in every window), into `facts`. */
export function phoenixCaseFacts(c: Case, facts: CaseFacts): void {
  facts.phoenixMapBand = phoenixMapBand(c.patient.ageYears * 12);
  facts.phoenixExcluded = excluded(c);
}

/** Sepsis (suspected infection and a score ≥ 2 at one time point); the score the highest total, its max the highest bound. */
export function phoenixStatus(c: Case, scan: WindowScan, out: StatusRow, facts: CaseFacts): void {
  const t = scan.phoenix;
  const band = facts.phoenixMapBand;
  let value = -Infinity;
  let max = -Infinity;
  const n = t.timePoints;
  for (let i = n === 0 ? -1 : 0; i < n; i++) {
    scoreAt(t, i, band);
    if (total > value) value = total;
    if (bound > max) max = bound;
  }
  const infection = c.encounter.suspectedInfection;
  const scoreMet = value >= PHOENIX_SEPSIS_CUTOFF;
  const status = facts.phoenixExcluded
    ? NOT_APPLICABLE
    : infection === false || !scoreMet
      ? NOT_MET
      : infection === true
        ? MET
        : NOT_ASSESSABLE;
  out.set(status, value, value, max);
}
