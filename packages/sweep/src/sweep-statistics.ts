import { CRITERIA_SET_IDS, type CriteriaSetId, type CriteriaStatus } from '@masdrill/rules';
import { binOf, CASE_VALUES, type CaseValueId } from './case-values.js';
import type { CaseReading } from './case-reading.js';
import { stratumKey } from './comparisons.js';
import { TIME_POINTS, type TimePointId } from './time-points.js';

export const STATUS_ORDER: readonly CriteriaStatus[] = ['met', 'not-met', 'not-assessable', 'not-applicable'];

/** Which cohort the statistics are of: shards merge only when this is identical. */
export interface CohortIdentity {
  readonly mix: string;
  readonly seed: number;
  readonly difficulty: 'standard' | 'hard';
  readonly n: number;
  readonly generatorVersion: string;
}

/** Counts per bin (a bin is the value × 10^decimals, an integer), plus cases where the value was not read. */
export interface Histogram {
  missing: number;
  readonly bins: Map<number, number>;
}

export interface TimePointCounts {
  /** Per set, counts in STATUS_ORDER. */
  readonly statuses: Record<CriteriaSetId, number[]>;
  readonly values: Record<CaseValueId, Histogram>;
}

export interface StratumCounts {
  cases: number;
  readonly timePoints: Record<TimePointId, TimePointCounts>;
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

export const STATISTICS_FORMAT = 'masdrill-sweep-statistics/1';

export function emptyStatistics(cohort: CohortIdentity, range?: [number, number]): SweepStatistics {
  return { cohort, ranges: range && range[1] > range[0] ? [range] : [], strata: new Map() };
}

/** A stratum with every counter at zero. */
export function emptyStratum(): StratumCounts {
  const timePoints = {} as Record<TimePointId, TimePointCounts>;
  for (const tp of TIME_POINTS) {
    const statuses = {} as Record<CriteriaSetId, number[]>;
    for (const id of CRITERIA_SET_IDS) statuses[id] = [0, 0, 0, 0];
    const values = {} as Record<CaseValueId, Histogram>;
    for (const v of CASE_VALUES) values[v.id] = { missing: 0, bins: new Map() };
    timePoints[tp.id] = { statuses, values };
  }
  return { cases: 0, timePoints };
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
    CASE_VALUES.forEach((v, i) => {
      const value = read.values[i];
      const histogram = counts.values[v.id];
      if (value === undefined) {
        histogram.missing += 1;
        return;
      }
      const bin = binOf(value, v.decimals, v.binning);
      histogram.bins.set(bin, (histogram.bins.get(bin) ?? 0) + 1);
    });
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
    target.cases += source.cases;
    for (const tp of TIME_POINTS) {
      const a = target.timePoints[tp.id];
      const b = source.timePoints[tp.id];
      for (const id of CRITERIA_SET_IDS)
        for (let i = 0; i < STATUS_ORDER.length; i++) a.statuses[id]![i]! += b.statuses[id]![i]!;
      for (const v of CASE_VALUES) {
        const ha = a.values[v.id];
        const hb = b.values[v.id];
        ha.missing += hb.missing;
        for (const [bin, count] of hb.bins) ha.bins.set(bin, (ha.bins.get(bin) ?? 0) + count);
      }
    }
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
  bins: [number, number][];
}
interface StratumJson {
  cases: number;
  timePoints: Record<string, { statuses: Record<string, number[]>; values: Record<string, HistogramJson> }>;
}
interface StatisticsJson {
  format: string;
  cohort: CohortIdentity;
  ranges: [number, number][];
  strata: Record<string, StratumJson>;
}

export function statisticsToJson(stats: SweepStatistics): string {
  const strata: Record<string, StratumJson> = {};
  for (const key of [...stats.strata.keys()].sort()) {
    const s = stats.strata.get(key)!;
    const timePoints: StratumJson['timePoints'] = {};
    for (const tp of TIME_POINTS) {
      const counts = s.timePoints[tp.id];
      const statuses: Record<string, number[]> = {};
      for (const id of CRITERIA_SET_IDS) statuses[id] = counts.statuses[id]!;
      const values: Record<string, HistogramJson> = {};
      for (const v of CASE_VALUES) {
        const h = counts.values[v.id];
        values[v.id] = { missing: h.missing, bins: [...h.bins.entries()].sort((a, b) => a[0] - b[0]) };
      }
      timePoints[tp.id] = { statuses, values };
    }
    strata[key] = { cases: s.cases, timePoints };
  }
  const c = stats.cohort;
  const json: StatisticsJson = {
    format: STATISTICS_FORMAT,
    cohort: { mix: c.mix, seed: c.seed, difficulty: c.difficulty, n: c.n, generatorVersion: c.generatorVersion },
    ranges: stats.ranges,
    strata,
  };
  // Bins on one line each keeps the file diffable without making it enormous.
  return JSON.stringify(json) + '\n';
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** Parses a statistics file; throws a RangeError naming the field that is wrong. */
export function statisticsFromJson(text: string): SweepStatistics {
  let json: StatisticsJson;
  try {
    json = JSON.parse(text) as StatisticsJson;
  } catch (error) {
    throw new RangeError(`not JSON (${(error as Error).message})`);
  }
  if (json?.format !== STATISTICS_FORMAT)
    throw new RangeError(`format is ${JSON.stringify(json?.format)}, expected "${STATISTICS_FORMAT}"`);
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
      for (const id of CRITERIA_SET_IDS) {
        const counts = source.statuses?.[id];
        if (!Array.isArray(counts) || counts.length !== STATUS_ORDER.length || !counts.every(isCount))
          throw new RangeError(
            `strata.${key}.timePoints.${tp.id}.statuses.${id}: expected ${STATUS_ORDER.length} counts`,
          );
        target.timePoints[tp.id].statuses[id] = [...counts];
      }
      for (const v of CASE_VALUES) {
        const h = source.values?.[v.id];
        if (
          !h ||
          !isCount(h.missing) ||
          !Array.isArray(h.bins) ||
          !h.bins.every((b) => Array.isArray(b) && Number.isSafeInteger(b[0]) && isCount(b[1]))
        )
          throw new RangeError(
            `strata.${key}.timePoints.${tp.id}.values.${v.id}: expected { missing, bins: [[bin, count], …] }`,
          );
        target.timePoints[tp.id].values[v.id] = { missing: h.missing, bins: new Map(h.bins) };
      }
    }
    stats.strata.set(key, target);
  }
  return stats;
}
