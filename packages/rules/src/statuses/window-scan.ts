import type { Case } from '../generated/case.js';
import type { TimeWindow } from '../case/time-window.js';
import { PhoenixTimeline } from './phoenix-timeline.js';

/** Rows of an investigation the case does not have (shared: `?? []` would allocate per case). */
const NONE: readonly never[] = [];

/** A yes/no finding over a window: never assessed, assessed and always absent, or present at some assessment. */
export const FINDING_UNKNOWN = 0;
export const FINDING_ABSENT = 1;
export const FINDING_PRESENT = 2;

/**
 * What the compiled status plans read from one case in one window, taken in one pass over its lab
 * panels, observations and marrow examinations, into plain number fields (NaN: nothing in the
 * window). The same readings as CaseIndex / case-reader (worst value in the window; a finding
 * present at any assessment), without building evidence. The same pass records Phoenix's inputs up
 * to the window's end (`phoenix`, carried forward into the window). One object is reused for every case.
 */
export class WindowScan {
  hemoglobinLow = NaN;
  wbcLow = NaN;
  ancLow = NaN;
  plateletsLow = NaN;
  fibrinogenLow = NaN;
  ferritinHigh = NaN;
  astHigh = NaN;
  ldhHigh = NaN;
  sCd25High = NaN;
  triglyceridesHigh = NaN;
  /** Highest triglycerides among panels recorded as fasting, as not fasting, and without a fasting status (HLH-2004 reads them apart). */
  triglyceridesFastingHigh = NaN;
  triglyceridesNonFastingHigh = NaN;
  triglyceridesUnrecordedHigh = NaN;
  /** Highest ferritin ÷ ESR (canonical units) among panels with both and ESR ≠ 0. */
  ferritinEsrHigh = NaN;
  /** NK-cell activity: 0 not measured, 1 measured and never low, 2 low or absent at some panel. */
  nkActivity = 0;
  temperatureHigh = NaN;
  /** Some row reports days of fever or a subjective fever. */
  feverHistory = false;
  /** Some row reports no fever (0 days, or subjective fever denied). */
  feverDenied = false;
  splenomegaly = FINDING_UNKNOWN;
  hepatomegaly = FINDING_UNKNOWN;
  cnsInvolvement = FINDING_UNKNOWN;
  hemorrhage = FINDING_UNKNOWN;
  activeArthritis = FINDING_UNKNOWN;
  /** Marrow examinations in the window: 0 none, 1 without hemophagocytosis, 2 with (malignant or not). */
  marrow = 0;
  /** The same, counting hemophagocytosis only in a marrow not recorded as malignant (HLH-2004: "no evidence of malignancy"). */
  marrowWithoutMalignancy = 0;

  // What the MIS-C definitions read besides the above.
  crpHigh = NaN;
  alcLow = NaN;
  esrHigh = NaN;
  procalcitoninHigh = NaN;
  troponinHigh = NaN;
  ntProBnpHigh = NaN;
  inrHigh = NaN;
  dDimerHigh = NaN;
  sbpLow = NaN;
  vasoactiveCountHigh = NaN;
  feverDaysHigh = NaN;
  subjectiveFever = FINDING_UNKNOWN;
  rash = FINDING_UNKNOWN;
  conjunctivitis = FINDING_UNKNOWN;
  mucosalChanges = FINDING_UNKNOWN;
  extremityChanges = FINDING_UNKNOWN;
  giSymptoms = FINDING_UNKNOWN;
  shock = FINDING_UNKNOWN;
  /** Echocardiography in the window: lowest LVEF, highest coronary z-score, and the two yes/no findings. */
  lvefLow = NaN;
  coronaryZHigh = NaN;
  pericardialEffusion = FINDING_UNKNOWN;
  valvulitis = FINDING_UNKNOWN;
  /** A positive blood culture drawn in the window. */
  bloodCulturePositive = false;

  /** The window read. */
  fromHour = 0;
  toHour = 0;

  /** Phoenix's inputs recorded up to the end of the window (values before it may still be current in it). */
  readonly phoenix = new PhoenixTimeline();

