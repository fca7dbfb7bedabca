import {
  labMeetsThreshold,
  meetsThreshold,
  PHOENIX_COAGULATION,
  PHOENIX_COAGULATION_CAP,
  PHOENIX_FIXED_PUPILS_POINTS,
  PHOENIX_GCS,
  PHOENIX_GCS_POINTS,
  PHOENIX_LACTATE,
  PHOENIX_NEURO_CAP,
  PHOENIX_SEPSIS_CUTOFF,
  PHOENIX_SF_MAX_SPO2,
  PHOENIX_SF_RATIO,
  PHOENIX_VASOACTIVES,
  type LabPanel,
  type Observation,
} from '@masdrill/rules';

/**
 * A cheap check that lets the sepsis construction loop (sepsis.ts) skip the rules' Phoenix
 * calculator (label-checks.ts; measured 0.05× vs 0.145× JSON.stringify of a sepsis case per call).
 * It reads the rules' own thresholds and comparator and answers only when it is sure: a lower bound
 * (values at one time point only: carry-forward and MAP can only add points). When unsure the caller
 * asks the calculator, so the answer is always the calculator's and a case is never changed. The
 * window is the rules' first 24 h. (MIS-C had such a check too; its calculator proved cheaper.)
 */

const FROM_HOUR = 0;
const TO_HOUR = 24;
const inWindow = (hour: number) => hour >= FROM_HOUR && hour <= TO_HOUR;

function panelAt(labs: readonly LabPanel[], hour: number): LabPanel | undefined {
  for (const p of labs) if (p.hour === hour) return p;
  return undefined;
}

/** The points of the highest band a value meets (bands listed from the lowest). */
function banded(
  value: number,
  bands: readonly { readonly points: number; readonly threshold: Parameters<typeof meetsThreshold>[1] }[],
): number {
  let points = 0;
  for (const b of bands) if (meetsThreshold(value, b.threshold)) points = b.points;
  return points;
}

/** Respiratory points certain at one observation: SpO₂:FiO₂ from its own readings (1 point on any support, 2–3 invasive only). */
function respiratoryAtLeast(o: Observation): number {
  const support = o.respiratorySupport;
  if (support === undefined || support === 'none' || o.fio2 === undefined || o.spo2 === undefined || !(o.fio2 > 0))
    return 0;
  if (!meetsThreshold(o.spo2, PHOENIX_SF_MAX_SPO2)) return 0;
  const points = banded(o.spo2 / o.fio2, PHOENIX_SF_RATIO);
  return support === 'invasive' ? points : Math.min(points, 1);
}

/** Cardiovascular points certain at one time point (vasoactives and lactate; MAP is left to the calculator). */
function cardiovascularAtLeast(o: Observation, p: LabPanel | undefined): number {
  return (
    banded(o.vasoactiveCount ?? 0, PHOENIX_VASOACTIVES) +
    (p?.lactate === undefined ? 0 : banded(p.lactate, PHOENIX_LACTATE))
  );
}

function coagulationAtLeast(p: LabPanel | undefined): number {
  if (p === undefined) return 0;
  let met = 0;
  for (const item of PHOENIX_COAGULATION) {
    const v = p[item.analyte] as number | undefined;
    if (v !== undefined && labMeetsThreshold(item.analyte, v, item.threshold)) met++;
  }
  return Math.min(met, PHOENIX_COAGULATION_CAP);
}

function neurologicalAtLeast(o: Observation): number {
  const points =
    (o.pupils === 'both-fixed' ? PHOENIX_FIXED_PUPILS_POINTS : 0) +
    (o.gcs !== undefined && meetsThreshold(o.gcs, PHOENIX_GCS) ? PHOENIX_GCS_POINTS : 0);
  return Math.min(points, PHOENIX_NEURO_CAP);
}

/**
 * True only if the Phoenix score (the worst total at one time point, hours 0–24) is surely at the
 * sepsis cut-off. Each observation hour in the window is a Phoenix time point, and the values
 * recorded at that hour are current there; anything carried forward from earlier can only add points.
 */
export function phoenixSurelyAtLeastTwo(observations: readonly Observation[], labs: readonly LabPanel[]): boolean {
  for (const o of observations) {
    if (!inWindow(o.hour)) continue;
    const p = panelAt(labs, o.hour);
    if (
      respiratoryAtLeast(o) + cardiovascularAtLeast(o, p) + coagulationAtLeast(p) + neurologicalAtLeast(o) >=
      PHOENIX_SEPSIS_CUTOFF
    )
      return true;
  }
  return false;
}
