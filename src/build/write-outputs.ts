import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TrainpackError, type Problem } from '../errors.js';
import type { ManifestEntry } from './options.js';

export const MANIFEST_NAME = 'manifest.json';
const GENERATOR = 'trainpack';

interface Manifest {
  generator: typeof GENERATOR;
  version: 1;
  date: string;
  files: ManifestEntry[];
}

/**
 * Writes a build's files into an output folder so that a failure leaves it exactly as it was:
 * each file goes into a staging folder as soon as it is rendered (so finished PDFs are not held
 * in memory), and only when all exist are they renamed into place, manifest.json last.
 *
 * A file trainpack did not write (not in the previous manifest with the same checksum) is never
 * overwritten: `open` refuses before anything is rendered. manifest.json lists every trainpack
 * file in the folder, including those of earlier builds that are still there unchanged.
 */
export class OutputWriter {
  private readonly entries: ManifestEntry[] = [];
  private readonly staging: string;

  private constructor(
    private readonly root: string,
    private readonly previous: ManifestEntry[],
  ) {
    this.staging = path.join(root, `.trainpack-staging-${process.pid}`);
  }

  /** Checks that every path can be written, then prepares the staging folder. */
  static open(outDir: string, paths: readonly string[]): OutputWriter {
    const root = path.resolve(outDir);
    const previous = readManifest(root);
    const known = new Map(previous.map((entry) => [entry.path, entry]));
    const conflicts: Problem[] = [];
    for (const relative of paths) {
      const target = path.join(root, relative);
      if (existsSync(target) && !writtenByTrainpack(target, known.get(relative))) {
        conflicts.push({ severity: 'error', code: 'OUTPUT_CONFLICT', message: 'this file was not written by trainpack (or was changed since): it is left as it is', location: { file: target }, hint: 'move it away, or build into another folder with --out' });
      }
    }
    if (conflicts.length > 0) throw new TrainpackError('OUTPUT_CONFLICT', `${conflicts.length} file${conflicts.length === 1 ? '' : 's'} in the output folder would be overwritten`, { problems: conflicts });
    const writer = new OutputWriter(root, previous);
    rmSync(writer.staging, { recursive: true, force: true });
    return writer;
  }

  stage(entry: Omit<ManifestEntry, 'bytes' | 'sha256'>, bytes: Buffer): ManifestEntry {
    const staged = path.join(this.staging, entry.path);
    mkdirSync(path.dirname(staged), { recursive: true });
    writeFileSync(staged, bytes);
    const full: ManifestEntry = { ...entry, bytes: bytes.length, sha256: sha256(bytes) };
    this.entries.push(full);
    return full;
  }

  /** Moves every staged file into place, then writes the manifest. Returns this build's entries in staging order. */
  commit(date: Date): ManifestEntry[] {
    try {
      for (const entry of this.entries) {
        const target = path.join(this.root, entry.path);
        mkdirSync(path.dirname(target), { recursive: true });
        renameSync(path.join(this.staging, entry.path), target);
      }
      const written = new Set(this.entries.map((entry) => entry.path));
      const kept = this.previous.filter((entry) => !written.has(entry.path) && writtenByTrainpack(path.join(this.root, entry.path), entry));
      const files = [...kept, ...this.entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const manifest: Manifest = { generator: GENERATOR, version: 1, date: date.toISOString(), files };
      const stagedManifest = path.join(this.staging, MANIFEST_NAME);
      mkdirSync(this.staging, { recursive: true });
      writeFileSync(stagedManifest, `${JSON.stringify(manifest, null, 2)}\n`);
      renameSync(stagedManifest, path.join(this.root, MANIFEST_NAME));
    } finally {
      this.abort();
    }
    return this.entries;
  }

  /** Removes the staging folder: the output folder is as it was before the build. */
  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}

function readManifest(root: string): ManifestEntry[] {
  const file = path.join(root, MANIFEST_NAME);
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (parsed.generator === GENERATOR && Array.isArray(parsed.files)) return parsed.files;
  } catch {
    // Not JSON: certainly not ours.
  }
  throw new TrainpackError('OUTPUT_CONFLICT', 'the output folder has a manifest.json that trainpack did not write: it is left as it is', { location: { file }, hint: 'build into another folder with --out' });
}

function writtenByTrainpack(file: string, entry: ManifestEntry | undefined): boolean {
  if (!entry) return false;
  try {
    return sha256(readFileSync(file)) === entry.sha256;
  } catch {
    return false;
  }
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
