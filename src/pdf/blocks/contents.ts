import type { BlockLayout } from '../flow.js';
import type { Theme } from '../theme.js';

/** The height of one contents entry. */
export function contentsLineHeight(theme: Theme): number {
  return theme.body.size * theme.body.lineHeight * 1.5;
}

/**
 * `::toc`: room for one entry per document in the contents; pagination fills it in once it knows
 * the page each document starts on (see paginate's contents step).
 */
export const contents: BlockLayout = (_token, context, { theme, contentsEntries }) => [
  {
    height: contentsEntries * contentsLineHeight(theme),
    spaceBefore: theme.body.paragraphSpace,
    keepWithNext: false,
    decorations: context.decorations,
    ink: [],
    contents: { node: context.struct.child('TOC'), x: context.indent, width: context.width },
  },
];
