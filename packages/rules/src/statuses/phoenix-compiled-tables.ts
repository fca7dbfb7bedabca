import {
  PHOENIX_COAGULATION,
  PHOENIX_GCS,
  PHOENIX_LACTATE,
  PHOENIX_PF_RATIO,
  PHOENIX_SF_MAX_SPO2,
  PHOENIX_SF_RATIO,
  PHOENIX_VASOACTIVES,
} from '../criteria/phoenix.js';
import { PHOENIX_VARIABLES, type PhoenixVariable } from '../criteria/phoenix-time-points.js';
import type { Threshold } from '../criteria/threshold.js';
import { compileLabTest, compileTest, type CompiledTest, MET, testStatus } from './compiled-test.js';

/*
 * criteria/phoenix.ts's threshold tables compiled once for the paths that score Phoenix without
 * evidence (each band's test against the canonical unit, each coagulation test with its timeline slot).
 */

export interface PointsBand {
  readonly points: number;
  readonly test: CompiledTest;
}
function compiledBands(
  table: readonly { readonly points: number; readonly threshold: Threshold }[],
  compile: (threshold: Threshold) => CompiledTest,
): PointsBand[] {
  return table.map((b) => ({ points: b.points, test: compile(b.threshold) }));
}

export const PF_BANDS = compiledBands(PHOENIX_PF_RATIO, compileTest);
export const SF_BANDS = compiledBands(PHOENIX_SF_RATIO, compileTest);
export const SF_MAX_SPO2 = compileTest(PHOENIX_SF_MAX_SPO2);
export const VASOACTIVE_BANDS = compiledBands(PHOENIX_VASOACTIVES, compileTest);
export const LACTATE_BANDS = compiledBands(PHOENIX_LACTATE, (threshold) => compileLabTest('lactate', threshold));
export const COAGULATION_TESTS: readonly { readonly slot: number; readonly test: CompiledTest }[] =
  PHOENIX_COAGULATION.map((def) => {
    const slot = PHOENIX_VARIABLES.indexOf(def.analyte as PhoenixVariable);
    if (slot === -1) throw new Error(`Phoenix: the timeline does not record ${def.analyte}`);
    return { slot, test: compileLabTest(def.analyte, def.threshold) };
  });
export const GCS_TEST = compileTest(PHOENIX_GCS);

/** The most points of the bands a value meets (phoenix.ts bandPoints / ratioPoints). */
export function bandPoints(table: readonly PointsBand[], value: number): number {
  let points = 0;
  for (const band of table) if (testStatus(band.test, value) === MET && band.points > points) points = band.points;
  return points;
}
