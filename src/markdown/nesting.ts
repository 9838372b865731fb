import { Tokenizer, type Tokens } from 'marked';

/** Lists and quotes deeper than this are flattened: no printed page has room for more indents. */
export const MAX_BLOCK_NESTING = 8;
/** Emphasis, strikethrough and links deeper than this print their markers as text. */
export const MAX_INLINE_NESTING = 16;

/** Set on the deepest token kept whose content went deeper than allowed, so the lexer can warn at it. */
export interface FlattenedMark {
  nestingFlattened?: 'block' | 'inline';
}

type Level = 'block' | 'inline';
type TokenizerMethod = (this: Tokenizer, source: string, ...rest: string[]) => Tokens.Generic | undefined;

const depth: Record<Level, number> = { block: 0, inline: 0 };
const refused: Record<Level, number> = { block: 0, inline: 0 };
const limit: Record<Level, number> = { block: MAX_BLOCK_NESTING, inline: MAX_INLINE_NESTING };

/** True while marked lexes the inside of a list or quote, where the text is no longer the document's own. */
export function insideNestedBlock(): boolean {
  return depth.block > 0;
}

/**
 * Wraps one of marked's recursive tokenizers so that it refuses to nest deeper than the limit.
 * marked lexes nested lists over and over (a 1,000-level list took over a minute), overflows the
 * stack on 5,000 nested `*`, and the layout has no sensible way to print either. Refused, the deeper
 * text is lexed as the plain paragraphs, lines or characters it is. Lexing is synchronous, so the
 * depth can be counted in module state while marked recurses.
 */
function limitNesting(level: Level, tokenize: TokenizerMethod): TokenizerMethod {
  return function (this: Tokenizer, source: string, ...rest: string[]) {
    if (depth[level] >= limit[level]) {
      refused[level]++;
      return undefined;
    }
    const refusedBefore = refused[level];
    depth[level]++;
    try {
      const token = tokenize.call(this, source, ...rest);
      if (token && depth[level] === limit[level] && refused[level] > refusedBefore) (token as FlattenedMark).nestingFlattened = level;
      return token;
    } finally {
      depth[level]--;
    }
  };
}

type Limited = Pick<Tokenizer, 'list' | 'blockquote' | 'emStrong' | 'del' | 'link'>;
const limited = (level: Level, method: Limited[keyof Limited]) => limitNesting(level, method as TokenizerMethod) as unknown;

/** Tokenizer overrides for `new Marked({ tokenizer })`. */
export const nestingLimits = {
  list: limited('block', Tokenizer.prototype.list),
  blockquote: limited('block', Tokenizer.prototype.blockquote),
  emStrong: limited('inline', Tokenizer.prototype.emStrong),
  del: limited('inline', Tokenizer.prototype.del),
  link: limited('inline', Tokenizer.prototype.link),
} as Limited;
