import type { PaperSize } from '../content/types.js';
import type { Problem } from '../errors.js';
import type { WorkshopDocumentKind } from '../template/expand-workshop.js';
import type { OutputFileSystem } from './output-file-system.js';

/** The kinds of file a build can write for each audience and language. */
export type OutputKind = 'pack' | 'handouts' | 'checklists' | 'pocket';
/** Every kind a build can write; `pocket` (a card per audience) only when asked for with --only. */
export const OUTPUT_KINDS: readonly OutputKind[] = ['pack', 'handouts', 'checklists', 'pocket'];
export const DEFAULT_OUTPUT_KINDS: readonly OutputKind[] = ['pack', 'handouts', 'checklists'];

/** Options resolved once (defaults < pack.yaml < flags < prompt answers); stages never see raw flags. */
export interface BuildOptions {
  /** Content root (default: the built-in guides). */
  contentDir: string;
  /** A folder overriding templates by file name. */
  templatesDir?: string;
  /** Audience ids; undefined means all. */
  audiences?: readonly string[];
  /** Language codes; undefined means all of pack.yaml. */
  languages?: readonly string[];
  /** Guide ids; undefined means all. */
  guides?: readonly string[];
  outDir: string;
  /** Overrides pack.yaml's paper. */
  paper?: PaperSize;
  only?: readonly OutputKind[];
  largePrint?: boolean;
  duplex?: boolean;
  /** Beside each A5 document, an imposed copy for saddle-stitch printing on A4. */
  booklet?: boolean;
  /** The date printed on covers and stored in the PDFs (from SOURCE_DATE_EPOCH or the clock, chosen by the caller). */
  date: Date;
  /** Worker threads to render with; 0 (the default) renders in this thread. At most one per core and per document. */
  workers?: number;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Cancels the build: rendering stops, the staging folder is removed, the lock given up and an
   * INTERRUPTED TrainpackError thrown. A commit that has begun is not cut short (it takes moments).
   */
  signal?: AbortSignal;
  /** The file operations used on the output folder (Node's by default); tests pass one that fails. */
  fileSystem?: OutputFileSystem;
}

export interface ProgressEvent {
  done: number;
  total: number;
  path: string;
  audience?: string;
  lang: string;
}

/** What a written file is: one of a pack's, or one of a workshop kit's documents. */
export type FileKind = 'pack' | 'handout' | 'checklists' | 'pocket' | WorkshopDocumentKind;

/** One file a build wrote, as listed in manifest.json. */
export interface ManifestEntry {
  path: string;
  /** The audience a pack's file is for; absent for a workshop's own documents. */
  audience?: string;
  lang: string;
  kind: FileKind;
  guide?: string;
  /** The workshop (plan id) a kit's file belongs to. Never a participant's data. */
  workshop?: string;
  /** Present on the imposed copy of an A5 document (`pages` then counts sheet sides). */
  imposition?: 'booklet';
  pages: number;
  bytes: number;
  sha256: string;
}

export interface BuildResult {
  outDir: string;
  /** The files this build wrote. */
  files: ManifestEntry[];
  warnings: Problem[];
  pages: number;
  /** How many worker threads rendered at least one document (0: all in this thread). */
  workers: number;
}
