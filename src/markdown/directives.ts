import type { TokenizerExtension, Tokens, TokenizerThis } from 'marked';

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

/**
 * Where a directive could start in `source` (marked calls this with the rest of the document, many
 * times per document): a native indexOf scan, several times faster than a multiline regular expression.
 */
function nextDirectiveStart(source: string, container: boolean): number | undefined {
  for (let at = source.startsWith('::') ? 0 : source.indexOf('\n::'); at !== -1; at = source.indexOf('\n::', at + 1)) {
    const start = source.charCodeAt(at) === 10 ? at + 1 : at;
    if (source.startsWith(':::', start) === container) return start;
  }
  return undefined;
}

export const containerExtension: TokenizerExtension = {
  name: 'container',
  level: 'block',
  start: (source: string) => nextDirectiveStart(source, true),
  tokenizer(this: TokenizerThis, source: string) {
    const match = CONTAINER.exec(source);
    if (!match) return undefined;
    const token: ContainerToken = { type: 'container', raw: match[0], name: match[1]!, attributes: parseAttributes(match[2]!), tokens: [] };
    this.lexer.blockTokens(match[3]!, token.tokens as Tokens.Generic[]);
    return token as unknown as Tokens.Generic;
  },
};

export const directiveExtension: TokenizerExtension = {
  name: 'directive',
  level: 'block',
  start: (source: string) => nextDirectiveStart(source, false),
  tokenizer(source: string) {
    const match = DIRECTIVE.exec(source);
    if (!match) return undefined;
    const token: DirectiveToken = { type: 'directive', raw: match[0], name: match[1]!, attributes: parseAttributes(match[2]!) };
    return token as unknown as Tokens.Generic;
  },
};

/** `key="value" other=bare` → `{ key: "value", other: "bare" }`; backslash escapes inside quotes. */
export function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([a-zA-Z][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    attributes[match[1]!] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!;
  }
  return attributes;
}
