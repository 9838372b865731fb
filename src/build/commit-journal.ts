import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { isProcessGone } from './output-lock.js';
import { attempt, exists, type OutputFileSystem } from './output-file-system.js';
import { checkRealFolders } from './output-paths.js';

export const MANIFEST_NAME = 'manifest.json';
const STAGING_PREFIX = '.trainpack-staging-';
const JOURNAL_NAME = 'journal.json';

/** One file the commit moves into place. `replaces`: a file stood at its path when the commit began. */
export interface JournalEntry {
  path: string;
  sha256: string;
  replaces: boolean;
}

/**
 * What a commit is about to do, written before its first rename: with it, the next build into the
 * folder can finish (roll forward) or undo (roll back) a commit that stopped halfway.
 */
export interface Journal {
  version: 1;
  files: JournalEntry[];
  /** sha256 of the new manifest.json: once the folder's manifest has it, the commit is complete. */
  manifest: string;
  /** Folders the commit creates, parents first, removed again on roll back. */
  createdDirs: string[];
}

/**
 * A build's private folder inside the output folder, so that every move into place is a rename on
 * the same file system: `files/` holds the new files, `previous/` the versions the commit set
 * aside, then the new manifest.json and the journal.
 */
export class Staging {
  private constructor(
    readonly root: string,
    readonly dir: string,
  ) {}

