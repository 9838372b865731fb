import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { TrainpackError, type Problem } from '../errors.js';
import type { LayoutResult } from '../pdf/model.js';
import { interruptedError, throwIfInterrupted } from './interrupt.js';
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

  /**
   * Renders every job, handing each result to `onDone` as it finishes (not kept). The first failure
   * (a job's, `onDone`'s, a worker's, or the signal) is thrown, and no result is handed over after
   * it. Returns how many worker threads rendered at least one job (0 when all ran in this thread).
   */
  async render(jobs: readonly RenderJob[], onDone: (index: number, result: LayoutResult) => void, signal?: AbortSignal): Promise<number> {
    if (this.threads.length === 0) {
      for (let index = 0; index < jobs.length; index++) {
        // Rendering is synchronous work: let a signal's handler run between documents.
        await yieldToEvents();
        throwIfInterrupted(signal);
        onDone(index, await renderJob(jobs[index]!));
      }
      return 0;
    }
    throwIfInterrupted(signal);
    if (jobs.length === 0) return 0;
    return new Promise<number>((resolve, reject) => {
      const rendered = new Set<Worker>();
      let next = 0;
      let finished = 0;
      let settled = false;
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        for (const thread of this.threads) thread.removeAllListeners();
        if (error === undefined) resolve(rendered.size);
        else reject(error);
      };
      const onAbort = () => settle(interruptedError());
      signal?.addEventListener('abort', onAbort, { once: true });
      const send = (thread: Worker) => {
        if (next >= jobs.length) return;
        const id = next++;
        thread.postMessage({ id, job: jobs[id] });
      };
      for (const thread of this.threads) {
        thread.on('message', (message: WorkerReply) => {
          if (settled) return;
          if (message.error) {
            const { code, message: text, location, hint, stack } = message.error;
            return settle(code === 'INTERNAL' ? Object.assign(new Error(text), { stack }) : new TrainpackError(code, text, { location, hint }));
          }
          try {
            onDone(message.id, { bytes: Buffer.from(message.bytes!), pages: message.pages!, warnings: message.warnings ?? [] });
          } catch (error) {
            return settle(error);
          }
          rendered.add(thread);
          finished++;
          if (finished === jobs.length) settle();
          else send(thread);
        });
        thread.on('error', (error) => settle(error));
        thread.on('exit', (code) => settle(new Error(`a render worker stopped unexpectedly (exit code ${code})`)));
        send(thread);
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}
