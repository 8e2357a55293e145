import { parentPort } from 'node:worker_threads';
import type { BatchRequest, WorkerMessage } from './messages.ts';
import { processFile, type StageTimes } from './process-file.ts';

// A worker processes the batches it is sent, one at a time, in the order they arrive.
const port = parentPort;
if (!port) throw new Error('pipeline/parallel/worker.ts runs in a worker thread, but found no parent port');
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let queue = Promise.resolve();
port.on('message', (request: BatchRequest) => {
  queue = queue.then(() => processBatch(request));
});
send({ kind: 'ready' });

async function processBatch({ batch, input, output, files }: BatchRequest): Promise<void> {
  const times: StageTimes = {};
  const results: { index: number; sha256: string; serialized: Uint8Array }[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const { index, path } of files) {
    try {
      const { sha256, serialized } = await processFile(input, path, output, true, times);
      const owned = ownBuffer(serialized!);
      results.push({ index, sha256, serialized: owned });
      transfer.push(owned.buffer as ArrayBuffer);
    } catch (error) {
      send({ kind: 'failed', batch, file: path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return;
    }
  }
  send({ kind: 'batch', batch, results, times }, transfer);
}

/** A Buffer that owns its whole ArrayBuffer can be transferred; a pooled slice is copied first. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  return new Uint8Array(bytes);
}
