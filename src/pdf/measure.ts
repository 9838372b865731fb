import { TrainpackError } from '../errors.js';
import type { BlockToken } from '../markdown/lex.js';
import { BLOCKS, CONTAINERS, DIRECTIVES, type KnownBlockType } from './blocks/registry.js';
import type { Box } from './box.js';
import type { BlockLayout, FlowContext, Measurer } from './flow.js';
import { imageSize } from './image-size.js';
import { breakLines, type InlineStyle } from './inline.js';
import type { PrintDocument, PrintSection, SectionKind } from './model.js';
import { StructNode } from './structure.js';
import type { Theme } from './theme.js';

/** The sections a `::toc` directive lists. */
export const CONTENTS_KINDS: readonly SectionKind[] = ['handout', 'checklists', 'contacts'];

/** One section measured: its boxes in reading order, under its own structure element. */
export interface MeasuredSection {
  section: PrintSection;
  boxes: Box[];
}

/**
 * The measure step: every section's tokens become boxes of measured lines, with their ink,
 * structure elements and keep rules. Needs the fonts, not a PDF document.
 */
export function measureDocument(document: PrintDocument, theme: Theme, root: StructNode): MeasuredSection[] {
  const width = theme.page.width - theme.margins.inner - theme.margins.outer;
  const contentsEntries = document.sections.filter((section) => CONTENTS_KINDS.includes(section.kind)).length;
  return document.sections.map((section) => {
    const measurer = createMeasurer(theme, document, section, contentsEntries);
    const style: InlineStyle = { family: 'body', size: theme.body.size, bold: false, italic: false, strike: false, colour: theme.colours.text };
    const context: FlowContext = { struct: root.child('Sect', { title: section.title }), indent: 0, width, decorations: [], style, depth: 0, listDepth: 0 };
    return { section, boxes: settleSpacing(measurer.blocks(section.tokens, context)) };
  });
}

function createMeasurer(theme: Theme, document: PrintDocument, section: PrintSection, contentsEntries: number): Measurer {
  const measurer: Measurer = {
    theme,
    labels: document.labels,
    section,
    contentsEntries,
    blocks: (tokens, context) => tokens.flatMap((token) => layoutBlock(token, context, measurer)),
    lines: (runs, width, lineHeight = theme.body.lineHeight) => breakLines(runs, width, theme, lineHeight),
    imageSize,
  };
  return measurer;
}

function layoutBlock(token: BlockToken, context: FlowContext, measurer: Measurer): Box[] {
  const type = token.type as KnownBlockType;
  const layout: BlockLayout<never> | undefined =
    type === 'directive' ? DIRECTIVES[(token as { name: string }).name] ?? BLOCKS.directive : type === 'container' ? CONTAINERS[(token as { name: string }).name] ?? layoutChildren : Object.hasOwn(BLOCKS, type) ? BLOCKS[type] : undefined;
  if (!layout) throw new TrainpackError('LAYOUT_UNSUPPORTED', `cannot print Markdown element "${String(type)}"`);
  return (layout as BlockLayout)(token, context, measurer);
}

/** An unknown container prints its content. */
const layoutChildren: BlockLayout = (token, context, measurer) => measurer.blocks(((token as { tokens?: BlockToken[] }).tokens ?? []), context);

/** A box's `spaceAfter` (after a heading, inside a callout's padding) becomes the next box's space above. */
function settleSpacing(boxes: Box[]): Box[] {
  return boxes.map((box, index) => {
    const previous = boxes[index - 1];
    return previous?.spaceAfter !== undefined ? { ...box, spaceBefore: previous.spaceAfter } : box;
  });
}
