import {
  ANALYTES,
  FIRST_24_HOURS,
  NUMERIC_ANALYTES,
  roundToPrecision,
  type LabPanel,
  type NumericAnalyte,
} from '@masdrill/rules';
import { splitOf, type SplitDistribution } from './distribution.js';
import type { CurveName, LabSpec, LabTable } from './lab-spec.js';
import { labPanelRecord } from './lab-panel-record.js';
import type { Rng } from './rng.js';
import { Saturation } from './saturation.js';
import { ASSAY_LIMITS } from './tables/assay-limit-table.js';
import { LAB_FACTORS } from './tables/lab-factor-table.js';
import { LAB_MEASUREMENT } from './tables/shared-priors-table.js';

/** Latent activity by trajectory index (see tables/trajectory-table.ts), per curve, plus an optional second-phase weight. */
export interface Curves {
  readonly main: readonly number[];
  readonly procalcitonin: readonly number[];
  readonly cardiac: readonly number[];
  /** Weight of the overlay (second-phase) values by index, or null when the case has none. */
  readonly overlay: readonly number[] | null;
}

const INDEX: { readonly [K in NumericAnalyte]: number } = Object.fromEntries(
  NUMERIC_ANALYTES.map((a, i) => [a, i]),
) as { [K in NumericAnalyte]: number };
const SCALE: readonly number[] = NUMERIC_ANALYTES.map((a) => 10 ** ANALYTES[a].precision);
const PLAUSIBLE_MIN: readonly number[] = NUMERIC_ANALYTES.map((a) => ANALYTES[a].plausible.min);
// The rules' input-sanity maximum, or the assay or physiology limit below it (tables/assay-limit-table.ts).
const PLAUSIBLE_MAX: readonly number[] = NUMERIC_ANALYTES.map((a) =>
  Math.min(ANALYTES[a].plausible.max, ASSAY_LIMITS.upper[a] ?? Number.POSITIVE_INFINITY),
);
const WBC = INDEX.wbc;
const ALC = INDEX.alc;
const ANC = INDEX.anc;
// The measurement model's numbers, read once (tables/shared-priors-table.ts).
const {
  baselineSpread: BASELINE_SPREAD,
  baselineReading: BASELINE_READING,
  courseReading: COURSE_READING,
} = LAB_MEASUREMENT.noise;
const {
  maxAlcFractionOfWbc: MAX_ALC_FRACTION,
  alcFractionKnee: ALC_KNEE,
  otherCellsFractionOfWbc: OTHER_CELLS_FRACTION,
  minAncFractionOfWbc: MIN_ANC_FRACTION,
} = LAB_MEASUREMENT.differential;
const { analytes: SIDE_ANALYTES, shareOfCohortGap: SIDE_SHARE, maxGap: SIDE_MAX_GAP } = LAB_MEASUREMENT.baselineSide;
// Lymphocytes as a fraction of the WBC approach the maximum smoothly (a clamp held 9% of MAS panels at exactly 85%).
const ALC_FRACTION = new Saturation(ALC_KNEE, MAX_ALC_FRACTION, false);
// Readings within at0's bounds: every reading from presentation on (see LabSpec).
const BOUNDED_FROM_HOUR = FIRST_24_HOURS.fromHour;

/** The position of an analyte in NUMERIC_ANALYTES (the canonical order, and the index masks use). */
export function analyteIndex(analyte: NumericAnalyte): number {
  return INDEX[analyte];
}

/** A set of analytes as a mask over NUMERIC_ANALYTES (cheap to copy, iterated in canonical order). */
export type AnalyteMask = number[];

export function analyteMask(analytes: readonly NumericAnalyte[]): AnalyteMask {
  const mask = new Array<number>(NUMERIC_ANALYTES.length).fill(0);
  for (const a of analytes) mask[INDEX[a]] = 1;
  return mask;
}

