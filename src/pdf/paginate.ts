import type { Problem } from '../errors.js';
import type { Box, ContentsSlot, RepeatGroup } from './box.js';
import { unitAscent, unitWidth } from './fonts.js';
import { breakLines, lineInks, type InlineStyle } from './inline.js';
import { moveInk, type Ink, type TextInk } from './ink.js';
import { CONTENTS_KINDS, type MeasuredSection } from './measure.js';
import type { PrintDocument } from './model.js';
import type { Page, PagedDocument } from './page.js';
import type { StructNode } from './structure.js';
import type { Theme } from './theme.js';

interface Placed {
  box: Box;
  top: number;
  /** A repeated header (table header row, checklist title) on a continuation page. */
  repeated?: boolean;
}

/** A page while boxes are distributed: what sits on it, before any ink is composed. */
interface Frame {
  section: number;
  cover: boolean;
  blank: boolean;
  placed: Placed[];
}

/**
 * The paginate step, pure and deterministic: distributes each section's boxes onto pages (each
 * section starts a new page, a right-hand one in duplex), then composes every page's ink:
 * backgrounds, the boxes, the contents with their page numbers, the running header and footer.
 */
export function paginate(sections: readonly MeasuredSection[], document: PrintDocument, theme: Theme, structure: StructNode): PagedDocument {
  const frames = distribute(sections, theme);
  const warnings = [...sections.flatMap((measured) => measured.warnings), ...clipOverflow(frames, theme)];
  const sectionStarts = sections.map((_, index) => frames.findIndex((frame) => frame.section === index && !frame.blank));
  const contents = sections.flatMap(({ section }, index) => (CONTENTS_KINDS.includes(section.kind) ? [{ title: section.title, page: sectionStarts[index]! + 1, destination: sectionDestination(index) }] : []));
  const pages = frames.map((frame, index): Page => {
    const left = leftMargin(index, theme);
    const ink = [...composeBoxes(frame.placed, left, theme, contents)];
    if (!frame.cover) ink.push(...furniture(frame, index, frames.length, left, document, theme));
    return {
      section: frame.section,
      cover: frame.cover,
      blank: frame.blank,
      left,
      ink,
      outline: frame.placed.flatMap(({ box }) => (box.outline ? [box.outline] : [])),
      destinations: sectionStarts.flatMap((start, section) => (start === index ? [sectionDestination(section)] : [])),
    };
  });
  return { pages, structure, warnings };
}

export function sectionDestination(section: number): string {
  return `section-${section + 1}`;
}

/** Distributes boxes onto frames, breaking only between boxes and never after one that keeps with the next. */
function distribute(sections: readonly MeasuredSection[], theme: Theme): Frame[] {
  const frames: Frame[] = [];
  const bottom = theme.page.height - theme.margins.bottom;
  /** Groups (tables, checklists) with boxes on an earlier page: only these repeat their header. */
  const startedGroups = new Set<RepeatGroup>();
  let frame!: Frame;
  let top = 0;
  const newFrame = (section: number, blank = false) => {
    if (frame) for (const { box } of frame.placed) if (box.group) startedGroups.add(box.group);
    frame = { section, cover: false, blank, placed: [] };
    frames.push(frame);
    top = theme.margins.top;
  };
  sections.forEach(({ boxes }, section) => {
    if (theme.duplex && frames.length % 2 === 1) newFrame(section - 1, true);
    newFrame(section);
    // A stack, last box first: carried boxes and repeated headers are pushed back on.
    const queue: Placed['box'][] = [...boxes].reverse();
    let repeatedToPlace = 0;
    while (queue.length > 0) {
      const box = queue.pop()!;
      const repeated = repeatedToPlace > 0;
      if (repeated) repeatedToPlace--;
      if (box.breakBefore) {
        // A break with nothing after it (a section that ends with a cover or a page break) makes no empty page.
        if (frame.placed.length > 0 && queue.length > 0) {
          newFrame(section);
          if (box.rightHand && theme.duplex && frames.length % 2 === 0) {
            // The back of the cover: left empty, without header, footer or a "blank page" note.
            Object.assign(frame, { blank: true, cover: true });
            newFrame(section);
          }
        }
        continue;
      }
      const atTop = frame.placed.length === 0;
      const space = atTop ? 0 : box.spaceBefore;
      // Only repeated headers above: the box cannot fit on any page, so it goes here and is cut at the foot.
      const nothingToCarry = frame.placed.every((placed) => placed.repeated);
      if (atTop || top + space + box.height <= bottom + 0.01 || nothingToCarry) {
        frame.placed.push({ box, top: top + space, repeated });
        top += space + box.height;
        if (box.cover) frame.cover = true;
        continue;
      }
      // Break before the chain of boxes that keep with this one; a chain taller than a page breaks where it overflows.
      let breakAt = frame.placed.length;
      while (breakAt > 0 && frame.placed[breakAt - 1]!.box.keepWithNext) breakAt--;
      if (frame.placed.slice(0, breakAt).every((placed) => placed.repeated)) breakAt = frame.placed.length;
      const carried = frame.placed.splice(breakAt).map((placed) => placed.box);
      newFrame(section);
      const first = carried[0] ?? box;
      const header = first.group && startedGroups.has(first.group) ? first.group.header : [];
      queue.push(box, ...[...carried].reverse(), ...[...header].reverse());
      repeatedToPlace = header.length;
    }
  });
  if (theme.duplex && frames.length % 2 === 1) newFrame(sections.length - 1, true);
  return frames;
}

