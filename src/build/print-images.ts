import path from 'node:path';
import { loadImage, type ImageLookup } from '../content/images.js';
import type { ProblemList, SourceLocation } from '../errors.js';
import { findImages } from '../markdown/find-images.js';
import type { BlockToken } from '../markdown/lex.js';
import type { PrintImage } from '../pdf/model.js';

export interface ImageSource {
  /** The Markdown the tokens were lexed from, and where it is: for file:line:col. */
  markdown: string;
  file?: string;
  firstLine?: number;
  /** The folder image paths are relative to, and the folder they must stay inside. */
  baseDir: string;
  root: string;
  /** How messages name `root`: "the content folder" (the default) or "the Markdown file's folder". */
  rootName?: string;
  /**
   * `warn`: an image that is not read (missing, remote, outside the root) is a warning and prints
   * as its alt text in a box, so one picture never stops a document (render). `error`: it stops
   * the build like any other problem.
   */
  unreadImages: 'warn' | 'error';
  /** A guide body before its templates run: a path a template makes ({{lang}}/map.png) is left to the build. */
  unexpanded?: boolean;
}

/**
 * Reads and checks every image the tokens show, reporting each problem where the image is written,
 * and returns them by href for the layout. Each file is read once however often it appears.
 */
export function readPrintImages(tokens: readonly BlockToken[], source: ImageSource, problems: ProblemList): Map<string, PrintImage> {
  const images = new Map<string, PrintImage>();
  const lookups = new Map<string, ImageLookup>();
  for (const { token, line, column } of findImages(tokens, source.markdown, source.firstLine)) {
    if (source.unexpanded && token.href.includes('{{')) continue;
    const location: SourceLocation = source.file ? { file: source.file, line, column } : { file: path.resolve(source.baseDir, token.href) };
    let lookup = lookups.get(token.href);
    if (!lookup) {
      lookup = loadImage(token.href, source.baseDir, source.root, source.rootName);
      lookups.set(token.href, lookup);
    }
    if (!token.text.trim()) problems.warn('IMAGE_ALT_MISSING', `image ${token.href} has no alt text`, location, 'write what the image shows in ![...]: screen readers read it out');
    if ('image' in lookup) {
      if (!images.has(token.href)) images.set(token.href, { kind: 'image', data: lookup.image.bytes, location });
      continue;
    }
    const { code, message, hint, unread } = lookup.fault;
    if (unread && source.unreadImages === 'warn') {
      problems.warn(code, `${message} (its alt text is printed in a box instead)`, location, hint);
      images.set(token.href, { kind: 'placeholder' });
    } else {
      problems.error(code, message, location, hint);
    }
  }
  return images;
}
