import type { Tokens } from 'marked';
import type { BlockToken } from '../../markdown/lex.js';
import { sum, type Box } from '../box.js';
import type { BlockLayout, FlowContext, Measurer } from '../flow.js';
import type { Ink } from '../ink.js';
import { inlineRuns, lineInks, type TextLine } from '../inline.js';
import type { StructNode } from '../structure.js';
import { lineBoxes } from './text-boxes.js';

const BULLETS = ['•', '–', '◦'];

/**
 * A list: a marker (bullet, number, or an empty box for a pen) on each item's first line, drawn
 * before the item's text so extraction and reading order match. Not split after its first line;
 * in a checklist an item stays whole and is at least as tall as its box.
 */
export const list: BlockLayout<Tokens.List> = (token, context, measurer) => {
  const { theme } = measurer;
  const depth = context.listDepth;
  const start = typeof token.start === 'number' ? token.start : 1;
  const inChecklist = context.checklist !== undefined;
  // Task items get the checklist's pen box (5 mm at least) wherever they are, in a checklist or not.
  const hasTasks = token.items.some((item) => item.task);
  const boxSize = theme.checklist.box;
  const indent = inChecklist || hasTasks ? boxSize + theme.list.indent * 0.6 : theme.list.indent;
  const listNode = context.struct.child('L', {}, { O: 'List', ListNumbering: token.ordered ? 'Decimal' : hasTasks ? 'None' : 'Disc' });
  const boxes: Box[] = [];
  token.items.forEach((item, index) => {
    const itemNode = listNode.child('LI');
    // A pen box is announced as a checkbox.
    const label = itemNode.child('Lbl', item.task ? { actual: item.checked ? '☑' : '☐' } : {});
    const itemContext: FlowContext = { ...context, struct: itemNode.child('LBody'), indent: context.indent + indent, width: context.width - indent, depth: context.depth + 1, listDepth: depth + 1 };
    const itemSpace = inChecklist ? theme.checklist.itemSpace : token.loose ? theme.body.paragraphSpace : theme.list.itemSpace;
    const itemBoxes: Box[] = [];
    let firstLine: TextLine | undefined;
    for (const child of item.tokens as BlockToken[]) {
      if (child.type === 'checkbox') continue;
      if (child.type === 'text' || child.type === 'paragraph') {
        const lines = measurer.lines(inlineRuns((child as Tokens.Text).tokens as Tokens.Generic[], context.style, (child as Tokens.Text).text), itemContext.width);
        const first = itemBoxes.length === 0;
        if (first) firstLine = lines[0];
        const spaceBefore = first ? (index === 0 && depth === 0 && !inChecklist ? theme.body.paragraphSpace : itemSpace) : theme.list.itemSpace;
        itemBoxes.push(...lineBoxes(lines, itemContext, theme, spaceBefore, inChecklist, itemContext.struct.child('P')));
      } else {
        itemBoxes.push(...measurer.blocks([child], itemContext));
      }
    }
    const first = itemBoxes[0];
    if (!first) return;
    const marker = token.ordered ? `${start + index}.` : BULLETS[depth % BULLETS.length]!;
    itemBoxes[0] = {
      ...first,
      itemStart: true,
      keepWithNext: first.keepWithNext || (index === 0 && token.items.length > 1),
      ink: [...markerInk(item, marker, token.ordered, firstLine, boxSize, inChecklist, label, context, measurer), ...first.ink],
    };
    if (item.task) {
      // The pen needs the box height at least: a one-line item is as tall as its box.
      const itemHeight = sum(itemBoxes.map((box) => box.height));
      const last = itemBoxes[itemBoxes.length - 1]!;
      if (itemHeight < boxSize + 2) itemBoxes[itemBoxes.length - 1] = { ...last, height: last.height + boxSize + 2 - itemHeight };
    }
    boxes.push(...itemBoxes);
  });
  return boxes;
};

/** A bullet or number on the first line's baseline, or an empty box for a pen (ticked when the source says so). */
function markerInk(item: Tokens.ListItem, marker: string, ordered: boolean, firstLine: TextLine | undefined, boxSize: number, inChecklist: boolean, label: StructNode, context: FlowContext, { theme, lines }: Measurer): Ink[] {
  const x = context.indent;
  const markerLine = lines([{ text: marker, style: { ...context.style, bold: ordered } }], Number.MAX_VALUE)[0]!;
  if (!item.task) return lineInks(markerLine, x, (firstLine?.baseline ?? markerLine.baseline) - markerLine.baseline, theme, label);
  const lineHeight = firstLine?.height ?? markerLine.height;
  const top = inChecklist ? 0 : (lineHeight - boxSize) / 2;
  const stroke = { colour: theme.colours.text, width: inChecklist ? theme.checklist.lineWeight : theme.strokes.rule };
  const ink: Ink[] = [{ kind: 'rect', x: x + 0.5, y: top + 0.5, width: boxSize, height: boxSize, stroke, tag: label }];
  if (item.checked) {
    ink.push({ kind: 'path', points: [[x + boxSize * 0.2, top + boxSize * 0.55], [x + boxSize * 0.42, top + boxSize * 0.78], [x + boxSize * 0.82, top + boxSize * 0.22]], stroke, tag: label });
  }
  return ink;
}
