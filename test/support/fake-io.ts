import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, in `cwd`, with pipes (not terminals) for stdin, stdout and stderr. */
export async function runCli(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = { SOURCE_DATE_EPOCH: '1767225600' }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const io: CliIo = { stdout: out, stderr: err, stdin: new PassThrough(), env, cwd };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** What a user must never see for a problem in their input: a stack trace or a "this is a bug". */
export function looksLikeCrash(output: string): boolean {
  return /This is a bug|\n\s+at .+:\d+:\d+\)?/.test(output);
}
