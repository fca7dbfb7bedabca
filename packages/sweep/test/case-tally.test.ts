import { caseStream, GENERATOR_VERSION } from '@masdrill/generator';
import { describe, expect, it } from 'vitest';
import { readCase } from '../src/case-reading.js';
import { CaseTally } from '../src/case-tally.js';
import { sweepRange, SWEEP_THROUGH_HOUR } from '../src/run-sweep.js';
import { TIME_POINTS } from '../src/time-points.js';
import { addReading, emptyStatistics, statisticsToJson, type CohortIdentity } from '../src/sweep-statistics.js';

const MIX = 'mas:1,sjia-flare:1,sepsis:1,misc:1';

describe('CaseTally', () => {
  it('counts generated cases exactly as reading each case and adding the reading', () => {
    for (const difficulty of ['standard', 'hard'] as const) {
      const cohort: CohortIdentity = { mix: MIX, seed: 9, difficulty, n: 240, generatorVersion: GENERATOR_VERSION };
      const reference = emptyStatistics(cohort, [0, cohort.n]);
      const tally = new CaseTally(emptyStatistics(cohort, [0, cohort.n]));
      for (const c of caseStream({ mix: MIX, seed: cohort.seed, n: cohort.n, difficulty })) {
        addReading(reference, readCase(c));
        tally.add(c);
      }
      expect(statisticsToJson(tally.stats)).toBe(statisticsToJson(reference));
      expect(tally.stats.strata.size).toBeGreaterThan(4);
    }
  }, 120_000);

  it('a sweep generates cases through the last hour it reads, and counts them as it counts whole cases', () => {
    expect(SWEEP_THROUGH_HOUR).toBe(Math.max(...TIME_POINTS.map((tp) => tp.window.toHour)));
    for (const difficulty of ['standard', 'hard'] as const) {
      const spec = { mix: MIX, seed: 4, difficulty, n: 300 };
      const cohort: CohortIdentity = { ...spec, generatorVersion: GENERATOR_VERSION };
      const whole = new CaseTally(emptyStatistics(cohort, [0, cohort.n]));
      for (const c of caseStream({ mix: MIX, seed: spec.seed, n: spec.n, difficulty })) whole.add(c);
      expect(statisticsToJson(sweepRange(spec, 0, spec.n))).toBe(statisticsToJson(whole.stats));
    }
  }, 120_000);
});
