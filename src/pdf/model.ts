/// <reference types="pdfkit" />
import type { SourceLocation } from '../errors.js';
import type { BlockToken } from '../markdown/lex.js';
import type { Theme } from './theme.js';

export type SectionKind = 'front' | 'handout' | 'checklists' | 'contacts' | 'document';

/** One document inside a PDF: a handout, the checklists, the pack's front, or a rendered file. */
export interface PrintSection {
  kind: SectionKind;
  /** Printed in the running header and used for contents entries. */
  title: string;
  tokens: BlockToken[];
  /** Every image of the tokens, by its href: read and checked before layout. */
  images: ReadonlyMap<string, PrintImage>;
}

/**
 * An image ready to print, with where it is written for errors; or a placeholder, whose alt text
 * is drawn in a box (`render` does this for a missing or remote image, after warning about it).
 */
export type PrintImage = { kind: 'image'; data: Buffer; location?: SourceLocation } | { kind: 'placeholder' };

/** The words the layout itself prints, in the document's language. */
export interface PrintLabels extends Omit<PrintLabelStrings, 'pageOf'> {
  pageOf: (page: number, pages: number) => string;
}

/** PrintLabels as plain strings (`pageOf` with {page} and {pages}), so they can be sent to a worker. */
export interface PrintLabelStrings {
  pageOf: string;
  continued: string;
  doneBy: string;
  date: string;
  toBeCompleted: string;
  verified: string;
  intentionallyBlank: string;
}

export interface PrintDocument {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  lang: string;
  creationDate: Date;
  /** Left-hand footer text: pack title and edition. */
  footer: string;
  sections: PrintSection[];
  labels: PrintLabels;
}

export interface LayoutResult {
  bytes: Buffer;
  pages: number;
}

/** A background drawn behind the boxes of a callout or code block, page fragment by fragment. */
export interface Decoration {
  x: number;
  width: number;
  fill?: string;
  bar?: { width: number; colour: string };
}

/** Boxes that repeat at the top of a continuation page: a table's header row, a checklist's title. */
export interface RepeatGroup {
  header: () => Box[];
}

/**
 * A node of the tagged-PDF structure tree (H1, P, L, LI, Table, TD...), built while the flow is
 * laid out and turned into pdfkit structure elements, in reading order, as content is drawn.
 */
export class StructNode {
  constructor(
    readonly type: string,
    readonly parent: StructNode | null,
    readonly options: { alt?: string; title?: string; actual?: string; lang?: string } = {},
  ) {}

  child(type: string, options: StructNode['options'] = {}): StructNode {
    return new StructNode(type, this, options);
  }
}

export interface DrawContext {
  doc: PDFKit.PDFDocument;
  theme: Theme;
  /** Left edge of the text block on this page (margins mirror in duplex). */
  left: number;
  pageIndex: number;
  /** Draws content that belongs to `node` in the structure tree. */
  tag(node: StructNode, draw: () => void): void;
  /** Draws ink that is not content (rules, boxes, backgrounds, repeated headers): an artifact. */
  artifact(draw: () => void): void;
  /** Draws a link's text and its clickable area, tagged as a Link inside the content being drawn. */
  link(url: string, area: { x: number; y: number; width: number; height: number }, draw: () => void): void;
}

/**
 * One unbreakable piece of the vertical list (a line, a table row, a checklist item...). The
 * paginator breaks pages only between boxes, never after one that keeps with the next.
 */
export interface Box {
  height: number;
  /** Space above, dropped at the top of a page. */
  spaceBefore: number;
  keepWithNext: boolean;
  breakBefore?: boolean;
  /** Starts the cover: the page gets no header or footer. */
  cover?: boolean;
  group?: RepeatGroup;
  /** The first box of a list item (lets a checklist keep its title with its first item). */
  itemStart?: boolean;
  decorations: readonly Decoration[];
  draw(context: DrawContext, top: number): void;
}
