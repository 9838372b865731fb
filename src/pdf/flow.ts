/// <reference types="pdfkit" />
import path from 'node:path';
import type { Tokens } from 'marked';
import { TrainpackError, type SourceLocation } from '../errors.js';
import type { ContainerToken, DirectiveToken } from '../markdown/directives.js';
import type { BlockToken } from '../markdown/lex.js';
import { breakLines, drawLine, inlineRuns, type InlineStyle, type TextLine, type TextRun } from './inline.js';
import { StructNode, type Box, type Decoration, type DrawContext, type PrintLabels, type PrintSection, type RepeatGroup } from './model.js';
import type { Theme } from './theme.js';

/** What the flow needs from the rest of the layout: outline entries, destinations, the contents. */
export interface FlowHooks {
  heading(level: number, title: string): void;
  contents(context: DrawContext, top: number, width: number, node: StructNode): void;
  contentsHeight(): number;
  openImage(data: Buffer, href: string, location?: SourceLocation): { width: number; height: number; image: unknown };
}

interface FlowContext {
  /** The structure element new content belongs to. */
  struct: StructNode;
  indent: number;
  width: number;
  decorations: readonly Decoration[];
  style: InlineStyle;
  group?: RepeatGroup;
  checklist?: { group: RepeatGroup };
  cover?: boolean;
}

const BULLETS = ['•', '–', '◦'];

/**
 * Turns one section's tokens into boxes for the paginator: measures every line up front, marks
 * what must stay together (a heading and what follows it, a paragraph's first and last two lines,
 * a list's first item), and knows how each token type is drawn.
 */
export class FlowBuilder {
  readonly boxes: Box[] = [];
  private pendingSpace: number | undefined;

  constructor(
    private readonly theme: Theme,
    private readonly labels: PrintLabels,
    private readonly section: PrintSection,
    private readonly hooks: FlowHooks,
  ) {}

  build(width: number, struct: StructNode): Box[] {
    const style: InlineStyle = { family: 'body', size: this.theme.body.size, bold: false, italic: false, strike: false, colour: this.theme.colours.text };
    this.blocks(this.section.tokens, { struct, indent: 0, width, decorations: [], style });
    return this.boxes;
  }

  private add(box: Box): void {
    if (this.pendingSpace !== undefined) {
      box.spaceBefore = this.pendingSpace;
      this.pendingSpace = undefined;
    }
    this.boxes.push(box);
  }

  private blocks(tokens: readonly BlockToken[], context: FlowContext): void {
    for (const token of tokens) this.block(token, context);
  }

  private block(token: BlockToken, context: FlowContext): void {
    const type = token.type as KnownBlockType;
    switch (type) {
      case 'space':
      case 'def':
      case 'html':
        // Blank lines carry no ink; link definitions are resolved by marked; raw HTML is reported when lexing.
        return;
      case 'heading':
        return this.heading(token as Tokens.Heading, context);
      case 'paragraph':
      case 'text':
        return this.paragraph(token as Tokens.Paragraph, context);
      case 'list':
        return this.list(token as Tokens.List, context, 0);
      case 'blockquote':
        return this.callout((token as Tokens.Blockquote).tokens as BlockToken[], context);
      case 'table':
        return this.table(token as Tokens.Table, context);
      case 'hr':
        return this.rule(context);
      case 'code':
        return this.code(token as Tokens.Code, context);
      case 'directive':
        return this.directive(token as DirectiveToken, context);
      case 'container':
        return this.container(token as ContainerToken, context);
      case 'image':
        return this.image(token as unknown as Tokens.Image, context);
      default: {
        const unexpected: never = type;
        throw new TrainpackError('LAYOUT_UNSUPPORTED', `cannot print Markdown element "${String(unexpected)}"`);
      }
    }
  }

  private lines(runs: TextRun[], width: number, lineHeight = this.theme.body.lineHeight): TextLine[] {
    return breakLines(runs, width, this.theme, lineHeight);
  }

