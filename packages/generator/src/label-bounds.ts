import {
  compare,
  labMeetsThreshold,
  meetsThreshold,
  MISC_CDC_2023,
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
  type Case,
  type LabPanel,
  type Observation,
} from '@masdrill/rules';

/**
 * Cheap checks that let the construction loops (sepsis.ts, misc.ts) skip the rules' full
 * calculators (label-checks.ts), which cost more than the rest of a sepsis or MIS-C case. They read
 * the rules' own thresholds and comparator, and answer only when they are sure: a lower bound for
 * Phoenix (values at one time point only: carry-forward and MAP can only add points), and yes / no /
 * unknown for the MIS-C organ categories. When unsure the caller asks the calculator, so the answer
 * is always the calculator's and a case is never changed. The window is the rules' first 24 h.
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

/** What the cheap MIS-C check can say about the organ categories: surely enough, surely not, or ask the calculator. */
export type Verdict = 'yes' | 'no' | 'unknown';

/** Per category: 2 surely met, 1 maybe, 0 surely not. */
type Certainty = 0 | 1 | 2;
const certainty = (met: boolean): Certainty => (met ? 2 : 0);

/**
 * Whether the CSTE/CDC 2023 organ categories required are met in hours 0–24, when a cheap look
 * settles it: a category is surely met when a value in the window meets its cut-off (so the worst
 * one does too), surely not when no value does; troponin without the case's own limit is unsure
 * (the rules may then read a published one). 'unknown' when neither settles the count.
 */
export function miscCategoriesAtLeastTwo(
  parts: Pick<Case, 'observations' | 'labs' | 'labReferenceRanges'> & {
    echo: NonNullable<Case['investigations']['echo']>;
  },
): Verdict {
  const t = MISC_CDC_2023;
  let cardiac: Certainty = 0,
    mucocutaneous: Certainty = 0,
    shock: Certainty = 0,
    gi: Certainty = 0,
    hematologic: Certainty = 0;
  const raise = (current: Certainty, c: Certainty): Certainty => (c > current ? c : current);
  for (const e of parts.echo) {
    if (!inWindow(e.hour)) continue;
    if (e.lvefPercent !== undefined) cardiac = raise(cardiac, certainty(meetsThreshold(e.lvefPercent, t.lvef)));
    if (e.coronaryZMax !== undefined) cardiac = raise(cardiac, certainty(meetsThreshold(e.coronaryZMax, t.coronaryZ)));
  }
  const troponinLimit = parts.labReferenceRanges?.troponin?.upper;
  for (const p of parts.labs) {
    if (!inWindow(p.hour)) continue;
    if (p.troponin !== undefined)
      cardiac = raise(cardiac, troponinLimit === undefined ? 1 : certainty(compare(p.troponin, '>', troponinLimit)));
    if (p.platelets !== undefined)
      hematologic = raise(hematologic, certainty(labMeetsThreshold('platelets', p.platelets, t.platelets)));
    if (p.alc !== undefined) hematologic = raise(hematologic, certainty(labMeetsThreshold('alc', p.alc, t.alc)));
  }
  for (const o of parts.observations) {
    if (!inWindow(o.hour)) continue;
    if (o.rash === true || o.mucosalChanges === true || o.conjunctivitis === true || o.extremityChanges === true)
      mucocutaneous = 2;
    if (
      o.shock === true ||
      (o.vasoactiveCount !== undefined &&
        meetsThreshold(o.vasoactiveCount, PHOENIX_VASOACTIVES[PHOENIX_VASOACTIVES.length - 1]!.threshold))
    )
      shock = 2;
    if (o.giSymptoms === true) gi = 2;
  }
  const categories = [cardiac, mucocutaneous, shock, gi, hematologic];
  if (categories.filter((c) => c === 2).length >= t.categoriesRequired) return 'yes';
  if (categories.filter((c) => c > 0).length < t.categoriesRequired) return 'no';
  return 'unknown';
}
