import { describe, expect, it } from 'vitest';
import { contentText, pageWith, pagesOf, printDocument, section, words } from '../../test/support/pages.js';
import { layoutPages } from './layout-pdf.js';
import { createTheme } from './theme.js';

const items = (count: number) => Array.from({ length: count }, (_, index) => `- [ ] veprimi ${index + 1} ${words(12)}`).join('\n');
const checklist = (title: string, count: number) => `::: checklist\n\n## ${title}\n\nHyrje.\n\n${items(count)}\n\n:::`;

describe('paginate', () => {
  it('repeats a checklist title only on the pages it continues onto', () => {
    // The first paragraph fills most of page 1, so the first checklist moves whole to page 2.
    const pages = pagesOf(`# Lista\n\n${words(560)}\n\n${checklist('Lista A', 4)}\n\n${checklist('Lista B', 40)}`, { paper: 'A4' }, 'checklists');
    expect(pageWith(pages, 'Lista A')).toBe(pageWith(pages, 'veprimi 1 '));
    // A long checklist starts where there is room, and breaks between items.
    expect(pageWith(pages, 'Lista B')).toBe(pageWith(pages, 'veprimi 4 '));
    const texts = pages.map(contentText);
    expect(texts.join(' ')).not.toContain('Lista A (continued)');
    expect(texts.filter((text) => text.includes('Lista B (continued)')).length).toBeGreaterThan(0);
    expect(texts.filter((text) => text.includes('Lista B') && !text.includes('Lista B (continued)'))).toHaveLength(1);
    // The repeated title is an artifact, not content.
    const repeated = pages.flatMap((page) => page.ink).filter((ink) => ink.kind === 'text' && ink.text.includes('(continued)'));
    expect(repeated.every((ink) => ink.tag === undefined)).toBe(true);
  });

  it('repeats a table header row on every continuation page, as an artifact', () => {
    const rows = Array.from({ length: 80 }, (_, index) => `| rresht ${index} | qeliza ${index} |`).join('\n');
    const pages = pagesOf(`# Tabela\n\n| Koka një | Koka dy |\n|---|---|\n${rows}\n`, { paper: 'A5' });
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      const header = page.ink.filter((ink) => ink.kind === 'text' && ink.text === 'Koka një');
      expect(header).toHaveLength(1);
      expect(header[0]!.tag === undefined).toBe(index > 0);
    });
  });

  it('never leaves a paragraph\'s first or last line alone on a page', () => {
    for (let filler = 290; filler < 350; filler += 2) {
      const pages = pagesOf(`${words(filler, 'mbushje')}\n\n${words(120)}`);
      const breakPage = pages.findIndex((page) => contentText(page).includes('fjalë0 '));
      const lines = pages.map((page) => new Set(page.ink.flatMap((ink) => (ink.kind === 'text' && ink.tag && /fjalë/.test(ink.text) ? [Math.round(ink.baseline)] : []))).size);
      if (lines[breakPage + 1]) {
        expect(lines[breakPage]).not.toBe(1);
        expect(lines[breakPage + 1]).not.toBe(1);
      }
    }
  });

  it('starts documents on right-hand pages in duplex, marking inserted blank pages', () => {
    const { pages } = layoutPages(printDocument([section('handout', 'A', '# A\n\ntekst'), section('handout', 'B', '# B\n\ntekst')]), createTheme({ paper: 'A4', duplex: true }));
    expect(pages.map((page) => page.blank)).toEqual([false, true, false, true]);
    expect(pages[1]!.ink.some((ink) => ink.kind === 'text' && ink.text === 'This page is intentionally blank.')).toBe(true);
    expect(pages[2]!.destinations).toEqual(['section-2']);
    // Margins mirror: the inner margin is on the left of right-hand pages.
    expect(pages[0]!.left).toBeGreaterThan(pages[1]!.left);
  });

  it('leaves the back of the cover blank in duplex, so the contents start on page 3', () => {
    const front = section('front', 'Paketa', '::: cover\n\n# Paketa\n\n:::\n\n# Përmbajtja\n\n::toc');
    const { pages } = layoutPages(printDocument([front, section('handout', 'A', '# A\n\ntekst')]), createTheme({ paper: 'A4', duplex: true }));
    expect(pages[1]!.ink).toEqual([]);
    expect(contentText(pages[2]!)).toContain('Përmbajtja');
    const simplex = layoutPages(printDocument([front]), createTheme({ paper: 'A4' })).pages;
    expect(contentText(simplex[1]!)).toContain('Përmbajtja');
  });

  it('gives large print more pages for the same text', () => {
    const markdown = `# Tekst\n\n${words(2500)}`;
    expect(pagesOf(markdown, { paper: 'A4', largePrint: true }).length).toBeGreaterThan(pagesOf(markdown).length * 1.8);
  });

  it('records outline entries and running header and footer on every page but the cover', () => {
    const pages = pagesOf(`::: cover\n\n# Kopertina\n\n:::\n\n# Një\n\n${words(900)}\n\n## Dy`);
    expect(pages[0]!.cover).toBe(true);
    expect(pages[0]!.ink.some((ink) => ink.artifact === 'Pagination')).toBe(false);
    pages.slice(1).forEach((page, index) => {
      expect(page.ink.some((ink) => ink.kind === 'text' && ink.artifact === 'Pagination' && ink.text === `Page ${index + 2} of ${pages.length}`)).toBe(true);
    });
    expect(pages.flatMap((page) => page.outline.map((entry) => entry.title))).toEqual(['Kopertina', 'Një', 'Dy']);
  });

  it('is deterministic: the same input gives the same pages', () => {
    const markdown = `# T\n\n${words(400)}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> callout`;
    expect(JSON.stringify(pagesOf(markdown), (key, value) => (key === 'tag' || key === 'parent' ? undefined : value))).toBe(JSON.stringify(pagesOf(markdown), (key, value) => (key === 'tag' || key === 'parent' ? undefined : value)));
  });
});
