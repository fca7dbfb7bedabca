import { parentPort, workerData } from 'node:worker_threads';
import { sweepRange, type CohortSpec } from './run-sweep.js';
import { statisticsToJson } from './sweep-statistics.js';

// A worker thread of runSweep: counts the chunks it is sent and hands back their statistics.
const spec = workerData as CohortSpec;
const port = parentPort!;

port.on('message', (request: { range: [number, number] }) => {
  try {
    const stats = sweepRange(spec, request.range[0], request.range[1], (count) =>
      port.postMessage({ progress: count }),
    );
    port.postMessage({ statistics: statisticsToJson(stats) });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
