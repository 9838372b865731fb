/// <reference types="pdfkit" />
import PDFDocument from 'pdfkit';
import { registerFonts, selectFont, unitWidth } from './fonts.js';
import { FlowBuilder, type FlowHooks } from './flow.js';
import { breakLines, drawLine, type InlineStyle } from './inline.js';
import { StructNode, type Box, type DrawContext, type LayoutResult, type PrintDocument, type RepeatGroup, type SectionKind } from './model.js';
import type { Theme } from './theme.js';

interface PageRecord {
  section: number;
  cover: boolean;
  blank: boolean;
}

interface Placed {
  box: Box;
  top: number;
}

/** The sections a `::toc` directive lists. */
const CONTENTS_KINDS: readonly SectionKind[] = ['handout', 'checklists', 'contacts'];

/**
 * Lays out a document's sections on pages and writes the PDF: each section starts a new page
 * (a right-hand one in duplex), then the running header and footer, the outline and the
 * contents' page numbers are added once every page exists.
 */
export function layoutPdf(document: PrintDocument, theme: Theme): Promise<LayoutResult> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
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
  const pages = new Paginator(doc, theme, document).run();
  doc.end();
  return finished.then((bytes) => ({ bytes, pages }));
}

class Paginator {
  private readonly pages: PageRecord[] = [];
  private placed: Placed[] = [];
  private top = 0;
  private section = 0;
  private readonly sectionStarts: number[] = [];
  private readonly outlineStack: PDFKit.PDFOutline[] = [];
  private readonly deferred: (() => void)[] = [];
  private readonly structRoot = new StructNode('Document', null);
  private openTag: StructNode | undefined;
  private readonly structElements = new Map<StructNode, PDFKit.PDFStructureElement>();
  /** Groups (tables, checklists) with boxes on an earlier page: only these repeat their header. */
  private readonly drawnGroups = new Set<RepeatGroup>();
  private readonly contentWidth: number;
  private readonly contentsEntries: { title: string; section: number }[];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly theme: Theme,
    private readonly document: PrintDocument,
  ) {
    this.contentWidth = theme.page.width - theme.margins.inner - theme.margins.outer;
    this.contentsEntries = document.sections.flatMap((section, index) => (CONTENTS_KINDS.includes(section.kind) ? [{ title: section.title, section: index }] : []));
  }

  run(): number {
    this.document.sections.forEach((section, index) => {
      this.section = index;
      const sectionNode = this.structRoot.child('Sect', { title: section.title });
      const boxes = new FlowBuilder(this.theme, this.document.labels, section, this.hooks()).build(this.contentWidth, sectionNode);
      this.startSection();
      this.placeAll(boxes);
      this.flush();
    });
    if (this.theme.duplex && this.pages.length % 2 === 1) this.addBlankPage();
    for (const draw of this.deferred) draw();
    this.drawFurniture();
    this.structElements.get(this.structRoot)?.end();
    return this.pages.length;
  }

  private startSection(): void {
    if (this.theme.duplex && this.pages.length % 2 === 1) this.addBlankPage();
    this.newPage();
    this.sectionStarts[this.section] = this.pages.length - 1;
    this.doc.addNamedDestination(sectionDestination(this.section));
  }

  private newPage(): void {
    this.doc.addPage({ size: [this.theme.page.width, this.theme.page.height], margin: 0 });
    this.pages.push({ section: this.section, cover: false, blank: false });
    this.placed = [];
    this.top = this.theme.margins.top;
  }

  private addBlankPage(): void {
    this.newPage();
    this.pages[this.pages.length - 1]!.blank = true;
  }

  private get bottom(): number {
    return this.theme.page.height - this.theme.margins.bottom;
  }

  private placeAll(boxes: Box[]): void {
    const queue = [...boxes];
    while (queue.length > 0) {
      const box = queue.shift()!;
      if (box.breakBefore) {
        // A break with nothing after it (a section that ends with a cover or a page break) makes no empty page.
        if (this.placed.length > 0 && queue.length > 0) {
          this.flush();
          this.newPage();
        }
        continue;
      }
      const atTop = this.placed.length === 0;
      const space = atTop ? 0 : box.spaceBefore;
      if (atTop || this.top + space + box.height <= this.bottom + 0.01) {
        this.place(box, space);
        continue;
      }
      // Break before the chain of boxes that keep with this one; a chain taller than a page breaks where it overflows.
      let breakAt = this.placed.length;
      while (breakAt > 0 && this.placed[breakAt - 1]!.box.keepWithNext) breakAt--;
      if (breakAt === 0) breakAt = this.placed.length;
      const carried = this.placed.splice(breakAt).map((placed) => placed.box);
      this.flush();
      this.newPage();
      const first = carried[0] ?? box;
      const repeated = first.group && this.drawnGroups.has(first.group) ? first.group.header() : [];
      queue.unshift(...repeated, ...carried, box);
    }
  }

  private place(box: Box, space: number): void {
    const top = this.top + space;
    this.placed.push({ box, top });
    this.top = top + box.height;
    if (box.cover) this.pages[this.pages.length - 1]!.cover = true;
  }

  private drawContext(pageIndex: number): DrawContext {
    return {
      doc: this.doc,
      theme: this.theme,
      left: this.leftMargin(pageIndex),
      pageIndex,
      tag: (node, draw) => this.tag(node, draw),
      artifact: (draw) => this.artifact(draw),
      link: (url, area, draw) => this.link(url, area, draw),
    };
  }

  /**
   * A link inside tagged content: its text becomes a Link structure element, and the annotation is
   * tied to it (StructParent on the annotation, an OBJR in the element) as PDF/UA asks. pdfkit has
   * no API for object references in structure elements, so the OBJR is added when the element is
   * written; pdfkit copies annotation options into the annotation dictionary, which sets StructParent.
   */
  private link(url: string, area: { x: number; y: number; width: number; height: number }, draw: () => void): void {
    const parent = this.openTag;
    if (!parent) {
      draw();
      this.doc.link(area.x, area.y, area.width, area.height, url);
      return;
    }
    const node = parent.child('Link');
    this.tag(node, draw);
    const key = (this.doc as unknown as { createStructParentTreeNextKey(): number }).createStructParentTreeNextKey();
    this.doc.link(area.x, area.y, area.width, area.height, url, { StructParent: key } as never);
    const annotations = (this.doc.page as unknown as { annotations: unknown[] }).annotations;
    const annotation = annotations[annotations.length - 1];
    const element = this.element(node) as unknown as StructureElementInternals;
    (this.doc as unknown as { getStructParentTree(): { add(key: number, value: unknown): void } }).getStructParentTree().add(key, element.dictionary);
    const objectReference = { Type: 'OBJR', Obj: annotation };
    const flushChild = element._flushChild.bind(element);
    element._children.push(objectReference);
    element._flushChild = (child) => (child === objectReference ? element.dictionary.data.K.push(objectReference) : flushChild(child));
    // Back to the enclosing paragraph for the text that follows the link.
    this.tag(parent, () => undefined);
  }

  /**
   * Draws content as part of `node`, creating its structure element (and its parents') on first
   * use, in reading order. Consecutive draws for the same node (the lines of a paragraph) share
   * one marked-content sequence, which keeps the structure tree small and the writing fast.
   */
  private tag(node: StructNode, draw: () => void): void {
    if (this.openTag !== node) {
      this.closeTag();
      const content = this.doc.markStructureContent(node.type);
      this.element(node).add(content);
      this.openTag = node;
    }
    draw();
  }

  private closeTag(): void {
    if (this.openTag === undefined) return;
    this.doc.endMarkedContent();
    this.openTag = undefined;
  }

  private artifact(draw: () => void, type = 'Layout'): void {
    this.closeTag();
    this.doc.markContent('Artifact', { type } as never);
    draw();
    this.doc.endMarkedContent();
  }

  private element(node: StructNode): PDFKit.PDFStructureElement {
    let element = this.structElements.get(node);
    if (!element) {
      element = this.doc.struct(node.type, node.options as never);
      if (node.parent) this.element(node.parent).add(element);
      else this.doc.addStructure(element);
      this.structElements.set(node, element);
    }
    return element;
  }

  /** Draws the current page's boxes: decorations (callout backgrounds) first, then content. */
  private flush(): void {
    const pageIndex = this.pages.length - 1;
    const context = this.drawContext(pageIndex);
    this.placed.forEach(({ box, top }, index) => {
      const previous = this.placed[index - 1];
      for (const decoration of box.decorations) {
        const joined = previous?.box.decorations.includes(decoration);
        const from = joined ? previous!.top + previous!.box.height : top;
        const height = top + box.height - from;
        if (height <= 0) continue;
        const x = context.left + decoration.x;
        this.artifact(() => {
          if (decoration.fill) this.doc.save().rect(x, from, decoration.width, height).fill(decoration.fill).restore();
          if (decoration.bar) this.doc.save().rect(x, from, decoration.bar.width, height).fill(decoration.bar.colour).restore();
        });
      }
    });
    for (const { box, top } of this.placed) {
      box.draw(context, top);
      if (box.group) this.drawnGroups.add(box.group);
    }
    this.closeTag();
    this.placed = [];
  }

  /** Odd pages are right-hand pages: in duplex their inner margin is on the left. */
  private leftMargin(pageIndex: number): number {
    const { inner, outer } = this.theme.margins;
    return pageIndex % 2 === 0 || !this.theme.duplex ? inner : outer;
  }

  private hooks(): FlowHooks {
    return {
      heading: (level, title) => this.addOutlineEntry(level, title),
      contentsHeight: () => this.contentsEntries.length * this.contentsLineHeight(),
      contents: (context, top, width, node) => {
        const pageIndex = context.pageIndex;
        // The element is created now, so the contents keep their place in the reading order.
        this.element(node);
        this.deferred.push(() => this.drawContents(pageIndex, context.left, top, width, node));
      },
      openImage: (file) => {
        const image = (this.doc as unknown as { openImage(src: string): { width: number; height: number } }).openImage(file);
        return { width: image.width, height: image.height, image: file };
      },
    };
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
    const item = parent.addItem(title, { expanded: level === 1 } as never);
    this.outlineStack[level - 1] = item;
  }

  private contentsLineHeight(): number {
    return this.theme.body.size * this.theme.body.lineHeight * 1.5;
  }

  private drawContents(pageIndex: number, left: number, top: number, width: number, node: StructNode): void {
    const theme = this.theme;
    this.doc.switchToPage(pageIndex);
    const style: InlineStyle = { family: 'body', size: theme.body.size, bold: false, italic: false, strike: false, colour: theme.colours.text };
    const lineHeight = this.contentsLineHeight();
    this.contentsEntries.forEach((entry, index) => {
      const y = top + index * lineHeight;
      const page = String((this.sectionStarts[entry.section] ?? 0) + 1);
      const pageWidth = unitWidth(theme.fonts.body.bold, page) * style.size;
      const [title] = breakLines([{ text: entry.title, style }], width - pageWidth - 24, theme, 1.2);
      const pageLine = breakLines([{ text: page, style: { ...style, bold: true } }], width, theme, 1.2)[0]!;
      this.tag(node.child('TOCI'), () => {
        drawLine(this.doc, title!, left, y, theme);
        drawLine(this.doc, pageLine, left + width - pageLine.width, y, theme);
      });
      this.closeTag();
      const dotsY = y + title!.baseline;
      this.artifact(() => this.doc
        .save()
        .lineWidth(theme.strokes.cell)
        .dash(0.6, { space: 2.4 })
        .strokeColor(theme.colours.rule)
        .moveTo(left + title!.width + 6, dotsY)
        .lineTo(left + width - pageLine.width - 6, dotsY)
        .stroke()
        .undash()
        .restore());
      this.doc.goTo(left, y, width, lineHeight, sectionDestination(entry.section));
    });
  }

  /** Running header (document title) and footer (pack title, edition, page X of Y) on every page but the cover. */
  private drawFurniture(): void {
    this.pages.forEach((page, index) => {
      this.doc.switchToPage(index);
      if (!page.cover) this.artifact(() => this.drawPageFurniture(page, index), 'Pagination');
    });
  }

  private drawPageFurniture(page: PageRecord, index: number): void {
    const { doc, theme, document } = this;
    const size = theme.furniture.size;
    const left = this.leftMargin(index);
    const width = this.contentWidth;
    const rightHand = index % 2 === 0 || !theme.duplex;
    selectFont(doc, 'heading', 'regular', theme.fonts.heading.regular);
    doc.fontSize(size).fillColor(theme.colours.muted);
    if (page.blank) {
      doc.text(document.labels.intentionallyBlank, left, theme.page.height / 2, { width, align: 'center', lineBreak: false });
      return;
    }
    const headerY = theme.margins.top - theme.furniture.gap - size;
    const title = document.sections[page.section]?.title ?? document.title;
    doc.text(fitText(title, width, size, theme), left, headerY, { width, align: rightHand ? 'right' : 'left', lineBreak: false });
    doc.save().lineWidth(theme.strokes.hairline).strokeColor(theme.colours.rule).moveTo(left, headerY + size * 1.5).lineTo(left + width, headerY + size * 1.5).stroke().restore();
    const footerY = theme.page.height - theme.margins.bottom + theme.furniture.gap;
    const pageLabel = document.labels.pageOf(index + 1, this.pages.length);
    selectFont(doc, 'heading', 'bold', theme.fonts.heading.bold);
    doc.fontSize(size).fillColor(theme.colours.text);
    const pageWidth = unitWidth(theme.fonts.heading.bold, pageLabel) * size;
    doc.text(pageLabel, rightHand ? left + width - pageWidth : left, footerY, { lineBreak: false });
    selectFont(doc, 'heading', 'regular', theme.fonts.heading.regular);
    doc.fontSize(size).fillColor(theme.colours.muted);
    const footer = fitText(document.footer, width - pageWidth - 18, size, theme);
    const footerWidth = unitWidth(theme.fonts.heading.regular, footer) * size;
    doc.text(footer, rightHand ? left : left + width - footerWidth, footerY, { lineBreak: false });
  }

}

/** The parts of pdfkit's PDFStructureElement that adding an object reference needs. */
interface StructureElementInternals {
  dictionary: { data: { K: unknown[] } };
  _children: unknown[];
  _flushChild(child: unknown): void;
}

function withoutEmptyValues<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== '')) as T;
}

function sectionDestination(section: number): string {
  return `section-${section + 1}`;
}

/** Shortens running-header text with an ellipsis so it never wraps into the page. */
function fitText(text: string, width: number, size: number, theme: Theme): string {
  const file = theme.fonts.heading.regular;
  if (unitWidth(file, text) * size <= width) return text;
  let shortened = text;
  while (shortened.length > 1 && unitWidth(file, `${shortened}…`) * size > width) shortened = shortened.slice(0, -1);
  return `${shortened.trimEnd()}…`;
}
