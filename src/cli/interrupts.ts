import type { ChalkInstance } from 'chalk';
import type { CliIo } from './io.js';
import { EXIT } from './run.js';

export interface InterruptListener {
  /** Aborted by the first SIGINT or SIGTERM: pass it to the build. */
  signal: AbortSignal;
  /** Which signal arrived, if one did. */
  readonly received: NodeJS.Signals | undefined;
  stop(): void;
}

/**
 * The first SIGINT or SIGTERM cancels a build through an AbortSignal, so that it removes its staging
 * folder and lock before exiting; the handlers are then gone, so a second one stops the process at once.
 */
export function listenForInterrupts(io: CliIo): InterruptListener {
  const source = io.signals ?? process;
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((name) => {
    const handler = () => {
      received ??= name;
      stop();
      controller.abort();
    };
    source.once(name, handler);
    return [name, handler] as const;
  });
  const stop = () => {
    for (const [name, handler] of handlers) source.off(name, handler);
  };
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    stop,
  };
}

/** Tells the user the build stopped and nothing was written; 130 after SIGINT, 143 after SIGTERM. */
export function reportInterrupt(received: NodeJS.Signals, io: CliIo, json: boolean, colour: ChalkInstance): number {
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, code: 'INTERRUPTED', message: 'the build was interrupted: nothing was written' }, null, 2)}\n`);
  io.stderr.write(`${colour.red('interrupted')}: the build stopped, nothing was written\n`);
  return received === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}
