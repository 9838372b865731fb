import type { Tokens } from 'marked';
import type { BlockToken } from './lex.js';

/** An image in a Markdown source, with where it is written (1-based line and column). */
export interface ImageReference {
  token: Tokens.Image;
  line: number;
  column: number;
}

/**
 * Every image token in document order (inline and reference-style, inside lists, tables, quotes,
 * links and containers), located in `source`, the text the tokens were lexed from. marked keeps
 * no positions, but each top-level token's raw text follows the previous one in the source, and
 * an image's raw text (`![alt](file.png)`, `![alt][ref]`) is found inside its block from where the
 * previous image ended; an image the search cannot place is located at its block's first line.
 */
export function findImages(tokens: readonly BlockToken[], source: string, firstLine = 1): ImageReference[] {
  const lineStarts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const locate = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: firstLine + low, column: offset - lineStarts[low]! + 1 };
  };

  const found: ImageReference[] = [];
  let blockStart = 0;
  for (const block of tokens) {
    const raw = String(block.raw ?? '');
    const at = source.startsWith(raw, blockStart) ? blockStart : source.indexOf(raw, blockStart);
    const start = at === -1 ? blockStart : at;
    const end = start + raw.length;
    let cursor = start;
    for (const image of imagesIn(block as Tokens.Generic)) {
      const offset = source.indexOf(image.raw, cursor);
      const within = offset !== -1 && offset + image.raw.length <= end;
      if (within) cursor = offset + image.raw.length;
      found.push({ token: image, ...locate(within ? offset : start) });
    }
    if (at !== -1) blockStart = end;
  }
  return found;
}

function imagesIn(token: Tokens.Generic): Tokens.Image[] {
  if (token.type === 'image') return [token as Tokens.Image];
  const children: Tokens.Generic[] = [];
  if (Array.isArray(token.tokens)) children.push(...(token.tokens as Tokens.Generic[]));
  if (token.type === 'list') for (const item of token.items as Tokens.ListItem[]) children.push(...(item.tokens as Tokens.Generic[]));
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const cell of table.header) children.push(...(cell.tokens as Tokens.Generic[]));
    for (const row of table.rows) for (const cell of row) children.push(...(cell.tokens as Tokens.Generic[]));
  }
  return children.flatMap(imagesIn);
}
