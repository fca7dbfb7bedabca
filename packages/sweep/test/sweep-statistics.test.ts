import fc from 'fast-check';
import { CRITERIA_SET_IDS, type CriteriaStatus } from '@masdrill/rules';
import { describe, expect, it } from 'vitest';
import { CASE_VALUES } from '../src/case-values.js';
import type { CaseReading } from '../src/case-reading.js';
import {
  addReading,
  emptyStatistics,
  emptyStratum,
  mergeInto,
  MergeError,
  StatisticsFormatError,
  STATISTICS_FORMAT,
  statisticsFromJson,
  statisticsToJson,
  STATUS_ORDER,
  type CohortIdentity,
} from '../src/sweep-statistics.js';
import { mergePacked, packStatistics } from '../src/packed-statistics.js';
import { TIME_POINTS } from '../src/time-points.js';

const COHORT: CohortIdentity = {
  mix: 'mas:1,sepsis:1',
  seed: 3,
  difficulty: 'standard',
  n: 60,
  generatorVersion: 'test',
};

const STRATA = [
  { kind: 'mas', subtype: 'sjia-onset-mas', masPresent: true },
  { kind: 'sepsis', subtype: 'bacterial-sepsis', masPresent: false },
  { kind: 'misc', subtype: 'misc-with-mas', masPresent: true },
] as const;

const reading: fc.Arbitrary<CaseReading> = fc.record({
  stratum: fc.constantFrom(...STRATA),
  timePoints: fc.tuple(
    ...TIME_POINTS.map(() =>
      fc.record({
        statuses: fc.array(fc.constantFrom<CriteriaStatus>(...STATUS_ORDER), {
          minLength: CRITERIA_SET_IDS.length,
          maxLength: CRITERIA_SET_IDS.length,
        }),
        values: fc.array(fc.option(fc.double({ min: -10, max: 5000, noNaN: true }), { nil: undefined }), {
          minLength: CASE_VALUES.length,
          maxLength: CASE_VALUES.length,
        }),
      }),
    ),
  ),
});

function statsOf(readings: readonly CaseReading[], from: number): ReturnType<typeof emptyStatistics> {
  const s = emptyStatistics(COHORT, [from, from + readings.length]);
  for (const r of readings) addReading(s, r);
  return s;
}

describe('sweep statistics', () => {
  it('merge to the same bytes in any split and order as counted in one pass', () => {
    fc.assert(
      fc.property(fc.array(reading, { minLength: 2, maxLength: 60 }), fc.nat(), (readings, cut) => {
        const k = 1 + (cut % (readings.length - 1));
        const whole = statsOf(readings, 0);
        const a = statsOf(readings.slice(0, k), 0);
        const b = statsOf(readings.slice(k), k);
        const ab = emptyStatistics(COHORT);
        mergeInto(ab, a);
        mergeInto(ab, b);
        const ba = emptyStatistics(COHORT);
        mergeInto(ba, b);
        mergeInto(ba, a);
        expect(statisticsToJson(ab)).toBe(statisticsToJson(whole));
        expect(statisticsToJson(ba)).toBe(statisticsToJson(whole));
      }),
      { numRuns: 40 },
    );
  });

  it('merge packed (as workers hand them back) exactly as unpacked, in either order', () => {
    fc.assert(
      fc.property(fc.array(reading, { minLength: 2, maxLength: 60 }), fc.nat(), (readings, cut) => {
        const k = 1 + (cut % (readings.length - 1));
        const whole = statsOf(readings, 0);
        const a = statsOf(readings.slice(0, k), 0);
        const b = statsOf(readings.slice(k), k);
        const ba = emptyStatistics(COHORT);
        mergePacked(ba, packStatistics(b));
        mergePacked(ba, packStatistics(a));
        expect(statisticsToJson(ba)).toBe(statisticsToJson(whole));
      }),
      { numRuns: 40 },
    );
    const a = statsOf([], 0);
    a.ranges = [[0, 10]];
    expect(() => mergePacked(a, packStatistics(emptyStatistics(COHORT, [5, 15])))).toThrow(MergeError);
  });

  it('survive a round trip through JSON', () => {
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 30 }), (readings) => {
        const s = statsOf(readings, 0);
        expect(statisticsToJson(statisticsFromJson(statisticsToJson(s)))).toBe(statisticsToJson(s));
      }),
      { numRuns: 30 },
    );
  });

  it('refuse a case counted twice and parts of another cohort', () => {
    const a = statsOf([], 0);
    a.ranges = [[0, 10]];
    const b = emptyStatistics(COHORT, [5, 15]);
    expect(() => mergeInto(a, b)).toThrow(MergeError);
    expect(() => mergeInto(emptyStatistics(COHORT), emptyStatistics({ ...COHORT, seed: 4 }))).toThrow(
      /different cohorts/,
    );
  });

  it('take the same memory whatever the number of cases and distinct values counted', () => {
    const few = statsOf(
      STRATA.map((stratum) => ({
        stratum,
        timePoints: TIME_POINTS.map(() => ({
          statuses: CRITERIA_SET_IDS.map(() => 'met' as const),
          values: CASE_VALUES.map(() => 1),
        })),
      })),
      0,
    );
    const many = statsOf(
      Array.from({ length: 3000 }, (_, i) => ({
        stratum: STRATA[i % STRATA.length]!,
        timePoints: TIME_POINTS.map(() => ({
          statuses: CRITERIA_SET_IDS.map(() => 'not-met' as const),
          values: CASE_VALUES.map((_, v) => i * 7.31 + v),
        })),
      })),
      0,
    );
    expect(packStatistics(many).numbers.length).toBe(packStatistics(few).numbers.length);
  });

  it('refuse a file of the previous format, or counted on other grids, naming the version', () => {
    const good = JSON.parse(statisticsToJson(statsOf([], 0))) as { format: string; grids: Record<string, unknown> };
    expect(() => statisticsFromJson(JSON.stringify({ ...good, format: 'masdrill-sweep-statistics/1' }))).toThrow(
      StatisticsFormatError,
    );
    expect(() => statisticsFromJson(JSON.stringify({ ...good, format: 'masdrill-sweep-statistics/1' }))).toThrow(
      `this one reads "${STATISTICS_FORMAT}"`,
    );
    const otherGrid = {
      ...good,
      grids: { ...good.grids, ferritin: { decimals: 0, lowest: 0, overflow: 10, bins: 10 } },
    };
    expect(() => statisticsFromJson(JSON.stringify(otherGrid))).toThrow(/grids\.ferritin/);
  });

  it('refuse a bin that is not an edge of the grid', () => {
    const s = statsOf([], 0);
    s.strata.set('mas/sjia-onset-mas/mas', emptyStratum());
    s.strata.get('mas/sjia-onset-mas/mas')!.timePoints.onset.values.ferritin.add(1234);
    const json = statisticsToJson(s);
    expect(json).toContain('[1230,1]');
    expect(() => statisticsFromJson(json.replace('[1230,1]', '[1235,1]'))).toThrow(/values\.ferritin/);
    expect(() => statisticsFromJson(json.replace('[1230,1]', '[1230,-1]'))).toThrow(/values\.ferritin/);
  });

  it('name the field of a malformed file', () => {
    expect(() => statisticsFromJson('{')).toThrow(/not JSON/);
    expect(() => statisticsFromJson(JSON.stringify({ format: 'other' }))).toThrow(/format/);
    const good = JSON.parse(statisticsToJson(statsOf([], 0))) as { cohort: { n: number } };
    good.cohort.n = -1;
    expect(() => statisticsFromJson(JSON.stringify(good))).toThrow(/cohort/);
  });
});
