import type { Tokens } from 'marked';
import { unitAscent, unitWidth } from './fonts.js';
import { lineBreaker } from './pdfkit-internals.js';
import type { Ink } from './ink.js';
import type { StructNode } from './structure.js';
import type { FaceKey, FontFamilyKey, Theme } from './theme.js';

export interface InlineStyle {
  family: FontFamilyKey;
  size: number;
  bold: boolean;
  italic: boolean;
  strike: boolean;
  colour: string;
  link?: string;
}

export interface TextRun {
  text: string;
  style: InlineStyle;
  /** A hard line break (Markdown `br`) instead of text. */
  lineBreak?: boolean;
}

export interface LineSegment {
  text: string;
  style: InlineStyle;
  x: number;
  width: number;
}

export interface TextLine {
  segments: LineSegment[];
  width: number;
  height: number;
  /** Distance from the line's top to its baseline. */
  baseline: number;
}

export function faceOf(style: InlineStyle, theme: Theme): FaceKey {
  const italic = style.italic && !theme.italicAsBold;
  const bold = style.bold || (style.italic && theme.italicAsBold);
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

export function fontFileOf(style: InlineStyle, theme: Theme): string {
  return theme.fonts[style.family][faceOf(style, theme)];
}

/**
 * Flattens marked's inline tokens into styled runs of text. Walks with its own stack rather than
 * recursion, so emphasis nested thousands deep cannot overflow the call stack.
 */
export function inlineRuns(tokens: readonly Tokens.Generic[] | undefined, style: InlineStyle, fallbackText = ''): TextRun[] {
  if (!tokens || tokens.length === 0) return fallbackText ? [{ text: fallbackText, style }] : [];
  const runs: TextRun[] = [];
  const stack: { token: Tokens.Generic; style: InlineStyle }[] = [...tokens].reverse().map((token) => ({ token, style }));
  const enter = (children: unknown, childStyle: InlineStyle, fallback: string) => {
    const list = Array.isArray(children) ? (children as Tokens.Generic[]) : [];
    if (list.length === 0) {
      if (fallback) runs.push({ text: fallback, style: childStyle });
      return;
    }
    for (let index = list.length - 1; index >= 0; index--) stack.push({ token: list[index]!, style: childStyle });
  };
  while (stack.length > 0) {
    const { token, style: current } = stack.pop()!;
    switch (token.type) {
      case 'text':
      case 'escape':
        if (Array.isArray(token.tokens) && token.tokens.length > 0) enter(token.tokens, current, '');
        else runs.push({ text: String(token.text ?? ''), style: current });
        break;
      case 'strong':
        enter(token.tokens, { ...current, bold: true }, String(token.text ?? ''));
        break;
      case 'em':
        enter(token.tokens, { ...current, italic: true }, String(token.text ?? ''));
        break;
      case 'del':
        enter(token.tokens, { ...current, strike: true }, String(token.text ?? ''));
        break;
      case 'codespan':
        runs.push({ text: decodeCodespan(String(token.text ?? '')), style: { ...current, family: 'mono', size: current.size * 0.92 } });
        break;
      case 'link':
        enter(token.tokens, { ...current, link: String(token.href) }, String(token.text ?? ''));
        break;
      case 'image':
        // An image inside running text prints as its alt text; block images are drawn by the layout.
        if (token.text) runs.push({ text: `[${String(token.text)}]`, style: { ...current, italic: true } });
        break;
      case 'br':
        runs.push({ text: '', style: current, lineBreak: true });
        break;
      case 'checkbox':
      case 'html':
        // Checkboxes are drawn as vector boxes by the list layout; raw HTML was reported when lexing.
        break;
      default:
        runs.push({ text: String(token.raw ?? ''), style: current });
    }
  }
  return runs;
}

/** marked keeps HTML entities escaped inside code spans (`&amp;`); print them as characters. */
function decodeCodespan(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

interface Word {
  atoms: { text: string; style: InlineStyle; width: number }[];
  width: number;
  spaceBefore: boolean;
  lineBreak?: boolean;
  /** Ends at a soft hyphen: a hyphen is printed if the line breaks after it. */
  softHyphen?: boolean;
}

/**
 * Breaks styled runs into lines of at most `width` points, left-aligned. Words that are wider
 * than a line are split between characters rather than running into the margin.
 */
export function breakLines(runs: readonly TextRun[], width: number, theme: Theme, lineHeight: number): TextLine[] {
  const words = toWords(runs, theme);
  const lines: TextLine[] = [];
  let segments: LineSegment[] = [];
  let x = 0;
  const finish = (fallback: InlineStyle | undefined) => {
    lines.push(measureLine(segments, x, lineHeight, theme, fallback));
    segments = [];
    x = 0;
  };
  const place = (atoms: Word['atoms'], space: boolean) => {
    atoms.forEach((atom, index) => {
      const gap = index === 0 && space && segments.length > 0 ? spaceWidth(atom.style, theme) : 0;
      const last = segments[segments.length - 1];
      if (last && sameStyle(last.style, atom.style)) {
        last.text += (gap > 0 ? ' ' : '') + atom.text;
        last.width += gap + atom.width;
      } else {
        segments.push({ text: (gap > 0 ? ' ' : '') + atom.text, style: atom.style, x, width: gap + atom.width });
      }
      x += gap + atom.width;
    });
  };
  let lastStyle: InlineStyle | undefined = runs[0]?.style;
  let previous: Word | undefined;
  /** Ends a line at a soft hyphen by printing the hyphen. */
  const hyphenate = () => {
    const last = segments[segments.length - 1];
    if (!previous?.softHyphen || !last) return;
    const hyphen = unitWidth(fontFileOf(last.style, theme), '-') * last.style.size;
    last.text += '-';
    last.width += hyphen;
    x += hyphen;
  };
  for (const word of words) {
    if (word.lineBreak) {
      finish(lastStyle);
      previous = word;
      continue;
    }
    lastStyle = word.atoms[0]?.style ?? lastStyle;
    const gap = word.spaceBefore && segments.length > 0 ? spaceWidth(word.atoms[0]!.style, theme) : 0;
    if (segments.length > 0 && x + gap + word.width > width) {
      if (!word.spaceBefore) hyphenate();
      finish(lastStyle);
    }
    previous = word;
    if (word.width <= width || segments.length > 0) {
      place(word.atoms, word.spaceBefore);
      continue;
    }
    for (const piece of splitLongWord(word, width, theme)) {
      if (segments.length > 0) finish(lastStyle);
      place(piece, false);
    }
  }
  if (segments.length > 0 || lines.length === 0) finish(lastStyle);
  return lines;
}

/** Spaces a line may break at: every white space but the no-break ones (U+00A0, U+2007, U+202F), which code uses to keep indentation. */
const BREAKING_SPACE = /([^\S\u00a0\u2007\u202f]+)/;
const SOFT_HYPHEN = '\u00ad';
/** Words made only of these need no line-break analysis: no break opportunity can fall inside them. */
const PLAIN_WORD = /^[\p{L}\p{N}\p{M}.,;:!?'"’“”„«»()[\]]*$/u;
const piecesCache = new Map<string, string[]>();

/**
 * A word split where the Unicode line-breaking rules (UAX #14) allow a break inside it: after a
 * hyphen, a slash, a dash or a soft hyphen. Each piece keeps its trailing hyphen or soft hyphen.
 */
function breakablePieces(word: string): string[] {
  if (PLAIN_WORD.test(word)) return [word];
  let pieces = piecesCache.get(word);
  if (!pieces) {
    pieces = [];
    const breaker = lineBreaker(word);
    let last = 0;
    for (let opportunity = breaker.nextBreak(); opportunity; opportunity = breaker.nextBreak()) {
      if (opportunity.position <= last || opportunity.position >= word.length) continue;
      pieces.push(word.slice(last, opportunity.position));
      last = opportunity.position;
    }
    pieces.push(word.slice(last));
    piecesCache.set(word, pieces);
  }
  return pieces;
}

function toWords(runs: readonly TextRun[], theme: Theme): Word[] {
  const words: Word[] = [];
  let pendingSpace = false;
  let current: Word | undefined;
  for (const run of runs) {
    if (run.lineBreak) {
      words.push({ atoms: [], width: 0, spaceBefore: false, lineBreak: true });
      current = undefined;
      pendingSpace = false;
      continue;
    }
    const file = fontFileOf(run.style, theme);
    // Splitting on a captured pattern alternates words (even indexes) and the spaces between them (odd).
    run.text.split(BREAKING_SPACE).forEach((part, partIndex) => {
      if (partIndex % 2 === 1) {
        pendingSpace = true;
        current = undefined;
        return;
      }
      if (part === '') return;
      breakablePieces(part).forEach((piece, index) => {
        const soft = piece.endsWith(SOFT_HYPHEN);
        const text = piece.replaceAll(SOFT_HYPHEN, '');
        const atom = { text, style: run.style, width: unitWidth(file, text) * run.style.size };
        if (current && !pendingSpace && index === 0) {
          current.atoms.push(atom);
          current.width += atom.width;
        } else {
          current = { atoms: [atom], width: atom.width, spaceBefore: pendingSpace };
          words.push(current);
        }
        // A soft hyphen prints only where the line breaks at it.
        current.softHyphen = soft;
        pendingSpace = false;
      });
    });
  }
  return words;
}

function splitLongWord(word: Word, width: number, theme: Theme): Word['atoms'][] {
  const pieces: Word['atoms'][] = [];
  let piece: Word['atoms'] = [];
  let used = 0;
  for (const atom of word.atoms) {
    const file = fontFileOf(atom.style, theme);
    let text = '';
    for (const character of atom.text) {
      const characterWidth = unitWidth(file, character) * atom.style.size;
      if (used + characterWidth > width && (used > 0 || text !== '')) {
        if (text) piece.push({ text, style: atom.style, width: unitWidth(file, text) * atom.style.size });
        pieces.push(piece);
        piece = [];
        text = '';
        used = 0;
      }
      text += character;
      used += characterWidth;
    }
    if (text) piece.push({ text, style: atom.style, width: unitWidth(file, text) * atom.style.size });
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

function spaceWidth(style: InlineStyle, theme: Theme): number {
  return unitWidth(fontFileOf(style, theme), ' ') * style.size;
}

function sameStyle(a: InlineStyle, b: InlineStyle): boolean {
  return a.family === b.family && a.size === b.size && a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.colour === b.colour && a.link === b.link;
}

function measureLine(segments: LineSegment[], width: number, lineHeight: number, theme: Theme, fallback: InlineStyle | undefined): TextLine {
  const sizes = segments.length > 0 ? segments.map((segment) => segment.style.size) : [fallback?.size ?? theme.body.size];
  const size = Math.max(...sizes);
  const height = size * lineHeight;
  const ascent = Math.max(...(segments.length > 0 ? segments.map((segment) => unitAscent(fontFileOf(segment.style, theme)) * segment.style.size) : [size * 0.93]));
  const baseline = (height - size) / 2 + ascent;
  return { segments, width, height, baseline };
}

/**
 * The ink of one line whose top-left corner is at (x, y): a text run per styled segment, and for a
 * linked segment a Link structure element (child of `tag`) holding both its text and its clickable area.
 */
export function lineInks(line: TextLine, x: number, y: number, theme: Theme, tag: StructNode | undefined): Ink[] {
  const inks: Ink[] = [];
  for (const segment of line.segments) {
    const file = fontFileOf(segment.style, theme);
    const size = segment.style.size;
    const text = segment.text.replace(/^ /, '');
    const offset = segment.text.length !== text.length ? unitWidth(file, ' ') * size : 0;
    const left = x + segment.x + offset;
    const width = segment.width - offset;
    const baseline = y + line.baseline;
    const link = segment.style.link;
    const segmentTag = link !== undefined && tag ? tag.child('Link') : tag;
    inks.push({
      kind: 'text',
      text,
      family: segment.style.family,
      face: faceOf(segment.style, theme),
      size,
      colour: segment.style.colour,
      x: left,
      top: baseline - unitAscent(file) * size,
      baseline,
      width,
      underline: link !== undefined,
      strike: segment.style.strike,
      tag: segmentTag,
    });
    if (link !== undefined) inks.push({ kind: 'link', x: left, y: baseline - size * 0.85, width, height: size * 1.1, url: link, contents: text, tag: segmentTag });
  }
  return inks;
}

/** The ink of lines stacked from (x, y) down. */
export function linesInks(lines: readonly TextLine[], x: number, y: number, theme: Theme, tag: StructNode | undefined): Ink[] {
  const inks: Ink[] = [];
  let top = y;
  for (const line of lines) {
    inks.push(...lineInks(line, x, top, theme, tag));
    top += line.height;
  }
  return inks;
}

/** The text of inline tokens without their styling (outline entries, alt text); iterative, like inlineRuns. */
export function plainText(tokens: readonly Tokens.Generic[] | undefined, fallback: string): string {
  if (!tokens || tokens.length === 0) return fallback;
  let text = '';
  const stack = [...tokens].reverse();
  while (stack.length > 0) {
    const token = stack.pop()!;
    if (Array.isArray(token.tokens) && token.tokens.length > 0) for (let index = token.tokens.length - 1; index >= 0; index--) stack.push(token.tokens[index] as Tokens.Generic);
    else text += String(token.text ?? '');
  }
  return text;
}
