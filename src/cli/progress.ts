import type { ChalkInstance } from 'chalk';
import type { ProgressEvent } from '../build/options.js';
import type { CliIo } from './io.js';

/** A live line on a terminal, plain lines elsewhere, nothing when quiet. */
export function createProgress(io: CliIo, colour: ChalkInstance, quiet: boolean): { update(event: ProgressEvent): void; done(): void } {
  if (quiet) return { update: () => undefined, done: () => undefined };
  const live = io.stderr.isTTY === true;
  let shown = false;
  return {
    update(event) {
      const counter = `[${String(event.done).padStart(String(event.total).length)}/${event.total}]`;
      if (live) {
        const width = Math.max(20, (io.stderr.columns ?? 80) - 1);
        const text = [counter, event.lang, event.audience, event.path].filter(Boolean).join(" · ").replace(" · ", " ").slice(0, width);
        io.stderr.write(`\r\x1b[2K${colour.cyan(counter)}${text.slice(counter.length)}`);
        shown = true;
      } else {
        io.stderr.write(`${counter} ${event.path}\n`);
      }
    },
    done() {
      if (live && shown) io.stderr.write('\r\x1b[2K');
    },
  };
}
