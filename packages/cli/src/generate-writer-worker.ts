import { parentPort, workerData } from 'node:worker_threads';
import { encodeBatch, type BatchSpec } from './generate-batch.js';

// A worker thread of `masdrill generate` (parallel-writer.ts): encodes the batches it is sent, in
// the order sent, and hands back the bytes.
const spec = workerData as BatchSpec;
const port = parentPort!;

port.on('message', (request: { id: number; from: number; count: number }) => {
  try {
    const bytes = encodeBatch(spec, request.from, request.count);
    // Transferred, not copied: the batch owns its ArrayBuffer (ByteBatch never uses Node's shared pool).
    port.postMessage({ id: request.id, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({
      id: request.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
