import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixtures = path.join(projectRoot, 'test/fixtures');
const bin = path.join(projectRoot, 'bin/trainpack.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Fresh temporary folders for one test file, removed by `cleanUp`. */
export function temporaryFolders(): { fresh(): string; cleanUp(): void } {
  const made: string[] = [];
  return {
    fresh() {
      const dir = mkdtempSync(path.join(tmpdir(), 'trainpack-e2e-'));
      made.push(dir);
      return dir;
    },
    cleanUp() {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the real CLI in a child process: stdin is a pipe (not a terminal), so it must never prompt. */
export function runTrainpack(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: options.cwd, env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: '1767225600', ...options.env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}
