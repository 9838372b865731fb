import { decodeHTML } from 'entities';
import { Marked, type Token, type Tokens } from 'marked';
import type { Problem } from '../errors.js';
import { MAX_BLOCK_NESTING, MAX_INLINE_NESTING, nestingLimits, type FlattenedMark } from './nesting.js';
import { CONTAINER_NAMES, DIRECTIVE_NAMES, containerExtension, directiveExtension, paragraphBeforeDirective, startDocument, type ContainerToken, type DirectiveToken } from './directives.js';

/** A marked token, or one of trainpack's print directives. */
export type BlockToken = Token | DirectiveToken | ContainerToken;

export interface LexResult {
  tokens: BlockToken[];
  warnings: Problem[];
}

export interface LexOptions {
  /** For warnings: the file the Markdown came from, and the line its first line is on. */
  file?: string;
  firstLine?: number;
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  extensions: [containerExtension, directiveExtension],
  tokenizer: { paragraph: paragraphBeforeDirective, ...nestingLimits },
});

/**
 * Lexes Markdown (GFM plus trainpack's directives) into tokens for the layout. HTML entities in
 * text are decoded here so the layout prints "&" rather than "&amp;"; raw HTML is not drawn and
 * is reported as a warning with its line.
 */
export function lexMarkdown(markdown: string, options: LexOptions = {}): LexResult {
  startDocument();
  const tokens = marked.lexer(markdown) as BlockToken[];
  const warnings: Problem[] = [];
  let line = options.firstLine ?? 1;
  for (const token of tokens) {
    inspect(token, line, options.file, warnings);
    line += countNewlines(token.raw);
  }
  return { tokens, warnings };
}

function inspect(token: BlockToken | Tokens.Generic, line: number, file: string | undefined, warnings: Problem[]): void {
  const location = file ? { file, line } : undefined;
  const flattened = (token as FlattenedMark).nestingFlattened;
  if (flattened === 'block') {
    warnings.push({ severity: 'warning', code: 'NESTING_FLATTENED', message: `lists and quotes nest deeper than ${MAX_BLOCK_NESTING} levels here: the deeper ones are printed as plain text`, location, hint: 'split the passage, or use headings for the outer levels' });
  } else if (flattened === 'inline') {
    warnings.push({ severity: 'warning', code: 'NESTING_FLATTENED', message: `emphasis or links nest deeper than ${MAX_INLINE_NESTING} levels here: the deeper markers are printed as they are`, location });
  }
  switch (token.type) {
    case 'html':
      if (!/^\s*<!--[\s\S]*-->\s*$/.test(String(token.raw))) {
        warnings.push({ severity: 'warning', code: 'RAW_HTML', message: `raw HTML is not printed: ${String(token.raw).trim().slice(0, 60)}`, location, hint: 'use Markdown, or a ::: container for a callout' });
      }
      return;
    case 'directive':
      if (!(DIRECTIVE_NAMES as readonly string[]).includes(String(token.name))) {
        warnings.push({ severity: 'warning', code: 'UNKNOWN_DIRECTIVE', message: `unknown directive "::${String(token.name)}" is not printed`, location, hint: `known directives: ${DIRECTIVE_NAMES.join(', ')}` });
      }
      return;
    case 'container':
      if (!(CONTAINER_NAMES as readonly string[]).includes(String(token.name))) {
        warnings.push({ severity: 'warning', code: 'UNKNOWN_DIRECTIVE', message: `unknown container "::: ${String(token.name)}" is printed as plain content`, location, hint: `known containers: ${CONTAINER_NAMES.join(', ')}` });
      }
      break;
    case 'text':
    case 'escape':
      if (typeof token.text === 'string' && !(token as Tokens.Generic).tokens) token.text = decodeHTML(token.text);
      break;
    case 'link':
    case 'image':
      if (typeof token.title === 'string') token.title = decodeHTML(token.title);
      break;
    default:
      break;
  }
  let childLine = line;
  const children = childTokens(token);
  for (const child of children) {
    inspect(child, childLine, file, warnings);
    if (token.type === 'container' || token.type === 'blockquote') childLine += countNewlines(String(child.raw ?? ''));
  }
}

function childTokens(token: BlockToken | Tokens.Generic): Tokens.Generic[] {
  const children: Tokens.Generic[] = [];
  const nested = (token as Tokens.Generic).tokens;
  if (Array.isArray(nested)) children.push(...(nested as Tokens.Generic[]));
  if (token.type === 'list') for (const item of token.items as Tokens.ListItem[]) children.push(...(item.tokens as Tokens.Generic[]));
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const cell of table.header) children.push(...(cell.tokens as Tokens.Generic[]));
    for (const row of table.rows) for (const cell of row) children.push(...(cell.tokens as Tokens.Generic[]));
  }
  return children;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
