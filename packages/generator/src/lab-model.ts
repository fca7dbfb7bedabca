import { ANALYTES, NUMERIC_ANALYTES, roundToPrecision, type LabPanel, type NumericAnalyte } from '@masdrill/rules';
import { boundedValue, unboundedValueAt, valueAt, type Quartiles } from './distribution.js';
import type { CurveName, LabSpec, LabTable } from './lab-spec.js';
import type { Rng } from './rng.js';

/** Latent activity by trajectory index (see tables/trajectory-table.ts), per curve, plus an optional second-phase weight. */
export interface Curves {
  readonly main: readonly number[];
  readonly procalcitonin: readonly number[];
  readonly cardiac: readonly number[];
  /** Weight of the overlay (second-phase) values by index, or null when the case has none. */
  readonly overlay: readonly number[] | null;
}

interface AnalyteState {
  readonly log: boolean;
  readonly v0: number;
  readonly base: number;
  /**
   * The trajectory's anchor: the unbounded value at the hour-0 deviate (log of it for log-scale
   * analytes), so a reading at activity 1 is v0 again once `at0`'s bounds are applied.
   */
  readonly lv0: number;
  /** log(base) for log-scale analytes (precomputed: read at every hour). */
  readonly lb: number;
  /** Second-phase value (NaN when none). */
  readonly late: number;
  /** The presentation distribution: its min/max bound every reading from hour 0 to 24. */
  readonly at0: Quartiles;
  readonly curve: CurveName;
}

const INDEX: { readonly [K in NumericAnalyte]: number } = Object.fromEntries(NUMERIC_ANALYTES.map((a, i) => [a, i])) as { [K in NumericAnalyte]: number };
const SCALE: readonly number[] = NUMERIC_ANALYTES.map((a) => 10 ** ANALYTES[a].precision);
const PLAUSIBLE_MIN: readonly number[] = NUMERIC_ANALYTES.map((a) => ANALYTES[a].plausible.min);
const PLAUSIBLE_MAX: readonly number[] = NUMERIC_ANALYTES.map((a) => ANALYTES[a].plausible.max);

/** A set of analytes as a mask over NUMERIC_ANALYTES (cheap to build, iterated in canonical order). */
export type AnalyteMask = Uint8Array;

export function analyteMask(analytes: readonly NumericAnalyte[]): AnalyteMask {
  const mask = new Uint8Array(NUMERIC_ANALYTES.length);
  for (const a of analytes) mask[INDEX[a]] = 1;
  return mask;
}

export function setInMask(mask: AnalyteMask, analyte: NumericAnalyte, on: boolean): void {
  mask[INDEX[analyte]] = on ? 1 : 0;
}

export function inMask(mask: AnalyteMask, analyte: NumericAnalyte): boolean {
  return mask[INDEX[analyte]] === 1;
}

/** Clamp to the analyte's plausible range and round to its reporting precision. */
export function reportable(analyte: NumericAnalyte, value: number): number {
  const i = INDEX[analyte];
  const v = value < PLAUSIBLE_MIN[i]! ? PLAUSIBLE_MIN[i]! : value > PLAUSIBLE_MAX[i]! ? PLAUSIBLE_MAX[i]! : value;
  return roundToPrecision(analyte, v);
}

/**
 * One case's laboratory: every analyte's presentation value drawn once (correlated through the
 * latent severity), then read at any hour along the case's activity curves. Pure given the Rng.
 */
export class CaseLabs {
  private readonly states: (AnalyteState | undefined)[] = new Array(NUMERIC_ANALYTES.length);

  /**
   * @param table the cohort's analytes; `overrides` replace some of them (subtype, difficulty);
   * `overlay` gives second-phase values the case drifts to by the `curves.overlay` weights.
   */
  constructor(rng: Rng, severity: number, table: LabTable, overrides: readonly LabTable[] = [], overlay: LabTable | null = null) {
    for (let i = 0; i < NUMERIC_ANALYTES.length; i++) {
      const analyte = NUMERIC_ANALYTES[i]!;
      let spec: LabSpec | undefined = table[analyte];
      for (const o of overrides) spec = o[analyte] ?? spec;
      if (spec === undefined) continue;
      const log = spec.at0.scale === 'log';
      const z = spec.rho * severity + Math.sqrt(1 - spec.rho * spec.rho) * rng.normal();
      const v0 = valueAt(spec.at0, z);
      const anchor = unboundedValueAt(spec.at0, z);
      const e = rng.normal();
      const base = log ? spec.baseline * Math.exp(0.15 * e) : spec.baseline * (1 + 0.03 * e);
      const o = overlay?.[analyte];
      const late = o ? valueAt(o.at0, o.rho * severity + Math.sqrt(1 - o.rho * o.rho) * rng.normal()) : NaN;
      this.states[i] = { log, v0, base, lv0: log ? Math.log(anchor) : anchor, lb: log ? Math.log(base) : base, late, at0: spec.at0, curve: spec.curve ?? 'main' };
    }
  }

