import { TrainpackError } from '../errors.js';

/** What a build throws when its AbortSignal fires before the commit: the staging folder is already gone. */
export function interruptedError(): TrainpackError {
  return new TrainpackError('INTERRUPTED', 'the build was interrupted: nothing was written');
}

export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw interruptedError();
}
