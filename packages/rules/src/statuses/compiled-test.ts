import { compare, type Comparator, type Threshold } from '../criteria/threshold.js';
import { ANALYTES, type NumericAnalyte } from '../units/analytes.js';
import { FINDING_PRESENT, FINDING_UNKNOWN } from './window-scan.js';

/** Status codes, in the order sweeps count them: a set's status, or an item's (2 = not assessed). */
export const MET = 0;
export const NOT_MET = 1;
export const NOT_ASSESSABLE = 2;
export const NOT_APPLICABLE = 3;

/**
 * A published lab threshold compiled once against the canonical unit: the conversion factor the
 * evidence engine multiplies by (fromCanonical), and the same comparison (compare, with its
 * tolerance), so a canonical value passes here exactly when labMeetsThreshold says it does.
 */
export interface CompiledTest {
  readonly factor: number;
  readonly comparator: Comparator;
  readonly value: number;
}

export function compileLabTest(analyte: NumericAnalyte, threshold: Threshold): CompiledTest {
  const factor = ANALYTES[analyte].units[threshold.unit];
  if (factor === undefined) throw new Error(`${analyte} has no unit ${threshold.unit}`);
  return { factor, comparator: threshold.comparator, value: threshold.value };
}

/** A test of a value already in the threshold's unit (temperature, ages, scores). */
export function compileTest(threshold: Threshold): CompiledTest {
  return { factor: 1, comparator: threshold.comparator, value: threshold.value };
}

/** MET / NOT_MET / NOT_ASSESSABLE (NaN: not measured in the window). */
export function testStatus(test: CompiledTest, canonical: number): number {
  if (Number.isNaN(canonical)) return NOT_ASSESSABLE;
  return compare(canonical * test.factor, test.comparator, test.value) ? MET : NOT_MET;
}

/** A yes/no finding's reading in the window (FINDING_*) as an item code. */
export function findingStatus(finding: number): number {
  return finding === FINDING_PRESENT ? MET : finding === FINDING_UNKNOWN ? NOT_ASSESSABLE : NOT_MET;
}

/** "k of n" over item codes, as countStatus: returns the status; met and not-assessed counts go to `into`. */
export function countOf(
  items: readonly number[],
  required: number,
  into: { met: number; notAssessed: number },
): number {
  let met = 0;
  let notAssessed = 0;
  for (const s of items) {
    if (s === MET) met += 1;
    else if (s === NOT_ASSESSABLE) notAssessed += 1;
  }
  into.met = met;
  into.notAssessed = notAssessed;
  return met >= required ? MET : met + notAssessed < required ? NOT_MET : NOT_ASSESSABLE;
}

/** As scoreStatus: met when the whole reachable range meets the cut-off, not met when none of it does. */
export function rangeStatus(min: number, max: number, cutoff: CompiledTest): number {
  const low = compare(min, cutoff.comparator, cutoff.value);
  const high = compare(max, cutoff.comparator, cutoff.value);
  return low && high ? MET : !low && !high ? NOT_MET : NOT_ASSESSABLE;
}
