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

export interface OutputFile {
  entry: Omit<ManifestEntry, 'bytes' | 'sha256'>;
  bytes: Buffer;
}

/**
 * Writes a build's files into `outDir` so that a failure leaves it exactly as it was: every file is
 * written into a staging folder first and only renamed into place once all exist. A file trainpack
 * did not write (not in the previous manifest with the same checksum) is never overwritten: the
 * build stops before writing anything. manifest.json lists every trainpack file in the folder.
 */
export function writeOutputs(outDir: string, files: readonly OutputFile[], date: Date): ManifestEntry[] {
  const root = path.resolve(outDir);
  const previous = readManifest(root);
  const known = new Map(previous.map((entry) => [entry.path, entry]));
  const entries: ManifestEntry[] = files.map(({ entry, bytes }) => ({ ...entry, bytes: bytes.length, sha256: sha256(bytes) }));

  const conflicts: Problem[] = [];
  for (const entry of entries) {
    const target = path.join(root, entry.path);
    if (existsSync(target) && !writtenByTrainpack(target, known.get(entry.path))) {
      conflicts.push({ severity: 'error', code: 'OUTPUT_CONFLICT', message: 'this file was not written by trainpack (or was changed since): it is left as it is', location: { file: target }, hint: 'move it away, or build into another folder with --out' });
    }
  }
  if (conflicts.length > 0) throw new TrainpackError('OUTPUT_CONFLICT', `${conflicts.length} file${conflicts.length === 1 ? '' : 's'} in the output folder would be overwritten`, { problems: conflicts });

  mkdirSync(root, { recursive: true });
  const staging = path.join(root, `.trainpack-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    files.forEach(({ bytes }, index) => {
      const staged = path.join(staging, entries[index]!.path);
      mkdirSync(path.dirname(staged), { recursive: true });
      writeFileSync(staged, bytes);
    });
    for (const entry of entries) {
      const target = path.join(root, entry.path);
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(path.join(staging, entry.path), target);
    }
    const written = new Set(entries.map((entry) => entry.path));
    const kept = previous.filter((entry) => !written.has(entry.path) && writtenByTrainpack(path.join(root, entry.path), entry));
    const manifest: Manifest = { generator: GENERATOR, version: 1, date: date.toISOString(), files: [...kept, ...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
    const stagedManifest = path.join(staging, MANIFEST_NAME);
    writeFileSync(stagedManifest, `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(stagedManifest, path.join(root, MANIFEST_NAME));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return entries;
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
