import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { leftovers, treePicture } from '../support/output-tree.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin/trainpack.js');
const valid = path.join(root, 'test/fixtures/valid');
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainpack-faults-'));
  temporary.push(dir);
  return dir;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const ENV = { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: '1767225600' };
// Another date, so a second build's PDFs differ from the first's and replacing them shows.
const LATER = { ...ENV, SOURCE_DATE_EPOCH: '1798761600' };
const HANDOUTS = ['build', '--content', valid, '-a', 'teachers', '-l', 'en', '--only', 'handouts', '-o', 'out'];

function finished(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** The real CLI in a child process (stdin is not a terminal, so it never prompts). */
function trainpack(cwd: string, args: string[], env: Record<string, string> = ENV): Promise<Run> {
  return finished(spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * A script that runs the compiled CLI with a file system that fails (or kills the process) where
 * the test says: the same code path as `trainpack`, with one fault injected.
 */
function trainpackWithFault(cwd: string, fault: string, args: string[], env: Record<string, string> = ENV): Promise<Run> {
  const script = path.join(cwd, 'faulty-trainpack.mjs');
  const dist = (file: string) => JSON.stringify(pathToFileURL(path.join(root, 'dist', file)).href);
  writeFileSync(
    script,
    `import * as fs from 'node:fs';
import { run } from ${dist('cli/run.js')};
import { processIo } from ${dist('cli/io.js')};
const counts = {};
const errno = (code, file) => Object.assign(new Error(code + ': ' + file), { code, path: file });
const fault = ${fault};
const fileSystem = Object.fromEntries(['lstatSync', 'statSync', 'mkdirSync', 'readFileSync', 'readdirSync', 'renameSync', 'rmSync', 'rmdirSync', 'unlinkSync', 'writeFileSync'].map((operation) => [operation, (...args) => {
  counts[operation] = (counts[operation] ?? 0) + 1;
  fault(operation, String(args[0]), counts[operation]);
  return fs[operation](...args);
}]));
process.exitCode = await run(process.argv.slice(2), { ...processIo(), fileSystem });
`,
  );
  return finished(spawn(process.execPath, [script, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** Every file manifest.json lists is there with its checksum. */
function manifestHolds(out: string): boolean {
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
  return manifest.files.length > 0 && manifest.files.every((file) => createHash('sha256').update(readFileSync(path.join(out, file.path))).digest('hex') === file.sha256);
}

let firstBuild: string | undefined;
/** A folder holding, in `out/`, what an earlier build wrote (built once, copied for each test), and a picture of it. */
async function earlierBuild(): Promise<{ cwd: string; out: string; before: Record<string, string> }> {
  if (!firstBuild) {
    firstBuild = freshDir();
    expect((await trainpack(firstBuild, [...HANDOUTS, '-q'])).code).toBe(0);
  }
  const cwd = freshDir();
  const out = path.join(cwd, 'out');
  cpSync(path.join(firstBuild, 'out'), out, { recursive: true });
  return { cwd, out, before: treePicture(out) };
}

describe('trainpack build, interrupted for real', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s once a PDF is staged: exits %i, removes the staging folder and lock', async (signal, exitCode) => {
    const cwd = freshDir();
    const out = path.join(cwd, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const before = treePicture(out);
    // Every audience in both languages: many documents, so it is still rendering when signalled.
    const child = spawn(process.execPath, [bin, 'build', '--content', valid, '-o', 'out', '-q'], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const result = finished(child);
    const stagedPdf = () => readdirSync(out).some((name) => name.startsWith('.trainpack-staging-') && existsSync(path.join(out, name, 'files')));
    while (!stagedPdf() && child.exitCode === null) await sleep(10);
    child.kill(signal);
    const run = await result;
    expect(run.stderr).toBe('interrupted: the build stopped, nothing was written\n');
    expect(run.code).toBe(exitCode);
    expect(treePicture(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('finishes, at the next build, a commit killed (SIGKILL) halfway through its renames', async () => {
    const { cwd, out } = await earlierBuild();
    // Rename 1 completes the journal, 2 and 3 replace safety.pdf, 4 would set school.pdf aside.
    const killed = await trainpackWithFault(cwd, `(operation, file, count) => { if (operation === 'renameSync' && count === 4) process.kill(process.pid, 'SIGKILL'); }`, HANDOUTS, LATER);
    expect(killed.signal).toBe('SIGKILL');
    expect(leftovers(out).length).toBeGreaterThan(0);
    expect(manifestHolds(out)).toBe(false);

    const next = await trainpack(cwd, HANDOUTS, LATER);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/^out\/\.trainpack-staging-\d+-[0-9a-f]+: warning: an earlier build into this folder was interrupted: its commit was finished: its files are in place$/m);
    expect(manifestHolds(out)).toBe(true);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('trainpack build and other processes', () => {
  it('refuses a folder a live process holds, naming it, and takes the lock over once that process is gone', async () => {
    const { cwd, out, before } = await earlierBuild();
    const holder = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import * as fs from 'node:fs'; import { OutputLock } from ${JSON.stringify(pathToFileURL(path.join(root, 'dist/build/output-lock.js')).href)}; OutputLock.acquire(fs, ${JSON.stringify(out)}); console.log('locked'); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const gone = new Promise((resolve) => holder.on('close', resolve));
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));

    const refused = await trainpack(cwd, HANDOUTS, LATER);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^out: error: another trainpack build is writing into this folder: process ${holder.pid} on \\S+, since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\n`));
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(treePicture(out)).toEqual({ ...before, '.trainpack-lock': expect.any(String) });

    holder.kill('SIGKILL');
    await gone;
    const taken = await trainpack(cwd, [...HANDOUTS, '-q'], LATER);
    expect(taken.code).toBe(0);
    expect(leftovers(out)).toEqual([]);
    expect(manifestHolds(out)).toBe(true);
  });

  it('reports a full disk met while storing a worker’s PDF (--jobs 2) as one line, and leaves the folder as it was', async () => {
    const { cwd, out, before } = await earlierBuild();
    const run = await trainpackWithFault(cwd, `(operation, file) => { if (operation === 'writeFileSync' && file.endsWith('school.pdf')) throw errno('ENOSPC', file); }`, [...HANDOUTS, '--jobs', '2', '-q'], LATER);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('out/en/teachers/school.pdf: error: cannot write: no space left on the device (ENOSPC); nothing was written\n');
    expect(treePicture(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });
});

/** A tiny tmpfs, when this process may mount one (root in a container that allows it). */
function mountTinyDisk(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = freshDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}

describe('trainpack build on a real full disk', () => {
  const disk = mountTinyDisk();
  afterAll(() => {
    if (disk) execFileSync('umount', [disk]);
  });

  it.skipIf(!disk)('stops at the first file that does not fit, with one line, and leaves the disk as it was', async () => {
    const out = path.join(disk!, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const before = treePicture(disk!);
    const run = await trainpack(disk!, [...HANDOUTS, '-q']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^out\/\S+: error: cannot [a-z ]+: no space left on the device \(ENOSPC\); nothing was written\n$/);
    expect(treePicture(disk!)).toEqual(before);
  });
});
