import { statSync } from 'node:fs';
import type { ProblemList } from '../errors.js';

const MB = 1024 * 1024;

/**
 * The largest input files trainpack reads. The largest built-in guide is about 40 KB; a guide of
 * 2 MB is some 1,000 printed pages, more than any training pack needs, and larger inputs ran for
 * minutes and gigabytes before failing or finishing. Checked before a file is read.
 */
export const SIZE_LIMITS = {
  guide: { bytes: 2 * MB, what: 'a guide' },
  markdown: { bytes: 2 * MB, what: 'a Markdown file' },
  yaml: { bytes: 1 * MB, what: 'a YAML file' },
  template: { bytes: 0.25 * MB, what: 'a template' },
} as const;

export type SizeLimitKind = keyof typeof SIZE_LIMITS;

/** Reports a file larger than its kind may be; true when it is too large to read. */
export function exceedsSizeLimit(file: string, kind: SizeLimitKind, problems: ProblemList): boolean {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return false; // Reading it reports why it cannot be read.
  }
  const limit = SIZE_LIMITS[kind];
  if (size <= limit.bytes) return false;
  problems.error('FILE_TOO_LARGE', `is ${formatMegabytes(size)}; the limit for ${limit.what} is ${formatMegabytes(limit.bytes)}`, { file }, 'split it into several guides or files');
  return true;
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / MB;
  return `${megabytes >= 10 || Number.isInteger(megabytes) ? megabytes.toFixed(0) : megabytes.toFixed(1)} MB`;
}
