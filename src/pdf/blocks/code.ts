import type { Tokens } from 'marked';
import { round, type Box, type Decoration } from '../box.js';
import type { BlockLayout, FlowContext } from '../flow.js';
import type { InlineStyle } from '../inline.js';
import { lineBoxes } from './text-boxes.js';

/** A code block in the monospace face on a shaded background, one box per line. */
export const code: BlockLayout<Tokens.Code> = (token, context, { theme, lines }) => {
  const { padding } = theme.callout;
  const style: InlineStyle = { ...context.style, family: 'mono', size: round(context.style.size * 0.85), bold: false, italic: false };
  const decoration: Decoration = { x: context.indent, width: context.width, fill: theme.colours.fill };
  const inner: FlowContext = { ...context, indent: context.indent + padding, width: context.width - padding * 2, decorations: [...context.decorations, decoration] };
  const pad = (spaceBefore: number, keepWithNext: boolean): Box => ({ height: padding * 0.7, spaceBefore, keepWithNext, decorations: inner.decorations, ink: [] });
  // Code keeps its spaces: each non-breaking so the line breaker does not fold indentation.
  const codeLines = token.text.split('\n').flatMap((line) => lines([{ text: line.replace(/ /g, '\u00a0') || '\u00a0', style }], inner.width, 1.3));
  return [{ ...pad(theme.body.paragraphSpace, true), spaceAfter: 0 }, ...lineBoxes(codeLines, inner, theme, 0, false, context.struct.child('Code')), pad(0, false)];
};