/**
 * A box taller than the room on a page (a field with pages of notes, a heading of a hundred words)
 * is cut at the foot of the page, and said so: its ink below the text block is dropped, and the
 * lines lost are counted in a located warning.
 */
function clipOverflow(frames: Frame[], theme: Theme): Problem[] {
  const bottom = theme.page.height - theme.margins.bottom + 0.01;
  const warnings: Problem[] = [];
  for (const frame of frames) {
    frame.placed = frame.placed.map((placed) => {
      const { box, top } = placed;
      if (top + box.height <= bottom) return placed;
      const room = bottom - top;
      const ink = box.ink.filter((item) => inkBottom(item) <= room);
      const cut = new Set(box.ink.flatMap((item) => (item.kind === 'text' && inkBottom(item) > room ? [Math.round(item.baseline * 100)] : []))).size;
      const what = box.origin?.what ?? 'block';
      warnings.push({
        severity: 'warning',
        code: 'LAYOUT_TOO_TALL',
        message: `${what} is taller than a page; ${cut} line${cut === 1 ? ' was' : 's were'} cut`,
        location: box.origin?.location,
        hint: 'split it into shorter parts',
      });
      return { ...placed, box: { ...box, height: room, ink: ink.map((item) => (item.kind === 'rect' && item.y + item.height > room ? { ...item, height: room - item.y } : item)) } };
    });
  }
  return warnings;
}

/** How far below its box's top an ink reaches (rectangles may be shortened instead, so they count by their top). */
function inkBottom(ink: Ink): number {
  switch (ink.kind) {
    case 'text':
      return ink.baseline;
    case 'path':
      return Math.max(...ink.points.map(([, y]) => y));
    case 'anchor':
      return 0;
    case 'rect':
      return ink.y;
    default:
      return ink.y + ink.height;
  }
}

/** Odd pages are right-hand pages: in duplex their inner margin is on the left. */
function leftMargin(pageIndex: number, theme: Theme): number {
  const { inner, outer } = theme.margins;
  return pageIndex % 2 === 0 || !theme.duplex ? inner : outer;
}

/** The ink of a page's boxes: decorations (callout backgrounds) first, then content. */
function composeBoxes(placed: readonly Placed[], left: number, theme: Theme, contents: readonly ContentsEntry[]): Ink[] {
  const ink: Ink[] = [];
  placed.forEach(({ box, top }, index) => {
    const previous = placed[index - 1];
    for (const decoration of box.decorations) {
      const joined = previous?.box.decorations.includes(decoration);
      const from = joined ? previous!.top + previous!.box.height : top;
      const height = top + box.height - from;
      if (height <= 0) continue;
      const x = left + decoration.x;
      if (decoration.fill) ink.push({ kind: 'rect', x, y: from, width: decoration.width, height, fill: decoration.fill });
      if (decoration.bar) ink.push({ kind: 'rect', x, y: from, width: decoration.bar.width, height, fill: decoration.bar.colour });
    }
  });
  for (const { box, top } of placed) {
    for (const item of box.ink) ink.push(moveInk(item, left, top));
    if (box.contents) ink.push(...contentsInk(box.contents, left + box.contents.x, top, contents, theme));
  }
  return ink;
}

interface ContentsEntry {
  title: string;
  page: number;
  destination: string;
}

