import { hostname } from 'node:os';
import path from 'node:path';
import { TrainpackError } from '../errors.js';
import { describeFsError, type OutputFileSystem } from './output-file-system.js';

export const LOCK_NAME = '.trainpack-lock';

/** Who holds an output folder: written into the lock file, shown to a second build. */
interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/**
 * One build at a time per output folder: the lock is a file created exclusively in the folder. A
 * lock whose process is gone (same host, no such process) is stale and taken over; a live one is
 * refused, naming who holds it. A lock from another host cannot be checked, so it counts as live.
 */
export class OutputLock {
  private constructor(
    private readonly fs: OutputFileSystem,
    private readonly file: string,
    private readonly content: string,
  ) {}

  static acquire(fs: OutputFileSystem, root: string): OutputLock {
    const file = path.join(root, LOCK_NAME);
    // Real time, not the build's date: it tells a second build how long this one has been running.
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    const content = `${JSON.stringify(holder)}\n`;
    // A few attempts: between seeing a stale lock and removing it, another build may take it.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.writeFileSync(file, content, { flag: 'wx' });
        return new OutputLock(fs, file, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new TrainpackError('OUTPUT_WRITE_FAILED', `cannot lock the output folder: ${describeFsError(error)}; nothing was written`, { location: { file: root } });
        }
      }
      const existing = readLock(fs, file);
      if (existing === undefined) continue;
      const other = parseHolder(existing);
      if (other && isStale(other)) {
        removeIfUnchanged(fs, file, existing);
        continue;
      }
      throw new TrainpackError(
        'OUTPUT_LOCKED',
        other
          ? `another trainpack build is writing into this folder: process ${other.pid} on ${other.host}, since ${other.since}`
          : `the output folder is locked by a ${LOCK_NAME} file trainpack cannot read`,
        { location: { file: root }, hint: `wait for that build to finish, or build into another folder with --out; if no build is running, delete ${LOCK_NAME} in the folder` },
      );
    }
    throw new TrainpackError('OUTPUT_LOCKED', 'other trainpack builds keep taking this folder', { location: { file: root }, hint: 'build into another folder with --out' });
  }

  /** Gives the folder up; a lock another build has taken over meanwhile is left alone. */
  release(): void {
    removeIfUnchanged(this.fs, this.file, this.content);
  }
}

/** A process on this host that no longer exists; pid 0 or a negative pid never holds a lock. */
export function isProcessGone(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function isStale(holder: LockHolder): boolean {
  return holder.host === hostname() && isProcessGone(holder.pid);
}

function readLock(fs: OutputFileSystem, file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.since === 'string') return parsed as LockHolder;
  } catch {
    // Not JSON: not a lock trainpack can reason about.
  }
  return undefined;
}

function removeIfUnchanged(fs: OutputFileSystem, file: string, expected: string): void {
  if (readLock(fs, file) !== expected) return;
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone: nothing to give up.
  }
}