/** Clamp to the analyte's plausible range and round to its reporting precision. */
export function reportable(analyte: NumericAnalyte, value: number): number {
  const i = INDEX[analyte];
  const v = value < PLAUSIBLE_MIN[i]! ? PLAUSIBLE_MIN[i]! : Math.min(value, PLAUSIBLE_MAX[i]!);
  return roundToPrecision(analyte, v);
}

const CURVE: { readonly [C in CurveName]: number } = { main: 0, procalcitonin: 1, cardiac: 2 };

/** One analyte of a cohort's laboratory, with what every case's draw needs worked out once. */
class AnalyteModel {
  readonly log: boolean;
  readonly at0: SplitDistribution;
  readonly rho: number;
  /** The shared factor's position in LAB_FACTORS (-1: none) and the analyte's loading on it. */
  readonly factor: number;
  readonly loading: number;
  /** √(1 − rho² − loading²): the weight of the analyte's own deviate in the copula. */
  readonly rest: number;
  readonly baseline: number;
  /** The baseline on the sampling scale (its log for log-scale analytes). */
  readonly scaledBaseline: number;
  /**
   * The signed least gap on the sampling scale (log; or, for linear analytes, the relative gap times
   * the median) between a case's presentation value and its baseline: > 0 when the cohort rises from
   * its baseline (the baseline lies below), < 0 when it falls.
   */
  readonly sideGap: number;
  /** 0 main, 1 procalcitonin, 2 cardiac. */
  readonly curve: number;
  /** The second-phase (overlay) distribution, or null. */
  readonly late: SplitDistribution | null;
  /** Whether the second-phase distribution is sampled on at0's scale (its draws need no conversion). */
  readonly lateOnScale: boolean;
  readonly lateRho: number;
  readonly lateRest: number;
  /**
   * A reading above at0's upper quartile approaches the analyte's plausible maximum smoothly
   * instead of being clamped onto it (the clamp piled 8% of septic 12-h CRPs on 1000 mg/L).
   * Identity at and below the quartile, so every published median and quartile is kept.
   */
  readonly saturation: Saturation;

  constructor(analyte: NumericAnalyte, spec: LabSpec, overlay: LabSpec | undefined, plausibleMax: number) {
    this.log = spec.at0.scale === 'log';
    this.at0 = splitOf(spec.at0);
    this.rho = spec.rho;
    this.factor = spec.factor ? LAB_FACTORS.indexOf(spec.factor.factor) : -1;
    this.loading = spec.factor?.loading ?? 0;
    const own = 1 - spec.rho * spec.rho - this.loading * this.loading;
    if (!(own > 0))
      throw new Error(
        `lab table: severity correlation ${spec.rho} and factor loading ${this.loading} leave no own variance (rho² + loading² must stay below 1)`,
      );
    this.rest = Math.sqrt(own);
    this.baseline = spec.baseline;
    this.scaledBaseline = this.at0.scaled(spec.baseline);
    const cohortGap = this.log
      ? Math.log(spec.at0.median / spec.baseline)
      : (spec.at0.median - spec.baseline) / spec.at0.median;
    this.sideGap = !SIDE_ANALYTES.includes(analyte)
      ? 0
      : Math.sign(cohortGap) *
        Math.min(SIDE_SHARE * Math.abs(cohortGap), this.log ? SIDE_MAX_GAP.log : SIDE_MAX_GAP.linear) *
        (this.log ? 1 : spec.at0.median);
    this.curve = CURVE[spec.curve ?? 'main'];
    this.late = overlay ? splitOf(overlay.at0) : null;
    this.lateOnScale = this.late !== null && this.late.log === this.log;
    this.lateRho = overlay ? overlay.rho : 0;
    this.lateRest = overlay ? Math.sqrt(1 - overlay.rho * overlay.rho) : 0;
    this.saturation = new Saturation(this.at0.q3, plausibleMax, this.log);
  }
}

/** A cohort's laboratory resolved per analyte: the models in canonical order, and each analyte's position among them (-1: not measured). */
interface LabProfile {
  readonly models: readonly AnalyteModel[];
  readonly slot: readonly number[];
}

