/// <reference types="pdfkit" />
import PDFDocument from 'pdfkit';
import { registerFonts, selectFont } from './fonts.js';
import type { ArtifactKind, Ink } from './ink.js';
import type { LayoutResult, PrintDocument } from './model.js';
import type { PagedDocument } from './page.js';
import { checkPdfkitShapes, linkAnnotation, markArtifact, setAttributes } from './pdfkit-internals.js';
import type { StructNode } from './structure.js';
import type { Theme } from './theme.js';

/**
 * The paint step, the only code that calls pdfkit: draws every page's ink in order and tags it as
 * it goes. Structure elements are created the first time content of theirs is drawn, so the
 * structure tree follows reading order; consecutive ink of one element shares one marked-content
 * sequence, which keeps the tree small and the writing fast.
 */
export function paint(paged: PagedDocument, document: PrintDocument, theme: Theme): Promise<LayoutResult> {
  checkPdfkitShapes(PDFDocument as unknown as new (options: object) => PDFKit.PDFDocument);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [theme.page.width, theme.page.height],
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    lang: document.lang,
    displayTitle: true,
    // Tagged PDF (PDF/UA): a structure tree in reading order; headers, footers and ornaments are artifacts.
    tagged: true,
    subset: 'PDF/UA' as never,
    // pdfkit derives the file ID from this dictionary, so a fixed date gives byte-identical files.
    info: withoutEmptyValues({
      Title: document.title,
      Author: document.author,
      Subject: document.subject,
      Keywords: document.keywords,
      Creator: 'trainpack',
      Producer: 'trainpack (PDFKit)',
      CreationDate: document.creationDate,
      ModDate: document.creationDate,
    }),
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc, theme);
  new Painter(doc, theme).pages(paged);
  doc.end();
  return finished.then((bytes) => ({ bytes, pages: paged.pages.length, warnings: paged.warnings }));
}

/** What is open in the content stream: a structure element's marked content, or an artifact. */
type Open = { node: StructNode } | { artifact: ArtifactKind; subtype?: string } | undefined;

class Painter {
  private open: Open;
  private readonly elements = new Map<StructNode, PDFKit.PDFStructureElement>();
  private readonly outlineStack: PDFKit.PDFOutline[] = [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly theme: Theme,
  ) {}

  pages(paged: PagedDocument): void {
    for (const page of paged.pages) {
      this.doc.addPage({ size: [this.theme.page.width, this.theme.page.height], margin: 0 });
      for (const destination of page.destinations) this.doc.addNamedDestination(destination);
      for (const entry of page.outline) this.addOutlineEntry(entry.level, entry.title);
      for (const ink of page.ink) this.ink(ink);
      this.close();
    }
    this.elements.get(paged.structure)?.end();
  }

  private ink(ink: Ink): void {
    if (ink.kind === 'link') return this.link(ink);
    if (ink.tag) this.openTag(ink.tag);
    else this.openArtifact(ink.artifact ?? 'Layout', ink.artifactSubtype);
    const { doc } = this;
    switch (ink.kind) {
      case 'text': {
        selectFont(doc, ink.family, ink.face, this.theme.fonts[ink.family][ink.face]);
        doc.fontSize(ink.size).fillColor(ink.colour);
        doc.text(ink.text, ink.x, ink.top, { lineBreak: false });
        // pdfkit measures underline and strike-through only when it wraps text itself, so they are drawn from measured widths.
        const weight = Math.max(0.5, ink.size / 18);
        if (ink.underline) doc.save().lineWidth(weight).strokeColor(ink.colour).moveTo(ink.x, ink.baseline + ink.size * 0.12).lineTo(ink.x + ink.width, ink.baseline + ink.size * 0.12).stroke().restore();
        if (ink.strike) doc.save().lineWidth(weight).strokeColor(ink.colour).moveTo(ink.x, ink.baseline - ink.size * 0.3).lineTo(ink.x + ink.width, ink.baseline - ink.size * 0.3).stroke().restore();
        return;
      }
      case 'rect': {
        doc.save();
        if (ink.stroke) doc.lineWidth(ink.stroke.width).strokeColor(ink.stroke.colour);
        doc.rect(ink.x, ink.y, ink.width, ink.height);
        if (ink.fill && ink.stroke) doc.fillAndStroke(ink.fill, ink.stroke.colour);
        else if (ink.fill) doc.fill(ink.fill);
        else doc.stroke();
        doc.restore();
        return;
      }
      case 'path': {
        doc.save().lineWidth(ink.stroke.width).strokeColor(ink.stroke.colour);
        if (ink.stroke.dash) doc.dash(ink.stroke.dash.length, { space: ink.stroke.dash.space });
        ink.points.forEach(([x, y], index) => (index === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
        doc.stroke();
        if (ink.stroke.dash) doc.undash();
        doc.restore();
        return;
      }
      case 'image':
        doc.image(ink.file, ink.x, ink.y, { width: ink.width, height: ink.height });
        return;
      case 'anchor':
        return;
    }
  }

  /** A clickable area; inside tagged content it belongs to its Link element. */
  private link(ink: Extract<Ink, { kind: 'link' }>): void {
    const area = { x: ink.x, y: ink.y, width: ink.width, height: ink.height };
    // The annotation's /Contents is a text string (pdfkit writes a String object as one, a plain string as a name).
    const options = { Contents: new String(ink.contents) };
    if (!ink.tag) {
      if (ink.url !== undefined) this.doc.link(area.x, area.y, area.width, area.height, ink.url, options as never);
      else this.doc.goTo(area.x, area.y, area.width, area.height, ink.destination!, options as never);
      return;
    }
    linkAnnotation(this.doc, this.element(ink.tag), area, ink, options);
  }

  private openTag(node: StructNode): void {
    if (this.open && 'node' in this.open && this.open.node === node) return;
    this.close();
    const content = this.doc.markStructureContent(node.type);
    this.element(node).add(content);
    this.open = { node };
  }

  private openArtifact(kind: ArtifactKind, subtype?: 'Header' | 'Footer'): void {
    if (this.open && 'artifact' in this.open && this.open.artifact === kind && this.open.subtype === subtype) return;
    this.close();
    markArtifact(this.doc, kind, subtype);
    this.open = { artifact: kind, subtype };
  }

  private close(): void {
    if (this.open === undefined) return;
    this.doc.endMarkedContent();
    this.open = undefined;
  }

  private element(node: StructNode): PDFKit.PDFStructureElement {
    let element = this.elements.get(node);
    if (!element) {
      element = this.doc.struct(node.type, node.options as never);
      if (node.attributes) setAttributes(element, node.attributes);
      if (node.parent) this.element(node.parent).add(element);
      else this.doc.addStructure(element);
      this.elements.set(node, element);
    }
    return element;
  }

  private addOutlineEntry(level: number, title: string): void {
    if (level > 3) return;
    this.outlineStack.length = Math.min(this.outlineStack.length, level - 1);
    let parent: PDFKit.PDFOutline = this.doc.outline;
    for (let index = level - 2; index >= 0; index--) {
      const candidate = this.outlineStack[index];
      if (candidate) {
        parent = candidate;
        break;
      }
    }
    this.outlineStack[level - 1] = parent.addItem(title, { expanded: level === 1 } as never);
  }
}

function withoutEmptyValues<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== '')) as T;
}