/** The contents: each entry's title lines, a dotted leader and its page number on the last line, all linked to its first page. */
function contentsInk(slot: ContentsSlot, left: number, top: number, entries: readonly ContentsEntry[], theme: Theme): Ink[] {
  const style: InlineStyle = { family: 'body', size: theme.body.size, bold: true, italic: false, strike: false, colour: theme.colours.text };
  return slot.entries.flatMap((measured, index): Ink[] => {
    const entry = entries[index];
    if (!entry) return [];
    // The whole entry is its link: title, page number and the clickable area in one Link element.
    const item = slot.node.child('TOCI').child('Link');
    const ink: Ink[] = [];
    let y = top + measured.top;
    measured.lines.forEach((line, lineIndex) => {
      ink.push(...lineInks(line, left + (lineIndex === 0 ? 0 : measured.hang), y, theme, item));
      y += line.height;
    });
    const last = measured.lines[measured.lines.length - 1]!;
    const lastTop = y - last.height;
    const lastRight = left + (measured.lines.length > 1 ? measured.hang : 0) + last.width;
    const pageLine = breakLines([{ text: String(entry.page), style }], slot.width, theme, 1.2)[0]!;
    const pageLeft = left + slot.width - pageLine.width;
    ink.push(...lineInks(pageLine, pageLeft, lastTop + last.baseline - pageLine.baseline, theme, item));
    const dotsY = lastTop + last.baseline;
    ink.push({ kind: 'path', points: [[lastRight + 6, dotsY], [pageLeft - 6, dotsY]], stroke: { colour: theme.colours.text, width: theme.strokes.rule, dash: { length: 0.8, space: 2.6 } } });
    ink.push({ kind: 'link', x: left, y: top + measured.top, width: slot.width, height: y - top - measured.top, destination: entry.destination, contents: `${entry.title} ${entry.page}`, tag: item });
    return ink;
  });
}

/** Running header (document title) and footer (pack title, edition, page X of Y), or the note on a blank page. */
function furniture(frame: Frame, index: number, pageCount: number, left: number, document: PrintDocument, theme: Theme): Ink[] {
  const size = theme.furniture.size;
  const width = theme.page.width - theme.margins.inner - theme.margins.outer;
  const rightHand = index % 2 === 0 || !theme.duplex;
  const regular = (text: string, x: number, top: number, subtype?: 'Header' | 'Footer'): TextInk => ({ ...furnitureText(text, 'regular', theme.colours.muted, x, top, theme), artifactSubtype: subtype });
  if (frame.blank) {
    const note = document.labels.intentionallyBlank;
    return [regular(note, left + (width - textWidth(note, 'regular', theme)) / 2, theme.page.height / 2)];
  }
  const headerY = theme.margins.top - theme.furniture.gap - size;
  const title = fitText(document.sections[frame.section]?.title ?? document.title, width, theme);
  const ruleY = headerY + size * 1.5;
  const footerY = theme.page.height - theme.margins.bottom + theme.furniture.gap;
  const pageLabel = document.labels.pageOf(index + 1, pageCount);
  const pageWidth = textWidth(pageLabel, 'bold', theme);
  const footer = fitText(document.footer, width - pageWidth - 18, theme);
  return [
    regular(title, rightHand ? left + width - textWidth(title, 'regular', theme) : left, headerY, 'Header'),
    { kind: 'path', points: [[left, ruleY], [left + width, ruleY]], stroke: { colour: theme.colours.rule, width: theme.strokes.hairline }, artifact: 'Pagination', artifactSubtype: 'Header' },
    { ...furnitureText(pageLabel, 'bold', theme.colours.text, rightHand ? left + width - pageWidth : left, footerY, theme), artifactSubtype: 'Footer' },
    regular(footer, rightHand ? left : left + width - textWidth(footer, 'regular', theme), footerY, 'Footer'),
  ];
}

function furnitureText(text: string, face: 'regular' | 'bold', colour: string, x: number, top: number, theme: Theme): TextInk {
  const size = theme.furniture.size;
  return { kind: 'text', text, family: 'heading', face, size, colour, x, top, baseline: top + unitAscent(theme.fonts.heading[face]) * size, width: textWidth(text, face, theme), underline: false, strike: false, artifact: 'Pagination' };
}

function textWidth(text: string, face: 'regular' | 'bold', theme: Theme): number {
  return unitWidth(theme.fonts.heading[face], text) * theme.furniture.size;
}

/** Shortens running-header text with an ellipsis so it never wraps into the page. */
function fitText(text: string, width: number, theme: Theme): string {
  if (textWidth(text, 'regular', theme) <= width) return text;
  let shortened = text;
  while (shortened.length > 1 && textWidth(`${shortened}…`, 'regular', theme) > width) shortened = shortened.slice(0, -1);
  return `${shortened.trimEnd()}…`;
}
