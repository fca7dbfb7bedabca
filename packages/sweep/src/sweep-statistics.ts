import { CRITERIA_SET_IDS, type CriteriaSetId, type CriteriaStatus } from '@masdrill/rules';
import { CASE_VALUES, type CaseValueId } from './case-values.js';
import type { CaseReading } from './case-reading.js';
import { stratumKey } from './comparisons.js';
import { TIME_POINTS, type TimePointId } from './time-points.js';
import type { ValueGrid } from './value-grid.js';

export const STATUS_ORDER: readonly CriteriaStatus[] = ['met', 'not-met', 'not-assessable', 'not-applicable'];

/** Which cohort the statistics are of: shards merge only when this is identical. */
export interface CohortIdentity {
  readonly mix: string;
  readonly seed: number;
  readonly difficulty: 'standard' | 'hard';
  readonly n: number;
  readonly generatorVersion: string;
}

/**
 * The counts of one value at one time point, on the value's fixed grid: a view of its stratum's
 * array, laid out [missing, slot 0 (below the grid), bins…, last slot (at or above its end)].
 */
export class Histogram {
  constructor(
    readonly grid: ValueGrid,
    readonly counts: Float64Array,
  ) {}

  /** Cases without the value (not applicable, or never measured in the window). */
  get missing(): number {
    return this.counts[0]!;
  }

  /** The count in a grid slot (ValueGrid.slotOf). */
  inSlot(slot: number): number {
    return this.counts[1 + slot]!;
  }

  /** Counts one case's value; NaN or undefined: the value is missing. */
  add(value: number | undefined): void {
    if (value === undefined || Number.isNaN(value)) this.counts[0]! += 1;
    else this.counts[1 + this.grid.slotOf(value)]! += 1;
  }
}

export interface TimePointCounts {
  /** Per set, counts in STATUS_ORDER. */
  readonly statuses: Record<CriteriaSetId, Float64Array>;
  readonly values: Record<CaseValueId, Histogram>;
}

const STATUS_COUNT = STATUS_ORDER.length;
const TIME_POINT_LENGTH =
  CRITERIA_SET_IDS.length * STATUS_COUNT + CASE_VALUES.reduce((sum, v) => sum + 1 + v.grid.slots, 0);
/** The length of a stratum's counts: cases, then per time point its statuses and histograms. */
export const STRATUM_LENGTH = 1 + TIME_POINTS.length * TIME_POINT_LENGTH;

/**
 * One stratum's counts in a single array of fixed length, allocated whole (so memory does not grow
 * with the cohort) and merged by adding arrays; `timePoints` are views into it.
 */
export class StratumCounts {
  readonly timePoints: Record<TimePointId, TimePointCounts>;

  constructor(readonly counts: Float64Array = new Float64Array(STRATUM_LENGTH)) {
    if (counts.length !== STRATUM_LENGTH) throw new RangeError(`a stratum has ${STRATUM_LENGTH} counts`);
    const timePoints = {} as Record<TimePointId, TimePointCounts>;
    let at = 1;
    for (const tp of TIME_POINTS) {
      const statuses = {} as Record<CriteriaSetId, Float64Array>;
      for (const id of CRITERIA_SET_IDS) {
        statuses[id] = counts.subarray(at, at + STATUS_COUNT);
        at += STATUS_COUNT;
      }
      const values = {} as Record<CaseValueId, Histogram>;
      for (const v of CASE_VALUES) {
        values[v.id] = new Histogram(v.grid, counts.subarray(at, at + 1 + v.grid.slots));
        at += 1 + v.grid.slots;
      }
      timePoints[tp.id] = { statuses, values };
    }
    this.timePoints = timePoints;
  }

  get cases(): number {
    return this.counts[0]!;
  }

  set cases(n: number) {
    this.counts[0] = n;
  }