  private heading(token: Tokens.Heading, context: FlowContext): void {
    const level = Math.min(Math.max(token.depth, 1), 4);
    const headingStyle = this.theme.headings[level - 1]!;
    const size = context.cover && level === 1 ? this.theme.coverTitleSize : headingStyle.size;
    const style: InlineStyle = { ...context.style, family: 'heading', size, bold: true };
    const lines = this.lines(inlineRuns(token.tokens as Tokens.Generic[], style, token.text), context.width, 1.2);
    const title = plainText(token.tokens as Tokens.Generic[], token.text);
    const box = this.textBox(lines, context, {
      spaceBefore: headingStyle.spaceBefore,
      keepWithNext: true,
      node: context.struct.child(`H${level}`),
      before: () => this.hooks.heading(level, title),
    });
    this.add(box);
    this.pendingSpace = headingStyle.spaceAfter;
    if (context.checklist) {
      const continuedRuns = inlineRuns(token.tokens as Tokens.Generic[], style, token.text);
      continuedRuns.push({ text: ` (${this.labels.continued})`, style: { ...style, bold: false } });
      const continuedLines = this.lines(continuedRuns, context.width, 1.2);
      context.checklist.group.header = () => [{ ...this.textBox(continuedLines, context, { spaceBefore: 0, keepWithNext: true }), group: undefined }];
    }
  }

  private paragraph(token: Tokens.Paragraph | Tokens.Text, context: FlowContext, spaceBefore = this.theme.body.paragraphSpace): void {
    // A paragraph holding only images (`![alt](file.png)` on its own line) is a block of figures.
    const inline = ((token.tokens ?? []) as Tokens.Generic[]).filter((child) => !(child.type === 'text' && String(child.text).trim() === ''));
    if (inline.length > 0 && inline.every((child) => child.type === 'image')) {
      for (const image of inline) this.image(image as unknown as Tokens.Image, context);
      return;
    }
    const lines = this.lines(inlineRuns(token.tokens as Tokens.Generic[], context.style, token.text), context.width);
    this.addLines(lines, context, spaceBefore, false, context.struct.child('P'));
  }

  /** One box per line: a page may break between lines, but never leaving one line alone. */
  private addLines(lines: TextLine[], context: FlowContext, spaceBefore: number, keepAll: boolean, node: StructNode): Box[] {
    const boxes = lines.map((line, index) =>
      this.textBox([line], context, {
        spaceBefore: index === 0 ? spaceBefore : 0,
        // keepAll: the lines stay together, but a page may still break after the last one.
        keepWithNext: keepAll ? index < lines.length - 1 : lines.length > 1 && (index === 0 || index === lines.length - 2),
        node,
      }),
    );
    boxes.forEach((box) => this.add(box));
    return boxes;
  }

  /** Lines of text; with a structure node they are tagged content, without one an artifact (a repeated header). */
  private textBox(lines: TextLine[], context: FlowContext, options: { spaceBefore: number; keepWithNext: boolean; node?: StructNode; before?: (drawContext: DrawContext) => void }): Box {
    const theme = this.theme;
    return {
      height: sum(lines.map((line) => line.height)),
      spaceBefore: options.spaceBefore,
      keepWithNext: options.keepWithNext,
      group: context.group,
      decorations: context.decorations,
      draw(drawContext, top) {
        options.before?.(drawContext);
        const drawLines = () => {
          let y = top;
          for (const line of lines) {
            drawLine(drawContext.doc, line, drawContext.left + context.indent, y, theme, drawContext);
            y += line.height;
          }
        };
        if (options.node) drawContext.tag(options.node, drawLines);
        else drawContext.artifact(drawLines);
      },
    };
  }

