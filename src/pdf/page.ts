import type { Problem } from '../errors.js';
import type { Ink } from './ink.js';
import type { StructNode } from './structure.js';

/** One page as plain data: everything paint draws on it, in reading order, at absolute positions (points, top-left origin). */
export interface Page {
  /** The section (document) the page belongs to. */
  section: number;
  /** A cover page: no running header or footer. */
  cover: boolean;
  /** A page left blank so the next document starts on a right-hand page (duplex). */
  blank: boolean;
  /** Left edge of the text block (margins mirror in duplex). */
  left: number;
  ink: Ink[];
  /** Outline entries of the headings on this page, in order. */
  outline: { level: number; title: string }[];
  /** Named destinations at the top of this page (where each document starts). */
  destinations: string[];
}

/** The paginated document: its pages and the root of its structure tree. */
export interface PagedDocument {
  pages: Page[];
  structure: StructNode;
  warnings: Problem[];
}
