import { describe, expect, it } from 'vitest';
import { contentText, pageWith, pagesOf, printDocument, section, words } from '../../test/support/pages.js';
import { layoutPages } from './layout-pdf.js';
import type { Page } from './page.js';
import { createTheme } from './theme.js';

/** Markdown that fills a page down to about `lines` lines from its foot. */
const fillTo = (fillerWords: number) => `${words(fillerWords, 'mbushje')}\n\n`;
const textInk = (pages: Page[], predicate: (text: string) => boolean) => pages.flatMap((page, index) => page.ink.flatMap((ink) => (ink.kind === 'text' && predicate(ink.text) ? [{ ...ink, page: index }] : [])));

/** Finds fillers that push a block across a page break in each possible way, and runs `check` on each layout. */
function acrossBreaks(block: string, check: (pages: Page[]) => void): void {
  for (let filler = 420; filler < 640; filler += 6) check(pagesOf(fillTo(filler) + block));
}

describe('make-up', () => {
  it('keeps a paragraph ending with a colon with the list or table that follows it', () => {
    acrossBreaks('Hyrja e listës:\n\n- pika një\n- pika dy\n- pika tre\n\nTabela vijon:\n\n| a | b |\n|---|---|\n| qeliza1 | qeliza2 |', (pages) => {
      expect(pageWith(pages, 'Hyrja e listës:')).toBe(pageWith(pages, 'pika një'));
      expect(pageWith(pages, 'Tabela vijon:')).toBe(pageWith(pages, 'qeliza1'));
    });
  });

  it('never splits a table of up to four body rows, and leaves two rows on each side of a longer one', () => {
    const table = (rows: number, tag: string) => `| koka | ${tag} |\n|---|---|\n${Array.from({ length: rows }, (_, index) => `| ${tag}${index} | ${words(6, 'q')} |`).join('\n')}`;
    acrossBreaks(`${table(4, 'T')}\n\n${table(9, 'U')}`, (pages) => {
      const short = new Set(textInk(pages, (text) => /^T\d$/.test(text)).map((ink) => ink.page));
      expect(short.size).toBe(1);
      const long = textInk(pages, (text) => /^U\d$/.test(text));
      const byPage = new Map<number, number>();
      for (const ink of long) byPage.set(ink.page, (byPage.get(ink.page) ?? 0) + 1);
      for (const count of byPage.values()) expect(count).toBeGreaterThanOrEqual(2);
    });
  });

  it('never splits a callout of up to six lines', () => {
    acrossBreaks(`> ${words(70, 'k')}`, (pages) => {
      expect(new Set(textInk(pages, (text) => /k\d/.test(text)).map((ink) => ink.page)).size).toBe(1);
    });
  });

  it('never splits a checklist that fits on a page; a longer one keeps three items on each side', () => {
    const checklist = (count: number, stem: string) => `::: checklist\n\n## Lista ${stem}\n\nHyrje.\n\n${Array.from({ length: count }, (_, index) => `- [ ] ${stem}${index} ${words(8, 'v')}`).join('\n')}\n\n:::`;
    acrossBreaks(`${checklist(8, 'A')}\n\n${checklist(30, 'B')}`, (pages) => {
      expect(new Set(textInk(pages, (text) => /^A\d+ /.test(text) || text.startsWith('Lista A')).map((ink) => ink.page)).size).toBe(1);
      const items = textInk(pages, (text) => /^B\d+ /.test(text));
      const byPage = new Map<number, number>();
      for (const ink of items) byPage.set(ink.page, (byPage.get(ink.page) ?? 0) + 1);
      for (const count of byPage.values()) expect(count).toBeGreaterThanOrEqual(3);
    });
  });

  it('sets a heading directly under a higher one at the stacked-headings space of the theme', () => {
    const theme = createTheme({ paper: 'A4' });
    const [page] = pagesOf('## Dy\n\n### Tre\n\ntekst\n\n### Tre pa sipër\n\ntekst');
    const baseline = (text: string) => textInk([page!], (ink) => ink === text)[0]!.top;
    const lineOf = (level: number) => theme.headings[level - 1]!.size * 1.2;
    const stackedGap = baseline('Tre') - baseline('Dy') - lineOf(2);
    expect(stackedGap).toBeCloseTo(theme.stackedHeadings['2-3'], 0);
    expect(stackedGap).toBeLessThan(theme.headings[2]!.spaceBefore);
  });

  it('keeps code indentation (no-break spaces are not break points) and breaks words after hyphens and slashes', () => {
    const [page] = pagesOf('```\nif (a) {\n    return b;\n}\n```\n\n' + Array.from({ length: 30 }, () => 'rimëkëmbje-riintegrim/mbështetje').join(' '), { paper: 'A5' });
    const code = textInk([page!], (text) => text.includes('return'))[0]!;
    const flush = textInk([page!], (text) => text.startsWith('if'))[0]!;
    expect(code.text).toMatch(/^\u00a0{4}return\u00a0b;$/);
    expect(code.x).toBe(flush.x);
    const body = contentText(page!);
    expect(textInk([page!], (text) => /(-|\/)$/.test(text.trim())).length).toBeGreaterThan(0);
    expect(body).toContain('rimëkëmbje-');
  });

  it('prints a soft hyphen only where a line breaks at it', () => {
    const pages = pagesOf(Array.from({ length: 60 }, () => 'ri\u00adin\u00adte\u00adgri\u00admi').join(' '), { paper: 'A5' });
    const texts = textInk(pages, () => true).map((ink) => ink.text);
    expect(texts.join('')).not.toContain('\u00ad');
    for (const text of texts.filter((candidate) => candidate.includes('ri'))) expect(text).not.toMatch(/-\S/);
  });

  it('draws task-list boxes in running text at the checklist size, 5 mm at least', () => {
    const theme = createTheme({ paper: 'A4' });
    const [page] = pagesOf('- [ ] detyrë\n- [x] kryer');
    const boxes = page!.ink.filter((ink) => ink.kind === 'rect');
    expect(boxes).toHaveLength(2);
    for (const box of boxes) expect(box.kind === 'rect' && box.width).toBeGreaterThanOrEqual((5 * 72) / 25.4 - 0.01);
    expect(theme.checklist.box).toBeGreaterThanOrEqual((5 * 72) / 25.4 - 0.01);
  });
});

