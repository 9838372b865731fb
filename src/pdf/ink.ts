import type { StructNode } from './structure.js';
import type { FaceKey, FontFamilyKey } from './theme.js';

/** What kind of non-content ink an artifact is: page layout (rules, backgrounds) or the running header and footer. */
export type ArtifactKind = 'Layout' | 'Pagination';

interface Tagged {
  /** The structure element this ink belongs to; without one it is an artifact. */
  tag?: StructNode;
  artifact?: ArtifactKind;
  /** For pagination artifacts: the running header or the footer. */
  artifactSubtype?: 'Header' | 'Footer';
}

/** A run of text in one style; x and the vertical positions are in points. */
export interface TextInk extends Tagged {
  kind: 'text';
  text: string;
  family: FontFamilyKey;
  face: FaceKey;
  size: number;
  colour: string;
  x: number;
  /** Top of the font's ascent, where pdfkit places text. */
  top: number;
  baseline: number;
  width: number;
  underline: boolean;
  strike: boolean;
}

export interface RectInk extends Tagged {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
  stroke?: Stroke;
}

export interface PathInk extends Tagged {
  kind: 'path';
  points: readonly (readonly [number, number])[];
  stroke: Stroke;
}

export interface ImageInk extends Tagged {
  kind: 'image';
  file: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A clickable area: a web address, or a named destination inside the PDF. */
export interface LinkInk extends Tagged {
  kind: 'link';
  x: number;
  y: number;
  width: number;
  height: number;
  url?: string;
  destination?: string;
  /** The link's text, for the annotation's /Contents (what a screen reader says for it). */
  contents: string;
}

/** No mark: puts its structure element in reading order although it has no ink (an empty table cell). */
export interface AnchorInk extends Tagged {
  kind: 'anchor';
  tag: StructNode;
}

export interface Stroke {
  colour: string;
  width: number;
  dash?: { length: number; space: number };
}

/** One mark on a page. Positions are relative to a box's top-left corner until paginated, then absolute. */
export type Ink = TextInk | RectInk | PathInk | ImageInk | LinkInk | AnchorInk;

/** The same ink moved by (dx, dy). */
export function moveInk(ink: Ink, dx: number, dy: number): Ink {
  switch (ink.kind) {
    case 'text':
      return { ...ink, x: ink.x + dx, top: ink.top + dy, baseline: ink.baseline + dy };
    case 'anchor':
      return ink;
    case 'path':
      return { ...ink, points: ink.points.map(([x, y]) => [x + dx, y + dy] as const) };
    default:
      return { ...ink, x: ink.x + dx, y: ink.y + dy };
  }
}