function buildProfile(table: LabTable, overrides: readonly LabTable[], overlay: LabTable | null): LabProfile {
  const models: AnalyteModel[] = [];
  const slot = new Array<number>(NUMERIC_ANALYTES.length).fill(-1);
  for (let i = 0; i < NUMERIC_ANALYTES.length; i++) {
    const analyte = NUMERIC_ANALYTES[i]!;
    let spec: LabSpec | undefined = table[analyte];
    for (const o of overrides) spec = o[analyte] ?? spec;
    if (spec === undefined) continue;
    slot[i] = models.length;
    models.push(new AnalyteModel(analyte, spec, overlay?.[analyte], PLAUSIBLE_MAX[i]!));
  }
  return { models, slot };
}

/**
 * Profiles by identity of (table, ...overrides, overlay): the tables are constants, so a cohort's
 * profile is resolved once, not per case. A trie of WeakMaps, one level per table in the key.
 */
interface ProfileNode {
  profile?: LabProfile;
  readonly next: WeakMap<object, ProfileNode>;
}
const PROFILES: ProfileNode = { next: new WeakMap() };
const NO_OVERLAY = {};

function profileFor(table: LabTable, overrides: readonly LabTable[], overlay: LabTable | null): LabProfile {
  let node = PROFILES;
  const step = (key: object): void => {
    let child = node.next.get(key);
    if (child === undefined) node.next.set(key, (child = { next: new WeakMap() }));
    node = child;
  };
  step(table);
  for (const o of overrides) step(o);
  step(overlay ?? NO_OVERLAY);
  return (node.profile ??= buildProfile(table, overrides, overlay));
}

/**
 * The drawn baseline, moved where needed to lie at least the model's gap beyond the presentation
 * value on the side the cohort comes from (a pre-MAS ferritin below the MAS one, pre-MAS platelets
 * above): mirrored about that limit, so the spread of baselines is kept. Without it 6% of known-sJIA
 * MAS had a ferritin below its own pre-MAS value. Both numbers on the sampling scale.
 */
function baselineOnItsSide(m: AnalyteModel, scaledV0: number, scaledBase: number): number {
  if (m.sideGap === 0) return scaledBase;
  const limit = scaledV0 - m.sideGap;
  return (m.sideGap > 0 ? scaledBase > limit : scaledBase < limit) ? 2 * limit - scaledBase : scaledBase;
}

// The case's shared factor deviates (LAB_FACTORS order), reused: a case's laboratory is drawn in one call.
const CASE_FACTORS = new Float64Array(LAB_FACTORS.length);

// The values of the panel being built (NaN: not measured), reused: a panel is built in one call.
const PANEL_VALUES = new Float64Array(NUMERIC_ANALYTES.length);

/** Per-case values of one analyte, stored flat (STRIDE numbers per analyte) so a case allocates one array. */
const V0 = 0,
  LV0 = 1,
  LB = 2,
  LATE = 3,
  STRIDE = 4;

/**
 * One case's laboratory: every analyte's presentation value drawn once (correlated through the
 * latent severity), then read at any hour along the case's activity curves. Pure given the Rng.
 */
export class CaseLabs {
  private readonly profile: LabProfile;
  /**
   * Per analyte: v0 the presentation value; then, on the sampling scale (logs for log-scale
   * analytes): lv0 the trajectory's anchor, the unbounded value at the hour-0 deviate, so a reading
   * at activity 1 is v0 again once at0's bounds are applied; lb the baseline; late the second-phase
   * value (NaN when none).
   */
  private readonly state: number[];

