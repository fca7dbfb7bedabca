import { caseStream, GENERATOR_VERSION } from '@masdrill/generator';
import { describe, expect, it } from 'vitest';
import { readCase } from '../src/case-reading.js';
import { CaseTally } from '../src/case-tally.js';
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
});
