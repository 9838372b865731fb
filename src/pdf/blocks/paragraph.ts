import type { Tokens } from 'marked';
import type { BlockLayout } from '../flow.js';
import { inlineRuns } from '../inline.js';
import { image } from './image.js';
import { lineBoxes } from './text-boxes.js';

/** A paragraph breaks between lines, never leaving one alone; one holding only images is a block of figures. */
export const paragraph: BlockLayout<Tokens.Paragraph | Tokens.Text> = (token, context, measurer) => {
  const inline = ((token.tokens ?? []) as Tokens.Generic[]).filter((child) => !(child.type === 'text' && String(child.text).trim() === ''));
  if (inline.length > 0 && inline.every((child) => child.type === 'image')) {
    return inline.flatMap((child) => image(child as unknown as Tokens.Image, context, measurer));
  }
  const lines = measurer.lines(inlineRuns(token.tokens as Tokens.Generic[], context.style, token.text), context.width);
  return lineBoxes(lines, context, measurer.theme, measurer.theme.body.paragraphSpace, false, context.struct.child('P'));
};
