import type { Box } from '../box.js';
import type { BlockLayout } from '../flow.js';

/** An empty box that starts a new page; what follows starts at the top. */
export function pageBreakBox(rightHand = false): Box {
  return { height: 0, spaceBefore: 0, spaceAfter: 0, keepWithNext: false, breakBefore: true, rightHand, decorations: [], ink: [] };
}

/** `::pagebreak` */
export const pageBreak: BlockLayout = () => [pageBreakBox()];
