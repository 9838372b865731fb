import type { Tokens } from 'marked';
import { round, sum, type Box, type RepeatGroup } from '../box.js';
import type { BlockLayout, FlowContext, Measurer } from '../flow.js';
import type { Ink } from '../ink.js';
import { breakLines, inlineRuns, linesInks, type InlineStyle, type TextLine, type TextRun } from '../inline.js';
import type { StructNode } from '../structure.js';
import type { Theme } from '../theme.js';

const LINE_HEIGHT = 1.3;

/**
 * A table with ruled cells and a shaded header row. The header keeps with the first row and is
 * repeated, as an artifact, at the top of every page the table continues onto. A row taller than
 * a page is split between lines, each part under the header row. Keep rules: see keepRows.
 */
export const table: BlockLayout<Tokens.Table> = (token, context, measurer) => {
  const { theme } = measurer;
  const size = round(context.style.size * theme.table.fontScale);
  const bodyStyle: InlineStyle = { ...context.style, size };
  const headerStyle: InlineStyle = { ...bodyStyle, bold: true };
  const runsOf = (cells: Tokens.TableCell[], style: InlineStyle) => cells.map((cell) => inlineRuns(cell.tokens as Tokens.Generic[], style, cell.text));
  const header = runsOf(token.header, headerStyle);
  const rows = token.rows.map((row) => runsOf(row, bodyStyle));
  const widths = columnWidths([header, ...rows], token.header.length, context.width, theme.table.cellPadding, theme);
  const group: RepeatGroup = { header: [] };
  const tableNode = context.struct.child('Table');
  const row = (cells: TextRun[][], isHeader: boolean, node?: StructNode, maxHeight?: number) => rowBoxes(cells, isHeader, token.align, widths, context, measurer, isHeader ? undefined : group, node, maxHeight);
  group.header = row(header, true);
  const [headerBox, ...headerRest] = row(header, true, tableNode.child('THead'));
  const bodyNode = tableNode.child('TBody');
  // An empty header cell above the first column makes that column row headers (labels for each row).
  const rowHeaders = token.header[0]?.text.trim() === '' && token.header.length > 1;
  // A body row must fit on a page under the repeated header row.
  const pageHeight = theme.page.height - theme.margins.top - theme.margins.bottom;
  const maxRowHeight = pageHeight - sum(group.header.map((box) => box.height));
  const body = rows.map((cells) => rowBoxes(cells, false, token.align, widths, context, measurer, group, bodyNode, maxRowHeight, rowHeaders));
  return [{ ...headerBox!, spaceBefore: theme.body.paragraphSpace }, ...headerRest, ...keepRows(body).flat()];
};

/** Most rows a table has and is still never split. */
const UNSPLIT_ROWS = 4;
/** Fewest body rows a split table leaves on either side of the break. */
const ROWS_EACH_SIDE = 2;

/**
 * A table of up to four body rows is not split; a longer one keeps at least two body rows on
 * each side of a break. (The parts of a row taller than a page can always part.)
 */
function keepRows(rows: Box[][]): Box[][] {
  const keepRow = (row: Box[]) => row.map((box, index) => (index === row.length - 1 ? { ...box, keepWithNext: true } : box));
  return rows.map((row, index) => {
    const last = index === rows.length - 1;
    if (last) return row;
    if (rows.length <= UNSPLIT_ROWS) return keepRow(row);
    return index < ROWS_EACH_SIDE - 1 || index >= rows.length - ROWS_EACH_SIDE ? keepRow(row) : row;
  });
}

/**
 * A row; without a table node it is a repeated header row on a continuation page: an artifact.
 * A row taller than a page is split between lines into parts that each fit under the header row.
 */
