import type { ContainerToken, DirectiveToken } from '../../markdown/directives.js';
import type { BlockLayout } from '../flow.js';
import { admonition, blockquote } from './callout.js';
import { checklist } from './checklist.js';
import { code } from './code.js';
import { contents } from './contents.js';
import { cover } from './cover.js';
import { fieldBox } from './field-box.js';
import { fillLine } from './fill-line.js';
import { heading } from './heading.js';
import { image } from './image.js';
import { list } from './list.js';
import { pageBreak } from './page-break.js';
import { paragraph } from './paragraph.js';
import { rule } from './rule.js';
import { lead, small } from './styled.js';
import { table } from './table.js';

/** Tokens that carry no ink: blank lines, link definitions (resolved by marked), raw HTML (reported when lexing). */
const nothing: BlockLayout = () => [];

/**
 * Every kind of block the layout prints, by marked token type. Typed over every block token type
 * marked and our directives produce, so a new type fails to compile until it is handled here.
 */
export const BLOCKS: { [type in KnownBlockType]: BlockLayout<never> } = {
  space: nothing,
  def: nothing,
  html: nothing,
  heading,
  paragraph,
  text: paragraph,
  list,
  blockquote,
  table,
  hr: rule,
  code,
  image,
  // `directive` and `container` tokens are looked up by name below.
  directive: nothing,
  container: nothing,
};

/** One-line directives (`::name`), by name. Unknown names were reported when lexing and print nothing. */
export const DIRECTIVES: Record<string, BlockLayout<DirectiveToken>> = {
  pagebreak: pageBreak,
  toc: contents,
  fill: fillLine,
  box: fieldBox,
};

/** Containers (`::: name` ... `:::`), by name. Unknown names print their content. */
export const CONTAINERS: Record<string, BlockLayout<ContainerToken>> = {
  cover,
  lead,
  small,
  checklist,
  note: admonition,
  tip: admonition,
  warning: admonition,
  important: admonition,
};

export type KnownBlockType = 'space' | 'def' | 'html' | 'heading' | 'paragraph' | 'text' | 'list' | 'blockquote' | 'table' | 'hr' | 'code' | 'directive' | 'container' | 'image';