  /** Adds counts laid out as this stratum's (another stratum's, or a packed slice). */
  add(counts: ArrayLike<number>): void {
    const into = this.counts;
    for (let i = 0; i < STRATUM_LENGTH; i++) into[i]! += counts[i]!;
  }
}

/**
 * The sufficient statistics of a sweep: integer counts only, so adding two of them is exact and
 * commutative; every figure is computed from them, and shards or workers merged in any order give
 * the same bytes.
 */
export interface SweepStatistics {
  readonly cohort: CohortIdentity;
  /** Half-open ranges of case indices covered, sorted and joined. */
  ranges: [number, number][];
  readonly strata: Map<string, StratumCounts>;
}

/** Version 2: histograms on fixed grids (value-grid.ts); version 1 kept a bin per distinct value. */
export const STATISTICS_FORMAT = 'masdrill-sweep-statistics/2';

export function emptyStatistics(cohort: CohortIdentity, range?: [number, number]): SweepStatistics {
  return { cohort, ranges: range && range[1] > range[0] ? [range] : [], strata: new Map() };
}

/** A stratum with every counter at zero. */
export function emptyStratum(): StratumCounts {
  return new StratumCounts();
}

const STATUS_INDEX: Readonly<Record<CriteriaStatus, number>> = {
  met: 0,
  'not-met': 1,
  'not-assessable': 2,
  'not-applicable': 3,
};

/** Adds one case. */
export function addReading(stats: SweepStatistics, reading: CaseReading): void {
  const key = stratumKey(reading.stratum);
  let stratum = stats.strata.get(key);
  if (!stratum) stats.strata.set(key, (stratum = emptyStratum()));
  stratum.cases += 1;
  TIME_POINTS.forEach((tp, t) => {
    const counts = stratum.timePoints[tp.id];
    const read = reading.timePoints[t]!;
    CRITERIA_SET_IDS.forEach((id, s) => {
      counts.statuses[id]![STATUS_INDEX[read.statuses[s]!]]! += 1;
    });
    CASE_VALUES.forEach((v, i) => counts.values[v.id].add(read.values[i]));
  });
}

function sameCohort(a: CohortIdentity, b: CohortIdentity): boolean {
  return (
    a.mix === b.mix &&
    a.seed === b.seed &&
    a.difficulty === b.difficulty &&
    a.n === b.n &&
    a.generatorVersion === b.generatorVersion
  );
}

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

function describeCohort(c: CohortIdentity): string {
  return `--n ${c.n} --mix ${c.mix} --seed ${c.seed} --difficulty ${c.difficulty} (generator ${c.generatorVersion})`;
}

/** Joins sorted half-open ranges; throws on an overlap (a case counted twice). */
function joinRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1])
      throw new MergeError(`cases ${r[0]}–${r[1] - 1} are in two of the parts: merge each shard once`);
    if (last && r[0] === last[1]) last[1] = r[1];
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The first step of a merge: a part of the same cohort, its cases not counted yet, marked covered. */
export function admitPart(into: SweepStatistics, cohort: CohortIdentity, ranges: readonly [number, number][]): void {
  if (!sameCohort(into.cohort, cohort))
    throw new MergeError(
      `parts are of different cohorts: ${describeCohort(into.cohort)} and ${describeCohort(cohort)}`,
    );
  into.ranges = joinRanges([...into.ranges, ...ranges]);
}

/** Adds `from` into `into` (same cohort, disjoint cases). Exact and order-independent. */
export function mergeInto(into: SweepStatistics, from: SweepStatistics): void {
  admitPart(into, from.cohort, from.ranges);
  for (const [key, source] of from.strata) {
    let target = into.strata.get(key);
    if (!target) into.strata.set(key, (target = emptyStratum()));
    target.add(source.counts);
  }
}

/** Marks cases from … to−1 as covered (counted since, or about to be). */
export function coverRange(stats: SweepStatistics, range: [number, number]): void {
  if (range[1] > range[0]) stats.ranges = joinRanges([...stats.ranges, range]);
}

