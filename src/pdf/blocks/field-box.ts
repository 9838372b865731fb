import type { DirectiveToken } from '../../markdown/directives.js';
import { round, sum } from '../box.js';
import type { BlockLayout } from '../flow.js';
import { linesInks, type InlineStyle, type TextLine } from '../inline.js';
import type { Ink } from '../ink.js';

/**
 * `::box label="..." value="..." note="..." verified="..."`: a bordered field with a label, then
 * a value, or an empty space for the organisation to fill in (the pack's audience, contacts).
 */
export const fieldBox: BlockLayout<DirectiveToken> = ({ attributes }, context, { theme, labels, lines }) => {
  const padding = theme.callout.padding;
  const innerWidth = context.width - padding * 2;
  const smallStyle: InlineStyle = { ...context.style, size: theme.small, colour: theme.colours.muted };
  const label = lines([{ text: attributes.label ?? '', style: { ...context.style, family: 'heading', bold: true } }], innerWidth);
  const value = attributes.value ? lines([{ text: attributes.value, style: { ...context.style, bold: true, size: round(context.style.size * 1.15) } }], innerWidth) : [];
  const placeholder = attributes.value ? [] : lines([{ text: labels.toBeCompleted, style: { ...smallStyle, italic: true } }], innerWidth);
  const blankHeight = attributes.value ? 0 : context.style.size * theme.body.lineHeight * 1.6;
  const note = attributes.note ? lines([{ text: attributes.note, style: { ...context.style, colour: theme.colours.muted } }], innerWidth) : [];
  const verified = attributes.verified ? lines([{ text: `${labels.verified}: ${attributes.verified}`, style: smallStyle }], innerWidth) : [];
  const height = padding * 2 + sum([label, value, placeholder, note, verified].flat().map((line) => line.height)) + blankHeight;
  const node = context.struct.child('P');
  const x = context.indent + padding;
  const ink: Ink[] = [{ kind: 'rect', x: context.indent, y: 0, width: context.width, height, stroke: { colour: theme.colours.text, width: theme.strokes.rule } }];
  let y = padding;
  const add = (part: TextLine[]) => {
    ink.push(...linesInks(part, x, y, theme, node));
    y += sum(part.map((line) => line.height));
  };
  add(label);
  add(value);
  if (blankHeight > 0) {
    y += blankHeight;
    add(placeholder);
  }
  add(note);
  add(verified);
  return [{ height, spaceBefore: theme.body.paragraphSpace, keepWithNext: false, decorations: context.decorations, group: context.group, ink }];
};
