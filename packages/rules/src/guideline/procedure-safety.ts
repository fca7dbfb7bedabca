import { PHOENIX_COAGULATION, PHOENIX_GCS } from '../criteria/phoenix.js';
import { describeThreshold, labMeetsThreshold, meetsThreshold, type Threshold } from '../criteria/threshold.js';
import type { CaseFeatures } from './case-features.js';
import type { Basis } from './provenance.js';

/** AABB (Kaufman 2015): platelets are transfused before an elective diagnostic lumbar puncture below 50×10⁹/L. */
export const LP_PLATELETS: Threshold = { comparator: '<', value: 50, unit: '×10³/µL' };

const phoenixCoagulation = (analyte: 'inr' | 'fibrinogen'): Threshold => {
  const item = PHOENIX_COAGULATION.find((x) => x.analyte === analyte);
  if (!item) throw new Error(`Phoenix coagulation item ${analyte} is missing`);
  return item.threshold;
};

/** A reason a procedure is unsafe on this chart, with the number and its source. */
export interface Hazard {
  readonly reason: string;
  readonly basisOf: Basis;
}

/**
 * Why a lumbar puncture is unsafe now, read from the chart at the decision hour: platelets below
 * the AABB threshold; coagulopathy as Phoenix defines coagulation dysfunction (INR >1.3, fibrinogen
 * <100 mg/dL — the sources give no LP-specific INR or fibrinogen cut-off, so the Phoenix organ-
 * dysfunction thresholds stand in); depressed consciousness as Phoenix neurological dysfunction
 * (GCS ≤10), or a GCS lower than the reading before it (falling: design choice falling-gcs). Empty: no hazard seen
 * (a value not measured is not a hazard, and not a clearance either — the LP is then merely unnecessary).
 */
export function lumbarPunctureHazards(f: CaseFeatures): Hazard[] {
  const out: Hazard[] = [];
  const phoenix: Basis = { statementIds: [], citations: ['schlapbach-2024-phoenix'] };
  if (f.platelets !== undefined && labMeetsThreshold('platelets', f.platelets, LP_PLATELETS)) {
    out.push({
      reason: `platelets ${f.platelets}×10⁹/L (${describeThreshold(LP_PLATELETS)}: AABB transfuses before a lumbar puncture)`,
      basisOf: { statementIds: [], citations: ['kaufman-2015-aabb'] },
    });
  }
  const inrT = phoenixCoagulation('inr');
  if (f.inr !== undefined && labMeetsThreshold('inr', f.inr, inrT))
    out.push({ reason: `INR ${f.inr} (${describeThreshold(inrT)}: Phoenix coagulopathy)`, basisOf: phoenix });
  const fibT = phoenixCoagulation('fibrinogen');
  if (f.fibrinogen !== undefined && labMeetsThreshold('fibrinogen', f.fibrinogen, fibT))
    out.push({
      reason: `fibrinogen ${f.fibrinogen} mg/dL (${describeThreshold(fibT)}: Phoenix coagulopathy)`,
      basisOf: phoenix,
    });
  if (f.gcs !== undefined && meetsThreshold(f.gcs, PHOENIX_GCS))
    out.push({ reason: `GCS ${f.gcs} (≤${PHOENIX_GCS.value}: Phoenix neurological dysfunction)`, basisOf: phoenix });
  else if (f.gcs !== undefined && f.gcsPrevious !== undefined && f.gcs < f.gcsPrevious)
    out.push({ reason: `GCS falling ${f.gcsPrevious} → ${f.gcs}`, basisOf: phoenix });
  return out;
}