  /**
   * @param table the cohort's analytes; `overrides` replace some of them (subtype, difficulty);
   * `overlay` gives second-phase values the case drifts to by the `curves.overlay` weights.
   * Tables are compared by identity: pass the constant tables, not copies made per case.
   */
  constructor(
    rng: Rng,
    severity: number,
    table: LabTable,
    overrides: readonly LabTable[] = [],
    overlay: LabTable | null = null,
  ) {
    const profile = profileFor(table, overrides, overlay);
    this.profile = profile;
    const state = new Array<number>(profile.models.length * STRIDE);
    // The shared factors, drawn once per case in LAB_FACTORS order (whether or not the cohort uses them),
    // into a reused array: they are read only within this loop.
    const factors = CASE_FACTORS;
    for (let f = 0; f < factors.length; f++) factors[f] = rng.normal();
    // Everything stays on the sampling scale from the draw on; v0 is the one exp taken here.
    for (let k = 0; k < profile.models.length; k++) {
      const m = profile.models[k]!;
      const at0 = m.at0;
      const z = m.rho * severity + (m.factor < 0 ? 0 : m.loading * factors[m.factor]!) + m.rest * rng.normal();
      const anchor = at0.unboundedScaled(z);
      const tail = at0.inBoundedTailAt(z);
      let y0 = tail ? at0.valueAtScaled(z) : anchor;
      // A presentation distribution with its own maximum keeps its draws below it; one without saturates.
      if (at0.max === undefined) y0 = m.saturation.applyScaled(y0);
      const v0 = tail ? at0.within(at0.unscaled(y0)) : at0.unscaled(y0);
      const e = rng.normal();
      const drawnBase = m.log
        ? m.scaledBaseline + BASELINE_SPREAD.log * e
        : m.baseline * (1 + BASELINE_SPREAD.linear * e);
      let late = NaN;
      if (m.late !== null) {
        // A latent anchor the readings drift to, never reported itself: at0's bounds apply to the readings.
        const y = m.late.valueAtScaled(m.lateRho * severity + m.lateRest * rng.normal());
        late = m.lateOnScale ? y : at0.scaled(m.late.unscaled(y));
      }
      const at = k * STRIDE;
      state[at + V0] = v0;
      state[at + LV0] = anchor;
      state[at + LB] = baselineOnItsSide(m, y0, drawnBase);
      state[at + LATE] = late;
    }
    this.state = state;
  }

  has(analyte: NumericAnalyte): boolean {
    return this.profile.slot[INDEX[analyte]]! >= 0;
  }

  /** The presentation value (unrounded), for building labels. */
  presentation(analyte: NumericAnalyte): number | undefined {
    const k = this.profile.slot[INDEX[analyte]]!;
    return k < 0 ? undefined : this.state[k * STRIDE + V0];
  }

  /** The raw value at a trajectory index (hour), or at the baseline when `index` is -1. */
  raw(analyte: NumericAnalyte, index: number, hour: number, curves: Curves, rng: Rng): number | undefined {
    const k = this.profile.slot[INDEX[analyte]]!;
    return k < 0 ? undefined : this.rawAt(k, index, hour, curves, rng);
  }

  /**
   * With `drawOnly` (a reading past the caller's horizon) only the reading's draws are taken, in the
   * one place they are taken for a real reading, and NaN is returned: later readings of the case get
   * the same random numbers as when it is computed whole.
   */
  private rawAt(k: number, index: number, hour: number, curves: Curves, rng: Rng, drawOnly = false): number {
    const m = this.profile.models[k]!;
    const s = this.state;
    const at = k * STRIDE;
    const lb = s[at + LB]!;
    const w = index >= 0 && curves.overlay !== null && m.late !== null ? curves.overlay[index]! : 0;
    // The presentation value is final: bounding it again moved every tail value towards the quartiles.
    if (index === 0 && w === 0) return s[at + V0]!;
    // Every other reading draws exactly one deviate, here; past the horizon it is all that is done
    // (skipPanel), so later readings get the random numbers a whole case gives them.
    const noise = rng.quickNormal();
    if (drawOnly) return NaN;
    if (index < 0)
      return m.log ? Math.exp(lb + BASELINE_READING.log * noise) : lb * (1 + BASELINE_READING.linear * noise);
    const a = (m.curve === 0 ? curves.main : m.curve === 2 ? curves.cardiac : curves.procalcitonin)[index]!;
    // On the sampling scale to the end, then one exp.
    let y = lb + a * (s[at + LV0]! - lb);
    if (w > 0) y = (1 - w) * y + w * (lb + a * (s[at + LATE]! - lb));
    y = m.log ? y + COURSE_READING.log * noise : y * (1 + COURSE_READING.linear * noise);
    // Within at0's bounds by the same tail map as the hour-0 draw (identity between its quartiles),
    // not by clamping: a clamp piled up to a quarter of some 24-h readings on a bound. The bounds hold
    // at every hour, not only in the window criteria read (values held to 24 h once escaped them
    // later: a septic Hb of 3.4 g/dL); without a maximum of at0's own, a high reading saturates
    // towards the plausible maximum (or the assay's limit, tables/assay-limit-table.ts).
    const at0 = m.at0;
    const tail = hour >= BOUNDED_FROM_HOUR && at0.inBoundedTailScaled(y);
    if (tail) y = at0.boundedScaled(y);
    if (at0.max === undefined) y = m.saturation.applyScaled(y);
    const v = m.log ? Math.exp(y) : y;
    return tail ? at0.within(v) : v;
  }

