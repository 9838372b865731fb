import { describe, expect, it } from 'vitest';
import { printDocument, section, words } from '../../test/support/pages.js';
import { inOrder, readPdf } from '../../test/support/read-pdf.js';
import { layoutPdf } from './layout-pdf.js';
import { createTheme } from './theme.js';

const document = printDocument;
const longParagraph = (count: number) => words(count);

/** End-to-end reads of the PDF; page-making rules are tested on the pages as data (paginate.test.ts). */
describe('layoutPdf', () => {
  it('draws every token type, in order, with Albanian letters extractable', async () => {
    const markdown = [
      '# Çështja kryesore',
      'Paragraf me **të theksuar**, *pjerrët*, ~~hequr~~, `kod` dhe [lidhje](https://example.org).',
      '## Lista',
      '1. Një\n2. Dy\n   - Brenda\n3. Tre',
      '- [ ] Detyrë e hapur',
      '> **Kujtoni:** thirrje në kuti.',
      '| Kolona A | Kolona B |\n|---|---|\n| qeliza ë | qeliza ç |',
      '---',
      '```\nrresht kodi\n```',
      '::fill label="Emri"',
      'Fund.',
    ].join('\n\n');
    const { bytes, pages } = await layoutPdf(document([section('document', 'Doc', markdown)]), createTheme({ paper: 'A4' }));
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toHaveLength(pages);
    expect(inOrder(pdf.text, ['Çështja kryesore', 'të theksuar', 'pjerrët', 'hequr', 'kod', 'lidhje', 'Lista', 'Një', 'Dy', 'Brenda', 'Tre', 'Detyrë e hapur', 'Kujtoni:', 'thirrje në kuti', 'Kolona A', 'Kolona B', 'qeliza ë', 'qeliza ç', 'rresht kodi', 'Emri:', 'Fund.'])).toBe(true);
    expect(pdf.links.some((link) => link.url === 'https://example.org/')).toBe(true);
    expect(pdf.info.Title).toBe('Doc title');
    expect(pdf.info.Author).toBe('Org');
    expect(pdf.lang).toBe('sq');
  });

  it('numbers pages in the footer, repeats table headers and breaks long words', async () => {
    const rows = Array.from({ length: 80 }, (_, index) => `| rresht ${index} | ${'x'.repeat(index % 3 === 0 ? 200 : 5)} |`).join('\n');
    const markdown = `# Tabela\n\n| Koka një | Koka dy |\n|---|---|\n${rows}\n`;
    const { bytes, pages } = await layoutPdf(document([section('document', 'Tabela', markdown)]), createTheme({ paper: 'A5' }));
    const pdf = await readPdf(bytes);
    expect(pages).toBeGreaterThan(2);
    pdf.pages.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${pages}`);
      expect(text).toContain('Koka një');
    });
    expect(pdf.pageSizes[0]).toEqual({ width: 419.53, height: 595.28 });
  });

  it('builds an outline down to level 3 that opens the right pages', async () => {
    const markdown = `# Një\n\n${longParagraph(900)}\n\n## Një.një\n\ntekst\n\n### Thellë\n\ntekst\n\n#### Shumë thellë\n\ntekst`;
    const other = '# Dy\n\ntekst';
    const { bytes } = await layoutPdf(document([section('handout', 'Një', markdown), section('handout', 'Dy', other)]), createTheme({ paper: 'A4' }));
    const pdf = await readPdf(bytes);
    expect(pdf.outline.map((entry) => entry.title)).toEqual(['Një', 'Dy']);
    expect(pdf.outline[0]!.children[0]!.title).toBe('Një.një');
    expect(pdf.outline[0]!.children[0]!.children.map((entry) => entry.title)).toEqual(['Thellë']);
    const secondStart = pdf.outline[1]!.page;
    expect(pdf.pages[secondStart - 1]).toContain('Dy');
    expect(pdf.pages[pdf.outline[0]!.children[0]!.page - 1]).toContain('Një.një');
  });

  it('fills the contents with the page each document starts on, as links', async () => {
    const front = section('front', 'Paketa', '# Përmbajtja\n\n::toc');
    const first = section('handout', 'Udhëzuesi i parë', `# Udhëzuesi i parë\n\n${longParagraph(1500)}`);
    const second = section('handout', 'Udhëzuesi i dytë', '# Udhëzuesi i dytë\n\ntekst');
    const { bytes } = await layoutPdf(document([front, first, second]), createTheme({ paper: 'A4' }));
    const pdf = await readPdf(bytes);
    const starts = [first, second].map((doc) => pdf.pages.findIndex((text) => text.includes(doc.title) && text.indexOf(doc.title) < 200 && !text.includes('Përmbajtja')) + 1);
    const contents = pdf.pages[0]!;
    expect(contents).toMatch(new RegExp(`Udhëzuesi i parë[\\s.]*${starts[0]}`));
    expect(contents).toMatch(new RegExp(`Udhëzuesi i dytë[\\s.]*${starts[1]}`));
    const tocLinks = pdf.links.filter((link) => link.page === 1 && link.destPage);
    expect(tocLinks.map((link) => link.destPage)).toEqual(starts);
  });

  it('is byte-identical for the same input and date', async () => {
    const build = () => layoutPdf(document([section('document', 'T', '# Titull\n\nTekst me ë dhe ç.')]), createTheme({ paper: 'A4' }));
    const [first, second] = await Promise.all([build(), build()]);
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
  });
});
