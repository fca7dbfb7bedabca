import type { Case } from '../generated/case.js';
import type { TimeWindow } from '../case/time-window.js';
import { PhoenixTimeline } from './phoenix-timeline.js';

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

  read(c: Case, window: TimeWindow): this {
    const from = window.fromHour;
    const to = window.toHour;
    this.fromHour = from;
    this.toHour = to;
    let hemoglobinLow = NaN,
      wbcLow = NaN,
      ancLow = NaN,
      plateletsLow = NaN,
      fibrinogenLow = NaN;
    let ferritinHigh = NaN,
      astHigh = NaN,
      ldhHigh = NaN,
      sCd25High = NaN,
      triglyceridesHigh = NaN;
    let tgFasting = NaN,
      tgNonFasting = NaN,
      tgUnrecorded = NaN,
      ratioHigh = NaN,
      nk = 0;
    let crpHigh = NaN,
      alcLow = NaN,
      esrHigh = NaN,
      procalcitoninHigh = NaN,
      troponinHigh = NaN,
      ntProBnpHigh = NaN,
      inrHigh = NaN,
      dDimerHigh = NaN;
    const phoenix = this.phoenix.clear();
    // `!(v >= low)` / `!(v <= high)`: true for the first value (NaN so far) and for a strictly worse one, as isWorse.
    const labs = c.labs;
    for (let row = 0; row < labs.length; row++) {
      const p = labs[row]!;
      const hour = p.hour;
      if (hour > to) continue;
      phoenix.addLabs(p, row);
      if (hour < from) continue;
      let v: number | undefined;
      if ((v = p.hemoglobin) !== undefined && !(v >= hemoglobinLow)) hemoglobinLow = v;
      if ((v = p.wbc) !== undefined && !(v >= wbcLow)) wbcLow = v;
      if ((v = p.anc) !== undefined && !(v >= ancLow)) ancLow = v;
      if ((v = p.platelets) !== undefined && !(v >= plateletsLow)) plateletsLow = v;
      if ((v = p.fibrinogen) !== undefined && !(v >= fibrinogenLow)) fibrinogenLow = v;
      const ferritin = p.ferritin;
      if (ferritin !== undefined && !(ferritin <= ferritinHigh)) ferritinHigh = ferritin;
      if ((v = p.ast) !== undefined && !(v <= astHigh)) astHigh = v;
      if ((v = p.ldh) !== undefined && !(v <= ldhHigh)) ldhHigh = v;
      if ((v = p.sCd25) !== undefined && !(v <= sCd25High)) sCd25High = v;
      const tg = p.triglycerides;
      if (tg !== undefined) {
        if (!(tg <= triglyceridesHigh)) triglyceridesHigh = tg;
        const fasting = p.triglyceridesFasting;
        if (fasting === true) {
          if (!(tg <= tgFasting)) tgFasting = tg;
        } else if (fasting === false) {
          if (!(tg <= tgNonFasting)) tgNonFasting = tg;
        } else if (!(tg <= tgUnrecorded)) tgUnrecorded = tg;
      }
      const esr = p.esr;
      if (ferritin !== undefined && esr !== undefined && esr !== 0) {
        const ratio = ferritin / esr;
        if (!(ratio <= ratioHigh)) ratioHigh = ratio;
      }
      const activity = p.nkCellActivity;
      if (activity !== undefined) nk = activity === 'low' || activity === 'absent' ? 2 : Math.max(nk, 1);
      if ((v = p.crp) !== undefined && !(v <= crpHigh)) crpHigh = v;
      if ((v = p.alc) !== undefined && !(v >= alcLow)) alcLow = v;
      if (esr !== undefined && !(esr <= esrHigh)) esrHigh = esr;
      if ((v = p.procalcitonin) !== undefined && !(v <= procalcitoninHigh)) procalcitoninHigh = v;
      if ((v = p.troponin) !== undefined && !(v <= troponinHigh)) troponinHigh = v;
      if ((v = p.ntProBnp) !== undefined && !(v <= ntProBnpHigh)) ntProBnpHigh = v;
      if ((v = p.inr) !== undefined && !(v <= inrHigh)) inrHigh = v;
      if ((v = p.dDimer) !== undefined && !(v <= dDimerHigh)) dDimerHigh = v;
    }
    this.crpHigh = crpHigh;
    this.alcLow = alcLow;
    this.esrHigh = esrHigh;
    this.procalcitoninHigh = procalcitoninHigh;
    this.troponinHigh = troponinHigh;
    this.ntProBnpHigh = ntProBnpHigh;
    this.inrHigh = inrHigh;
    this.dDimerHigh = dDimerHigh;
    this.hemoglobinLow = hemoglobinLow;
    this.wbcLow = wbcLow;
    this.ancLow = ancLow;
    this.plateletsLow = plateletsLow;
    this.fibrinogenLow = fibrinogenLow;
    this.ferritinHigh = ferritinHigh;
    this.astHigh = astHigh;
    this.ldhHigh = ldhHigh;
    this.sCd25High = sCd25High;
    this.triglyceridesHigh = triglyceridesHigh;
    this.triglyceridesFastingHigh = tgFasting;
    this.triglyceridesNonFastingHigh = tgNonFasting;
    this.triglyceridesUnrecordedHigh = tgUnrecorded;
    this.ferritinEsrHigh = ratioHigh;
    this.nkActivity = nk;

    let temperatureHigh = NaN,
      history = false,
      denied = false;
    let spleen = FINDING_UNKNOWN,
      liver = FINDING_UNKNOWN,
      cns = FINDING_UNKNOWN,
      bleed = FINDING_UNKNOWN,
      arthritis = FINDING_UNKNOWN;
    let sbpLow = NaN,
      vasoHigh = NaN,
      feverDaysHigh = NaN,
      subjectiveFever = FINDING_UNKNOWN,
      rash = FINDING_UNKNOWN,
      conjunctivitis = FINDING_UNKNOWN,
      mucosal = FINDING_UNKNOWN,
      extremity = FINDING_UNKNOWN,
      gi = FINDING_UNKNOWN,
      shock = FINDING_UNKNOWN;
    const observations = c.observations;
    for (let row = 0; row < observations.length; row++) {
      const o = observations[row]!;
      const hour = o.hour;
      if (hour > to) continue;
      phoenix.addObservation(o, row);
      if (hour < from) continue;
      const t = o.temperatureC;
      if (t !== undefined && !(t <= temperatureHigh)) temperatureHigh = t;
      const days = o.feverDays;
      const subjective = o.subjectiveFever;
      if ((days !== undefined && days > 0) || subjective === true) history = true;
      if (days === 0 || subjective === false) denied = true;
      spleen = finding(spleen, o.splenomegaly);
      liver = finding(liver, o.hepatomegaly);
      cns = finding(cns, o.cnsInvolvement);
      bleed = finding(bleed, o.hemorrhage);
      arthritis = finding(arthritis, o.activeArthritis);
      let v: number | undefined;
      if ((v = o.sbp) !== undefined && !(v >= sbpLow)) sbpLow = v;
      if ((v = o.vasoactiveCount) !== undefined && !(v <= vasoHigh)) vasoHigh = v;
      if (days !== undefined && !(days <= feverDaysHigh)) feverDaysHigh = days;
      subjectiveFever = finding(subjectiveFever, subjective);
      rash = finding(rash, o.rash);
      conjunctivitis = finding(conjunctivitis, o.conjunctivitis);
      mucosal = finding(mucosal, o.mucosalChanges);
      extremity = finding(extremity, o.extremityChanges);
      gi = finding(gi, o.giSymptoms);
      shock = finding(shock, o.shock);
    }
    this.sbpLow = sbpLow;
    this.vasoactiveCountHigh = vasoHigh;
    this.feverDaysHigh = feverDaysHigh;
    this.subjectiveFever = subjectiveFever;
    this.rash = rash;
    this.conjunctivitis = conjunctivitis;
    this.mucosalChanges = mucosal;
    this.extremityChanges = extremity;
    this.giSymptoms = gi;
    this.shock = shock;
    this.temperatureHigh = temperatureHigh;
    this.feverHistory = history;
    this.feverDenied = denied;
    this.splenomegaly = spleen;
    this.hepatomegaly = liver;
    this.cnsInvolvement = cns;
    this.hemorrhage = bleed;
    this.activeArthritis = arthritis;

    let marrow = 0;
    let benign = 0;
    for (const m of c.investigations.boneMarrow ?? []) {
      if (m.hour < from || m.hour > to) continue;
      marrow = m.hemophagocytosis ? 2 : Math.max(marrow, 1);
      benign = m.hemophagocytosis && m.malignancy !== true ? 2 : Math.max(benign, 1);
    }
    this.marrow = marrow;
    this.marrowWithoutMalignancy = benign;

    let lvefLow = NaN,
      coronaryHigh = NaN,
      effusion = FINDING_UNKNOWN,
      valvulitis = FINDING_UNKNOWN;
    for (const e of c.investigations.echo ?? []) {
      if (e.hour < from || e.hour > to) continue;
      let v: number | undefined;
      if ((v = e.lvefPercent) !== undefined && !(v >= lvefLow)) lvefLow = v;
      if ((v = e.coronaryZMax) !== undefined && !(v <= coronaryHigh)) coronaryHigh = v;
      effusion = finding(effusion, e.pericardialEffusion);
      valvulitis = finding(valvulitis, e.valvulitis);
    }
    this.lvefLow = lvefLow;
    this.coronaryZHigh = coronaryHigh;
    this.pericardialEffusion = effusion;
    this.valvulitis = valvulitis;

    let blood = false;
    for (const k of c.investigations.cultures ?? [])
      if (k.result === 'positive' && k.specimen === 'blood' && k.hour >= from && k.hour <= to) blood = true;
    this.bloodCulturePositive = blood;
    phoenix.finish(window);
    return this;
  }
}

function finding(so: number, value: boolean | undefined): number {
  return value === true ? FINDING_PRESENT : value === false && so === FINDING_UNKNOWN ? FINDING_ABSENT : so;
}
