import { parentPort, workerData } from 'node:worker_threads';
import { CaseTally } from './case-tally.js';
import { cohortIdentity, tallyRange, type CohortSpec } from './run-sweep.js';
import { packStatistics } from './packed-statistics.js';
import { emptyStatistics } from './sweep-statistics.js';

// A worker thread of runSweep: counts every chunk it is sent into one tally, reports each chunk
// done (a few bytes), and hands back its statistics once, when told to finish.
const spec = workerData as CohortSpec;
const port = parentPort!;
const tally = new CaseTally(emptyStatistics(cohortIdentity(spec)));

port.on('message', (request: { range?: [number, number]; finish?: true }) => {
  try {
    if (request.range) {
      tallyRange(tally, spec, request.range[0], request.range[1]);
      port.postMessage({ done: request.range[1] - request.range[0] });
    } else {
      const packed = packStatistics(tally.stats);
      port.postMessage({ statistics: packed }, [packed.numbers.buffer]);
    }
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
