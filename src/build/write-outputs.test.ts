import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TrainpackError } from '../errors.js';
import { faultyFileSystem, type FileCall } from '../../test/support/faulty-file-system.js';
import { leftovers, treePicture } from '../../test/support/output-tree.js';
import type { OutputFileSystem } from './output-file-system.js';
import { LOCK_NAME } from './output-lock.js';
import { OutputWriter } from './write-outputs.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder holding `out/` (the output folder) and `outside/` (which no build may touch). */
function workspace(): { base: string; out: string; outside: string } {
  const base = mkdtempSync(path.join(tmpdir(), 'trainpack-writer-'));
  temporary.push(base);
  mkdirSync(path.join(base, 'outside'));
  writeFileSync(path.join(base, 'outside/keep.txt'), 'not trainpack’s');
  return { base, out: path.join(base, 'out'), outside: path.join(base, 'outside') };
}

const FIRST = { 'en/teachers/pack.pdf': 'pack v1', 'en/teachers/safety.pdf': 'safety v1', 'sq/teachers/pack.pdf': 'paketa v1' };
const SECOND = { 'en/teachers/pack.pdf': 'pack v2', 'en/teachers/safety.pdf': 'safety v2', 'en/mentors/pack.pdf': 'mentors v2', 'sq/teachers/pack.pdf': 'paketa v2' };

/** What buildPacks does with the writer, minus the rendering: stage every file, then commit. */
function build(out: string, files: Record<string, string>, fileSystem?: OutputFileSystem): OutputWriter {
  const writer = OutputWriter.open(out, Object.keys(files), fileSystem);
  try {
    for (const [file, text] of Object.entries(files)) writer.stage({ path: file, audience: file.split('/')[1]!, lang: file.split('/')[0]!, kind: 'pack', pages: 1 }, Buffer.from(text));
    writer.commit(new Date(Date.UTC(2026, 0, 1)));
  } catch (error) {
    writer.abort();
    throw error;
  }
  return writer;
}

function failure(action: () => unknown): TrainpackError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(TrainpackError);
    return error as TrainpackError;
  }
  throw new Error('expected the build to fail');
}

let gonePid: number | undefined;
/** A process id that existed and no longer does (one, spawned once: starting Node takes a while). */
function deadPid(): number {
  gonePid ??= spawnSync(process.execPath, ['-e', '']).pid!;
  return gonePid;
}

/** How many renames the commit of SECOND over FIRST makes: counted, so the fault tests cover each. */
function renamesInCommit(): number {
  const { out } = workspace();
  build(out, FIRST);
  let renames = 0;
  build(out, SECOND, faultyFileSystem(({ operation }) => void (operation === 'renameSync' && renames++)));
  return renames;
}

