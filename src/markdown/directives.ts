import { Tokenizer, type TokenizerExtension, type Tokens, type TokenizerThis } from 'marked';
import { insideNestedBlock } from './nesting.js';

/**
 * trainpack's few print directives, on top of GFM:
 *   ::name key="value" ...          one line (pagebreak, fill, toc, box)
 *   ::: name key="value" ...        a container, closed by a line ":::"
 *   ...Markdown...                  (cover, lead, small, checklist, note, tip, warning, important)
 *   :::
 */
export const DIRECTIVE_NAMES = ['pagebreak', 'fill', 'toc', 'box'] as const;
export const CONTAINER_NAMES = ['cover', 'lead', 'small', 'checklist', 'note', 'tip', 'warning', 'important'] as const;
export type DirectiveName = (typeof DIRECTIVE_NAMES)[number];
export type ContainerName = (typeof CONTAINER_NAMES)[number];

export interface DirectiveToken {
  type: 'directive';
  raw: string;
  name: string;
  attributes: Record<string, string>;
}

export interface ContainerToken {
  type: 'container';
  raw: string;
  name: string;
  attributes: Record<string, string>;
  tokens: Tokens.Generic[];
}

const CONTAINER = /^::: *([a-z][a-z0-9-]*)([^\n]*)\n([\s\S]*?)(?:^|\n):::[ \t]*(?:\n+|$)/;
const DIRECTIVE = /^::([a-z][a-z0-9-]*)([^\n]*)(?:\n+|$)/;

const CONTAINER_OPENING = /^::: *[a-z][a-z0-9-]*[^\n]*\n/;

/**
 * The length of the longest rest of the document known to hold no closing `:::` line. A container
 * left open is searched to the end of the document for its close; many of them (in a paragraph or
 * not) made lexing quadratic. At the document's top level marked passes ever shorter rests of the
 * same text, so once the search has failed, it fails for every shorter rest too. Inside lists,
 * quotes and containers the text is another string, and is searched as it is.
 */
let unclosedWithin = -1;
let containerDepth = 0;

/** Called before each document is lexed. */
export function startDocument(): void {
  unclosedWithin = -1;
  containerDepth = 0;
}

function matchContainer(source: string): RegExpExecArray | null {
  const topLevel = containerDepth === 0 && !insideNestedBlock();
  if (topLevel && source.length <= unclosedWithin) return null;
  const match = CONTAINER.exec(source);
  if (!match && topLevel && CONTAINER_OPENING.test(source)) unclosedWithin = Math.max(unclosedWithin, source.length);
  return match;
}

export const containerExtension: TokenizerExtension = {
  name: 'container',
  level: 'block',
  tokenizer(this: TokenizerThis, source: string) {
    const match = matchContainer(source);
    if (!match) return undefined;
    const token: ContainerToken = { type: 'container', raw: match[0], name: match[1]!, attributes: parseAttributes(match[2]!), tokens: [] };
    containerDepth++;
    try {
      this.lexer.blockTokens(match[3]!, token.tokens as Tokens.Generic[]);
    } finally {
      containerDepth--;
    }
    return token as unknown as Tokens.Generic;
  },
};

export const directiveExtension: TokenizerExtension = {
  name: 'directive',
  level: 'block',
  tokenizer(source: string) {
    const match = DIRECTIVE.exec(source);
    if (!match) return undefined;
    const token: DirectiveToken = { type: 'directive', raw: match[0], name: match[1]!, attributes: parseAttributes(match[2]!) };
    return token as unknown as Tokens.Generic;
  },
};

/**
 * A directive line ends the paragraph it follows. marked's way to say so is an extension's `start`,
 * which it calls for every paragraph with the whole rest of the document: a scan to the next
 * directive each time, quadratic in the number of paragraphs (40,000 paragraphs lexed in minutes).
 * Instead the paragraph is matched as usual and cut before a directive line inside it, which
 * looks only at the paragraph: linear.
 */
export function paragraphBeforeDirective(this: Tokenizer, source: string): Tokens.Paragraph | undefined {
  const paragraph = Tokenizer.prototype.paragraph.call(this, source);
  if (!paragraph) return paragraph;
  for (let at = paragraph.raw.indexOf('\n::'); at !== -1 && at < paragraph.raw.length - 1; at = paragraph.raw.indexOf('\n::', at + 1)) {
    const line = source.slice(at + 1);
    if (DIRECTIVE.test(line) || matchContainer(line)) return Tokenizer.prototype.paragraph.call(this, source.slice(0, at + 1));
  }
  return paragraph;
}

/** `key="value" other=bare` → `{ key: "value", other: "bare" }`; backslash escapes inside quotes. */
export function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([a-zA-Z][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    attributes[match[1]!] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!;
  }
  return attributes;
}
