import type { ContainerToken } from '../../markdown/directives.js';
import type { BlockToken } from '../../markdown/lex.js';
import type { Box, RepeatGroup } from '../box.js';
import type { BlockLayout, FlowContext, Measurer } from '../flow.js';
import type { InlineStyle } from '../inline.js';
import { fillLineBox } from './fill-line.js';

/**
 * `::: checklist`: a title, an intro, items with pen boxes, and "Done by / Date" lines. The title
 * and intro stay with the first item; the title is repeated on pages the checklist continues onto.
 */
export const checklist: BlockLayout<ContainerToken> = (token, context, measurer) => {
  const group: RepeatGroup = { header: [] };
  const inner: FlowContext = { ...context, struct: context.struct.child('Sect'), group, checklist: { group } };
  const boxes = measurer.blocks(token.tokens as BlockToken[], inner);
  const firstItem = boxes.findIndex((box) => box.itemStart);
  const kept = boxes.map((box, index) => (index < firstItem || index === boxes.length - 1 ? { ...box, keepWithNext: true } : box));
  return [...kept, ...doneByLines(inner, measurer)];
};

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
