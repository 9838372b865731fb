import type { Box, Decoration, RepeatGroup } from './box.js';
import type { BlockToken } from '../markdown/lex.js';
import type { InlineStyle, TextLine, TextRun } from './inline.js';
import type { PrintLabels, PrintSection } from './model.js';
import type { StructNode } from './structure.js';
import type { Theme } from './theme.js';

/** Where a block is being laid out: its structure parent, indent, width and inherited style. */
export interface FlowContext {
  /** The structure element new content belongs to. */
  struct: StructNode;
  /** Left edge, from the text block's left edge. */
  indent: number;
  width: number;
  decorations: readonly Decoration[];
  style: InlineStyle;
  group?: RepeatGroup;
  /** Inside a checklist: its heading becomes the group's repeated title. */
  checklist?: { group: RepeatGroup };
  cover?: boolean;
  /** How many lists and callouts enclose this block. */
  depth: number;
  /** How many lists enclose this block (picks the bullet). */
  listDepth: number;
}

/** What a block needs from the measuring step: the theme, the words it prints, and a way to lay out children. */
export interface Measurer {
  readonly theme: Theme;
  readonly labels: PrintLabels;
  readonly section: PrintSection;
  /** The titles the contents (`::toc`) lists, one entry per document. */
  readonly contentsTitles: readonly string[];
  /** Lays out child blocks in order. */
  blocks(tokens: readonly BlockToken[], context: FlowContext): Box[];
  /** Breaks styled runs into measured lines. */
  lines(runs: readonly TextRun[], width: number, lineHeight?: number): TextLine[];
  /** Pixel size of an image file (PNG or JPEG). */
  imageSize(file: string): { width: number; height: number };
}

/** Lays out one kind of block: measures it and returns its boxes, with their keep rules set. */
export type BlockLayout<T = BlockToken> = (token: T, context: FlowContext, measurer: Measurer) => Box[];
