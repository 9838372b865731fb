import type { Tokens } from 'marked';
import { TrainpackError, type Problem, type SourceLocation } from '../errors.js';
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
  warnings: Problem[];
}

/**
 * Lists and quotes nested deeper than this are printed flat, at this depth: deeper indents would
 * leave no room for text, and each level costs stack and memory.
 */
export const MAX_NESTING = 12;

/**
 * The measure step: every section's tokens become boxes of measured lines, with their ink,
 * structure elements and keep rules. Needs the fonts, not a PDF document.
 */
export function measureDocument(document: PrintDocument, theme: Theme, root: StructNode): MeasuredSection[] {
  const width = theme.page.width - theme.margins.inner - theme.margins.outer;
  const contentsTitles = document.sections.filter((section) => CONTENTS_KINDS.includes(section.kind)).map((section) => section.title);
  return document.sections.map((section) => {
    const warnings: Problem[] = [];
    const { measurer, locate } = createMeasurer(theme, document, section, contentsTitles, warnings);
    const style: InlineStyle = { family: 'body', size: theme.body.size, bold: false, italic: false, strike: false, colour: theme.colours.text };
    const context: FlowContext = { struct: root.child('Sect', { title: section.title }), indent: 0, width, decorations: [], style, depth: 0, listDepth: 0 };
    return { section, boxes: settleSpacing(locatedBlocks(section, context, measurer, locate), theme), warnings };
  });
}

/** What a top-level block is called in a message about one of its boxes. */
const WHAT: Record<string, string> = { table: 'table row', heading: 'heading', list: 'list item', code: 'code block', directive: 'field', container: 'block', blockquote: 'quote' };

/** Lays out a section's top-level blocks, marking each box with the block and line it came from. */
function locatedBlocks(section: PrintSection, context: FlowContext, measurer: Measurer, locate: (location: SourceLocation | undefined) => void): Box[] {
  let line = section.source?.firstLine ?? 1;
  return section.tokens.flatMap((token, index) => {
    const location = section.source ? { file: section.source.file, line } : undefined;
    locate(location);
    line += (token.raw.match(/\n/g) ?? []).length;
    const origin = { what: WHAT[token.type] ?? 'paragraph', location };
    const boxes = measurer.blocks([token], context).map((box) => (box.origin ? box : { ...box, origin }));
    return introduces(token, section.tokens, index) ? keepLastWithNext(boxes) : boxes;
  });
}

/** A measurer for one section, and a way to tell it where the top-level block being measured starts (for its warnings). */
function createMeasurer(theme: Theme, document: PrintDocument, section: PrintSection, contentsTitles: string[], warnings: Problem[]): { measurer: Measurer; locate(location: SourceLocation | undefined): void } {
  let flattened = false;
  let currentLocation: SourceLocation | undefined;
  const measurer: Measurer = {
    theme,
    labels: document.labels,
    section,
    contentsTitles,
    blocks: (tokens, context) =>
      tokens.flatMap((token, index) => {
        let boxes: Box[];
        if (context.depth < MAX_NESTING || !NESTING.has(token.type)) boxes = layoutBlock(token, context, measurer);
        else {
          if (!flattened) {
            flattened = true;
            warnings.push({ severity: 'warning', code: 'LAYOUT_NESTING', message: `lists and quotes nested more than ${MAX_NESTING} levels deep are printed without further indent`, location: currentLocation });
          }
          boxes = flattenNesting(token).flatMap((leaf) => layoutBlock(leaf, context, measurer));
        }
        return introduces(token, tokens, index) ? keepLastWithNext(boxes) : boxes;
      }),
    lines: (runs, width, lineHeight = theme.body.lineHeight) => breakLines(runs, width, theme, lineHeight),
    imageSize,
  };
  return { measurer, locate: (location) => (currentLocation = location) };
}

function layoutBlock(token: BlockToken, context: FlowContext, measurer: Measurer): Box[] {
  const type = token.type as KnownBlockType;
  const layout: BlockLayout<never> | undefined =
    type === 'directive' ? DIRECTIVES[(token as { name: string }).name] ?? BLOCKS.directive : type === 'container' ? CONTAINERS[(token as { name: string }).name] ?? layoutChildren : Object.hasOwn(BLOCKS, type) ? BLOCKS[type] : undefined;
  if (!layout) throw new TrainpackError('LAYOUT_UNSUPPORTED', `cannot print Markdown element "${String(type)}"`);
  return (layout as BlockLayout)(token, context, measurer);
}

/** A paragraph that ends with a colon introduces the list or table after it, and stays with it. */
function introduces(token: BlockToken, tokens: readonly BlockToken[], index: number): boolean {
  if (token.type !== 'paragraph' || !/:\s*$/.test(String((token as Tokens.Paragraph).text))) return false;
  const next = tokens.slice(index + 1).find((candidate) => candidate.type !== 'space');
  return next?.type === 'list' || next?.type === 'table';
}

function keepLastWithNext(boxes: Box[]): Box[] {
  return boxes.map((box, index) => (index === boxes.length - 1 ? { ...box, keepWithNext: true } : box));
}

/** Token types that nest blocks inside blocks. */
const NESTING = new Set(['list', 'blockquote', 'container']);

/**
 * The leaf blocks (paragraphs, headings, code, tables...) inside nested lists, quotes and
 * containers, in reading order, found with an explicit stack so that any depth is safe.
 */
function flattenNesting(token: BlockToken): BlockToken[] {
  const leaves: BlockToken[] = [];
  const stack: BlockToken[] = [token];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (!NESTING.has(current.type)) {
      leaves.push(current);
      continue;
    }
    const children = current.type === 'list' ? (current as Tokens.List).items.flatMap((item) => item.tokens) : ((current as { tokens?: BlockToken[] }).tokens ?? []);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as BlockToken);
  }
  return leaves;
}

/** An unknown container prints its content. */
const layoutChildren: BlockLayout = (token, context, measurer) => measurer.blocks(((token as { tokens?: BlockToken[] }).tokens ?? []), context);

/**
 * A box's `spaceAfter` (after a heading, inside a callout's padding) becomes the next box's space
 * above; a heading directly under a higher-level one takes its space from the theme's stacked-headings table.
 */
function settleSpacing(boxes: Box[], theme: Theme): Box[] {
  return boxes.map((box, index) => {
    const previous = boxes[index - 1];
    if (previous?.outline && box.outline && box.outline.level > previous.outline.level) {
      const stacked = theme.stackedHeadings[`${previous.outline.level}-${box.outline.level}` as keyof Theme['stackedHeadings']];
      if (stacked !== undefined) return { ...box, spaceBefore: stacked };
    }
    return previous?.spaceAfter !== undefined ? { ...box, spaceBefore: previous.spaceAfter } : box;
  });
}