  private list(token: Tokens.List, context: FlowContext, depth: number): void {
    const theme = this.theme;
    const start = typeof token.start === 'number' ? token.start : 1;
    const inChecklist = context.checklist !== undefined;
    const boxSize = inChecklist ? theme.checklist.box : context.style.size * 0.85;
    const indent = inChecklist ? boxSize + theme.list.indent * 0.6 : theme.list.indent;
    const listNode = context.struct.child('L');
    token.items.forEach((item, index) => {
      const itemNode = listNode.child('LI');
      const marker = token.ordered ? `${start + index}.` : BULLETS[depth % BULLETS.length]!;
      const label = itemNode.child('Lbl', item.task ? { actual: item.checked ? '[x]' : '[ ]' } : {});
      const itemContext: FlowContext = { ...context, struct: itemNode.child('LBody'), indent: context.indent + indent, width: context.width - indent };
      const before = this.boxes.length;
      const itemSpace = inChecklist ? theme.checklist.itemSpace : token.loose ? theme.body.paragraphSpace : theme.list.itemSpace;
      let firstLine: TextLine | undefined;
      for (const child of item.tokens as BlockToken[]) {
        if (child.type === 'checkbox') continue;
        if (child.type === 'text' || child.type === 'paragraph') {
          const lines = this.lines(inlineRuns((child as Tokens.Text).tokens as Tokens.Generic[], context.style, (child as Tokens.Text).text), itemContext.width);
          if (this.boxes.length === before) firstLine = lines[0];
          // A checklist item stays whole, so the box and its words never part.
          this.addLines(lines, itemContext, this.boxes.length === before ? (index === 0 && depth === 0 && !inChecklist ? theme.body.paragraphSpace : itemSpace) : theme.list.itemSpace, inChecklist, itemContext.struct.child('P'));
        } else if (child.type === 'list') {
          this.list(child as Tokens.List, itemContext, depth + 1);
        } else {
          this.block(child, itemContext);
        }
      }
      const first = this.boxes[before];
      if (!first) return;
      first.itemStart = true;
      if (index === 0 && token.items.length > 1) {
        // A list is not split after its first line.
        first.keepWithNext = true;
      }
      const markerLine = this.lines([{ text: marker, style: { ...context.style, bold: token.ordered } }], Number.MAX_VALUE)[0]!;
      const lineHeight = firstLine?.height ?? markerLine.height;
      const drawContent = first.draw;
      // The marker is drawn before the item's text so that text extraction and reading order match.
      first.draw = (drawContext, top) => {
        drawContext.tag(label, () => drawMarker(drawContext, top));
        drawContent(drawContext, top);
      };
      /** A bullet or number on the first line's baseline, or an empty box for a pen. */
      const drawMarker = (drawContext: DrawContext, top: number) => {
        const { doc } = drawContext;
        const x = drawContext.left + context.indent;
        if (!item.task) {
          drawLine(doc, markerLine, x, top + (firstLine?.baseline ?? markerLine.baseline) - markerLine.baseline, theme);
          return;
        }
        const boxTop = inChecklist ? top : top + (lineHeight - boxSize) / 2;
        doc.save().lineWidth(inChecklist ? theme.checklist.lineWeight : theme.strokes.rule).strokeColor(theme.colours.text).rect(x + 0.5, boxTop + 0.5, boxSize, boxSize).stroke();
        if (item.checked) {
          doc.moveTo(x + boxSize * 0.2, boxTop + boxSize * 0.55).lineTo(x + boxSize * 0.42, boxTop + boxSize * 0.78).lineTo(x + boxSize * 0.82, boxTop + boxSize * 0.22).stroke();
        }
        doc.restore();
      };
      if (inChecklist) {
        // The pen needs the box height at least: a one-line item is as tall as its box.
        const last = this.boxes[this.boxes.length - 1]!;
        const itemHeight = sum(this.boxes.slice(before).map((box) => box.height));
        if (itemHeight < boxSize + 2) last.height += boxSize + 2 - itemHeight;
      }
    });
  }

  private callout(tokens: readonly BlockToken[], context: FlowContext, fill = this.theme.colours.fill): void {
    const { padding, bar } = this.theme.callout;
    const decoration: Decoration = { x: context.indent, width: context.width, fill, bar: { width: bar, colour: this.theme.colours.text } };
    const inner: FlowContext = {
      ...context,
      struct: context.struct.child('BlockQuote'),
      indent: context.indent + bar + padding,
      width: context.width - bar - padding * 2,
      decorations: [...context.decorations, decoration],
    };
    const pad = (spaceBefore: number, keepWithNext: boolean): Box => ({ height: padding, spaceBefore, keepWithNext, decorations: inner.decorations, group: context.group, draw: () => undefined });
    this.add(pad(this.theme.body.paragraphSpace * 1.2, true));
    this.pendingSpace = 0;
    const start = this.boxes.length;
    this.blocks(tokens, inner);
    const last = this.boxes[this.boxes.length - 1];
    if (last && this.boxes.length > start) last.keepWithNext = true;
    this.add(pad(0, false));
    // Not split after its first line: the padding and the first line stay together.
    const first = this.boxes[start];
    if (first && this.boxes.length - start > 2) first.keepWithNext = true;
  }

