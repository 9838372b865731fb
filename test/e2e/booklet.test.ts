import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from '../support/read-pdf.js';
import { fixtures, runTrainpack, temporaryFolders } from '../support/run-cli.js';

const folders = temporaryFolders();
afterAll(() => folders.cleanUp());

describe('trainpack build --booklet', () => {
  it('writes beside each A5 document a copy imposed two-up on A4 landscape, in booklet order', async () => {
    const out = folders.fresh();
    const run = await runTrainpack(['build', '--content', path.join(fixtures, 'valid'), '-a', 'teachers', '-l', 'en', '--paper', 'A5', '--booklet', '-o', out, '--json'], { cwd: folders.fresh() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as { files: { path: string; pages: number; imposition?: string }[] };
    const document = manifest.files.find((file) => file.path === 'en/teachers/pack.pdf')!;
    const booklet = manifest.files.find((file) => file.path === 'en/teachers/pack.booklet.pdf')!;
    expect(booklet.imposition).toBe('booklet');
    expect(booklet.pages).toBe(Math.ceil(document.pages / 4) * 2);

    const original = await readPdf(readFileSync(path.join(out, document.path)));
    const imposed = await readPdf(readFileSync(path.join(out, booklet.path)));
    expect(imposed.pages).toHaveLength(booklet.pages);
    for (const size of imposed.pageSizes) {
      expect(size.width).toBeCloseTo(original.pageSizes[0]!.width * 2, 0);
      expect(size.height).toBeCloseTo(original.pageSizes[0]!.height, 0);
    }
    // The first side carries the last page of the padded booklet on the left and page 1 on the right;
    // the second side carries page 2 on the left.
    const footer = (page: number) => `Page ${page} of ${document.pages}`;
    expect(imposed.pages[0]).toContain(original.pages[0]!.split('\n')[0]!);
    expect(imposed.pages[1]).toContain(footer(2));
    if (document.pages % 4 === 0) expect(imposed.pages[0]).toContain(footer(document.pages));
  });

  it('refuses --booklet on paper other than A5, before writing anything', async () => {
    const out = folders.fresh();
    const run = await runTrainpack(['build', '--content', path.join(fixtures, 'valid'), '-a', 'teachers', '-l', 'en', '--booklet', '-o', out], { cwd: folders.fresh() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--booklet imposes A5 documents on A4 sheets; this build is on A4');
    expect(() => readFileSync(path.join(out, 'manifest.json'))).toThrow();
  });
});