  /** Starts a window: every reading back to "nothing in the window" (scanWindows calls it). */
  begin(window: TimeWindow): void {
    this.fromHour = window.fromHour;
    this.toHour = window.toHour;
    this.hemoglobinLow = NaN;
    this.wbcLow = NaN;
    this.ancLow = NaN;
    this.plateletsLow = NaN;
    this.fibrinogenLow = NaN;
    this.ferritinHigh = NaN;
    this.astHigh = NaN;
    this.ldhHigh = NaN;
    this.sCd25High = NaN;
    this.triglyceridesHigh = NaN;
    this.triglyceridesFastingHigh = NaN;
    this.triglyceridesNonFastingHigh = NaN;
    this.triglyceridesUnrecordedHigh = NaN;
    this.ferritinEsrHigh = NaN;
    this.nkActivity = 0;
    this.crpHigh = NaN;
    this.alcLow = NaN;
    this.esrHigh = NaN;
    this.procalcitoninHigh = NaN;
    this.troponinHigh = NaN;
    this.ntProBnpHigh = NaN;
    this.inrHigh = NaN;
    this.dDimerHigh = NaN;
    this.temperatureHigh = NaN;
    this.feverHistory = false;
    this.feverDenied = false;
    this.splenomegaly = FINDING_UNKNOWN;
    this.hepatomegaly = FINDING_UNKNOWN;
    this.cnsInvolvement = FINDING_UNKNOWN;
    this.hemorrhage = FINDING_UNKNOWN;
    this.activeArthritis = FINDING_UNKNOWN;
    this.sbpLow = NaN;
    this.vasoactiveCountHigh = NaN;
    this.feverDaysHigh = NaN;
    this.subjectiveFever = FINDING_UNKNOWN;
    this.rash = FINDING_UNKNOWN;
    this.conjunctivitis = FINDING_UNKNOWN;
    this.mucosalChanges = FINDING_UNKNOWN;
    this.extremityChanges = FINDING_UNKNOWN;
    this.giSymptoms = FINDING_UNKNOWN;
    this.shock = FINDING_UNKNOWN;
    this.marrow = 0;
    this.marrowWithoutMalignancy = 0;
    this.lvefLow = NaN;
    this.coronaryZHigh = NaN;
    this.pericardialEffusion = FINDING_UNKNOWN;
    this.valvulitis = FINDING_UNKNOWN;
    this.bloodCulturePositive = false;
    this.phoenix.clear();
  }

  read(c: Case, window: TimeWindow): this {
    ONE_SCAN[0] = this;
    ONE_WINDOW[0] = window;
    scanWindows(c, ONE_SCAN, ONE_WINDOW, 1);
    return this;
  }
}

// Reused by `read` (an array literal per call would allocate per case).
const ONE_SCAN: WindowScan[] = [];
const ONE_WINDOW: TimeWindow[] = [];

/**
 * Fills scans[0 … count − 1] with windows[0 … count − 1] of one case in one pass: each lab panel and
 * observation read once (named reads, up to the last hour any window reads), then offered to every window that holds
 * the row's hour (the reads cost more than the per-window updates).
 */
