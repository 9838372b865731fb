import path from 'node:path';
import { TrainpackError, type Problem } from '../errors.js';
import type { OutputFileSystem } from './output-file-system.js';

/**
 * The path of a file under the output folder. Output paths are made of validated ids, so one that
 * climbs out of the folder is a bug, never something to write.
 */
export function insideOutput(root: string, relative: string): string {
  const target = path.resolve(root, relative);
  const back = path.relative(root, target);
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) throw new Error(`output path "${relative}" is not inside the output folder`);
  return target;
}

/**
 * What stands in the way of writing the file `relative` under `root`, if anything: a symbolic link
 * among its folders (it would carry the file outside the output folder) or a file where one of them
 * is needed. Folders that do not exist yet are fine: the build creates them.
 */
export function findFolderProblem(fs: OutputFileSystem, root: string, relative: string): Problem | undefined {
  const target = insideOutput(root, relative);
  const folders = path.relative(root, path.dirname(target)).split(path.sep).filter(Boolean);
  let current = root;
  for (const folder of folders) {
    current = path.join(current, folder);
    const stat = fs.lstatSync(current, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (stat.isSymbolicLink()) return symlinkProblem(current);
    if (!stat.isDirectory()) {
      return { severity: 'error', code: 'OUTPUT_CONFLICT', message: 'a file stands where trainpack needs a folder: it is left as it is', location: { file: current }, hint: 'move it away, or build into another folder with --out' };
    }
  }
  return undefined;
}

export function symlinkProblem(file: string): Problem {
  return { severity: 'error', code: 'OUTPUT_SYMLINK', message: 'this is a symbolic link: trainpack writes only inside the output folder, never through a link', location: { file }, hint: 'replace the link with a real folder or file, or build into another folder with --out' };
}

/** Throws what findFolderProblem finds. */
export function checkRealFolders(fs: OutputFileSystem, root: string, relative: string): void {
  const problem = findFolderProblem(fs, root, relative);
  if (problem) throw new TrainpackError(problem.code, problem.message, { location: problem.location, hint: problem.hint });
}