describe('OutputWriter under faults', () => {
  it('puts every earlier file back when a rename is refused at any point of the commit', () => {
    const renames = renamesInCommit();
    // The journal, each of three replaced files set aside and moved in, the new file, the manifest.
    expect(renames).toBe(1 + 3 * 2 + 1 + 1);
    for (let refused = 1; refused <= renames; refused++) {
      const { base, out, outside } = workspace();
      build(out, FIRST);
      const before = treePicture(out);
      const error = failure(() => build(out, SECOND, faultyFileSystem(({ operation, count }) => (operation === 'renameSync' && count === refused ? 'EXDEV' : undefined))));
      expect(error.code, `rename ${refused}`).toBe('OUTPUT_WRITE_FAILED');
      expect(error.message).toMatch(/the move crosses file systems \(EXDEV\); (the output folder was left as it was|nothing was written)$/);
      expect(error.location?.file.startsWith(out)).toBe(true);
      expect(treePicture(out), `rename ${refused}`).toEqual(before);
      expect(leftovers(out)).toEqual([]);
      expect(readdirSync(base).sort()).toEqual(['out', 'outside']);
      expect(treePicture(outside)).toEqual({ 'keep.txt': expect.any(String) });
    }
  });

  it.each([
    ['ENOSPC', 'no space left on the device (ENOSPC)'],
    ['EACCES', 'permission denied (EACCES)'],
    ['EPERM', 'operation not permitted (EPERM)'],
    ['EROFS', 'the file system is read-only (EROFS)'],
  ])('names the file and the cause of a %s while writing, and leaves the folder as it was', (code, cause) => {
    const { out } = workspace();
    build(out, FIRST);
    const before = treePicture(out);
    // The second PDF written fails: the first is already staged and must go too.
    const pdfWrite = ({ operation, path: file }: FileCall) => operation === 'writeFileSync' && file.endsWith('.pdf');
    let writes = 0;
    const error = failure(() => build(out, SECOND, faultyFileSystem((call) => (pdfWrite(call) && ++writes === 2 ? code : undefined))));
    expect(error.message).toBe(`cannot write: ${cause}; nothing was written`);
    expect(error.location?.file).toBe(path.join(out, Object.keys(SECOND)[1]!));
    expect(treePicture(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('reports a full disk while writing manifest.json at the manifest, and leaves the folder as it was', () => {
    const { out } = workspace();
    build(out, FIRST);
    const before = treePicture(out);
    const error = failure(() => build(out, SECOND, faultyFileSystem(({ operation, path: file }) => (operation === 'writeFileSync' && file.endsWith('manifest.json') ? 'ENOSPC' : undefined))));
    expect(error.message).toBe('cannot write: no space left on the device (ENOSPC); nothing was written');
    expect(error.location?.file).toBe(path.join(out, 'manifest.json'));
    expect(treePicture(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('leaves no output folder behind where there was none when the build fails', () => {
    const { base } = workspace();
    const out = path.join(base, 'new/packs');
    failure(() => build(out, FIRST, faultyFileSystem(({ operation, path: file }) => (operation === 'writeFileSync' && file.endsWith('.pdf') ? 'ENOSPC' : undefined))));
    expect(readdirSync(base).sort()).toEqual(['outside']);
  });

  it('refuses an output folder that is a file', () => {
    const { base } = workspace();
    const file = path.join(base, 'packs');
    writeFileSync(file, 'a file');
    const error = failure(() => build(file, FIRST));
    expect(error.code).toBe('OUTPUT_NOT_A_FOLDER');
    expect(error.location?.file).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe('a file');
  });
});

describe('OutputWriter after a build died during its commit', () => {
  /**
   * Plays a process killed at the chosen rename of the commit: that call and every later one fail,
   * and the lock it leaves names a process that no longer exists.
   */
  function buildDyingAtRename(out: string, files: Record<string, string>, dieAt: number): TrainpackError {
    let dead = false;
    const error = failure(() =>
      build(out, files, faultyFileSystem(({ operation, count }) => {
        if (operation === 'renameSync' && count === dieAt) dead = true;
        return dead ? 'EIO' : undefined;
      })),
    );
    const lock = path.join(out, LOCK_NAME);
    writeFileSync(lock, readFileSync(lock, 'utf8').replace(`"pid":${process.pid}`, `"pid":${deadPid()}`));
    return error;
  }

  it('finishes the commit at the next build whatever rename it died at, or undoes it before the journal', () => {
    const expected = workspace();
    build(expected.out, FIRST);
    const unchanged = treePicture(expected.out);
    build(expected.out, SECOND);
    const finished = treePicture(expected.out);
    const renames = renamesInCommit();
    for (let dieAt = 1; dieAt <= renames; dieAt++) {
      const { out } = workspace();
      build(out, FIRST);
      const error = buildDyingAtRename(out, SECOND, dieAt);
      // The first rename completes the journal: dying after it leaves a commit the next build finishes.
      const journalWritten = dieAt > 1;
      expect(error.message, `died at rename ${dieAt}`).toMatch(journalWritten ? /next build into it finishes or undoes this one$/ : /nothing was written$/);
      expect(leftovers(out).length).toBeGreaterThan(0);
      const next = OutputWriter.open(out, []);
      next.abort();
      const outcome = journalWritten ? 'its commit was finished: its files are in place' : 'its partial files were removed';
      expect(next.notices.map((notice) => notice.message)).toEqual([`an earlier build into this folder was interrupted: ${outcome}`]);
      expect(treePicture(out), `died at rename ${dieAt}`).toEqual(journalWritten ? finished : unchanged);
    }
  });

  it('undoes the commit when a file it staged is damaged, restoring every earlier file', () => {
    const { out } = workspace();
    build(out, FIRST);
    const before = treePicture(out);
    buildDyingAtRename(out, SECOND, 4);
    const [staging] = readdirSync(out).filter((name) => name.startsWith('.trainpack-staging-'));
    const staged = path.join(out, staging!, 'files/sq/teachers/pack.pdf');
    expect(existsSync(staged)).toBe(true);
    writeFileSync(staged, 'torn');
    const next = OutputWriter.open(out, []);
    next.abort();
    expect(next.notices[0]?.message).toBe('an earlier build into this folder was interrupted: its commit was undone: the folder is as it was before it');
    expect(treePicture(out)).toEqual(before);
  });

  it('removes the staging folder of a dead build that never began its commit', () => {
    const { out } = workspace();
    build(out, FIRST);
    const before = treePicture(out);
    const staging = path.join(out, `.trainpack-staging-${deadPid()}-0a1b2c`);
    mkdirSync(path.join(staging, 'files/en/teachers'), { recursive: true });
    writeFileSync(path.join(staging, 'files/en/teachers/pack.pdf'), 'half a PDF');
    const next = OutputWriter.open(out, []);
    next.abort();
    expect(next.notices[0]?.message).toBe('an earlier build into this folder was interrupted: its partial files were removed');
    expect(treePicture(out)).toEqual(before);
  });
});

describe('OutputWriter and the folder around it', () => {
  it('refuses a symbolic link among the output folders, naming it, and writes nothing through it', () => {
    const { out, outside } = workspace();
    mkdirSync(out);
    symlinkSync(outside, path.join(out, 'en'));
    const before = treePicture(outside);
    const error = failure(() => build(out, FIRST));
    expect(error.code).toBe('OUTPUT_SYMLINK');
    expect(error.problems.map((problem) => problem.location?.file)).toEqual([path.join(out, 'en')]);
    expect(error.problems[0]?.message).toBe('this is a symbolic link: trainpack writes only inside the output folder, never through a link');
    expect(treePicture(outside)).toEqual(before);
    expect(readdirSync(out)).toEqual(['en']);
  });

  it('refuses a link planted while the build rendered, and puts everything back', () => {
    const { out, outside } = workspace();
    build(out, FIRST);
    const writer = OutputWriter.open(out, Object.keys(SECOND));
    for (const [file, text] of Object.entries(SECOND)) writer.stage({ path: file, audience: 'x', lang: 'en', kind: 'pack', pages: 1 }, Buffer.from(text));
    symlinkSync(outside, path.join(out, 'en/mentors'));
    const isLeftover = new Set(leftovers(out));
    const before = Object.fromEntries(Object.entries(treePicture(out)).filter(([relative]) => !isLeftover.has(relative)));
    const error = failure(() => writer.commit(new Date(0)));
    expect(error.code).toBe('OUTPUT_SYMLINK');
    expect(error.location?.file).toBe(path.join(out, 'en/mentors'));
    expect(treePicture(outside)).toEqual({ 'keep.txt': expect.any(String) });
    expect(treePicture(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('refuses a second build into a locked folder, naming who holds it', () => {
    const { out } = workspace();
    build(out, FIRST);
    const first = OutputWriter.open(out, Object.keys(SECOND));
    const before = treePicture(out);
    const error = failure(() => OutputWriter.open(out, Object.keys(SECOND)));
    expect(error.code).toBe('OUTPUT_LOCKED');
    expect(error.message).toMatch(new RegExp(`^another trainpack build is writing into this folder: process ${process.pid} on ${hostname()}, since \\d{4}-\\d\\d-\\d\\dT`));
    expect(treePicture(out)).toEqual(before);
    first.abort();
    expect(leftovers(out)).toEqual([]);
  });

  it('takes over the lock of a build that is gone', () => {
    const { out } = workspace();
    build(out, FIRST);
    writeFileSync(path.join(out, LOCK_NAME), JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    build(out, SECOND);
    expect(leftovers(out)).toEqual([]);
    expect(readFileSync(path.join(out, 'en/mentors/pack.pdf'), 'utf8')).toBe('mentors v2');
  });

  it('keeps a lock it cannot read, and says how to clear it', () => {
    const { out } = workspace();
    cpSync(workspace().outside, out, { recursive: true });
    writeFileSync(path.join(out, LOCK_NAME), '');
    const error = failure(() => build(out, FIRST));
    expect(error.message).toBe(`the output folder is locked by a ${LOCK_NAME} file trainpack cannot read`);
    expect(error.hint).toContain(`delete ${LOCK_NAME}`);
    expect(readdirSync(out).sort()).toEqual([LOCK_NAME, 'keep.txt']);
  });
});
