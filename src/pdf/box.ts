import type { SourceLocation } from '../errors.js';
import type { Ink } from './ink.js';
import type { TextLine } from './inline.js';
import type { StructNode } from './structure.js';

/** A background drawn behind the boxes of a callout or code block, page fragment by fragment. */
export interface Decoration {
  /** Left edge, from the text block's left edge. */
  x: number;
  width: number;
  fill?: string;
  bar?: { width: number; colour: string };
}

/** Boxes that repeat at the top of a continuation page: a table's header row, a checklist's title. */
export interface RepeatGroup {
  header: Box[];
}

/** A `::toc`: the contents entries are placed once pagination knows where each section starts. */
export interface ContentsSlot {
  node: StructNode;
  /** Left edge and width of the entries, from the text block's left edge. */
  x: number;
  width: number;
  /** Each document's title lines, their top from the slot's top, and the indent of lines after the first. */
  entries: { lines: TextLine[]; top: number; hang: number }[];
}

/**
 * One unbreakable piece of the vertical list (a line, a table row, a checklist item...), as plain
 * data: its height, how it keeps with its neighbours, and its ink relative to its top-left corner
 * (x from the text block's left edge). Pagination breaks pages only between boxes, never after
 * one that keeps with the next.
 */
export interface Box {
  height: number;
  /** Space above, dropped at the top of a page. */
  spaceBefore: number;
  /** When set, the next box's space above (a heading sets the gap to what it introduces). */
  spaceAfter?: number;
  keepWithNext: boolean;
  breakBefore?: boolean;
  /** With breakBefore in duplex: what follows starts on a right-hand page (the back of the cover stays blank). */
  rightHand?: boolean;
  /** Starts the cover: the page gets no header or footer. */
  cover?: boolean;
  group?: RepeatGroup;
  /** The first box of a list item (lets a checklist keep its title with its first item). */
  itemStart?: boolean;
  decorations: readonly Decoration[];
  ink: Ink[];
  /** A heading's entry in the PDF outline. */
  outline?: { level: number; title: string };
  contents?: ContentsSlot;
  /** What the box is part of and where it came from, for messages ("table row", file:line). */
  origin?: { what: string; location?: SourceLocation };
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