describe('contents', () => {
  it('wraps a long title with a hanging indent, the page number on its last line, losing no word', () => {
    const title = 'Mbështetja e fëmijëve të viktimave të trafikimit në shkollë dhe në komunitet gjatë riintegrimit';
    const theme = createTheme({ paper: 'A5', largePrint: true });
    const { pages } = layoutPages(printDocument([section('front', 'Paketa', '# Përmbajtja\n\n::toc'), section('handout', title, `# ${title}\n\ntekst`)]), theme);
    const entry = pages[0]!.ink.filter((ink) => ink.kind === 'text' && ink.tag?.parent?.type === 'TOCI');
    const text = entry.map((ink) => (ink.kind === 'text' ? ink.text : '')).join(' ');
    for (const word of title.split(' ')) expect(text).toContain(word);
    const lefts = [...new Set(entry.map((ink) => (ink.kind === 'text' ? Math.round(ink.x) : 0)))];
    expect(lefts.length).toBeGreaterThanOrEqual(3);
    const number = entry.find((ink) => ink.kind === 'text' && ink.text === '2')!;
    const baselines = entry.map((ink) => (ink.kind === 'text' ? ink.baseline : 0));
    expect(number.kind === 'text' && number.baseline).toBeCloseTo(Math.max(...baselines), 1);
    expect(number.kind === 'text' && number.x).toBeGreaterThan(Math.max(...entry.filter((ink) => ink !== number).map((ink) => (ink.kind === 'text' ? ink.x : 0))));
  });
});

describe('measure', () => {
  it('sets A4 body text at a median of 60 to 75 characters a line', () => {
    const sentence = 'The mentor agrees with the person on small steps towards safety, work and school, and follows up every week. ';
    const pages = pagesOf(Array.from({ length: 12 }, () => sentence.repeat(6)).join('\n\n'));
    const lines = new Map<string, string>();
    pages.forEach((page, index) => {
      for (const ink of page.ink) if (ink.kind === 'text' && ink.tag?.type === 'P') lines.set(`${index}:${Math.round(ink.baseline)}`, `${lines.get(`${index}:${Math.round(ink.baseline)}`) ?? ''}${ink.text}`);
    });
    const lengths = [...lines.values()].map((line) => line.length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(60);
    expect(median).toBeLessThanOrEqual(75);
  });
});
