import type { ContainerToken } from '../../markdown/directives.js';
import type { BlockToken } from '../../markdown/lex.js';
import { sum, type Box, type RepeatGroup } from '../box.js';
import type { BlockLayout, FlowContext, Measurer } from '../flow.js';
import type { InlineStyle } from '../inline.js';
import type { Theme } from '../theme.js';
import { fillLineBox } from './fill-line.js';

/**
 * `::: checklist`: a title, an intro, items with pen boxes, and "Done by / Date" lines. The title
 * and intro stay with the first item; the title is repeated on pages the checklist continues onto.
 */
export const checklist: BlockLayout<ContainerToken> = (token, context, measurer) => {
  const group: RepeatGroup = { header: [] };
  const inner: FlowContext = { ...context, struct: context.struct.child('Sect'), group, checklist: { group } };
  const boxes = [...measurer.blocks(token.tokens as BlockToken[], inner), ...doneByLines(inner, measurer)];
  return keepItems(boxes, measurer.theme);
};

/** Fewest items a split checklist leaves on either side of the break. */
const ITEMS_EACH_SIDE = 3;

/**
 * A checklist that fits on a page is never split. A longer one breaks only between items, with at
 * least three items on each side, so its title and intro never stand at a page foot with one item.
 */
function keepItems(boxes: Box[], theme: Theme): Box[] {
  const pageHeight = theme.page.height - theme.margins.top - theme.margins.bottom;
  const height = sum(boxes.map((box, index) => box.height + (index > 0 ? box.spaceBefore : 0)));
  const starts = boxes.flatMap((box, index) => (box.itemStart ? [index] : []));
  // Breaks may come only before the item starts from the fourth to the third from last.
  const breakable = new Set(height <= pageHeight ? [] : starts.slice(ITEMS_EACH_SIDE, Math.max(ITEMS_EACH_SIDE, starts.length - ITEMS_EACH_SIDE + 1)));
  return boxes.map((box, index) => (index < boxes.length - 1 && !breakable.has(index + 1) ? { ...box, keepWithNext: true } : box));
}

/** "Done by ____  Date ____" on one line, or on two when the labels would not fit beside each other (A5, large print). */
function doneByLines(context: FlowContext, measurer: Measurer): Box[] {
  const { theme, labels, lines } = measurer;
  const labelStyle: InlineStyle = { ...context.style, bold: true };
  const labelWidth = Math.max(...[labels.doneBy, labels.date].map((label) => lines([{ text: `${label}:`, style: labelStyle }], Number.MAX_VALUE)[0]!.width));
  const half: FlowContext = { ...context, width: context.width * 0.58 - 8 };
  const spaceBefore = theme.checklist.itemSpace * 2;
  if (labelWidth > half.width * 0.45) {
    return [{ ...fillLineBox(labels.doneBy, context, measurer, spaceBefore), keepWithNext: true }, fillLineBox(labels.date, { ...context, width: context.width * 0.6 }, measurer, 0)];
  }
  const doneBy = fillLineBox(labels.doneBy, half, measurer, spaceBefore);
  const date = fillLineBox(labels.date, { ...context, indent: context.indent + context.width * 0.58, width: context.width * 0.42 }, measurer, 0);
  return [{ ...doneBy, height: Math.max(doneBy.height, date.height), ink: [...doneBy.ink, ...date.ink] }];
}
