import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TrainpackError } from '../errors.js';
import type { LayoutResult } from '../pdf/model.js';
import { renderJob, type RenderJob } from './render-job.js';

const workerUrl = new URL('./render-worker.js', import.meta.url);
/** Workers need the compiled JavaScript; when running from TypeScript sources (tests), render in-thread. */
const canUseWorkers = workerUrl.pathname.endsWith('.js') && import.meta.url.endsWith('.js');

/** How many workers pay off: starting one costs about as much as rendering a short document. */
export function defaultWorkerCount(jobs: number): number {
  if (!canUseWorkers || jobs < 4) return 0;
  return Math.min(availableParallelism(), jobs, 8);
}

/**
 * Renders jobs on `workers` threads (0: in this thread), calling `onDone` as each finishes.
 * Results come back in job order. The first failure stops the pool and is thrown.
 */
export async function renderAll(jobs: readonly RenderJob[], workers: number, onDone: (index: number) => void): Promise<LayoutResult[]> {
  const results: LayoutResult[] = new Array(jobs.length);
  if (workers <= 0 || !canUseWorkers) {
    for (let index = 0; index < jobs.length; index++) {
      results[index] = await renderJob(jobs[index]!);
      onDone(index);
    }
    return results;
  }
  const threads = Array.from({ length: Math.min(workers, jobs.length) }, () => new Worker(workerUrl));
  let next = 0;
  try {
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              thread.postMessage({ id, job: jobs[id] });
            };
            thread.on('message', (message: { id: number; bytes?: ArrayBuffer; pages?: number; error?: { code: string; message: string; location?: never; hint?: string; stack?: string } }) => {
              if (message.error) {
                const error = message.error.code === 'INTERNAL' ? Object.assign(new Error(message.error.message), { stack: message.error.stack }) : new TrainpackError(message.error.code, message.error.message, { location: message.error.location, hint: message.error.hint });
                return reject(error);
              }
              results[message.id] = { bytes: Buffer.from(message.bytes!), pages: message.pages! };
              onDone(message.id);
              send();
            });
            thread.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return results;
}
