import type { ContainerToken } from '../../markdown/directives.js';
import type { BlockToken } from '../../markdown/lex.js';
import { round } from '../box.js';
import type { BlockLayout } from '../flow.js';
import { pageBreakBox } from './page-break.js';

/**
 * `::: cover`: a page of its own with no header or footer, the title a fifth of the way down, in
 * larger type. In duplex the back of the cover is left blank, so what follows starts on page 3.
 */
export const cover: BlockLayout<ContainerToken> = (token, context, measurer) => {
  const { theme } = measurer;
  const pageContent = theme.page.height - theme.margins.top - theme.margins.bottom;
  return [
    { height: pageContent * 0.22, spaceBefore: 0, spaceAfter: 0, keepWithNext: true, cover: true, decorations: [], ink: [] },
    ...measurer.blocks(token.tokens as BlockToken[], { ...context, cover: true, style: { ...context.style, size: round(context.style.size * 1.15) } }),
    pageBreakBox(true),
  ];
};
