/// <reference types="pdfkit" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fontkit, shareLayoutCache } from './pdfkit-internals.js';
import type { FaceKey, FontFamilyKey, Theme } from './theme.js';

const require = createRequire(import.meta.url);

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): { advanceWidth: number };
  unitsPerEm: number;
  ascent: number;
  descent: number;
}

const fileCache = new Map<string, Buffer>();

/** The bytes of a font file, read once per process. `file` is a package path like dejavu-fonts-ttf/ttf/X.ttf. */
export function fontBytes(file: string): Buffer {
  let bytes = fileCache.get(file);
  if (!bytes) {
    bytes = readFileSync(require.resolve(file));
    fileCache.set(file, bytes);
  }
  return bytes;
}

export function fontName(family: FontFamilyKey, face: FaceKey): string {
  return `${family}-${face}`;
}

/** Selects a registered face on `doc`, sharing its cache of shaped words across documents. */
export function selectFont(doc: PDFKit.PDFDocument, family: FontFamilyKey, face: FaceKey, file: string): void {
  doc.font(fontName(family, face));
  shareLayoutCache(doc, file);
}

/** Registers every face of the theme with a document; pdfkit embeds only the faces used. */
export function registerFonts(doc: PDFKit.PDFDocument, theme: Theme): void {
  for (const [family, faces] of Object.entries(theme.fonts)) {
    for (const [face, file] of Object.entries(faces)) doc.registerFont(fontName(family as FontFamilyKey, face as FaceKey), fontBytes(file));
  }
}

const metricsFonts = new Map<string, FontkitFont>();

/** A parsed font for measuring and glyph checks, parsed once per process. */
export function fontkitFont(file: string): FontkitFont {
  let font = metricsFonts.get(file);
  if (!font) {
    font = fontkit().create(fontBytes(file)) as FontkitFont;
    metricsFonts.set(file, font);
  }
  return font;
}

const widthCache = new Map<string, Map<string, number>>();

/**
 * Width of `text` at 1 pt in the font file, measured with fontkit's shaping (kerning included) and
 * cached per process: the same words recur across a document and across every audience's pack.
 */
export function unitWidth(file: string, text: string): number {
  let cache = widthCache.get(file);
  if (!cache) {
    cache = new Map();
    widthCache.set(file, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    const font = fontkitFont(file);
    width = font.layout(text).advanceWidth / font.unitsPerEm;
    cache.set(text, width);
  }
  return width;
}

/** The characters of `text` that no face of the theme's body family can draw. */
export function missingGlyphs(text: string, files: readonly string[]): string[] {
  const missing = new Set<string>();
  const fonts = files.map(fontkitFont);
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint < 0x20 || codePoint === 0xad || (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || codePoint === 0x200b || codePoint === 0x200d) continue;
    if (!fonts.every((font) => font.hasGlyphForCodePoint(codePoint))) missing.add(character);
  }
  return [...missing];
}

/** Ascent of a font at 1 pt (for placing text on a baseline). */
export function unitAscent(file: string): number {
  const font = fontkitFont(file);
  return font.ascent / font.unitsPerEm;
}