  has(analyte: NumericAnalyte): boolean {
    return this.states[INDEX[analyte]] !== undefined;
  }

  /** The presentation value (unrounded), for building labels. */
  presentation(analyte: NumericAnalyte): number | undefined {
    return this.states[INDEX[analyte]]?.v0;
  }

  /** The raw value at a trajectory index (hour), or at the baseline when `index` is -1. */
  raw(analyte: NumericAnalyte, index: number, hour: number, curves: Curves, rng: Rng): number | undefined {
    const s = this.states[INDEX[analyte]];
    if (s === undefined) return undefined;
    let v: number;
    if (index < 0) return s.log ? s.base * Math.exp(0.06 * rng.quickNormal()) : s.base * (1 + 0.015 * rng.quickNormal());
    const a = (s.curve === 'main' ? curves.main : s.curve === 'cardiac' ? curves.cardiac : curves.procalcitonin)[index]!;
    const w = curves.overlay !== null && !Number.isNaN(s.late) ? curves.overlay[index]! : 0;
    if (index === 0 && w === 0) {
      v = s.v0;
    } else if (s.log) {
      const lb = s.lb;
      let lv = lb + a * (s.lv0 - lb);
      if (w > 0) lv = (1 - w) * lv + w * (lb + a * (Math.log(s.late) - lb));
      v = Math.exp(lv + 0.05 * rng.quickNormal());
    } else {
      let lv = s.base + a * (s.lv0 - s.base);
      if (w > 0) lv = (1 - w) * lv + w * (s.base + a * (s.late - s.base));
      v = lv * (1 + 0.015 * rng.quickNormal());
    }
    // Within at0's bounds by the same tail map as the hour-0 draw (identity between its quartiles),
    // not by clamping: a clamp piled up to a quarter of some 24-h readings on a bound.
    if (hour >= 0 && hour <= 24) v = boundedValue(s.at0, v);
    return v;
  }

  /**
   * A lab panel at `hour` (trajectory index `index`, -1 for the baseline) holding the analytes in
   * `mask`, in canonical order, clamped to plausible ranges and rounded to reporting precision.
   * ANC is derived from WBC and ALC so the differential always adds up.
   */
  panel(hour: number, index: number, mask: AnalyteMask, curves: Curves, rng: Rng, triglyceridesFasting?: boolean): LabPanel {
    const panel: Record<string, number | boolean> = { hour };
    const wbc = this.raw('wbc', index, hour, curves, rng);
    let alc = this.raw('alc', index, hour, curves, rng);
    if (wbc !== undefined && alc !== undefined && alc > 0.85 * wbc) alc = 0.85 * wbc;
    for (let i = 0; i < NUMERIC_ANALYTES.length; i++) {
      if (mask[i] !== 1) continue;
      const analyte = NUMERIC_ANALYTES[i]!;
      let v: number | undefined;
      if (analyte === 'wbc') v = wbc;
      else if (analyte === 'alc') v = alc;
      else if (analyte === 'anc') v = wbc !== undefined && alc !== undefined ? Math.max(0.02 * wbc, wbc - alc - 0.08 * wbc) : undefined;
      else v = this.raw(analyte, index, hour, curves, rng);
      if (v === undefined) continue;
      const lo = PLAUSIBLE_MIN[i]!;
      const hi = PLAUSIBLE_MAX[i]!;
      const scale = SCALE[i]!;
      panel[analyte] = Math.round((v < lo ? lo : v > hi ? hi : v) * scale) / scale;
      if (analyte === 'triglycerides' && triglyceridesFasting !== undefined) panel.triglyceridesFasting = triglyceridesFasting;
    }
    return panel as unknown as LabPanel;
  }
}