/** Whether the statistics cover every case of the cohort. */
export function isComplete(stats: SweepStatistics): boolean {
  return (
    stats.cohort.n === 0 ||
    (stats.ranges.length === 1 && stats.ranges[0]![0] === 0 && stats.ranges[0]![1] === stats.cohort.n)
  );
}

export function missingRanges(stats: SweepStatistics): [number, number][] {
  const gaps: [number, number][] = [];
  let at = 0;
  for (const [from, to] of stats.ranges) {
    if (from > at) gaps.push([at, from]);
    at = to;
  }
  if (at < stats.cohort.n) gaps.push([at, stats.cohort.n]);
  return gaps;
}

// ---- serialisation: canonical JSON (keys in a fixed order, bins ascending), so equal statistics are equal bytes

interface HistogramJson {
  missing: number;
  /** Values below the grid, and at or above its end (counted, never dropped). */
  below: number;
  above: number;
  /** [lower edge × 10^decimals, count] of every bin with a count, ascending. */
  bins: [number, number][];
}
interface StratumJson {
  cases: number;
  timePoints: Record<string, { statuses: Record<string, number[]>; values: Record<string, HistogramJson> }>;
}
type GridJson = ReturnType<ValueGrid['describe']>;
interface StatisticsJson {
  format: string;
  grids: Record<string, GridJson>;
  cohort: CohortIdentity;
  ranges: [number, number][];
  strata: Record<string, StratumJson>;
}

/** A statistics file of another version, or counted on other grids: it cannot be merged with this version's. */
export class StatisticsFormatError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'StatisticsFormatError';
  }
}

function gridsJson(): Record<string, GridJson> {
  const grids: Record<string, GridJson> = {};
  for (const v of CASE_VALUES) grids[v.id] = v.grid.describe();
  return grids;
}

function histogramJson(h: Histogram): HistogramJson {
  const last = h.grid.slots - 1;
  const bins: [number, number][] = [];
  for (let slot = 1; slot < last; slot++) {
    const count = h.inSlot(slot);
    if (count > 0) bins.push([h.grid.edges[slot - 1]!, count]);
  }
  return { missing: h.missing, below: h.inSlot(0), above: h.inSlot(last), bins };
}

