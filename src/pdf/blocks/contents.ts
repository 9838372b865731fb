import { sum } from '../box.js';
import type { BlockLayout } from '../flow.js';
import type { InlineStyle } from '../inline.js';
import { unitWidth } from '../fonts.js';

/** Room kept at the right of every contents line for a leader and a page number up to 999. */
const PAGE_NUMBER_DIGITS = '999';
const LEADER_ROOM = 24;

/**
 * `::toc`: one entry per document, its title wrapped onto further lines with a hanging indent so
 * no word is lost; pagination adds the leader and the page number on the entry's last line once
 * it knows where each document starts (see paginate's contentsInk).
 */
export const contents: BlockLayout = (_token, context, { theme, contentsTitles, lines }) => {
  const style: InlineStyle = { family: 'body', size: theme.body.size, bold: false, italic: false, strike: false, colour: theme.colours.text };
  const hang = theme.list.indent;
  const reserve = unitWidth(theme.fonts.body.bold, PAGE_NUMBER_DIGITS) * style.size + LEADER_ROOM;
  const gap = theme.body.size * theme.body.lineHeight * 0.5;
  let top = 0;
  const entries = contentsTitles.map((title) => {
    const titleLines = lines([{ text: title, style }], context.width - reserve - hang, 1.2);
    const entry = { lines: titleLines, top, hang };
    top += sum(titleLines.map((line) => line.height)) + gap;
    return entry;
  });
  return [
    {
      height: top,
      spaceBefore: theme.body.paragraphSpace,
      keepWithNext: false,
      decorations: context.decorations,
      ink: [],
      contents: { node: context.struct.child('TOC'), x: context.indent, width: context.width, entries },
    },
  ];
};
