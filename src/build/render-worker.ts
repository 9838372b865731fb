import { parentPort } from 'node:worker_threads';
import { TrainpackError } from '../errors.js';
import { renderJob, type RenderJob } from './render-job.js';

/** A worker thread that renders jobs sent by the pool, keeping its parsed fonts between jobs. */
parentPort?.on('message', (message: { id: number; job: RenderJob }) => {
  renderJob(message.job).then(
    ({ bytes, pages, warnings }) => {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      parentPort!.postMessage({ id: message.id, bytes: buffer, pages, warnings }, [buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const known = error instanceof TrainpackError;
      parentPort!.postMessage({
        id: message.id,
        error: {
          code: known ? error.code : 'INTERNAL',
          message: error instanceof Error ? error.message : String(error),
          location: known ? error.location : undefined,
          hint: known ? error.hint : undefined,
          stack: error instanceof Error ? error.stack : undefined,
        },
      });
    },
  );
});
