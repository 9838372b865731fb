import { parentPort } from 'node:worker_threads';
import { TrainpackError } from '../errors.js';
import { renderJob, type RenderJob } from './render-job.js';

/** A short document using every face, rendered once so fonts are parsed before the first real job. */
const WARM_UP: RenderJob = {
  path: 'warm-up.pdf',
  kind: 'handout',
  audience: 'warm-up',
  lang: 'en',
  title: 'warm-up',
  footer: 'warm-up',
  creationDate: 0,
  theme: { paper: 'A4' },
  labels: { pageOf: '{page}/{pages}', continued: 'c', doneBy: 'd', date: 'd', toBeCompleted: 't', verified: 'v', intentionallyBlank: 'b' },
  sections: [{ id: 'w', kind: 'handout', title: 'w', markdown: '# Çë\n\nText **bold ë** *italic ç* ***both*** `code`\n\n- [ ] item\n\n| a | b |\n|---|---|\n| c | d |\n' }],
};

/** A worker thread that renders jobs sent by the pool, keeping its parsed fonts between jobs. */
parentPort?.on('message', (message: { warm?: boolean; id: number; job: RenderJob }) => {
  if (message.warm) {
    // Failures surface with the first real job; warming up is only an optimisation.
    renderJob(WARM_UP).catch(() => undefined);
    return;
  }
  renderJob(message.job).then(
    ({ bytes, pages }) => {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      parentPort!.postMessage({ id: message.id, bytes: buffer, pages }, [buffer as ArrayBuffer]);
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
