import { PDFDocument } from 'pdf-lib';

/** One side of a folded sheet: the page printed on the left half and on the right half (0-based; null = blank). */
export type BookletSide = readonly [left: number | null, right: number | null];

/**
 * The order in which a document's pages print for saddle stitching: pages padded with blanks to a
 * multiple of four, each sheet carrying the outermost pages not yet placed — front (last, first),
 * back (second, second to last) — so that the folded stack reads in order.
 */
export function bookletSides(pageCount: number): BookletSide[] {
  const padded = Math.ceil(pageCount / 4) * 4;
  const page = (index: number) => (index < pageCount ? index : null);
  const sides: BookletSide[] = [];
  for (let sheet = 0; sheet < padded / 4; sheet++) {
    sides.push([page(padded - 1 - 2 * sheet), page(2 * sheet)]);
    sides.push([page(2 * sheet + 1), page(padded - 2 - 2 * sheet)]);
  }
  return sides;
}

/**
 * Imposes an A5 document for saddle-stitch printing: two pages side by side on each A4 landscape
 * side, in booklet order. pdf-lib places the pages as form XObjects, which pdfkit cannot do (it
 * cannot read a PDF). The copy is for printing only: it keeps the text but not the tags.
 */
export async function imposeBooklet(bytes: Uint8Array, metadata: { title: string; date: Date }): Promise<Uint8Array> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  const booklet = await PDFDocument.create({ updateMetadata: false });
  const count = source.getPageCount();
  const embedded = await booklet.embedPdf(source, [...Array(count).keys()]);
  const { width, height } = embedded[0]!;
  for (const side of bookletSides(count)) {
    const sheet = booklet.addPage([width * 2, height]);
    side.forEach((index, half) => {
      if (index !== null) sheet.drawPage(embedded[index]!, { x: half * width, y: 0 });
    });
  }
  booklet.setTitle(metadata.title);
  booklet.setProducer('trainpack');
  booklet.setCreator('trainpack');
  booklet.setCreationDate(metadata.date);
  booklet.setModificationDate(metadata.date);
  return booklet.save();
}
