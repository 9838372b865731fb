import path from 'node:path';
import { TrainpackError, type Problem } from '../errors.js';
import { MANIFEST_NAME, Staging, hashFile, missingFolders, recoverStaleStagings, rollBack, rollForward, sha256, type Journal } from './commit-journal.js';
import { attempt, exists, nodeFileSystem, toOutputError, type OutputFileSystem } from './output-file-system.js';
import { OutputLock } from './output-lock.js';
import { findFolderProblem, insideOutput, symlinkProblem } from './output-paths.js';
import type { ManifestEntry } from './options.js';

const GENERATOR = 'trainpack';

interface Manifest {
  generator: typeof GENERATOR;
  version: 1;
  date: string;
  files: ManifestEntry[];
}

/**
 * Writes a build's files into an output folder so that a failure, an interruption or a second
 * build leaves it consistent:
 *
 * - the folder is locked for the whole build (one build at a time), and the staging folders of
 *   builds that stopped are finished or undone first (see recoverStaleStagings);
 * - nothing is written through a symbolic link, and a file trainpack did not write (not in the
 *   previous manifest with the same checksum) is never overwritten: `open` refuses before anything
 *   is rendered;
 * - each file goes into a staging folder as soon as it is rendered (finished PDFs are not held in
 *   memory); the commit writes a journal, moves every file into place and manifest.json last, and
 *   on a failure puts the earlier versions back.
 *
 * manifest.json lists every trainpack file in the folder, including those of earlier builds that
 * are still there unchanged.
 */
export class OutputWriter {
  private readonly entries: ManifestEntry[] = [];
  /** Set once the commit has run or the build was abandoned: nothing more may touch the folder. */
  private closed = false;

  private constructor(
    private readonly fs: OutputFileSystem,
    private readonly root: string,
    private readonly createdRoot: string | undefined,
    private readonly lock: OutputLock,
    private readonly staging: Staging,
    private readonly previous: ManifestEntry[],
    /** Warnings about earlier builds this one recovered from. */
    readonly notices: Problem[],
  ) {}

  /** Locks the folder, recovers what earlier builds left, checks that every path can be written, and prepares the staging folder. */
  static open(outDir: string, paths: readonly string[], fs: OutputFileSystem = nodeFileSystem): OutputWriter {
    const root = path.resolve(outDir);
    const createdRoot = prepareRoot(fs, root);
    let lock: OutputLock | undefined;
    try {
      lock = OutputLock.acquire(fs, root);
      const before = readManifest(fs, root);
      const notices = recoverStaleStagings(fs, root, (relative, hash) => before.some((entry) => entry.path === relative && entry.sha256 === hash));
      const previous = readManifest(fs, root);
      checkTargets(fs, root, paths, previous);
      return new OutputWriter(fs, root, createdRoot, lock, Staging.create(fs, root), previous, notices);
    } catch (error) {
      lock?.release();
      removeCreatedRoot(fs, root, createdRoot);
      throw toOutputError(error, 'nothing was written');
    }
  }

  stage(entry: Omit<ManifestEntry, 'bytes' | 'sha256'>, bytes: Buffer): ManifestEntry {
    const target = insideOutput(this.root, entry.path);
    try {
      attempt(target, 'write', () => {
        const staged = this.staging.newFile(entry.path);
        this.fs.mkdirSync(path.dirname(staged), { recursive: true });
        this.fs.writeFileSync(staged, bytes, { flag: 'wx' });
      });
    } catch (error) {
      throw toOutputError(error, 'nothing was written');
    }
    const full: ManifestEntry = { ...entry, bytes: bytes.length, sha256: sha256(bytes) };
    this.entries.push(full);
    return full;
  }

