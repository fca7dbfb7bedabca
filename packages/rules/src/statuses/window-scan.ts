import type { Case, LabPanel } from '../generated/case.js';
import type { TimeWindow } from '../case/time-window.js';
import { meanArterialPressure } from '../criteria/phoenix-time-points.js';
import {
  D_DIMER,
  FIBRINOGEN,
  FIO2,
  GCS,
  INR,
  LACTATE,
  MAP,
  PAO2,
  PhoenixTimeline,
  PLATELETS,
  PUPILS,
  RESPIRATORY_SUPPORT,
  SPO2,
  VASOACTIVE_COUNT,
} from './phoenix-timeline.js';
import {
  PHOENIX_PUPIL_RUNG as PUPIL_RUNG,
  PHOENIX_SUPPORT_RUNG as SUPPORT_RUNG,
} from '../criteria/phoenix-time-points.js';

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
      // One walk over the panel's own keys (keyed reads through the enumeration cache): panels come in
      // dozens of shapes, and a named read of each of ~20 fields from them (megamorphic) cost more.
      let hour = NaN;
      let hemoglobin: number | undefined;
      let wbc: number | undefined;
      let anc: number | undefined;
      let platelets: number | undefined;
      let fibrinogen: number | undefined;
      let ferritin: number | undefined;
      let ast: number | undefined;
      let ldh: number | undefined;
      let sCd25: number | undefined;
      let tg: number | undefined;
      let fasting: boolean | undefined;
      let esr: number | undefined;
      let activity: LabPanel['nkCellActivity'];
      let crp: number | undefined;
      let alc: number | undefined;
      let procalcitonin: number | undefined;
      let troponin: number | undefined;
      let ntProBnp: number | undefined;
      let inr: number | undefined;
      let dDimer: number | undefined;
      let lactate: number | undefined;
      for (const key in p) {
        const value = (p as unknown as Readonly<Record<string, unknown>>)[key];
        switch (key) {
          case 'hour':
            hour = value as number;
            break;
          case 'hemoglobin':
            hemoglobin = value as number | undefined;
            break;
          case 'wbc':
            wbc = value as number | undefined;
            break;
          case 'anc':
            anc = value as number | undefined;
            break;
          case 'platelets':
            platelets = value as number | undefined;
            break;
          case 'fibrinogen':
            fibrinogen = value as number | undefined;
            break;
          case 'ferritin':
            ferritin = value as number | undefined;
            break;
          case 'ast':
            ast = value as number | undefined;
            break;
          case 'ldh':
            ldh = value as number | undefined;
            break;
          case 'sCd25':
            sCd25 = value as number | undefined;
            break;
          case 'triglycerides':
            tg = value as number | undefined;
            break;
          case 'triglyceridesFasting':
            fasting = value as boolean | undefined;
            break;
          case 'esr':
            esr = value as number | undefined;
            break;
          case 'nkCellActivity':
            activity = value as LabPanel['nkCellActivity'];
            break;
          case 'crp':
            crp = value as number | undefined;
            break;
          case 'alc':
            alc = value as number | undefined;
            break;
          case 'procalcitonin':
            procalcitonin = value as number | undefined;
            break;
          case 'troponin':
            troponin = value as number | undefined;
            break;
          case 'ntProBnp':
            ntProBnp = value as number | undefined;
            break;
          case 'inr':
            inr = value as number | undefined;
            break;
          case 'dDimer':
            dDimer = value as number | undefined;
            break;
          case 'lactate':
            lactate = value as number | undefined;
            break;
        }
      }
      if (hour > to) continue;
      // Phoenix's lab inputs.
      if (lactate !== undefined) phoenix.record(LACTATE, lactate, hour, row);
      if (platelets !== undefined) phoenix.record(PLATELETS, platelets, hour, row);
      if (inr !== undefined) phoenix.record(INR, inr, hour, row);
      if (dDimer !== undefined) phoenix.record(D_DIMER, dDimer, hour, row);
      if (fibrinogen !== undefined) phoenix.record(FIBRINOGEN, fibrinogen, hour, row);
      if (hour < from) continue;
      if (hemoglobin !== undefined && !(hemoglobin >= hemoglobinLow)) hemoglobinLow = hemoglobin;
      if (wbc !== undefined && !(wbc >= wbcLow)) wbcLow = wbc;
      if (anc !== undefined && !(anc >= ancLow)) ancLow = anc;
      if (platelets !== undefined && !(platelets >= plateletsLow)) plateletsLow = platelets;
      if (fibrinogen !== undefined && !(fibrinogen >= fibrinogenLow)) fibrinogenLow = fibrinogen;
      if (ferritin !== undefined && !(ferritin <= ferritinHigh)) ferritinHigh = ferritin;
      if (ast !== undefined && !(ast <= astHigh)) astHigh = ast;
      if (ldh !== undefined && !(ldh <= ldhHigh)) ldhHigh = ldh;
      if (sCd25 !== undefined && !(sCd25 <= sCd25High)) sCd25High = sCd25;
      if (tg !== undefined) {
        if (!(tg <= triglyceridesHigh)) triglyceridesHigh = tg;
        if (fasting === true) {
          if (!(tg <= tgFasting)) tgFasting = tg;
        } else if (fasting === false) {
          if (!(tg <= tgNonFasting)) tgNonFasting = tg;
        } else if (!(tg <= tgUnrecorded)) tgUnrecorded = tg;
      }
      if (ferritin !== undefined && esr !== undefined && esr !== 0) {
        const ratio = ferritin / esr;
        if (!(ratio <= ratioHigh)) ratioHigh = ratio;
      }
      if (activity !== undefined) nk = activity === 'low' || activity === 'absent' ? 2 : Math.max(nk, 1);
      if (crp !== undefined && !(crp <= crpHigh)) crpHigh = crp;
      if (alc !== undefined && !(alc >= alcLow)) alcLow = alc;
      if (esr !== undefined && !(esr <= esrHigh)) esrHigh = esr;
      if (procalcitonin !== undefined && !(procalcitonin <= procalcitoninHigh)) procalcitoninHigh = procalcitonin;
      if (troponin !== undefined && !(troponin <= troponinHigh)) troponinHigh = troponin;
      if (ntProBnp !== undefined && !(ntProBnp <= ntProBnpHigh)) ntProBnpHigh = ntProBnp;
      if (inr !== undefined && !(inr <= inrHigh)) inrHigh = inr;
      if (dDimer !== undefined && !(dDimer <= dDimerHigh)) dDimerHigh = dDimer;
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
      subjective = FINDING_UNKNOWN,
      rashSeen = FINDING_UNKNOWN,
      conjunctivitisSeen = FINDING_UNKNOWN,
      mucosal = FINDING_UNKNOWN,
      extremity = FINDING_UNKNOWN,
      gi = FINDING_UNKNOWN,
      shockSeen = FINDING_UNKNOWN;
    const observations = c.observations;
    for (let row = 0; row < observations.length; row++) {
      const o = observations[row]!;
      // Named reads: observations come in fewer shapes than panels, and walking their keys was slower here.
      const hour = o.hour;
      const respiratorySupport = o.respiratorySupport;
      const fio2 = o.fio2;
      const spo2 = o.spo2;
      const pao2 = o.pao2;
      const vasoactiveCount = o.vasoactiveCount;
      const sbp = o.sbp;
      const dbp = o.dbp;
      const gcs = o.gcs;
      const pupils = o.pupils;
      if (hour > to) continue;
      // Phoenix's inputs (MAP from the SBP and DBP of one observation).
      if (respiratorySupport !== undefined)
        phoenix.record(RESPIRATORY_SUPPORT, SUPPORT_RUNG[respiratorySupport], hour, row);
      if (fio2 !== undefined) phoenix.record(FIO2, fio2, hour, row);
      if (spo2 !== undefined) phoenix.record(SPO2, spo2, hour, row);
      if (pao2 !== undefined) phoenix.record(PAO2, pao2, hour, row);
      if (vasoactiveCount !== undefined) phoenix.record(VASOACTIVE_COUNT, vasoactiveCount, hour, row);
      if (sbp !== undefined && dbp !== undefined) phoenix.record(MAP, meanArterialPressure(sbp, dbp), hour, row);
      if (gcs !== undefined) phoenix.record(GCS, gcs, hour, row);
      if (pupils !== undefined) phoenix.record(PUPILS, PUPIL_RUNG[pupils], hour, row);
      if (hour < from) continue;
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
      if (temperatureC !== undefined && !(temperatureC <= temperatureHigh)) temperatureHigh = temperatureC;
      if ((feverDays !== undefined && feverDays > 0) || subjectiveFever === true) history = true;
      if (feverDays === 0 || subjectiveFever === false) denied = true;
      spleen = finding(spleen, splenomegaly);
      liver = finding(liver, hepatomegaly);
      cns = finding(cns, cnsInvolvement);
      bleed = finding(bleed, hemorrhage);
      arthritis = finding(arthritis, activeArthritis);
      if (sbp !== undefined && !(sbp >= sbpLow)) sbpLow = sbp;
      if (vasoactiveCount !== undefined && !(vasoactiveCount <= vasoHigh)) vasoHigh = vasoactiveCount;
      if (feverDays !== undefined && !(feverDays <= feverDaysHigh)) feverDaysHigh = feverDays;
      subjective = finding(subjective, subjectiveFever);
      rashSeen = finding(rashSeen, rash);
      conjunctivitisSeen = finding(conjunctivitisSeen, conjunctivitis);
      mucosal = finding(mucosal, mucosalChanges);
      extremity = finding(extremity, extremityChanges);
      gi = finding(gi, giSymptoms);
      shockSeen = finding(shockSeen, shock);
    }
    this.sbpLow = sbpLow;
    this.vasoactiveCountHigh = vasoHigh;
    this.feverDaysHigh = feverDaysHigh;
    this.subjectiveFever = subjective;
    this.rash = rashSeen;
    this.conjunctivitis = conjunctivitisSeen;
    this.mucosalChanges = mucosal;
    this.extremityChanges = extremity;
    this.giSymptoms = gi;
    this.shock = shockSeen;
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
    for (const m of c.investigations.boneMarrow ?? NONE) {
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
    for (const e of c.investigations.echo ?? NONE) {
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
    for (const k of c.investigations.cultures ?? NONE)
      if (k.result === 'positive' && k.specimen === 'blood' && k.hour >= from && k.hour <= to) blood = true;
    this.bloodCulturePositive = blood;
    phoenix.finish(window);
    return this;
  }
}

function finding(so: number, value: boolean | undefined): number {
  return value === true ? FINDING_PRESENT : value === false && so === FINDING_UNKNOWN ? FINDING_ABSENT : so;
}
