import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { TrainpackError, UsageError, type Problem } from '../errors.js';
import { describeFsError } from './output-file-system.js';
import { isTrainpackPdf } from './trainpack-pdf.js';

export interface OutputChoice {
  /** One output file, for one input. */
  output?: string;
  /** A folder for every output; by default each PDF goes beside its input. */
  outDir?: string;
  /** Replace existing files trainpack did not write (an input is never replaced). */
  force?: boolean;
}

/** Where one input's PDF goes, and what stood there when rendering started. */
export interface PlannedOutput {
  input: string;
  output: string;
  /** The file found at `output` before rendering (to be replaced), if any. */
  existing?: Pick<Stats, 'ino' | 'dev' | 'size' | 'mtimeMs'>;
}

/** A PDF larger than this is not one trainpack rendered; it is not read to find out. */
const LARGEST_RENDERED_PDF = 256 * 1024 * 1024;
/** Errors from link() on file systems without hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Decides where each input's PDF goes and refuses, before anything is rendered, every output that
 * would replace an input, a folder, another input's output, or a file trainpack did not write
 * (unless `force`). All problems are reported at once, each naming its path.
 */
export function planRenderOutputs(inputs: readonly string[], choice: OutputChoice): PlannedOutput[] {
  if (choice.output === '') throw new UsageError('-o/--output is empty', 'name the PDF to write, like -o handout.pdf');
  if (choice.outDir === '') throw new UsageError('--out is empty', 'name a folder, like --out pdf');
  if (choice.output !== undefined && inputs.length > 1) throw new UsageError('-o/--output takes one input file', 'use --out DIR for several files');
  const outDir = choice.outDir === undefined ? undefined : path.resolve(choice.outDir);
  if (outDir !== undefined) {
    const stats = statOrUndefined(outDir);
    if (stats && !stats.isDirectory()) throw new TrainpackError('OUTPUT_NOT_A_FOLDER', '--out names a file, not a folder: nothing was written', { location: { file: outDir } });
  }

  const planned = inputs.map((input) => {
    const absolute = path.resolve(input);
    const output = choice.output !== undefined ? path.resolve(choice.output) : path.join(outDir ?? path.dirname(absolute), `${path.basename(absolute, path.extname(absolute))}.pdf`);
    return { input: absolute, output };
  });

  const problems: Problem[] = [];
  const refuse = (code: string, file: string, message: string, hint?: string) => problems.push({ severity: 'error', code, message, location: { file }, hint });
  const inputIdentities = planned.map(({ input }) => identity(input));
  const byOutput = new Map<string, string[]>();
  for (const { input, output } of planned) {
    // Case-insensitive file systems (macOS, Windows) would write A.pdf and a.pdf to one file.
    const key = output.toLowerCase();
    byOutput.set(key, [...(byOutput.get(key) ?? []), input]);
  }

  const result: PlannedOutput[] = [];
  const reported = new Set<string>();
  for (const { input, output } of planned) {
    if (!statOrUndefined(input)?.isFile()) {
      refuse('FILE_UNREADABLE', input, statOrUndefined(input) ? 'not a file' : 'file not found');
      continue;
    }
    const key = output.toLowerCase();
    const sharing = byOutput.get(key)!;
    if (sharing.length > 1) {
      if (!reported.has(key)) refuse('OUTPUT_CLASH', output, `${namesOf(sharing)} would ${sharing.length === 2 ? 'both' : 'all'} be written to this one file`, 'render them into different folders, or one at a time with -o');
      reported.add(key);
      continue;
    }
    const target = identity(output);
    if (inputIdentities.some((candidate) => sameFile(candidate, target))) {
      refuse('OUTPUT_IS_INPUT', output, 'this is an input file: render never replaces its own input', 'write the PDF elsewhere with -o FILE.pdf or --out DIR');
      continue;
    }
    const existing = lstatOrUndefined(output);
    if (!existing) {
      result.push({ input, output });
      continue;
    }
    if (existing.isDirectory()) {
      refuse('OUTPUT_IS_FOLDER', output, 'a folder stands where the PDF would be written', 'choose another name with -o FILE.pdf');
      continue;
    }
    if (!choice.force && !writtenByTrainpack(output, existing)) {
      refuse('OUTPUT_EXISTS', output, 'this file was not written by trainpack render (or was changed since): it is left as it is', 'move it away, write elsewhere with -o or --out, or replace it with --force');
      continue;
    }
    result.push({ input, output, existing });
  }
  if (problems.length > 0) {
    const message = `${problems.length} output${problems.length === 1 ? '' : 's'} refused`;
    throw new TrainpackError(problems[0]!.code, message, { problems });
  }
  return result;
}

/**
 * Writes each PDF under a fresh hidden name created exclusively (so a planted file or symlink is
 * never followed), and only when every one is on disk moves them into place: a new file with
 * link(), which fails rather than replace anything that appeared meanwhile; a file being replaced
 * with rename(), after checking it is still the one planned. A failure while writing removes what
 * was written and leaves the folders as they were.
 */