export function scanWindows(
  c: Case,
  scans: readonly WindowScan[],
  windows: readonly TimeWindow[],
  count: number,
): void {
  // The last hour any window reads: rows after it are skipped before their other fields are read.
  let last = -Infinity;
  for (let w = 0; w < count; w++) {
    scans[w]!.begin(windows[w]!);
    if (windows[w]!.toHour > last) last = windows[w]!.toHour;
  }
  // `!(v >= low)` / `!(v <= high)`: true for the first value (NaN so far) and for a strictly worse one, as isWorse.
  const labs = c.labs;
  for (let row = 0; row < labs.length; row++) {
    const p = labs[row]!;
    // Named reads: the generator writes every panel in one fixed shape (each analyte key present, in
    // canonical order, undefined when not measured), so each read is monomorphic; an analyte present
    // with the value undefined reads as absent, exactly as a missing key.
    const hour = p.hour;
    if (hour > last) continue;
    const hemoglobin = p.hemoglobin;
    const wbc = p.wbc;
    const anc = p.anc;
    const alc = p.alc;
    const platelets = p.platelets;
    const ferritin = p.ferritin;
    const ast = p.ast;
    const ldh = p.ldh;
    const tg = p.triglycerides;
    const fasting = p.triglyceridesFasting;
    const fibrinogen = p.fibrinogen;
    const esr = p.esr;
    const crp = p.crp;
    const procalcitonin = p.procalcitonin;
    const dDimer = p.dDimer;
    const inr = p.inr;
    const troponin = p.troponin;
    const ntProBnp = p.ntProBnp;
    const sCd25 = p.sCd25;
    const activity = p.nkCellActivity;
    const ratio = ferritin !== undefined && esr !== undefined && esr !== 0 ? ferritin / esr : NaN;
    const nk = activity === undefined ? 0 : activity === 'low' || activity === 'absent' ? 2 : 1;
    for (let w = 0; w < count; w++) {
      const s = scans[w]!;
      if (hour > s.toHour) continue;
      s.phoenix.recordPanel(p, row);
      if (hour < s.fromHour) continue;
      if (hemoglobin !== undefined && !(hemoglobin >= s.hemoglobinLow)) s.hemoglobinLow = hemoglobin;
      if (wbc !== undefined && !(wbc >= s.wbcLow)) s.wbcLow = wbc;
      if (anc !== undefined && !(anc >= s.ancLow)) s.ancLow = anc;
      if (platelets !== undefined && !(platelets >= s.plateletsLow)) s.plateletsLow = platelets;
      if (fibrinogen !== undefined && !(fibrinogen >= s.fibrinogenLow)) s.fibrinogenLow = fibrinogen;
      if (ferritin !== undefined && !(ferritin <= s.ferritinHigh)) s.ferritinHigh = ferritin;
      if (ast !== undefined && !(ast <= s.astHigh)) s.astHigh = ast;
      if (ldh !== undefined && !(ldh <= s.ldhHigh)) s.ldhHigh = ldh;
      if (sCd25 !== undefined && !(sCd25 <= s.sCd25High)) s.sCd25High = sCd25;
      if (tg !== undefined) {
        if (!(tg <= s.triglyceridesHigh)) s.triglyceridesHigh = tg;
        if (fasting === true) {
          if (!(tg <= s.triglyceridesFastingHigh)) s.triglyceridesFastingHigh = tg;
        } else if (fasting === false) {
          if (!(tg <= s.triglyceridesNonFastingHigh)) s.triglyceridesNonFastingHigh = tg;
        } else if (!(tg <= s.triglyceridesUnrecordedHigh)) s.triglyceridesUnrecordedHigh = tg;
      }
      if (!Number.isNaN(ratio) && !(ratio <= s.ferritinEsrHigh)) s.ferritinEsrHigh = ratio;
      if (nk === 2) s.nkActivity = 2;
      else if (nk === 1 && s.nkActivity === 0) s.nkActivity = 1;
      if (crp !== undefined && !(crp <= s.crpHigh)) s.crpHigh = crp;
      if (alc !== undefined && !(alc >= s.alcLow)) s.alcLow = alc;
      if (esr !== undefined && !(esr <= s.esrHigh)) s.esrHigh = esr;
      if (procalcitonin !== undefined && !(procalcitonin <= s.procalcitoninHigh)) s.procalcitoninHigh = procalcitonin;
      if (troponin !== undefined && !(troponin <= s.troponinHigh)) s.troponinHigh = troponin;
      if (ntProBnp !== undefined && !(ntProBnp <= s.ntProBnpHigh)) s.ntProBnpHigh = ntProBnp;
      if (inr !== undefined && !(inr <= s.inrHigh)) s.inrHigh = inr;
      if (dDimer !== undefined && !(dDimer <= s.dDimerHigh)) s.dDimerHigh = dDimer;
    }
  }

  const observations = c.observations;
  for (let row = 0; row < observations.length; row++) {
    const o = observations[row]!;
    // Named reads: observations come in fewer shapes than panels, and walking their keys was slower here.
    const hour = o.hour;
    if (hour > last) continue;
    const vasoactiveCount = o.vasoactiveCount;
    const sbp = o.sbp;
    const temperatureC = o.temperatureC;
    const feverDays = o.feverDays;
    const subjectiveFever = o.subjectiveFever;
    const splenomegaly = o.splenomegaly;
    const hepatomegaly = o.hepatomegaly;
    const cnsInvolvement = o.cnsInvolvement;
    const hemorrhage = o.hemorrhage;
    const activeArthritis = o.activeArthritis;
    const rash = o.rash;
    const conjunctivitis = o.conjunctivitis;
    const mucosalChanges = o.mucosalChanges;
    const extremityChanges = o.extremityChanges;
    const giSymptoms = o.giSymptoms;
    const shock = o.shock;
    const history = (feverDays !== undefined && feverDays > 0) || subjectiveFever === true;
    const denied = feverDays === 0 || subjectiveFever === false;
    for (let w = 0; w < count; w++) {
      const s = scans[w]!;
      if (hour > s.toHour) continue;
      s.phoenix.recordObservation(o, row);
      if (hour < s.fromHour) continue;
      if (temperatureC !== undefined && !(temperatureC <= s.temperatureHigh)) s.temperatureHigh = temperatureC;
      if (history) s.feverHistory = true;
      if (denied) s.feverDenied = true;
      s.splenomegaly = finding(s.splenomegaly, splenomegaly);
      s.hepatomegaly = finding(s.hepatomegaly, hepatomegaly);
      s.cnsInvolvement = finding(s.cnsInvolvement, cnsInvolvement);
      s.hemorrhage = finding(s.hemorrhage, hemorrhage);
      s.activeArthritis = finding(s.activeArthritis, activeArthritis);
      if (sbp !== undefined && !(sbp >= s.sbpLow)) s.sbpLow = sbp;
      if (vasoactiveCount !== undefined && !(vasoactiveCount <= s.vasoactiveCountHigh))
        s.vasoactiveCountHigh = vasoactiveCount;
      if (feverDays !== undefined && !(feverDays <= s.feverDaysHigh)) s.feverDaysHigh = feverDays;
      s.subjectiveFever = finding(s.subjectiveFever, subjectiveFever);
      s.rash = finding(s.rash, rash);
      s.conjunctivitis = finding(s.conjunctivitis, conjunctivitis);
      s.mucosalChanges = finding(s.mucosalChanges, mucosalChanges);
      s.extremityChanges = finding(s.extremityChanges, extremityChanges);
      s.giSymptoms = finding(s.giSymptoms, giSymptoms);
      s.shock = finding(s.shock, shock);
    }
  }

  for (const m of c.investigations.boneMarrow ?? NONE)
    for (let w = 0; w < count; w++) {
      const s = scans[w]!;
      if (m.hour < s.fromHour || m.hour > s.toHour) continue;
      s.marrow = m.hemophagocytosis ? 2 : Math.max(s.marrow, 1);
      s.marrowWithoutMalignancy =
        m.hemophagocytosis && m.malignancy !== true ? 2 : Math.max(s.marrowWithoutMalignancy, 1);
    }

  for (const e of c.investigations.echo ?? NONE)
    for (let w = 0; w < count; w++) {
      const s = scans[w]!;
      if (e.hour < s.fromHour || e.hour > s.toHour) continue;
      let v: number | undefined;
      if ((v = e.lvefPercent) !== undefined && !(v >= s.lvefLow)) s.lvefLow = v;
      if ((v = e.coronaryZMax) !== undefined && !(v <= s.coronaryZHigh)) s.coronaryZHigh = v;
      s.pericardialEffusion = finding(s.pericardialEffusion, e.pericardialEffusion);
      s.valvulitis = finding(s.valvulitis, e.valvulitis);
    }

  for (const k of c.investigations.cultures ?? NONE)
    if (k.result === 'positive' && k.specimen === 'blood')
      for (let w = 0; w < count; w++) {
        const s = scans[w]!;
        if (k.hour >= s.fromHour && k.hour <= s.toHour) s.bloodCulturePositive = true;
      }

  for (let w = 0; w < count; w++) scans[w]!.phoenix.finish(windows[w]!);
}

function finding(so: number, value: boolean | undefined): number {
  return value === true ? FINDING_PRESENT : value === false && so === FINDING_UNKNOWN ? FINDING_ABSENT : so;
}