  private table(token: Tokens.Table, context: FlowContext): void {
    const theme = this.theme;
    const { cellPadding } = theme.table;
    const size = round(context.style.size * theme.table.fontScale);
    const bodyStyle: InlineStyle = { ...context.style, size };
    const headerStyle: InlineStyle = { ...bodyStyle, bold: true };
    const runsOf = (cells: Tokens.TableCell[], style: InlineStyle) => cells.map((cell) => inlineRuns(cell.tokens as Tokens.Generic[], style, cell.text));
    const header = runsOf(token.header, headerStyle);
    const rows = token.rows.map((row) => runsOf(row, bodyStyle));
    const widths = columnWidths([header, ...rows], token.header.length, context.width, cellPadding, theme);
    const lineHeight = 1.3;
    const group: RepeatGroup = { header: () => [] };
    const tableNode = context.struct.child('Table');
    /** A row; without a table node it is a repeated header row on a continuation page: an artifact. */
    const rowBox = (cells: TextRun[][], isHeader: boolean, table?: StructNode): Box => {
      const row = table?.child('TR');
      const cellNodes = cells.map(() => row?.child(isHeader ? 'TH' : 'TD'));
      const laidOut = cells.map((runs, column) => this.lines(runs, widths[column]! - cellPadding * 2, lineHeight));
      const height = Math.max(...laidOut.map((lines) => sum(lines.map((line) => line.height)))) + cellPadding * 2;
      return {
        height,
        spaceBefore: 0,
        keepWithNext: isHeader,
        group: isHeader ? undefined : group,
        decorations: context.decorations,
        draw(drawContext, top) {
          const { doc } = drawContext;
          let x = drawContext.left + context.indent;
          laidOut.forEach((lines, column) => {
            const width = widths[column]!;
            const cellLeft = x;
            drawContext.artifact(() => {
              doc.save().lineWidth(theme.strokes.cell).strokeColor(theme.colours.rule);
              if (isHeader) doc.rect(cellLeft, top, width, height).fillAndStroke(theme.colours.headerFill, theme.colours.rule);
              else doc.rect(cellLeft, top, width, height).stroke();
              doc.restore();
            });
            const drawCell = () => {
              let y = top + cellPadding;
              const align = token.align[column];
              for (const line of lines) {
                const free = width - cellPadding * 2 - line.width;
                const shift = align === 'right' ? free : align === 'center' ? free / 2 : 0;
                drawLine(doc, line, cellLeft + cellPadding + shift, y, theme, drawContext);
                y += line.height;
              }
            };
            const cellNode = cellNodes[column];
            if (cellNode) drawContext.tag(cellNode, drawCell);
            else drawContext.artifact(drawCell);
            x += width;
          });
        },
      };
    };
    const headerBox = rowBox(header, true, tableNode);
    headerBox.spaceBefore = theme.body.paragraphSpace;
    group.header = () => [rowBox(header, true)];
    this.add(headerBox);
    rows.forEach((cells) => this.add(rowBox(cells, false, tableNode)));
  }

  private rule(context: FlowContext): void {
    const theme = this.theme;
    this.add({
      height: theme.body.size,
      spaceBefore: theme.body.paragraphSpace,
      keepWithNext: false,
      decorations: context.decorations,
      draw({ doc, left, artifact }, top) {
        const y = top + theme.body.size / 2;
        artifact(() => doc.save().lineWidth(theme.strokes.rule).strokeColor(theme.colours.rule).moveTo(left + context.indent, y).lineTo(left + context.indent + context.width, y).stroke().restore());
      },
    });
  }

