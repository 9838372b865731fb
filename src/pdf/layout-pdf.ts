import { measureDocument } from './measure.js';
import type { LayoutResult, PrintDocument } from './model.js';
import { paginate } from './paginate.js';
import { paint } from './paint.js';
import { StructNode } from './structure.js';
import type { Theme } from './theme.js';

/**
 * Lays out a document and writes the PDF, in three steps with plain data between them:
 * measure (tokens → boxes), paginate (boxes → pages), paint (pages → PDF).
 */
export function layoutPdf(document: PrintDocument, theme: Theme): Promise<LayoutResult> {
  return paint(layoutPages(document, theme), document, theme);
}

/** Measure and paginate only: the pages as data, for tests and for tools that inspect the layout. */
export function layoutPages(document: PrintDocument, theme: Theme) {
  const structure = new StructNode('Document', null);
  return paginate(measureDocument(document, theme, structure), document, theme, structure);
}
