import { EventEmitter } from 'node:events';
import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';

export interface FakeIo {
  io: CliIo;
  stdout(): string;
  stderr(): string;
  /** Raises SIGINT or SIGTERM as the process would receive it. */
  signals: EventEmitter;
}

/** A CLI run's world without a terminal: output is collected, stdin is empty, signals are raised by the test. */
export function fakeIo(cwd: string, options: { env?: NodeJS.ProcessEnv; fileSystem?: CliIo['fileSystem']; onStderr?: (text: string) => void } = {}): FakeIo {
  const collect = (onWrite?: (text: string) => void) => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        onWrite?.(chunk.toString());
        done();
      },
    });
    return { stream, text: () => chunks.join('') };
  };
  const out = collect();
  const err = collect(options.onStderr);
  const signals = new EventEmitter();
  const io: CliIo = {
    stdout: out.stream,
    stderr: err.stream,
    stdin: Readable.from([]),
    env: { SOURCE_DATE_EPOCH: '1767225600', ...options.env },
    cwd,
    signals,
    fileSystem: options.fileSystem,
  };
  return { io, stdout: out.text, stderr: err.text, signals };
}