  private code(token: Tokens.Code, context: FlowContext): void {
    const { padding } = this.theme.callout;
    const style: InlineStyle = { ...context.style, family: 'mono', size: round(context.style.size * 0.85), bold: false, italic: false };
    const decoration: Decoration = { x: context.indent, width: context.width, fill: this.theme.colours.fill };
    const inner: FlowContext = { ...context, indent: context.indent + padding, width: context.width - padding * 2, decorations: [...context.decorations, decoration] };
    const pad = (spaceBefore: number): Box => ({ height: padding * 0.7, spaceBefore, keepWithNext: true, decorations: inner.decorations, draw: () => undefined });
    this.add(pad(this.theme.body.paragraphSpace));
    this.pendingSpace = 0;
    // Code keeps its spaces: each non-breaking so the line breaker does not fold indentation.
    const lines = token.text.split('\n').flatMap((line) => this.lines([{ text: line.replace(/ /g, '\u00a0') || '\u00a0', style }], inner.width, 1.3));
    this.addLines(lines, inner, 0, false, context.struct.child('Code'));
    const end = pad(0);
    end.keepWithNext = false;
    this.add(end);
  }

  private image(token: Tokens.Image, context: FlowContext): void {
    const source = this.section.images.get(token.href);
    if (!source) throw new Error(`image "${token.href}" reached the layout without being read first`);
    if (source.kind === 'placeholder') return this.imagePlaceholder(token.text || token.href, context);
    const opened = this.hooks.openImage(source.data, token.href, source.location);
    const maxHeight = (this.theme.page.height - this.theme.margins.top - this.theme.margins.bottom) * 0.5;
    const naturalWidth = opened.width * 0.75;
    let width = Math.min(context.width, naturalWidth);
    let height = (opened.height / opened.width) * width;
    if (height > maxHeight) {
      height = maxHeight;
      width = (opened.width / opened.height) * height;
    }
    const figure = context.struct.child('Figure', { alt: token.text || path.basename(token.href) });
    this.add({
      height,
      spaceBefore: this.theme.body.paragraphSpace,
      keepWithNext: false,
      decorations: context.decorations,
      group: context.group,
      draw({ doc, left, tag }, top) {
        tag(figure, () => doc.image(opened.image as Buffer, left + context.indent, top, { width, height }));
      },
    });
  }

  /** An image that cannot be shown: its alt text in a thin box where it would have been. */
  private imagePlaceholder(alt: string, context: FlowContext): void {
    const theme = this.theme;
    const padding = theme.callout.padding;
    const lines = this.lines([{ text: alt, style: { ...context.style, italic: true, colour: theme.colours.muted } }], context.width - padding * 2);
    const height = padding * 2 + sum(lines.map((line) => line.height));
    const node = context.struct.child('P');
    this.add({
      height,
      spaceBefore: theme.body.paragraphSpace,
      keepWithNext: false,
      decorations: context.decorations,
      group: context.group,
      draw({ doc, left, tag, artifact }, top) {
        const x = left + context.indent;
        artifact(() => doc.save().lineWidth(theme.strokes.rule).strokeColor(theme.colours.muted).rect(x, top, context.width, height).stroke().restore());
        tag(node, () => {
          let y = top + padding;
          for (const line of lines) {
            drawLine(doc, line, x + padding, y, theme);
            y += line.height;
          }
        });
      },
    });
  }

  private directive(token: DirectiveToken, context: FlowContext): void {
    const theme = this.theme;
    switch (token.name) {
      case 'pagebreak':
        this.add({ height: 0, spaceBefore: 0, keepWithNext: false, breakBefore: true, decorations: [], draw: () => undefined });
        this.pendingSpace = 0;
        return;
      case 'toc': {
        const hooks = this.hooks;
        const node = context.struct.child('TOC');
        this.add({
          height: hooks.contentsHeight(),
          spaceBefore: theme.body.paragraphSpace,
          keepWithNext: false,
          decorations: context.decorations,
          draw(drawContext, top) {
            hooks.contents({ ...drawContext, left: drawContext.left + context.indent }, top, context.width, node);
          },
        });
        return;
      }
      case 'fill':
        this.fillLine(token.attributes.label ?? '', context);
        return;
      case 'box':
        return this.labelledBox(token.attributes, context);
      default:
        // Unknown directives were reported as warnings when lexing.
        return;
    }
  }

