import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, in `cwd`, without a terminal (see fakeIo). */
export async function runCli(argv: readonly string[], cwd: string): Promise<CliRun> {
  const fake = fakeIo(cwd);
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** What a user must never see for a problem in their input: a stack trace or a "this is a bug". */
export function looksLikeCrash(output: string): boolean {
  return /This is a bug|\n\s+at .+:\d+:\d+\)?/.test(output);
}
