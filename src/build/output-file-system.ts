import * as fs from 'node:fs';
import { TrainpackError } from '../errors.js';

/**
 * The file operations a build uses on its output folder. Node's by default; tests pass one whose
 * rename or write fails (ENOSPC, EXDEV, EACCES...) or whose process dies at a chosen call, so that
 * every fault of the commit can be injected without a real full disk.
 */
export type OutputFileSystem = Pick<
  typeof fs,
  'lstatSync' | 'statSync' | 'mkdirSync' | 'readFileSync' | 'readdirSync' | 'renameSync' | 'rmSync' | 'rmdirSync' | 'unlinkSync' | 'writeFileSync'
>;

export const nodeFileSystem: OutputFileSystem = fs;

/** What an operating-system error means for someone writing files, in plain words. */
const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for the file system',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where a file is needed',
  EEXIST: 'something already stands there',
  EXDEV: 'the move crosses file systems',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error on the device',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
  EBUSY: 'the file or folder is busy',
  ENOENT: 'it does not exist',
};

/** `no space left on the device (ENOSPC)`: the cause of a failed file operation. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && CAUSES[code]) return `${CAUSES[code]} (${code})`;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

/** A file operation on the output folder that failed: which path (as the user knows it), doing what, and why. */
export class FileOperationError extends Error {
  constructor(
    readonly file: string,
    readonly doing: string,
    readonly reason: unknown,
  ) {
    super(`cannot ${doing} ${file}: ${describeFsError(reason)}`);
    this.name = 'FileOperationError';
  }
}

/** Runs one file operation, naming `file` and what was being done if it fails. */
export function attempt<T>(file: string, doing: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof FileOperationError || error instanceof TrainpackError) throw error;
    throw new FileOperationError(file, doing, error);
  }
}

/** A failure as the user should see it: one line naming the path, the cause and what became of the folder. */
export function toOutputError(error: unknown, outcome: string): unknown {
  if (!(error instanceof FileOperationError)) return error;
  return new TrainpackError('OUTPUT_WRITE_FAILED', `cannot ${error.doing}: ${describeFsError(error.reason)}; ${outcome}`, { location: { file: error.file } });
}

export function exists(fs: OutputFileSystem, file: string): boolean {
  return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}
