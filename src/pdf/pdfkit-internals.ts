/// <reference types="pdfkit" />
import { createRequire } from 'node:module';
import { TrainpackError } from '../errors.js';

/**
 * Every use of pdfkit's and fontkit's private members, in one place. pdfkit has no public API for
 * an object reference (OBJR) in a structure element, for structure attributes, or for sharing
 * shaped words between documents; these helpers reach into its internals, and `checkPdfkitShapes` verifies once per
 * process that the members they rely on exist, so an upgrade that changes them fails with a
 * clear message instead of writing a broken PDF.
 */

const require = createRequire(import.meta.url);

export interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): unknown;
}

interface DocumentInternals {
  createStructParentTreeNextKey(): number;
  getStructParentTree(): { add(key: number, value: unknown): void };
  page: { annotations: unknown[] };
  _font?: { layoutCache?: Record<string, unknown> };
}

interface StructureElementInternals {
  dictionary: { data: { K: unknown[]; A?: unknown } };
  _children: unknown[];
  _flushChild(child: unknown): void;
}

let checked = false;

/** Fails with a clear message when the pdfkit or fontkit installed lacks a member this module uses. */
export function checkPdfkitShapes(PDFDocument: new (options: object) => PDFKit.PDFDocument): void {
  if (checked) return;
  const problems: string[] = [];
  if (typeof fontkit().create !== 'function') problems.push('fontkit.create is not a function');
  if (typeof lineBreaker('a-b').nextBreak !== 'function') problems.push('linebreak has no nextBreak');
  // A throwaway document: creating structure elements on the real one would change its object numbers.
  const probe = new PDFDocument({ autoFirstPage: false, tagged: true }) as unknown as Partial<DocumentInternals> & PDFKit.PDFDocument;
  for (const method of ['createStructParentTreeNextKey', 'getStructParentTree', 'markStructureContent', 'struct', 'addStructure'] as const) {
    if (typeof (probe as unknown as Record<string, unknown>)[method] !== 'function') problems.push(`PDFDocument.${method} is missing`);
  }
  if (problems.length === 0) {
    const element = probe.struct('P') as unknown as Partial<StructureElementInternals>;
    if (!Array.isArray(element._children)) problems.push('PDFStructureElement._children is not an array');
    if (typeof element._flushChild !== 'function') problems.push('PDFStructureElement._flushChild is missing');
    if (typeof element.dictionary?.data !== 'object') problems.push('PDFStructureElement.dictionary.data is missing');
    if (typeof (probe as unknown as { addContent?: unknown }).addContent !== 'function') problems.push('PDFDocument.addContent is missing');
    probe.addPage({ size: [10, 10], margin: 0 });
    if (!Array.isArray((probe.page as unknown as Partial<DocumentInternals['page']>).annotations)) problems.push('PDFPage.annotations is not an array');
  }
  if (problems.length > 0) {
    throw new TrainpackError('PDFKIT_INCOMPATIBLE', `the installed pdfkit is not the one trainpack was written for: ${problems.join('; ')}`, {
      hint: 'install the pdfkit version in package-lock.json (npm ci)',
    });
  }
  checked = true;
}

/** pdfkit's own copy of fontkit (a private dependency), so fonts parsed here are the ones pdfkit uses. */
export function fontkit(): Fontkit {
  return createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
}

/** Sets a structure element's attributes (/A), which pdfkit's options do not cover (Scope, ListNumbering). */
export function setAttributes(element: PDFKit.PDFStructureElement, attributes: Record<string, string>): void {
  (element as unknown as StructureElementInternals).dictionary.data.A = attributes;
}

/**
 * Opens an artifact's marked content with a /Subtype (Header, Footer), which pdfkit's markContent
 * does not write: its dictionary is amended on its way into the content stream.
 */
export function markArtifact(doc: PDFKit.PDFDocument, type: string, subtype: string | undefined): void {
  if (!subtype) {
    doc.markContent('Artifact', { type } as never);
    return;
  }
  const internals = doc as unknown as { addContent(data: string): unknown };
  const addContent = internals.addContent;
  internals.addContent = (data: string) => addContent.call(doc, data.startsWith('/Artifact') ? data.replace(/>> BDC$/, `/Subtype /${subtype}\n>> BDC`) : data);
  try {
    doc.markContent('Artifact', { type } as never);
  } finally {
    internals.addContent = addContent;
  }
}

/** pdfkit's own copy of the `linebreak` package (Unicode line-breaking rules, UAX #14). */
export function lineBreaker(text: string): LineBreaker {
  LineBreakerClass ??= createRequire(require.resolve('pdfkit'))('linebreak') as new (text: string) => LineBreaker;
  return new LineBreakerClass(text);
}

interface LineBreaker {
  nextBreak(): { position: number; required: boolean } | null;
}

let LineBreakerClass: (new (text: string) => LineBreaker) | undefined;

const sharedLayoutCaches = new Map<string, Record<string, unknown>>();

/**
 * pdfkit keeps a per-document cache of shaped words on the current font; the shaping (fontkit's
 * GSUB/GPOS pass) was the largest cost of every document after the first, so all documents using
 * the same font file share one cache. Cached runs hold glyphs and positions in font units,
 * independent of size and of the document's subset, so sharing them is safe.
 */
export function shareLayoutCache(doc: PDFKit.PDFDocument, file: string): void {
  const font = (doc as unknown as DocumentInternals)._font;
  if (!font?.layoutCache) return;
  let shared = sharedLayoutCaches.get(file);
  if (!shared) {
    shared = font.layoutCache;
    sharedLayoutCaches.set(file, shared);
  }
  font.layoutCache = shared;
}

/**
 * Adds a link annotation tied to its Link structure element, as PDF/UA asks: StructParent on the
 * annotation, the element in the parent tree under that key, and an OBJR to the annotation among
 * the element's children (written when the element is flushed).
 */
export function linkAnnotation(doc: PDFKit.PDFDocument, element: PDFKit.PDFStructureElement, area: { x: number; y: number; width: number; height: number }, target: { url?: string; destination?: string }, options: Record<string, unknown>): void {
  const internals = doc as unknown as DocumentInternals;
  const key = internals.createStructParentTreeNextKey();
  const annotationOptions = { ...options, StructParent: key } as never;
  if (target.url !== undefined) doc.link(area.x, area.y, area.width, area.height, target.url, annotationOptions);
  else doc.goTo(area.x, area.y, area.width, area.height, target.destination!, annotationOptions);
  const annotations = internals.page.annotations;
  const annotation = annotations[annotations.length - 1];
  const elementInternals = element as unknown as StructureElementInternals;
  internals.getStructParentTree().add(key, elementInternals.dictionary);
  const objectReference = { Type: 'OBJR', Obj: annotation };
  const flushChild = elementInternals._flushChild.bind(elementInternals);
  elementInternals._children.push(objectReference);
  elementInternals._flushChild = (child) => (child === objectReference ? elementInternals.dictionary.data.K.push(objectReference) : flushChild(child));
}