  static create(fs: OutputFileSystem, root: string): Staging {
    // The random part keeps the name unguessable, so nothing can be planted there beforehand.
    const dir = path.join(root, `${STAGING_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
    attempt(root, 'create a staging folder in', () => fs.mkdirSync(dir));
    return new Staging(root, dir);
  }

  static existing(root: string, dir: string): Staging {
    return new Staging(root, dir);
  }

  target(relative: string): string {
    return path.join(this.root, relative);
  }

  newFile(relative: string): string {
    return path.join(this.dir, 'files', relative);
  }

  previousFile(relative: string): string {
    return path.join(this.dir, 'previous', relative);
  }

  get manifest(): string {
    return path.join(this.dir, MANIFEST_NAME);
  }

  get journal(): string {
    return path.join(this.dir, JOURNAL_NAME);
  }

  /** Written whole under another name and renamed, so a journal is either complete or absent. */
  writeJournal(fs: OutputFileSystem, journal: Journal): void {
    const partial = `${this.journal}.partial`;
    fs.writeFileSync(partial, `${JSON.stringify(journal)}\n`, { flag: 'wx' });
    fs.renameSync(partial, this.journal);
  }

  readJournal(fs: OutputFileSystem): Journal | undefined {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.journal, 'utf8')) as Partial<Journal>;
      return parsed.version === 1 && Array.isArray(parsed.files) && typeof parsed.manifest === 'string' && Array.isArray(parsed.createdDirs) ? (parsed as Journal) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Best effort: what cannot be removed now is removed by the next build's recovery. */
  remove(fs: OutputFileSystem): void {
    try {
      fs.rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // Left for the next build into this folder.
    }
  }
}

/** The folders under `root` that the journal's files need and that do not exist yet, parents first. */
export function missingFolders(fs: OutputFileSystem, root: string, files: readonly string[]): string[] {
  const missing = new Set<string>();
  for (const file of files) {
    const parts = path.dirname(file).split(/[\\/]/).filter((part) => part !== '.' && part !== '');
    for (let depth = 1; depth <= parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      if (!missing.has(folder) && !exists(fs, path.join(root, folder))) missing.add(folder);
    }
  }
  return [...missing].sort((a, b) => a.split('/').length - b.split('/').length);
}

/**
 * Moves every new file into place, setting aside the version it replaces, then manifest.json: the
 * commit point. Safe to run again on a commit that stopped halfway: files already moved are skipped.
 */
export function rollForward(fs: OutputFileSystem, staging: Staging, journal: Journal): void {
  for (const entry of journal.files) {
    const staged = staging.newFile(entry.path);
    if (!exists(fs, staged)) continue;
    const target = staging.target(entry.path);
    // Checked again here: a link planted while the build rendered must not carry a file outside.
    checkRealFolders(fs, staging.root, entry.path);
    attempt(target, 'create the folder of', () => fs.mkdirSync(path.dirname(target), { recursive: true }));
    if (exists(fs, target)) {
      const previous = staging.previousFile(entry.path);
      attempt(target, 'set aside the earlier version of', () => {
        fs.mkdirSync(path.dirname(previous), { recursive: true });
        fs.renameSync(target, previous);
      });
    }
    attempt(target, 'move into place', () => fs.renameSync(staged, target));
  }
  const manifest = staging.target(MANIFEST_NAME);
  attempt(manifest, 'move into place', () => fs.renameSync(staging.manifest, manifest));
}

/**
 * Undoes a commit that did not reach its commit point: every version set aside goes back, and new
 * files that replaced nothing are removed, so the folder is as it was before the build.
 */
export function rollBack(fs: OutputFileSystem, staging: Staging, journal: Journal): void {
  for (const entry of [...journal.files].reverse()) {
    const target = staging.target(entry.path);
    const previous = staging.previousFile(entry.path);
    const targetIsNew = hashFile(fs, target) === entry.sha256;
    if (exists(fs, previous)) {
      // A file someone put there since is theirs: it stays, and the earlier version goes.
      if (!exists(fs, target) || targetIsNew) attempt(target, 'restore the earlier version of', () => fs.renameSync(previous, target));
    } else if (!entry.replaces && targetIsNew) {
      attempt(target, 'remove', () => fs.unlinkSync(target));
    }
  }
  for (const folder of [...journal.createdDirs].reverse()) {
    try {
      fs.rmdirSync(path.join(staging.root, folder));
    } catch {
      // Not empty (someone put a file there) or already gone: it stays.
    }
  }
}

/**
 * Finds the staging folders of builds that are no longer running (the caller holds the folder's
 * lock) and finishes or undoes their commit: forward when every new file is intact and would
 * displace only files trainpack wrote, back otherwise. A staging folder without a journal never
 * reached its first rename and is simply removed. Returns a warning for each one found.
 */
export function recoverStaleStagings(fs: OutputFileSystem, root: string, isTrainpackFile: (relative: string, sha256: string) => boolean): Problem[] {
  const notices: Problem[] = [];
  for (const name of fs.readdirSync(root)) {
    const match = new RegExp(`^${STAGING_PREFIX.replace('.', '\\.')}(\\d+)(?:-[0-9a-f]+)?$`).exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    // A live process other than this one may be an older trainpack that did not lock the folder.
    if (pid !== process.pid && !isProcessGone(pid)) continue;
    const dir = path.join(root, name);
    const staging = Staging.existing(root, dir);
    const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    const journal = stat?.isDirectory() ? staging.readJournal(fs) : undefined;
    let outcome = 'its partial files were removed';
    if (journal && hashFile(fs, staging.target(MANIFEST_NAME)) !== journal.manifest) {
      if (canRollForward(fs, staging, journal, isTrainpackFile)) {
        attempt(dir, 'finish the interrupted commit in', () => rollForward(fs, staging, journal));
        outcome = 'its commit was finished: its files are in place';
      } else {
        attempt(dir, 'undo the interrupted commit in', () => rollBack(fs, staging, journal));
        outcome = 'its commit was undone: the folder is as it was before it';
      }
    }
    attempt(dir, 'remove', () => fs.rmSync(dir, { recursive: true, force: true }));
    notices.push({ severity: 'warning', code: 'OUTPUT_RECOVERED', message: `an earlier build into this folder was interrupted: ${outcome}`, location: { file: dir } });
  }
  return notices;
}

function canRollForward(fs: OutputFileSystem, staging: Staging, journal: Journal, isTrainpackFile: (relative: string, sha256: string) => boolean): boolean {
  if (hashFile(fs, staging.manifest) !== journal.manifest) return false;
  return journal.files.every((entry) => {
    const target = staging.target(entry.path);
    const targetHash = hashFile(fs, target);
    if (targetHash === entry.sha256) return true;
    if (hashFile(fs, staging.newFile(entry.path)) !== entry.sha256) return false;
    return !exists(fs, target) || (targetHash !== undefined && isTrainpackFile(entry.path, targetHash));
  });
}

export function hashFile(fs: OutputFileSystem, file: string): string | undefined {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
