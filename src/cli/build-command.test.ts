import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { faultyFileSystem } from '../../test/support/faulty-file-system.js';
import { fakeIo } from '../../test/support/fake-io.js';
import { leftovers, treePicture } from '../../test/support/output-tree.js';
import { OutputLock } from '../build/output-lock.js';
import { nodeFileSystem } from '../build/output-file-system.js';
import { run } from './run.js';

const valid = fileURLToPath(new URL('../../test/fixtures/valid', import.meta.url));
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainpack-cli-'));
  temporary.push(dir);
  return dir;
}

/** Two handouts: the smallest build that still replaces more than one file. */
const HANDOUTS = ['build', '--content', valid, '-a', 'teachers', '-l', 'en', '--only', 'handouts', '--no-interactive', '--no-color', '-o', 'out'];

async function trainpack(cwd: string, args: string[], options: Parameters<typeof fakeIo>[1] = {}) {
  const fake = fakeIo(cwd, options);
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** A folder with an earlier build in `out/`, and a picture of it to compare with afterwards. */
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

// Another date, so the second build's PDFs differ from the first's and replacing them shows.
const LATER = { SOURCE_DATE_EPOCH: '1798761600' };

describe('trainpack build when writing fails', () => {
  it('leaves earlier outputs exactly as they were when a build fails while moving its files into place', async () => {
    const { cwd, out, before } = await earlierBuild();
    let refused = false;
    // Rename 1 completes the journal, 2 sets the earlier safety.pdf aside, 3 moves the new one in.
    const fileSystem = faultyFileSystem(({ operation, count }) => {
      if (operation !== 'renameSync' || count !== 3) return undefined;
      refused = true;
      return 'EXDEV';
    });
    const failed = await trainpack(cwd, [...HANDOUTS, '-q'], { env: LATER, fileSystem });
    expect(refused).toBe(true);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('out/en/teachers/safety.pdf: error: cannot move into place: the move crosses file systems (EXDEV); the output folder was left as it was\n');
    expect(treePicture(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
    expect(readdirSync(cwd)).toEqual(['out']);
  });

  it('reports a full disk as one line naming the file, exit 1, and removes what it staged', async () => {
    const { cwd, out, before } = await earlierBuild();
    const fileSystem = faultyFileSystem(({ operation, path: file }) => (operation === 'writeFileSync' && file.endsWith('school.pdf') ? 'ENOSPC' : undefined));
    const failed = await trainpack(cwd, [...HANDOUTS, '-q'], { env: LATER, fileSystem });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('out/en/teachers/school.pdf: error: cannot write: no space left on the device (ENOSPC); nothing was written\n');
    expect(treePicture(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('refuses an output folder that is a file, and an empty --out', async () => {
    const cwd = freshDir();
    writeFileSync(path.join(cwd, 'out'), 'a file');
    const file = await trainpack(cwd, HANDOUTS);
    expect(file.code).toBe(1);
    expect(file.stderr).toBe('out: error: the output folder is a file: nothing was written\n  hint: give a folder with --out\n');
    const empty = await trainpack(cwd, [...HANDOUTS, '-o', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('error: --out needs a folder name\n  hint: for example --out packs\n');
  });

  it('refuses a folder another build holds, naming the process, host and time', async () => {
    const { cwd, out, before } = await earlierBuild();
    const lock = OutputLock.acquire(nodeFileSystem, out);
    const refused = await trainpack(cwd, HANDOUTS, { env: LATER });
    lock.release();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^out: error: another trainpack build is writing into this folder: process ${process.pid} on \\S+, since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\n  hint: wait for that build to finish`));
    expect(treePicture(out)).toEqual(before);
  });
});

describe('trainpack build when interrupted', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('on %s while rendering: removes what it staged, leaves the folder as it was, exits %i', async (signal, exitCode) => {
    const { cwd, out, before } = await earlierBuild();
    const fake = fakeIo(cwd, { env: LATER, onStderr: (text) => void (text.startsWith('[1/2]') && fake.signals.emit(signal)) });
    const code = await run(HANDOUTS, fake.io);
    expect(fake.stderr()).toBe('[1/2] en/teachers/safety.pdf\ninterrupted: the build stopped, nothing was written\n');
    expect(code).toBe(exitCode);
    expect(treePicture(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
    expect(fake.signals.listenerCount(signal)).toBe(0);
  });
});

describe('trainpack build selections', () => {
  it.each(['--audience', '--lang', '--guide', '--only'])('exits 2 for an empty %s', async (flag) => {
    const cwd = freshDir();
    const result = await trainpack(cwd, ['build', '--content', valid, '--no-interactive', flag, '']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: no (audience|language|guide|document kind) chosen: the selection is empty\n/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('matches ids and language codes whatever their case', async () => {
    const cwd = freshDir();
    const result = await trainpack(cwd, ['build', '--content', valid, '-a', 'TEACHERS', '-l', 'En', '--only', 'Checklists', '--no-interactive', '-q', '-o', 'out']);
    expect(result.code).toBe(0);
    expect(Object.keys(treePicture(path.join(cwd, 'out')))).toEqual(['en', 'en/teachers', 'en/teachers/checklists.pdf', 'manifest.json']);
  });

  it('suggests only ids close to what was typed', async () => {
    const cwd = freshDir();
    const typo = await trainpack(cwd, ['build', '--content', valid, '-a', 'teacher']);
    expect(typo.stderr).toContain('did you mean "teachers"?');
    for (const [flag, value] of [['-l', 'de'], ['-l', 'fr'], ['-a', 'xyz'], ['-g', 'safe-spaces']]) {
      const unrelated = await trainpack(cwd, ['build', '--content', valid, flag!, value!]);
      expect(unrelated.code).toBe(2);
      expect(unrelated.stderr).not.toContain('did you mean');
    }
  });
});