export function statisticsToJson(stats: SweepStatistics): string {
  const strata: Record<string, StratumJson> = {};
  for (const key of [...stats.strata.keys()].sort()) {
    const s = stats.strata.get(key)!;
    const timePoints: StratumJson['timePoints'] = {};
    for (const tp of TIME_POINTS) {
      const counts = s.timePoints[tp.id];
      const statuses: Record<string, number[]> = {};
      for (const id of CRITERIA_SET_IDS) statuses[id] = [...counts.statuses[id]];
      const values: Record<string, HistogramJson> = {};
      for (const v of CASE_VALUES) values[v.id] = histogramJson(counts.values[v.id]);
      timePoints[tp.id] = { statuses, values };
    }
    strata[key] = { cases: s.cases, timePoints };
  }
  const c = stats.cohort;
  const json: StatisticsJson = {
    format: STATISTICS_FORMAT,
    grids: gridsJson(),
    cohort: { mix: c.mix, seed: c.seed, difficulty: c.difficulty, n: c.n, generatorVersion: c.generatorVersion },
    ranges: stats.ranges,
    strata,
  };
  return JSON.stringify(json) + '\n';
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

function readHistogram(h: HistogramJson | undefined, into: Histogram, field: string): void {
  const expected = `${field}: expected { missing, below, above, bins: [[lower edge × 10^decimals, count], …] } with edges on the grid, ascending`;
  if (!h || !isCount(h.missing) || !isCount(h.below) || !isCount(h.above) || !Array.isArray(h.bins))
    throw new RangeError(expected);
  const last = into.grid.slots - 1;
  into.counts[0] = h.missing;
  into.counts[1] = h.below;
  into.counts[1 + last] = h.above;
  let previous = 0;
  for (const b of h.bins) {
    const slot = Array.isArray(b) && b.length === 2 && isCount(b[1]) ? into.grid.slotOfEdge(b[0]) : -1;
    if (slot < 1 || slot >= last || slot <= previous) throw new RangeError(expected);
    into.counts[1 + slot] = b[1];
    previous = slot;
  }
}

/** Parses a statistics file; throws a RangeError naming the field that is wrong (a StatisticsFormatError for another version's file). */
export function statisticsFromJson(text: string): SweepStatistics {
  let json: StatisticsJson;
  try {
    json = JSON.parse(text) as StatisticsJson;
  } catch (error) {
    throw new RangeError(`not JSON (${(error as Error).message})`);
  }
  if (typeof json?.format === 'string' && json.format.startsWith('masdrill-sweep-statistics/')) {
    if (json.format !== STATISTICS_FORMAT)
      throw new StatisticsFormatError(
        `format is "${json.format}", written by another version of masdrill; this one reads "${STATISTICS_FORMAT}" (histograms on fixed grids)`,
      );
  } else throw new RangeError(`format is ${JSON.stringify(json?.format)}, expected "${STATISTICS_FORMAT}"`);
  for (const [id, grid] of Object.entries(gridsJson()))
    if (JSON.stringify(json.grids?.[id]) !== JSON.stringify(grid))
      throw new StatisticsFormatError(
        `grids.${id}: counted on another grid than this version's ${JSON.stringify(grid)}`,
      );
  if (Object.keys(json.grids).length !== CASE_VALUES.length)
    throw new StatisticsFormatError(
      `grids: other values than this version's ${CASE_VALUES.map((v) => v.id).join(', ')}`,
    );
  const c = json.cohort;
  if (
    !c ||
    typeof c.mix !== 'string' ||
    !isCount(c.seed) ||
    !isCount(c.n) ||
    (c.difficulty !== 'standard' && c.difficulty !== 'hard') ||
    typeof c.generatorVersion !== 'string'
  )
    throw new RangeError('cohort: expected mix, seed, difficulty, n and generatorVersion');
  if (
    !Array.isArray(json.ranges) ||
    !json.ranges.every(
      (r) => Array.isArray(r) && r.length === 2 && isCount(r[0]) && isCount(r[1]) && r[0] < r[1] && r[1] <= c.n,
    )
  )
    throw new RangeError('ranges: expected [from, to] pairs inside 0…n');
  const stats = emptyStatistics({
    mix: c.mix,
    seed: c.seed,
    difficulty: c.difficulty,
    n: c.n,
    generatorVersion: c.generatorVersion,
  });
  stats.ranges = joinRanges(json.ranges.map((r) => [r[0], r[1]]));
  for (const [key, s] of Object.entries(json.strata ?? {})) {
    if (!/^[a-z-]+\/[a-z-]+\/(mas|no-mas)$/.test(key) || !isCount(s.cases))
      throw new RangeError(`strata.${key}: not a stratum`);
    const target = emptyStratum();
    target.cases = s.cases;
    for (const tp of TIME_POINTS) {
      const source = s.timePoints?.[tp.id];
      if (!source) throw new RangeError(`strata.${key}.timePoints.${tp.id}: missing`);
      const counts = target.timePoints[tp.id];
      for (const id of CRITERIA_SET_IDS) {
        const statuses = source.statuses?.[id];
        if (!Array.isArray(statuses) || statuses.length !== STATUS_ORDER.length || !statuses.every(isCount))
          throw new RangeError(
            `strata.${key}.timePoints.${tp.id}.statuses.${id}: expected ${STATUS_ORDER.length} counts`,
          );
        counts.statuses[id].set(statuses);
      }
      for (const v of CASE_VALUES)
        readHistogram(source.values?.[v.id], counts.values[v.id], `strata.${key}.timePoints.${tp.id}.values.${v.id}`);
    }
    stats.strata.set(key, target);
  }
  return stats;
}
