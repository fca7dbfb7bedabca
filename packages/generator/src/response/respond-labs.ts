import { ANALYTES, NUMERIC_ANALYTES, type LabPanel, type NumericAnalyte } from '@masdrill/rules';
import { reportable } from '../lab-model.js';
import { saturateTowards } from '../saturation.js';
import { MISC_TABLE } from '../tables/misc-table.js';
import { RESPONSE_TABLE } from '../tables/response-table.js';
import type { Rng } from '../rng.js';
import type { ResponseLevels } from './resolved-levels.js';
import { LAB_MEASUREMENT } from '../tables/shared-priors-table.js';

/** Analytes reported on a linear scale (the rest move in log space, as the generator's tables draw them). */
const LINEAR: ReadonlySet<NumericAnalyte> = new Set(['hemoglobin', 'sodium', 'albumin']);

/** The analytes of the MAS pattern that MIS-C with MAS drifts into (the generator's own MAS overlay). */
export const MAS_PATTERN: ReadonlySet<NumericAnalyte> = new Set(Object.keys(MISC_TABLE.masLabs) as NumericAnalyte[]);

/** A value `activity` of the way from its resolved level to `reference` (1: the reference; 0: resolved; above 1: beyond), at the analyte's speed. */
export function along(analyte: NumericAnalyte, resolved: number, reference: number, activity: number): number {
  const a = 1 + (activity - 1) * (RESPONSE_TABLE.analyteSpeed[analyte] ?? 1);
  if (LINEAR.has(analyte) || reference <= 0) return resolved + (reference - resolved) * a;
  return resolved * (reference / resolved) ** a;
}

/** How far from its resolved level a value sits (log ratio, or difference for linear analytes). */
export function distance(analyte: NumericAnalyte, resolved: number, value: number): number {
  return LINEAR.has(analyte) || value <= 0 ? Math.abs(value - resolved) : Math.abs(Math.log(value / resolved));
}

/**
 * How deep into the MAS pattern a panel is: per MAS-pattern analyte, its distance from the resolved
 * level over the deepest the case's own course reaches (`deepest`), averaged. 0 without the pattern.
 */
export function masPatternDepth(panel: LabPanel, deepest: LabPanel, levels: ResponseLevels): number {
  let sum = 0;
  let n = 0;
  for (const a of MAS_PATTERN) {
    const v = panel[a] as number | undefined;
    const d = deepest[a] as number | undefined;
    const h = levels.resolved[a];
    if (v === undefined || d === undefined || h === undefined) continue;
    const full = distance(a, h, d);
    if (full <= 0) continue;
    sum += distance(a, h, v) / full;
    n++;
  }
  return n ? sum / n : 0;
}

/** Per MAS-pattern analyte, the case's own value farthest from its resolved level (from presentation on). */
export function deepestMasPattern(labs: readonly LabPanel[], levels: ResponseLevels): LabPanel {
  const out: Record<string, number> = { hour: 0 };
  for (const a of MAS_PATTERN) {
    const h = levels.resolved[a];
    if (h === undefined) continue;
    for (const l of labs) {
      const v = l[a] as number | undefined;
      if (l.hour < 0 || v === undefined) continue;
      if (out[a] === undefined || distance(a, h, v) > distance(a, h, out[a]!)) out[a] = v;
    }
  }
  return out as unknown as LabPanel;
}

export interface LabActivity {
  /** Activity of the systemic processes at the hour. */
  readonly systemic: number;
  /** Drug-induced rise of AST and ALT (PIT-2), as a multiple (1: none). */
  readonly transaminaseFold?: number;
  /** MIS-C with MAS: the emerging MAS process, which moves the MAS pattern from the case's own course. */
  readonly emergingMas?: number;
  /** MIS-C with MAS not controlled: the MAS pattern moves from these values (the deepest so far) rather than the case's own at this hour. */
  readonly emergingMasReference?: LabPanel;
  /** The systemic activity without its upper bound: lactate follows it (decompensation). */
  readonly systemicDrive?: number;
}

/**
 * One lab panel of the responding patient: every analyte the laboratory measured at this hour, moved
 * from the presentation value (`anchor`) toward its resolved level, or away from it, by the activity. For MIS-C with MAS the MAS pattern also
 * follows the case's own value at this hour (`measured`), scaled by the emerging MAS activity — the
 * further from resolution of the two wins. ANC is re-derived so the differential still adds up.
 * `rng` is the row's own noise stream.
 */
export function respondPanel(
  measured: LabPanel,
  anchor: LabPanel,
  levels: ResponseLevels,
  at: LabActivity,
  rng: Rng,
): LabPanel {
  const panel: Record<string, unknown> = { hour: measured.hour };
  for (const a of NUMERIC_ANALYTES) {
    const own = measured[a];
    if (own === undefined) continue;
    const h = levels.resolved[a];
    const p = (anchor[a] as number | undefined) ?? own;
    if (h === undefined) {
      panel[a] = own;
      continue;
    }
    let v = along(a, h, p, a === 'lactate' && at.systemicDrive !== undefined ? at.systemicDrive : at.systemic);
    const deeper = at.emergingMasReference?.[a] as number | undefined;
    const later = deeper !== undefined && distance(a, h, deeper) > distance(a, h, own) ? deeper : own;
    if (at.emergingMas !== undefined && MAS_PATTERN.has(a) && later !== undefined) {
      const m = along(a, h, distance(a, h, later) > distance(a, h, p) ? later : p, at.emergingMas);
      if (distance(a, h, m) > distance(a, h, v)) v = m;
    }
    if ((a === 'ast' || a === 'alt') && at.transaminaseFold !== undefined) v *= at.transaminaseFold;
    // Measurement noise, so a level course does not print the same number twice.
    v *= 1 + RESPONSE_TABLE.measurementNoise.value * rng.quickNormal();
    // Past the presentation value, away from the resolved level, a worsening course approaches the
    // analyte's plausible limit smoothly. Clamps at the kind's presentation bounds held 15–21% of
    // untreated MAS and septic CRPs on 1000 mg/L and 10% of untreated MAS fibrinogens on 40 mg/dL,
    // and a recovering MIS-C CRP could not fall below the definition's 30 mg/L (a third at 72 h).
    const worseUp = p > h;
    if (p !== h && (worseUp ? v > p : v < p))
      v = saturateTowards(v, p, worseUp ? ANALYTES[a].plausible.max : ANALYTES[a].plausible.min, !LINEAR.has(a));
    panel[a] = reportable(a, v);
  }
  const wbc = panel.wbc as number | undefined;
  let alc = panel.alc as number | undefined;
  if (wbc !== undefined && alc !== undefined) {
    const d = LAB_MEASUREMENT.differential;
    if (alc > d.maxAlcFractionOfWbc * wbc) {
      alc = reportable('alc', d.maxAlcFractionOfWbc * wbc);
      panel.alc = alc;
    }
    if (panel.anc !== undefined)
      panel.anc = reportable('anc', Math.max(d.minAncFractionOfWbc * wbc, wbc - alc - d.otherCellsFractionOfWbc * wbc));
  }
  if (measured.triglyceridesFasting !== undefined && panel.triglycerides !== undefined)
    panel.triglyceridesFasting = measured.triglyceridesFasting;
  if (measured.nkCellActivity !== undefined) panel.nkCellActivity = measured.nkCellActivity;
  return panel as unknown as LabPanel;
}
