import { parentPort, workerData } from 'node:worker_threads';
import { CaseTally } from './case-tally.js';
import { packStatistics } from './packed-statistics.js';
import { cohortIdentity, tallyRange, type CohortSpec } from './run-sweep.js';
import { emptyStatistics } from './sweep-statistics.js';

// A worker thread of runSweep: counts the chunks it is sent into a tally and reports each chunk done
// (a few bytes). Its statistics go back packed when told to finish, and also every handBackEvery
// cases when the run sets it (SweepRun), starting a fresh tally. The counts are fixed-size arrays
// (histograms on fixed grids), so a worker's memory does not grow with the cases it counts.
const { spec, handBackEvery } = workerData as { spec: CohortSpec; handBackEvery: number };
const port = parentPort!;
let tally = new CaseTally(emptyStatistics(cohortIdentity(spec)));
let counted = 0;

function handBack(report: { done: number } | { finished: true }): void {
  const packed = packStatistics(tally.stats);
  port.postMessage({ ...report, statistics: packed }, [packed.numbers.buffer]);
  tally = new CaseTally(emptyStatistics(cohortIdentity(spec)));
  counted = 0;
}

port.on('message', (request: { range?: [number, number]; finish?: true }) => {
  try {
    if (request.range) {
      const done = request.range[1] - request.range[0];
      tallyRange(tally, spec, request.range[0], request.range[1]);
      counted += done;
      if (counted >= handBackEvery) handBack({ done });
      else port.postMessage({ done });
    } else handBack({ finished: true });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
