import type { Tokens } from 'marked';
import type { BlockLayout } from '../flow.js';
import { inlineRuns, plainText, type InlineStyle } from '../inline.js';
import { textBox } from './text-boxes.js';

/** A heading keeps with what follows it and sets the space below it; inside a checklist it is also the title repeated on continuation pages. */
export const heading: BlockLayout<Tokens.Heading> = (token, context, { theme, labels, lines }) => {
  const level = Math.min(Math.max(token.depth, 1), 4);
  const headingStyle = theme.headings[level - 1]!;
  const size = context.cover && level === 1 ? theme.coverTitleSize : headingStyle.size;
  const style: InlineStyle = { ...context.style, family: 'heading', size, bold: true };
  const runs = inlineRuns(token.tokens as Tokens.Generic[], style, token.text);
  const box = textBox(lines(runs, context.width, 1.2), context, theme, { spaceBefore: headingStyle.spaceBefore, keepWithNext: true, node: context.struct.child(`H${level}`) });
  box.spaceAfter = headingStyle.spaceAfter;
  box.outline = { level, title: plainText(token.tokens as Tokens.Generic[], token.text) };
  if (context.checklist) {
    const continued = [...runs, { text: ` (${labels.continued})`, style: { ...style, bold: false } }];
    context.checklist.group.header = [textBox(lines(continued, context.width, 1.2), { ...context, group: undefined }, theme, { spaceBefore: 0, keepWithNext: true })];
  }
  return [box];
};
