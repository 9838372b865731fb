import type { Problem } from '../errors.js';
import type { BlockToken } from '../markdown/lex.js';

export type SectionKind = 'front' | 'handout' | 'checklists' | 'contacts' | 'document';

/** One document inside a PDF: a handout, the checklists, the pack's front, or a rendered file. */
export interface PrintSection {
  kind: SectionKind;
  /** Printed in the running header and used for contents entries. */
  title: string;
  tokens: BlockToken[];
  /** Folder that image paths in the Markdown are relative to. */
  baseDir: string;
  /** The file the Markdown was read from and the line it starts on, to locate layout warnings. */
  source?: { file: string; firstLine: number };
}

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
  /** What the layout could not print as written (a box taller than a page was cut), located where it can be. */
  warnings: Problem[];
}
