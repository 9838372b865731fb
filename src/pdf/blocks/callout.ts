import type { Tokens } from 'marked';
import type { ContainerToken } from '../../markdown/directives.js';
import type { BlockToken } from '../../markdown/lex.js';
import type { Box, Decoration } from '../box.js';
import type { BlockLayout, FlowContext, Measurer } from '../flow.js';

/** Most lines a callout has and is still never split. */
const UNSPLIT_LINES = 6;

/**
 * Blocks on a shaded background with a bar on the left (a quote, a note, a warning). Padding
 * above and below; not split after its first line nor before its last, nor at all when short.
 */
export function calloutBoxes(tokens: readonly BlockToken[], context: FlowContext, measurer: Measurer, fill: string): Box[] {
  const { theme } = measurer;
  const { padding, bar } = theme.callout;
  const decoration: Decoration = { x: context.indent, width: context.width, fill, bar: { width: bar, colour: theme.colours.text } };
  const inner: FlowContext = {
    ...context,
    struct: context.struct.child('BlockQuote'),
    indent: context.indent + bar + padding,
    width: context.width - bar - padding * 2,
    decorations: [...context.decorations, decoration],
    depth: context.depth + 1,
  };
  const pad = (spaceBefore: number, keepWithNext: boolean): Box => ({ height: padding, spaceBefore, keepWithNext, decorations: inner.decorations, group: context.group, ink: [] });
  const body = measurer.blocks(tokens, inner);
  // The padding and the first line stay together, as do the last line and the padding; a callout
  // of up to six lines is not split at all.
  const whole = body.length <= UNSPLIT_LINES;
  body.forEach((box, index) => {
    if (whole || index === 0 || index === body.length - 1) body[index] = { ...box, keepWithNext: true };
  });
  return [{ ...pad(theme.body.paragraphSpace * 1.2, true), spaceAfter: 0 }, ...body, pad(0, false)];
}

/** `> quote` */
export const blockquote: BlockLayout<Tokens.Blockquote> = (token, context, measurer) => calloutBoxes(token.tokens as BlockToken[], context, measurer, measurer.theme.colours.fill);

/** `::: note|tip|warning|important title="..."`: warnings and important notes are shaded darker. */
export const admonition: BlockLayout<ContainerToken> = (token, context, measurer) => {
  const title = token.attributes.title;
  const titleParagraph = title ? [{ type: 'paragraph', raw: title, text: title, tokens: [{ type: 'strong', raw: title, text: title, tokens: [{ type: 'text', raw: title, text: title }] }] } as BlockToken] : [];
  const { colours } = measurer.theme;
  return calloutBoxes([...titleParagraph, ...(token.tokens as BlockToken[])], context, measurer, token.name === 'warning' || token.name === 'important' ? colours.headerFill : colours.fill);
};