export function writeRenderOutputs(planned: readonly PlannedOutput[], contents: readonly Buffer[]): void {
  const staged: { plan: PlannedOutput; temporary: string; bytes: Buffer }[] = [];
  const createdFolders: string[] = [];
  try {
    planned.forEach((plan, index) => {
      const folder = path.dirname(plan.output);
      // mkdir answers EEXIST when the folder to make is a file.
      const created = attempt(plan.output, () => mkdirSync(folder, { recursive: true }), { EEXIST: 'a file stands where a folder is needed' });
      if (created) createdFolders.push(created);
      const temporary = path.join(folder, `.${path.basename(plan.output)}.${randomBytes(6).toString('hex')}.trainpack-tmp`);
      attempt(plan.output, () => writeFileSync(temporary, contents[index]!, { flag: 'wx' }), { EEXIST: 'a file already stands at the temporary name it chose' });
      staged.push({ plan, temporary, bytes: contents[index]! });
    });
    for (const entry of staged) {
      moveIntoPlace(entry.plan, entry.temporary, entry.bytes);
    }
  } catch (error) {
    for (const { temporary } of staged) removeQuietly(temporary);
    for (const folder of createdFolders.reverse()) removeEmptyFolders(folder, planned);
    throw error;
  }
}

function moveIntoPlace(plan: PlannedOutput, temporary: string, bytes: Buffer): void {
  if (plan.existing) {
    const now = lstatOrUndefined(plan.output);
    if (!now || now.ino !== plan.existing.ino || now.dev !== plan.existing.dev || now.size !== plan.existing.size || now.mtimeMs !== plan.existing.mtimeMs) {
      throw new TrainpackError('OUTPUT_CHANGED', 'this file changed while rendering: it is left as it is', { location: { file: plan.output } });
    }
    attempt(plan.output, () => renameSync(temporary, plan.output));
    return;
  }
  try {
    linkSync(temporary, plan.output);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new TrainpackError('OUTPUT_APPEARED', 'a file appeared here while rendering: it is left as it is', { location: { file: plan.output } });
    if (!NO_HARD_LINKS.has(code)) throw writeError(plan.output, error);
    // Without hard links, the exclusive flag keeps the guarantee: the file is created, never replaced.
    attempt(plan.output, () => writeFileSync(plan.output, bytes, { flag: 'wx' }));
  }
  unlinkSync(temporary);
}

/** `"notes.md" and "old/notes.md"`: the files relative to the folder they share. */
function namesOf(files: readonly string[]): string {
  let common = path.dirname(files[0]!);
  while (!files.every((file) => file.startsWith(common + path.sep)) && path.dirname(common) !== common) common = path.dirname(common);
  return files.map((file) => `"${path.relative(common, file)}"`).join(' and ');
}

function writtenByTrainpack(file: string, stats: Stats): boolean {
  if (!stats.isFile() || stats.size > LARGEST_RENDERED_PDF) return false;
  try {
    return isTrainpackPdf(readFileSync(file));
  } catch {
    return false;
  }
}

/** Runs a file operation, turning a system error into a one-line error naming the path. */
function attempt<T>(file: string, operation: () => T, reasons: Record<string, string> = {}): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof TrainpackError) throw error;
    throw writeError(file, error, reasons);
  }
}

function writeError(file: string, error: unknown, reasons: Record<string, string> = {}): TrainpackError {
  const code = (error as NodeJS.ErrnoException).code;
  const cause = code && reasons[code] ? `${reasons[code]} (${code})` : describeFsError(error);
  return new TrainpackError('OUTPUT_WRITE_FAILED', `cannot write the PDF: ${cause}; nothing was written`, { location: { file } });
}

function identity(file: string): { real: string; stats?: Stats } {
  const stats = statOrUndefined(file);
  try {
    // A file that does not exist yet is compared through its folder's real path.
    return { real: stats ? realpathSync.native(file) : path.join(realpathSync.native(path.dirname(file)), path.basename(file)), stats };
  } catch {
    return { real: path.resolve(file), stats };
  }
}

/** One file under two names: the same real path, or the same inode (a hard link). */
function sameFile(a: { real: string; stats?: Stats }, b: { real: string; stats?: Stats }): boolean {
  if (a.real === b.real) return true;
  return a.stats !== undefined && b.stats !== undefined && a.stats.ino === b.stats.ino && a.stats.dev === b.stats.dev;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone: nothing to clean.
  }
}

/** Removes the folders mkdir created, deepest first, as long as they are empty. */
function removeEmptyFolders(topCreated: string, planned: readonly PlannedOutput[]): void {
  const folders = new Set<string>();
  for (const { output } of planned) {
    for (let folder = path.dirname(output); folder === topCreated || folder.startsWith(topCreated + path.sep); folder = path.dirname(folder)) folders.add(folder);
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty, or already gone: left as it is.
    }
  }
}