  /**
   * A lab panel at `hour` (trajectory index `index`, -1 for the baseline) holding the analytes in
   * `mask`, in canonical order, clamped to plausible ranges and rounded to reporting precision.
   * ANC is derived from WBC and ALC so the differential always adds up.
   */
  panel(
    hour: number,
    index: number,
    mask: AnalyteMask,
    curves: Curves,
    rng: Rng,
    triglyceridesFasting?: boolean,
  ): LabPanel {
    this.readPanel(hour, index, mask, curves, rng, false);
    return labPanelRecord(hour, PANEL_VALUES, triglyceridesFasting) as LabPanel;
  }

  /**
   * The random draws panel() would take for this panel, and nothing else (no value worked out, no
   * record): a panel past the caller's horizon, so every draw after it is the one a whole case gets.
   */
  skipPanel(hour: number, index: number, mask: AnalyteMask, curves: Curves, rng: Rng): void {
    this.readPanel(hour, index, mask, curves, rng, true);
  }

  /** The panel's values into PANEL_VALUES (all NaN with `drawOnly`, see rawAt). */
  private readPanel(hour: number, index: number, mask: AnalyteMask, curves: Curves, rng: Rng, drawOnly: boolean): void {
    // A loop, not PANEL_VALUES.fill(NaN): the typed array's fill is a call into the runtime (2% of generation).
    const values = PANEL_VALUES;
    for (let i = 0; i < values.length; i++) values[i] = NaN;
    const slot = this.profile.slot;
    const kw = slot[WBC]!;
    const ka = slot[ALC]!;
    // Plain numbers throughout (NaN when not measured): a value that may be undefined is boxed on
    // every assignment, which made this loop allocate several objects per reading.
    const wbc = kw < 0 ? NaN : this.rawAt(kw, index, hour, curves, rng, drawOnly);
    let alc = ka < 0 ? NaN : this.rawAt(ka, index, hour, curves, rng, drawOnly);
    if (kw >= 0 && ka >= 0 && alc > ALC_KNEE * wbc) alc = ALC_FRACTION.apply(alc / wbc) * wbc;
    for (let i = 0; i < NUMERIC_ANALYTES.length; i++) {
      if (mask[i] !== 1) continue;
      let v: number;
      if (i === WBC) {
        if (kw < 0) continue;
        v = wbc;
      } else if (i === ALC) {
        if (ka < 0) continue;
        v = alc;
      } else if (i === ANC) {
        if (kw < 0 || ka < 0) continue;
        v = Math.max(MIN_ANC_FRACTION * wbc, wbc - alc - OTHER_CELLS_FRACTION * wbc);
      } else {
        const k = slot[i]!;
        if (k < 0) continue;
        v = this.rawAt(k, index, hour, curves, rng, drawOnly);
      }
      if (drawOnly) continue; // the draws are taken; no value to bound or round
      const lo = PLAUSIBLE_MIN[i]!;
      const hi = PLAUSIBLE_MAX[i]!;
      const scale = SCALE[i]!;
      values[i] = Math.round((v < lo ? lo : Math.min(v, hi)) * scale) / scale;
    }
  }
}
