import { PHOENIX_GCS, type Observation } from '@masdrill/rules';
import { RESPONSE_TABLE } from '../tables/response-table.js';
import { RESTING_VITALS, ROOM_AIR_FIO2, VITAL_SIGN_READINGS } from '../tables/vitals-table.js';

/** What decides one observation row of the responding patient. */
export interface ObservationActivity {
  /** The sickest process's activity: fever, shock and respiratory failure follow it. */
  readonly systemic: number;
  /** The activity the neurological state follows (GC-2: under methylprednisolone it does not fall below 1). */
  readonly neurological: number;
  /** A vasoactive infusion (or intensive care, which gives one as needed) is in force. */
  readonly vasoactiveSupport: boolean;
  /** The patient's CNS is involved at some point of the case (truth or findings). */
  readonly cnsCase: boolean;
  /** The lowest GCS the case's own course reaches from presentation to this hour: the depth the neurological state moves from. */
  readonly worstGcs?: number;
  /** The systemic drive above organ failure (0 when not beyond it): pressure, vasoactives and GCS fall together with it. */
  readonly decompensation?: number;
}

const T = RESPONSE_TABLE.thresholds;
const R = RESPONSE_TABLE.observations;
const V = VITAL_SIGN_READINGS;

type Support = NonNullable<Observation['respiratorySupport']>;

/**
 * One observation row of the responding patient at `own.hour`: the case's own row (or its last
 * row, for hours past the case's end) with temperature, shock, vasoactives, respiratory support,
 * GCS and the vital signs they move recomputed from the activity. `anchor` is the presentation row.
 * Shock, ventilation and a low GCS present at presentation stay until the activity falls below their
 * thresholds; those the case's own course reaches later come only while the patient is not
 * improving; a rising activity brings them on anyway. Pure.
 */