  private fillLine(label: string, context: FlowContext, spaceBefore = this.theme.body.paragraphSpace): Box {
    const theme = this.theme;
    const style: InlineStyle = { ...context.style, bold: true };
    const lines = label ? this.lines([{ text: `${label}:`, style }], context.width * 0.6) : [];
    const lineHeight = context.style.size * theme.body.lineHeight * 1.8;
    const node = context.struct.child('P');
    const box: Box = {
      height: Math.max(lineHeight, sum(lines.map((line) => line.height))),
      spaceBefore,
      keepWithNext: false,
      decorations: context.decorations,
      draw({ doc, left, tag, artifact }, top) {
        const labelWidth = Math.max(0, ...lines.map((line) => line.width));
        tag(node, () => {
          let y = top + lineHeight - (lines[0]?.height ?? 0);
          for (const line of lines) {
            drawLine(doc, line, left + context.indent, y, theme);
            y += line.height;
          }
        });
        const baseline = top + lineHeight - context.style.size * 0.25;
        artifact(() => doc.save().lineWidth(theme.strokes.rule).strokeColor(theme.colours.text).moveTo(left + context.indent + labelWidth + 6, baseline).lineTo(left + context.indent + context.width, baseline).stroke().restore());
      },
    };
    this.add(box);
    return box;
  }

  /** A bordered field: a label, then a value, or an empty box for the organisation to fill in. */
  private labelledBox(attributes: Record<string, string>, context: FlowContext): void {
    const theme = this.theme;
    const padding = theme.callout.padding;
    const innerWidth = context.width - padding * 2;
    const smallStyle: InlineStyle = { ...context.style, size: theme.small, colour: theme.colours.muted };
    const label = this.lines([{ text: attributes.label ?? '', style: { ...context.style, family: 'heading', bold: true } }], innerWidth);
    const value = attributes.value ? this.lines([{ text: attributes.value, style: { ...context.style, bold: true, size: round(context.style.size * 1.15) } }], innerWidth) : [];
    const placeholder = attributes.value ? [] : this.lines([{ text: this.labels.toBeCompleted, style: { ...smallStyle, italic: true } }], innerWidth);
    const blankHeight = attributes.value ? 0 : context.style.size * theme.body.lineHeight * 1.6;
    const note = attributes.note ? this.lines([{ text: attributes.note, style: { ...context.style, colour: theme.colours.muted } }], innerWidth) : [];
    const verified = attributes.verified ? this.lines([{ text: `${this.labels.verified}: ${attributes.verified}`, style: smallStyle }], innerWidth) : [];
    const parts = [label, value, placeholder, note, verified];
    const height = padding * 2 + sum(parts.flat().map((line) => line.height)) + blankHeight;
    const node = context.struct.child('P');
    this.add({
      height,
      spaceBefore: theme.body.paragraphSpace,
      keepWithNext: false,
      decorations: context.decorations,
      group: context.group,
      draw({ doc, left, tag, artifact }, top) {
        const x = left + context.indent;
        artifact(() => doc.save().lineWidth(theme.strokes.rule).strokeColor(theme.colours.text).rect(x, top, context.width, height).stroke().restore());
        let y = top + padding;
        const drawLines = (lines: TextLine[]) => {
          for (const line of lines) {
            drawLine(doc, line, x + padding, y, theme);
            y += line.height;
          }
        };
        tag(node, () => {
          drawLines(label);
          drawLines(value);
          if (blankHeight > 0) {
            y += blankHeight;
            drawLines(placeholder);
          }
          drawLines(note);
          drawLines(verified);
        });
      },
    });
  }

