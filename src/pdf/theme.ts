import type { PaperSize } from '../content/types.js';

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

export type FaceKey = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type FontFamilyKey = 'body' | 'heading' | 'mono';

export interface HeadingStyle {
  size: number;
  spaceBefore: number;
  spaceAfter: number;
}

export interface Theme {
  paper: PageSize;
  largePrint: boolean;
  duplex: boolean;
  page: { width: number; height: number };
  margins: { top: number; bottom: number; inner: number; outer: number };
  /** Font files (DejaVu, which covers Albanian and English) per family and face. */
  fonts: Record<FontFamilyKey, Record<FaceKey, string>>;
  body: { size: number; lineHeight: number; paragraphSpace: number };
  /** Sizes for heading levels 1 to 4. */
  headings: [HeadingStyle, HeadingStyle, HeadingStyle, HeadingStyle];
  /**
   * Space between a heading and a lower-level heading directly under it ("2-3": an H2 followed by
   * an H3), instead of the lower heading's usual space above: close enough to read as one title,
   * far enough apart that the two levels stay distinct.
   */
  stackedHeadings: Record<'1-2' | '1-3' | '1-4' | '2-3' | '2-4' | '3-4', number>;
  coverTitleSize: number;
  small: number;
  furniture: { size: number; gap: number };
  list: { indent: number; itemSpace: number };
  table: { cellPadding: number; fontScale: number };
  callout: { padding: number; bar: number };
  checklist: { box: number; itemSpace: number; lineWeight: number };
  /** Line weights in points: header rule, table cells and contents leaders, rules, boxes and pen lines. */
  strokes: { hairline: number; cell: number; rule: number };
  /** UKAAF large print: no italics for emphasis, so emphasis is printed bold instead. */
  italicAsBold: boolean;
  colours: { text: string; muted: string; rule: string; fill: string; headerFill: string };
}

/** The pack's papers, and A6 for pocket cards. */
export type PageSize = PaperSize | 'A6';

const PAGE_SIZES: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
  A5: { width: 419.53, height: 595.28 },
  A6: { width: 297.64, height: 419.53 },
};

const FONT_DIR = 'dejavu-fonts-ttf/ttf/';
const serif = { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf', italic: 'DejaVuSerif-Italic.ttf', boldItalic: 'DejaVuSerif-BoldItalic.ttf' };
const sans = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf', boldItalic: 'DejaVuSans-BoldOblique.ttf' };
const mono = { regular: 'DejaVuSansMono.ttf', bold: 'DejaVuSansMono-Bold.ttf', italic: 'DejaVuSansMono-Oblique.ttf', boldItalic: 'DejaVuSansMono-BoldOblique.ttf' };
const withDir = (faces: Record<FaceKey, string>): Record<FaceKey, string> =>
  Object.fromEntries(Object.entries(faces).map(([face, file]) => [face, FONT_DIR + file])) as Record<FaceKey, string>;

export interface ThemeOptions {
  paper: PageSize;
  largePrint?: boolean;
  duplex?: boolean;
  /** Pages turned sideways (certificates). */
  landscape?: boolean;
}

/**
 * The one place for fonts, sizes, margins and colours. Type scales with the paper (A5 is a
 * little smaller); large print is a separate layout at 17 pt sans-serif, not an enlargement.
 * A4 body text is 11.5 pt with 27 mm margins: about 70 characters a line (it was 85 at 10.5 pt
 * and 20 mm), within the 60–75 that reads comfortably.
 */
export function createTheme({ paper, largePrint = false, duplex = false, landscape = false }: ThemeOptions): Theme {
  const small = paper === 'A5' || paper === 'A6';
  // A pocket card (A6) is read at arm's length and carried: smaller type than a handout's, still above 7.5 pt.
  const size = largePrint ? (small ? 16 : 17) : paper === 'A6' ? 8 : small ? 9.5 : 11.5;
  const scale = size / 10.5;
  // A4 and Letter body text at a comfortable measure: a median of about 70 characters per line.
  // Landscape pages (certificates) are short: the wide side margins of a portrait measure would push a certificate onto two pages.
  const margin = small || landscape ? mm(15) : largePrint ? mm(20) : mm(27);
  const heading = (ratio: number, before: number, after: number): HeadingStyle => ({
    size: round(size * ratio),
    spaceBefore: round(size * before),
    spaceAfter: round(size * after),
  });
  return {
    paper,
    largePrint,
    duplex,
    page: landscape ? { width: PAGE_SIZES[paper].height, height: PAGE_SIZES[paper].width } : PAGE_SIZES[paper],
    margins: { top: margin + mm(6), bottom: margin + mm(6), inner: margin + (duplex ? mm(4) : 0), outer: margin },
    fonts: {
      body: withDir(largePrint ? sans : serif),
      heading: withDir(sans),
      mono: withDir(mono),
    },
    body: { size, lineHeight: largePrint ? 1.5 : 1.4, paragraphSpace: round(size * 0.7) },
    headings: largePrint
      ? [heading(1.5, 0, 0.8), heading(1.3, 1.4, 0.5), heading(1.15, 1.2, 0.4), heading(1.0, 1.0, 0.3)]
      : [heading(2.1, 0, 0.9), heading(1.45, 1.6, 0.55), heading(1.2, 1.3, 0.4), heading(1.05, 1.1, 0.3)],
    stackedHeadings: { '1-2': round(size * 0.5), '1-3': round(size * 0.45), '1-4': round(size * 0.4), '2-3': round(size * 0.45), '2-4': round(size * 0.4), '3-4': round(size * 0.35) },
    coverTitleSize: round(size * (largePrint ? 1.9 : 2.8)),
    small: round(size * (largePrint ? 1 : 0.85)),
    furniture: { size: largePrint ? size : round(size * 0.78), gap: mm(small ? 7 : 9) },
    list: { indent: round(18 * scale), itemSpace: round(size * 0.3) },
    table: { cellPadding: round(4 * scale), fontScale: largePrint ? 1 : 0.92 },
    callout: { padding: round(8 * scale), bar: 3 },
    checklist: { box: Math.max(mm(5), size * 1.1), itemSpace: Math.max(mm(2.5), size * 0.45), lineWeight: 1 },
    strokes: { hairline: 0.5, cell: 0.6, rule: 0.8 },
    italicAsBold: largePrint,
    colours: { text: '#000000', muted: '#3a3a3a', rule: '#6b6b6b', fill: '#ececec', headerFill: '#dcdcdc' },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
