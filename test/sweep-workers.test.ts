import { GENERATOR_VERSION } from '@masdrill/generator';
import type { CohortSpec } from '@masdrill/sweep';
import { describe, expect, it } from 'vitest';

// The built package: worker threads run its compiled worker script (vitest maps @masdrill/sweep to the source).
const { emptyStatistics, mergeInto, runSweep, statisticsToJson, workersAvailable } = (await import(
  '../packages/sweep/dist/index.js'
)) as typeof import('@masdrill/sweep');

const SPEC: CohortSpec = { mix: 'mas:1,sjia-flare:1,sepsis:1,misc:1', seed: 5, difficulty: 'standard', n: 200 };

describe('runSweep on worker threads (built package)', () => {
  it('gives the same statistics on 0, 1 and 3 workers and in slices, and reports every case once (statistics handed back every 40 cases)', async () => {
    expect(workersAvailable()).toBe(true);
    const texts: string[] = [];
    for (const workers of [0, 1, 3]) {
      let reported = 0;
      const stats = await runSweep({
        spec: SPEC,
        from: 0,
        to: SPEC.n,
        workers,
        chunkSize: 37,
        handBackEvery: 40,
        onCases: (count) => {
          reported += count;
        },
      });
      expect(reported).toBe(SPEC.n);
      texts.push(statisticsToJson(stats));
    }
    const parts = emptyStatistics({ ...SPEC, generatorVersion: GENERATOR_VERSION });
    for (const [from, to] of [
      [90, 200],
      [0, 90],
    ] as const)
      mergeInto(parts, await runSweep({ spec: SPEC, from, to, workers: 1, chunkSize: 50 }));
    texts.push(statisticsToJson(parts));
    for (const text of texts.slice(1)) expect(text).toBe(texts[0]);
    expect(JSON.parse(texts[0]!).ranges).toEqual([[0, SPEC.n]]);
  }, 240_000);

  it('says a worker ran out of its heap, with what to do, instead of a bare worker error', async () => {
    // 2 MiB cannot even hold the packages: the worker dies out of memory at start-up.
    await expect(runSweep({ spec: SPEC, from: 0, to: 20, workers: 1, workerHeapMb: 2 })).rejects.toThrow(
      /a sweep worker ran out of its 2 MiB heap; rerun with --workers 0/,
    );
  }, 120_000);
});
