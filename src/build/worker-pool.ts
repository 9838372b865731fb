import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TrainpackError } from '../errors.js';
import type { LayoutResult } from '../pdf/model.js';
import { renderJob, type RenderJob } from './render-job.js';

const workerUrl = new URL('./render-worker.js', import.meta.url);
/** Workers need the compiled JavaScript; when running from TypeScript sources (tests), render in-thread. */
const canUseWorkers = import.meta.url.endsWith('.js');

/**
 * Measured on this project's 2-core machines (npm run bench): a worker costs about 0.4 s to start
 * (modules, fonts, JIT) and ~100 MB of memory for its own font and word caches, while a document
 * renders in ~60 ms once warm. Below about 40 documents one thread is faster and lighter.
 */
export const WORKER_THRESHOLD = 40;

/** Worker threads for `jobs` documents: one per core (at most 8) for large builds, else none. */
export function defaultWorkerCount(jobs: number): number {
  if (!canUseWorkers || jobs < WORKER_THRESHOLD) return 0;
  return Math.min(availableParallelism(), 8, Math.ceil(jobs / 10));
}

interface WorkerReply {
  id: number;
  bytes?: ArrayBuffer;
  pages?: number;
  error?: { code: string; message: string; location?: never; hint?: string; stack?: string };
}

/** Renders jobs on worker threads (or in this thread, for a pool of size 0). */
export class RenderPool {
  private constructor(private readonly threads: Worker[]) {}

  static start(size: number): RenderPool {
    const threads = canUseWorkers ? Array.from({ length: Math.max(0, size) }, () => new Worker(workerUrl)) : [];
    return new RenderPool(threads);
  }

  /** Renders every job, calling `onDone` as each finishes; results come back in job order. The first failure is thrown. */
  async render(jobs: readonly RenderJob[], onDone: (index: number) => void): Promise<LayoutResult[]> {
    const results: LayoutResult[] = new Array(jobs.length);
    if (this.threads.length === 0) {
      for (let index = 0; index < jobs.length; index++) {
        results[index] = await renderJob(jobs[index]!);
        onDone(index);
      }
      return results;
    }
    let next = 0;
    await Promise.all(
      this.threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= jobs.length) {
                thread.off('message', receive);
                return resolve();
              }
              const id = next++;
              thread.postMessage({ id, job: jobs[id] });
            };
            const receive = (message: WorkerReply) => {
              if (message.error) {
                thread.off('message', receive);
                const { code, message: text, location, hint, stack } = message.error;
                return reject(code === 'INTERNAL' ? Object.assign(new Error(text), { stack }) : new TrainpackError(code, text, { location, hint }));
              }
              results[message.id] = { bytes: Buffer.from(message.bytes!), pages: message.pages! };
              onDone(message.id);
              send();
            };
            thread.on('message', receive);
            thread.once('error', reject);
            send();
          }),
      ),
    );
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}
