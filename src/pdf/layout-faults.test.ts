import type { Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { contentText, lineCount, pagesOf, printDocument, section, words } from '../../test/support/pages.js';
import type { BlockToken } from '../markdown/lex.js';
import { layoutPages } from './layout-pdf.js';
import { MAX_NESTING } from './measure.js';
import { createTheme } from './theme.js';

const allText = (pages: ReturnType<typeof pagesOf>) => pages.map(contentText).join(' ');
const paragraph = (text: string): BlockToken => ({ type: 'paragraph', raw: text, text, tokens: [{ type: 'text', raw: text, text }] }) as BlockToken;
const layoutTokens = (tokens: BlockToken[]) => layoutPages(printDocument([{ kind: 'document', title: 'Doc', tokens, baseDir: '.', source: { file: 'notes.md', firstLine: 1 } }]), createTheme({ paper: 'A4' }));

describe('layout faults', () => {
  it('splits a table row taller than a page across pages, under the repeated header, losing no word', () => {
    const cell = words(4000, 'w');
    const pages = pagesOf(`| Koka | Tjetër |\n|---|---|\n| ${cell} | shkurt |\n| pas | fund |`);
    expect(pages.length).toBeGreaterThan(3);
    const text = allText(pages);
    for (const index of [0, 1234, 3024, 3999]) expect(text).toContain(`w${index} `.trimEnd());
    expect(text).toContain('fund');
    pages.forEach((page) => expect(contentText(page)).toContain('Koka'));
  });

  it('cuts a box taller than a page at the foot of the page and says where and how many lines', () => {
    const { pages, warnings } = layoutTokens([paragraph('Hyrje.'), { type: 'directive', raw: '::box\n', name: 'box', attributes: { label: 'Shënim', value: 'v', note: words(6000, 'n') } } as BlockToken]);
    expect(pages.length).toBeLessThan(4);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'LAYOUT_TOO_TALL', location: { file: 'notes.md', line: 1 } });
    expect(warnings[0]!.message).toMatch(/^field is taller than a page; \d+ lines were cut$/);
    const bottom = createTheme({ paper: 'A4' }).page.height - createTheme({ paper: 'A4' }).margins.bottom;
    for (const page of pages) for (const ink of page.ink) if (ink.kind === 'text' && !ink.artifact) expect(ink.baseline).toBeLessThanOrEqual(bottom + 0.01);
  });

  it('prints lists and quotes nested a thousand deep flat below the cap, with a warning and every word', () => {
    let quote: BlockToken = paragraph('thelb');
    let list: BlockToken = paragraph('fund');
    for (let depth = 0; depth < 1000; depth++) {
      quote = { type: 'blockquote', raw: '>', text: '', tokens: [paragraph(`q${depth}`), quote] } as BlockToken;
      list = { type: 'list', raw: '-', ordered: false, start: '', loose: false, items: [{ type: 'list_item', raw: '-', task: false, loose: false, text: '', tokens: [paragraph(`l${depth}`), list] }] } as unknown as BlockToken;
    }
    const { pages, warnings } = layoutTokens([quote, list]);
    const text = allText(pages);
    for (const needle of ['thelb', 'q0', 'q999', 'fund', 'l0', 'l999']) expect(text).toContain(needle);
    // Flat below the cap: full pages, not nearly blank pages of ever deeper indents.
    expect(pages.slice(0, -1).every((page) => lineCount(page) > 20)).toBe(true);
    expect(warnings.map((warning) => warning.code)).toEqual(['LAYOUT_NESTING']);
    const indents = pages.flatMap((page) => page.ink.flatMap((ink) => (ink.kind === 'text' && /^l\d+$/.test(ink.text) ? [ink.x] : [])));
    expect(new Set(indents.map(Math.round)).size).toBeLessThanOrEqual(MAX_NESTING + 1);
  });

  it('prints emphasis nested five thousand deep without overflowing the stack', () => {
    let inline: Tokens.Generic = { type: 'text', raw: 'mes', text: 'mes' };
    for (let depth = 0; depth < 5000; depth++) inline = { type: depth % 2 ? 'em' : 'strong', raw: '*', text: '', tokens: [inline] };
    const { pages } = layoutTokens([{ type: 'paragraph', raw: '', text: '', tokens: [inline] } as BlockToken, { type: 'heading', raw: '#', depth: 1, text: '', tokens: [inline] } as BlockToken]);
    expect(allText(pages)).toContain('mes');
  });

  it('never loops on a table header row with a row that cannot fit under it', () => {
    const theme = createTheme({ paper: 'A5' });
    const rows = Array.from({ length: 30 }, (_, index) => `| r${index} | ${words(index === 20 ? 3000 : 3, 'x')} |`).join('\n');
    const { pages } = layoutPages(printDocument([section('document', 'T', `| A | B |\n|---|---|\n${rows}`)]), theme);
    expect(allText(pages)).toContain('r29');
  });
});