function rowBoxes(cells: TextRun[][], isHeader: boolean, align: Tokens.Table['align'], widths: number[], context: FlowContext, measurer: Measurer, group: RepeatGroup | undefined, rowGroup?: StructNode, maxHeight = Infinity, rowHeader = false): Box[] {
  const { theme } = measurer;
  const { cellPadding } = theme.table;
  const rowNode = rowGroup?.child('TR');
  const cellNodes = cells.map((_, column) =>
    isHeader ? rowNode?.child('TH', {}, { O: 'Table', Scope: 'Column' }) : rowHeader && column === 0 ? rowNode?.child('TH', {}, { O: 'Table', Scope: 'Row' }) : rowNode?.child('TD'),
  );
  const laidOut = cells.map((runs, column) => measurer.lines(runs, widths[column]! - cellPadding * 2, LINE_HEIGHT));
  const parts: TextLine[][][] = [];
  const next = laidOut.map(() => 0);
  const room = Math.max(maxHeight - cellPadding * 2, LINE_HEIGHT * theme.body.size * 2);
  do {
    parts.push(
      laidOut.map((cellLines, column) => {
        const part: TextLine[] = [];
        let height = 0;
        while (next[column]! < cellLines.length && (part.length === 0 || height + cellLines[next[column]!]!.height <= room)) {
          height += cellLines[next[column]!]!.height;
          part.push(cellLines[next[column]!++]!);
        }
        return part;
      }),
    );
  } while (laidOut.some((cellLines, column) => next[column]! < cellLines.length));
  return parts.map((part) => partBox(part, isHeader, align, widths, context, theme, group, cellNodes));
}

function partBox(laidOut: TextLine[][], isHeader: boolean, align: Tokens.Table['align'], widths: number[], context: FlowContext, theme: Theme, group: RepeatGroup | undefined, cellNodes: (StructNode | undefined)[]): Box {
  const { cellPadding } = theme.table;
  const height = Math.max(...laidOut.map((cellLines) => sum(cellLines.map((line) => line.height)))) + cellPadding * 2;
  const ink: Ink[] = [];
  let x = context.indent;
  laidOut.forEach((cellLines, column) => {
    const width = widths[column]!;
    const stroke = { colour: theme.colours.rule, width: theme.strokes.cell };
    ink.push({ kind: 'rect', x, y: 0, width, height, stroke, fill: isHeader ? theme.colours.headerFill : undefined });
    const cellNode = cellNodes[column];
    if (cellNode && cellLines.every((line) => line.segments.length === 0)) ink.push({ kind: 'anchor', tag: cellNode });
    let y = cellPadding;
    for (const line of cellLines) {
      const free = width - cellPadding * 2 - line.width;
      const shift = align[column] === 'right' ? free : align[column] === 'center' ? free / 2 : 0;
      ink.push(...linesInks([line], x + cellPadding + shift, y, theme, cellNode));
      y += line.height;
    }
    x += width;
  });
  return { height, spaceBefore: 0, keepWithNext: isHeader, group, decorations: context.decorations, ink };
}

/** Column widths from content: at least the longest word, shared out by how much text a column holds. */
function columnWidths(rows: TextRun[][][], columns: number, available: number, padding: number, theme: Theme): number[] {
  const minimum = new Array<number>(columns).fill(padding * 2 + 12);
  const natural = new Array<number>(columns).fill(padding * 2 + 12);
  const widthOf = (runs: TextRun[]): number => (breakLines(runs, Number.MAX_VALUE, theme, 1)[0] as TextLine).width;
  for (const row of rows) {
    row.forEach((runs, column) => {
      if (column >= columns) return;
      let total = 0;
      for (const run of runs) {
        for (const word of run.text.split(/\s+/)) {
          if (!word) continue;
          minimum[column] = Math.max(minimum[column]!, Math.min(widthOf([{ text: word, style: run.style }]), available / columns) + padding * 2);
        }
        total += widthOf([{ text: run.text, style: run.style }]);
      }
      natural[column] = Math.max(natural[column]!, total + padding * 2 + 4);
    });
  }
  // Columns whose text fits in a fair share keep their natural width; the others share what is left.
  const widths = new Array<number | undefined>(columns).fill(undefined);
  for (let settled = true; settled; ) {
    settled = false;
    const open = widths.flatMap((width, column) => (width === undefined ? [column] : []));
    const left = available - sum(widths.map((width) => width ?? 0));
    for (const column of open) {
      if (natural[column]! <= left / open.length) {
        widths[column] = natural[column]!;
        settled = true;
      }
    }
  }
  const open = widths.flatMap((width, column) => (width === undefined ? [column] : []));
  const fixed = sum(widths.map((width) => width ?? 0));
  const left = available - fixed;
  if (open.length === 0) return widths.map((width) => ((width ?? 0) * available) / fixed);
  const openMinimum = sum(open.map((column) => minimum[column]!));
  const openNatural = sum(open.map((column) => natural[column]!));
  for (const column of open) {
    widths[column] =
      openMinimum >= left
        ? (minimum[column]! * left) / openMinimum
        : minimum[column]! + ((natural[column]! - minimum[column]!) * (left - openMinimum)) / Math.max(1, openNatural - openMinimum);
  }
  return widths as number[];
}