export function respondObservation(own: Observation, anchor: Observation, at: ObservationActivity): Observation {
  const o: Observation = { ...own };
  const a = at.systemic;

  if (anchor.temperatureC !== undefined) {
    // Fever settles with the activity but climbs only slowly past the presentation peak.
    const t =
      R.normalTemperatureC +
      (anchor.temperatureC - R.normalTemperatureC) * (a <= 1 ? a : 1 + (a - 1) * RESPONSE_TABLE.feverRiseSpeed.value);
    o.temperatureC = Math.round(Math.min(R.temperatureC.max, Math.max(R.temperatureC.min, t)) * 10) / 10;
  }

  // The case's own course brings on shock or ventilation only while the patient is not improving;
  // under a falling activity organ support moves from where it was at presentation.
  const ownCourseCounts = a >= 1;
  const shockCourse =
    anchor.shock === true ||
    (anchor.vasoactiveCount ?? 0) > 0 ||
    (ownCourseCounts && (own.shock === true || (own.vasoactiveCount ?? 0) > 0));
  const shock = a >= T.shockAppears || (shockCourse && a > T.shockResolvesBelow);
  o.shock = shock;
  o.vasoactiveCount =
    !shock || !at.vasoactiveSupport
      ? 0
      : a >= T.organFailureAppears
        ? 2
        : Math.max(1, Math.min(2, own.vasoactiveCount ?? anchor.vasoactiveCount ?? 1));

  const ventCourse =
    anchor.respiratorySupport === 'invasive' || (ownCourseCounts && own.respiratorySupport === 'invasive');
  const oxygenCourse = [anchor.respiratorySupport, ...(ownCourseCounts ? [own.respiratorySupport] : [])].some(
    (s) => s === 'oxygen' || s === 'noninvasive',
  );
  const support: Support =
    a >= T.organFailureAppears || (ventCourse && a > T.ventilationEndsBelow)
      ? 'invasive'
      : (oxygenCourse || ventCourse) && a > T.oxygenEndsBelow
        ? own.respiratorySupport === 'noninvasive'
          ? 'noninvasive'
          : 'oxygen'
        : 'none';
  if (support !== own.respiratorySupport) {
    o.respiratorySupport = support;
    delete o.pao2;
    const { roomAir, invasive, oxygen } = R.supportReadings;
    if (support === 'none') {
      delete o.fio2;
      o.spo2 = Math.max(own.spo2 ?? roomAir.spo2IfUnknown, roomAir.spo2AtLeast);
    } else if (support === 'invasive') {
      o.fio2 = Math.max(own.fio2 ?? invasive.fio2AtLeast, invasive.fio2AtLeast);
      o.spo2 = Math.min(own.spo2 ?? invasive.spo2IfUnknown, invasive.spo2AtMost);
    } else {
      o.fio2 =
        own.fio2 !== undefined && own.fio2 > ROOM_AIR_FIO2
          ? Math.min(own.fio2, oxygen.fio2AtMost)
          : oxygen.fio2IfUnknown;
      o.spo2 = Math.min(own.spo2 ?? oxygen.spo2IfUnknown, oxygen.spo2AtMost);
    }
  }

  if (at.cnsCase && at.worstGcs !== undefined) {
    // Under a falling activity the neurological state moves from where it was at presentation; only a
    // course that is not improving sinks to the depth the case's own course reaches.
    const worst = at.neurological < 1 && anchor.gcs !== undefined ? anchor.gcs : at.worstGcs;
    const gcs = Math.round(15 - (15 - worst) * at.neurological);
    o.gcs = Math.max(3, Math.min(15, gcs));
    if (own.cnsInvolvement !== undefined || anchor.cnsInvolvement !== undefined)
      o.cnsInvolvement =
        o.gcs < 15 || (own.cnsInvolvement === true && at.neurological > R.cnsFindingAboveNeurologicalActivity);
    if (own.pupils !== 'both-fixed' && own.pupils !== 'one-fixed') {
      if (o.gcs <= PHOENIX_GCS.value) o.pupils = 'both-reactive';
      else delete o.pupils;
    }
  }

  const dec = at.decompensation ?? 0;
  if (dec > 0) {
    // Decompensation: septic encephalopathy lowers the GCS whatever the CNS; two vasoactives in shock.
    const base = o.gcs ?? own.gcs ?? anchor.gcs ?? 15;
    o.gcs = Math.max(3, Math.min(base, Math.round(base - dec * RESPONSE_TABLE.decompensation.gcsPointsPerDrive)));
    if (o.shock && at.vasoactiveSupport) o.vasoactiveCount = 2;
  }

  // Vital signs: the row's own, moved by the change in shock and temperature it now has.
  const ownShock = own.shock === true || (own.vasoactiveCount ?? 0) > 0;
  const k = shock === ownShock ? 1 : shock ? RESTING_VITALS.shockSbpFactor : 1 / RESTING_VITALS.shockSbpFactor;
  const kh =
    shock === ownShock ? 1 : shock ? RESTING_VITALS.shockHeartRateFactor : 1 / RESTING_VITALS.shockHeartRateFactor;
  const loss =
    1 -
    Math.min(RESPONSE_TABLE.decompensation.maxPressureLoss, dec * RESPONSE_TABLE.decompensation.pressureLossPerDrive);
  if (own.sbp !== undefined) o.sbp = Math.round(Math.max(V.minSbp, own.sbp * k * loss));
  if (own.dbp !== undefined)
    o.dbp = Math.round(Math.max(V.minDbp, Math.min(own.dbp * k * loss, (o.sbp ?? Infinity) - V.minPulsePressure)));
  if (own.heartRate !== undefined) {
    const fever = (o.temperatureC ?? 37) - (own.temperatureC ?? o.temperatureC ?? 37);
    o.heartRate = Math.round(Math.max(V.minHeartRate, own.heartRate * kh + fever * RESTING_VITALS.heartRatePerDegree));
  }
  return o;
}