  /**
   * Moves every staged file into place, then writes the manifest. Returns this build's entries in
   * staging order. On a failure the earlier files are put back and the error names the path; if
   * even that fails, the journal stays for the next build into the folder to finish the recovery.
   */
  commit(date: Date): ManifestEntry[] {
    if (this.closed) throw new Error('this build has already been committed or abandoned');
    const manifestFile = path.join(this.root, MANIFEST_NAME);
    let journal: Journal;
    try {
      const written = new Set(this.entries.map((entry) => entry.path));
      const kept = this.previous.filter((entry) => !written.has(entry.path) && hashFile(this.fs, path.join(this.root, entry.path)) === entry.sha256);
      const files = [...kept, ...this.entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const manifest: Manifest = { generator: GENERATOR, version: 1, date: date.toISOString(), files };
      const text = `${JSON.stringify(manifest, null, 2)}\n`;
      attempt(manifestFile, 'write', () => this.fs.writeFileSync(this.staging.manifest, text, { flag: 'wx' }));
      journal = {
        version: 1,
        files: this.entries.map((entry) => ({ path: entry.path, sha256: entry.sha256, replaces: exists(this.fs, path.join(this.root, entry.path)) })),
        manifest: sha256(text),
        createdDirs: missingFolders(this.fs, this.root, this.entries.map((entry) => entry.path)),
      };
      attempt(this.root, 'record the commit in', () => this.staging.writeJournal(this.fs, journal));
    } catch (error) {
      this.abort();
      throw toOutputError(error, 'nothing was written');
    }
    try {
      rollForward(this.fs, this.staging, journal);
    } catch (error) {
      try {
        rollBack(this.fs, this.staging, journal);
      } catch {
        // The journal and staging folder stay: the next build into this folder finishes the recovery.
        this.closed = true;
        this.lock.release();
        throw toOutputError(error, 'the folder could not be put back yet: the next build into it finishes or undoes this one');
      }
      this.abort();
      throw toOutputError(error, 'the output folder was left as it was');
    }
    this.closed = true;
    this.staging.remove(this.fs);
    this.lock.release();
    return this.entries;
  }

  /** Removes the staging folder and gives up the lock: the output folder is as it was before the build. Does nothing after a commit. */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    this.staging.remove(this.fs);
    this.lock.release();
    removeCreatedRoot(this.fs, this.root, this.createdRoot);
  }
}

/** The output folder must be a folder (or a link to one, which the user chose); it is created if missing. Returns the first folder created. */
function prepareRoot(fs: OutputFileSystem, root: string): string | undefined {
  const stat = attempt(root, 'read', () => fs.statSync(root, { throwIfNoEntry: false }));
  if (stat && !stat.isDirectory()) throw new TrainpackError('OUTPUT_NOT_A_FOLDER', 'the output folder is a file: nothing was written', { location: { file: root }, hint: 'give a folder with --out' });
  if (stat) return undefined;
  try {
    return attempt(root, 'create the output folder', () => fs.mkdirSync(root, { recursive: true }));
  } catch (error) {
    throw toOutputError(error, 'nothing was written');
  }
}

/** A failed build leaves no empty output folder behind where there was none. */
function removeCreatedRoot(fs: OutputFileSystem, root: string, createdRoot: string | undefined): void {
  if (!createdRoot) return;
  for (let folder = root; folder.length >= createdRoot.length; folder = path.dirname(folder)) {
    try {
      fs.rmdirSync(folder);
    } catch {
      return;
    }
  }
}

/** Refuses, before anything is rendered, every path that would write through a link or over a file trainpack did not write. */
function checkTargets(fs: OutputFileSystem, root: string, paths: readonly string[], previous: readonly ManifestEntry[]): void {
  const known = new Map(previous.map((entry) => [entry.path, entry]));
  const problems = new Map<string, Problem>();
  const report = (problem: Problem | undefined) => {
    if (problem?.location && !problems.has(problem.location.file)) problems.set(problem.location.file, problem);
  };
  for (const relative of paths) {
    report(findFolderProblem(fs, root, relative));
    const target = insideOutput(root, relative);
    const stat = fs.lstatSync(target, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) report(symlinkProblem(target));
    else if (stat && hashFile(fs, target) !== known.get(relative)?.sha256) {
      report({ severity: 'error', code: 'OUTPUT_CONFLICT', message: 'this file was not written by trainpack (or was changed since): it is left as it is', location: { file: target }, hint: 'move it away, or build into another folder with --out' });
    }
  }
  if (problems.size === 0) return;
  const list = [...problems.values()];
  const code = list.some((problem) => problem.code === 'OUTPUT_SYMLINK') ? 'OUTPUT_SYMLINK' : 'OUTPUT_CONFLICT';
  throw new TrainpackError(code, `${list.length} path${list.length === 1 ? '' : 's'} in the output folder cannot be written`, { problems: list });
}

function readManifest(fs: OutputFileSystem, root: string): ManifestEntry[] {
  const file = path.join(root, MANIFEST_NAME);
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isSymbolicLink()) {
    const problem = symlinkProblem(file);
    throw new TrainpackError(problem.code, problem.message, { location: problem.location, hint: problem.hint });
  }
  const text = attempt(file, 'read', () => fs.readFileSync(file, 'utf8'));
  try {
    const parsed = JSON.parse(text) as Partial<Manifest>;
    if (parsed.generator === GENERATOR && Array.isArray(parsed.files)) return parsed.files;
  } catch {
    // Not JSON: certainly not trainpack's.
  }
  throw new TrainpackError('OUTPUT_CONFLICT', 'the output folder has a manifest.json that trainpack did not write: it is left as it is', { location: { file }, hint: 'build into another folder with --out' });
}
