import { describe, expect, it } from 'vitest';
import { printDocument, section } from '../../test/support/pages.js';
import { entry, pdfObjects, pdfString } from '../../test/support/pdf-objects.js';
import { layoutPdf } from './layout-pdf.js';
import { createTheme } from './theme.js';

/**
 * PDF/UA-1 rules this test checks on a built PDF (no Java validator here): table header cells
 * are TH with a Scope (Column; Row for a first column of labels under an empty header cell), rows
 * grouped in THead and TBody, the repeated header row an artifact; every link annotation belongs
 * to a Link element through an OBJR and carries /Contents and /StructParent; checkbox labels carry
 * ActualText "☐"; lists carry ListNumbering; the running header and footer are Pagination
 * artifacts with Header and Footer subtypes.
 */
describe('tagging', async () => {
  const rows = Array.from({ length: 60 }, (_, index) => `| rreshti ${index} | vlera ${index} |`).join('\n');
  const markdown = `# Tagging\n\nShihni [faqen](https://example.org) dhe [tjetrën](https://example.com).\n\n1. një\n2. dy\n\n- pikë\n\nTekst.\n\n- [ ] detyrë\n- [x] kryer\n\n|  | Kolona |\n|---|---|\n${rows}\n`;
  const front = section('front', 'Paketa', '# Përmbajtja\n\n::toc');
  const { bytes } = await layoutPdf(printDocument([front, section('handout', 'Udhëzuesi', markdown)]), createTheme({ paper: 'A4' }));
  const objects = pdfObjects(bytes);
  const elements = [...objects.values()].filter((object) => /\/S \/[A-Za-z]+/.test(object.dictionary) && /\/P \d+ 0 R/.test(object.dictionary));
  const ofType = (type: string) => elements.filter((object) => entry(object.dictionary, 'S') === `/${type}`);
  const attributes = (object: { dictionary: string }) => /\/A <<([\s\S]*?)>>/.exec(object.dictionary)?.[1] ?? '';

  it('gives every TH a Scope, and groups rows in THead and TBody', () => {
    const headers = ofType('TH');
    expect(headers.length).toBeGreaterThan(60);
    for (const header of headers) expect(attributes(header)).toMatch(/\/Scope \/(Column|Row)/);
    expect(headers.filter((header) => /\/Scope \/Column/.test(attributes(header)))).toHaveLength(2);
    expect(ofType('THead')).toHaveLength(1);
    expect(ofType('TBody')).toHaveLength(1);
    const parentOf = (object: { dictionary: string }) => objects.get(Number(/\/P (\d+) 0 R/.exec(object.dictionary)![1]))!;
    for (const row of ofType('TR')) expect(['/THead', '/TBody']).toContain(entry(parentOf(row).dictionary, 'S'));
  });

  it('ties every link annotation to a Link element, with Contents and StructParent', () => {
    const annotations = [...objects.values()].filter((object) => /\/Subtype \/Link/.test(object.dictionary));
    // Two links in the text, one contents entry per document.
    expect(annotations.length).toBe(3);
    const links = ofType('Link');
    for (const annotation of annotations) {
      expect(pdfString(entry(annotation.dictionary, 'Contents'))).toBeTruthy();
      expect(annotation.dictionary).toMatch(/\/StructParent \d+/);
      const owner = links.filter((link) => new RegExp(`/Type /OBJR\\s*/Obj ${annotation.id} 0 R`).test(link.dictionary));
      expect(owner).toHaveLength(1);
    }
    expect(annotations.map((annotation) => pdfString(entry(annotation.dictionary, 'Contents')))).toEqual(expect.arrayContaining(['faqen', 'tjetrën', 'Udhëzuesi 2']));
  });

  it('announces pen boxes as checkboxes and numbers lists', () => {
    const labels = ofType('Lbl').map((label) => pdfString(entry(label.dictionary, 'ActualText'))).filter(Boolean);
    expect(labels).toEqual(['☐', '☑']);
    const numbering = ofType('L').map((list) => /\/ListNumbering \/(\w+)/.exec(attributes(list))?.[1]);
    expect(numbering).toEqual(['Decimal', 'Disc', 'None']);
  });

  it('marks the running header and footer as Pagination artifacts with Header and Footer subtypes, and the repeated table header as an artifact', () => {
    const content = [...objects.values()].flatMap((object) => (object.stream && /BDC/.test(object.stream) ? [object.stream] : []));
    expect(content.length).toBeGreaterThan(2);
    const pages = content.filter((stream) => /\/Type \/Pagination/.test(stream));
    expect(pages.length).toBeGreaterThan(2);
    for (const stream of pages) {
      expect(stream).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*\/Subtype \/Header\s*>> BDC/);
      expect(stream).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*\/Subtype \/Footer\s*>> BDC/);
      expect(stream).not.toMatch(/\/Type \/Pagination\s*>> BDC/);
    }
    // The header row's text is tagged once (THead); on continuation pages it is drawn again as an artifact.
    expect(ofType('THead')).toHaveLength(1);
  });
});
