import { tmpdir } from 'node:os';
import { lexMarkdown } from '../../src/markdown/lex.js';
import { layoutPages } from '../../src/pdf/layout-pdf.js';
import type { PrintDocument, PrintSection } from '../../src/pdf/model.js';
import type { Page } from '../../src/pdf/page.js';
import { createTheme, type ThemeOptions } from '../../src/pdf/theme.js';

export const labels = {
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  continued: 'continued',
  doneBy: 'Done by',
  date: 'Date',
  toBeCompleted: 'To be completed by the organisation',
  verified: 'Verified',
  intentionallyBlank: 'This page is intentionally blank.',
};

export function section(kind: PrintSection['kind'], title: string, markdown: string): PrintSection {
  return { kind, title, tokens: lexMarkdown(markdown).tokens, baseDir: tmpdir() };
}

export function printDocument(sections: PrintSection[], overrides: Partial<PrintDocument> = {}): PrintDocument {
  return { title: 'Doc title', author: 'Org', subject: 'Subject', lang: 'sq', creationDate: new Date('2026-01-02T00:00:00Z'), footer: 'Pack · 2026.1', sections, labels, ...overrides };
}

/** Lays out Markdown as one section and returns the pages as data. */
export function pagesOf(markdown: string, theme: ThemeOptions = { paper: 'A4' }, kind: PrintSection['kind'] = 'document'): Page[] {
  return layoutPages(printDocument([section(kind, 'Doc', markdown)]), createTheme(theme)).pages;
}

/** The text of a page's content (not its header and footer), in drawing order, runs joined by spaces. */
export function contentText(page: Page): string {
  return page.ink.flatMap((ink) => (ink.kind === 'text' && ink.artifact !== 'Pagination' ? [ink.text] : [])).join(' ').replace(/\s+/g, ' ');
}

/** The index of the first page whose content includes `needle`, or -1. */
export function pageWith(pages: readonly Page[], needle: string): number {
  return pages.findIndex((page) => contentText(page).includes(needle));
}

/** Lines of body text on a page: text runs grouped by baseline. */
export function lineCount(page: Page): number {
  return new Set(page.ink.flatMap((ink) => (ink.kind === 'text' && ink.artifact !== 'Pagination' && ink.tag ? [Math.round(ink.baseline)] : []))).size;
}

export const words = (count: number, stem = 'fjalë') => Array.from({ length: count }, (_, index) => `${stem}${index}`).join(' ');