  private container(token: ContainerToken, context: FlowContext): void {
    const theme = this.theme;
    switch (token.name) {
      case 'cover': {
        const pageContent = theme.page.height - theme.margins.top - theme.margins.bottom;
        this.add({ height: pageContent * 0.22, spaceBefore: 0, keepWithNext: true, cover: true, decorations: [], draw: () => undefined });
        this.pendingSpace = 0;
        this.blocks(token.tokens as BlockToken[], { ...context, cover: true, style: { ...context.style, size: round(context.style.size * 1.15) } });
        this.add({ height: 0, spaceBefore: 0, keepWithNext: false, breakBefore: true, decorations: [], draw: () => undefined });
        this.pendingSpace = 0;
        return;
      }
      case 'lead':
        this.blocks(token.tokens as BlockToken[], { ...context, style: { ...context.style, size: round(context.style.size * 1.12), colour: theme.colours.muted } });
        this.rule(context);
        return;
      case 'small':
        this.blocks(token.tokens as BlockToken[], { ...context, style: { ...context.style, size: theme.small } });
        return;
      case 'checklist': {
        const group: RepeatGroup = { header: () => [] };
        const inner: FlowContext = { ...context, struct: context.struct.child('Sect'), group, checklist: { group } };
        const start = this.boxes.length;
        this.blocks(token.tokens as BlockToken[], inner);
        // The title and intro stay with the first item.
        const firstItem = this.boxes.findIndex((box, index) => index >= start && box.itemStart);
        for (let index = start; index < firstItem; index++) this.boxes[index]!.keepWithNext = true;
        const last = this.boxes[this.boxes.length - 1];
        if (last) last.keepWithNext = true;
        this.doneByLine(inner);
        return;
      }
      case 'note':
      case 'tip':
      case 'warning':
      case 'important': {
        const title = token.attributes.title;
        const tokens = title ? [{ type: 'paragraph', raw: title, text: title, tokens: [{ type: 'strong', raw: title, text: title, tokens: [{ type: 'text', raw: title, text: title }] }] } as BlockToken, ...token.tokens] : token.tokens;
        this.callout(tokens as BlockToken[], context, token.name === 'warning' || token.name === 'important' ? theme.colours.headerFill : theme.colours.fill);
        return;
      }
      default:
        this.blocks(token.tokens as BlockToken[], context);
    }
  }

  /** "Done by ____  Date ____" on one line, or on two when the labels would not fit beside each other (A5, large print). */
  private doneByLine(context: FlowContext): void {
    const labelStyle: InlineStyle = { ...context.style, bold: true };
    const labelWidth = Math.max(...[this.labels.doneBy, this.labels.date].map((label) => this.lines([{ text: `${label}:`, style: labelStyle }], Number.MAX_VALUE)[0]!.width));
    const half: FlowContext = { ...context, width: context.width * 0.58 - 8 };
    if (labelWidth > half.width * 0.45) {
      this.fillLine(this.labels.doneBy, context, this.theme.checklist.itemSpace * 2).keepWithNext = true;
      this.fillLine(this.labels.date, { ...context, width: context.width * 0.6 }, 0);
      return;
    }
    const doneBy = this.fillLine(this.labels.doneBy, half, this.theme.checklist.itemSpace * 2);
    this.boxes.pop();
    const dateContext: FlowContext = { ...context, indent: context.indent + context.width * 0.58, width: context.width * 0.42 };
    const date = this.fillLine(this.labels.date, dateContext, 0);
    this.boxes.pop();
    this.add({
      ...doneBy,
      height: Math.max(doneBy.height, date.height),
      draw(drawContext, top) {
        doneBy.draw(drawContext, top);
        date.draw(drawContext, top);
      },
    });
  }
}

type KnownBlockType = 'space' | 'def' | 'html' | 'heading' | 'paragraph' | 'text' | 'list' | 'blockquote' | 'table' | 'hr' | 'code' | 'directive' | 'container' | 'image';

/** Column widths from content: at least the longest word, shared out by how much text a column holds. */
function columnWidths(rows: TextRun[][][], columns: number, available: number, padding: number, theme: Theme): number[] {
  const minimum = new Array<number>(columns).fill(padding * 2 + 12);
  const natural = new Array<number>(columns).fill(padding * 2 + 12);
  for (const row of rows) {
    row.forEach((runs, column) => {
      if (column >= columns) return;
      let total = 0;
      for (const run of runs) {
        for (const word of run.text.split(/\s+/)) {
          if (!word) continue;
          const width = breakLines([{ text: word, style: run.style }], Number.MAX_VALUE, theme, 1)[0]!.width;
          minimum[column] = Math.max(minimum[column]!, Math.min(width, available / columns) + padding * 2);
        }
        total += breakLines([{ text: run.text, style: run.style }], Number.MAX_VALUE, theme, 1)[0]!.width;
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

export function plainText(tokens: readonly Tokens.Generic[] | undefined, fallback: string): string {
  if (!tokens || tokens.length === 0) return fallback;
  return tokens.map((token) => (Array.isArray(token.tokens) && token.tokens.length > 0 ? plainText(token.tokens as Tokens.Generic[], '') : String(token.text ?? ''))).join('');
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
