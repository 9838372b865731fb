import { Worker } from 'node:worker_threads';
import { TrainpackError, type Problem } from '../errors.js';
import type { LayoutResult } from '../pdf/model.js';
import { renderJob, type RenderJob } from './render-job.js';

const workerUrl = new URL('./render-worker.js', import.meta.url);
/** Workers need the compiled JavaScript; when running from TypeScript sources (tests), render in-thread. */
const canUseWorkers = import.meta.url.endsWith('.js');

interface WorkerReply {
  id: number;
  bytes?: ArrayBuffer;
  pages?: number;
  warnings?: Problem[];
  error?: { code: string; message: string; location?: never; hint?: string; stack?: string };
}

/** Renders jobs on worker threads (or in this thread, for a pool of size 0). */
export class RenderPool {
  private constructor(private readonly threads: Worker[]) {}

  static start(size: number): RenderPool {
    const threads = canUseWorkers ? Array.from({ length: Math.max(0, size) }, () => new Worker(workerUrl)) : [];
    return new RenderPool(threads);
  }

  /** Renders every job, handing each result to `onDone` as it finishes (not kept). The first failure is thrown. */
  async render(jobs: readonly RenderJob[], onDone: (index: number, result: LayoutResult) => void): Promise<void> {
    if (this.threads.length === 0) {
      for (let index = 0; index < jobs.length; index++) onDone(index, await renderJob(jobs[index]!));
      return;
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
              onDone(message.id, { bytes: Buffer.from(message.bytes!), pages: message.pages!, warnings: message.warnings ?? [] });
              send();
            };
            thread.on('message', receive);
            thread.once('error', reject);
            send();
          }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}
