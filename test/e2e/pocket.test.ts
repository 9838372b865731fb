import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inOrder, readPdf } from '../support/read-pdf.js';
import { fixtures, runTrainpack, temporaryFolders } from '../support/run-cli.js';

const folders = temporaryFolders();
afterAll(() => folders.cleanUp());

describe('trainpack build --only pocket', () => {
  it('prints an A6 card per audience with its key actions and the referral contacts', async () => {
    const out = folders.fresh();
    const run = await runTrainpack(['build', '--content', path.join(fixtures, 'valid'), '-a', 'teachers,health-workers', '-l', 'en', '--only', 'pocket', '-o', out, '--json'], { cwd: folders.fresh() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as { files: { path: string; kind: string }[] };
    expect(manifest.files.map((file) => `${file.path} ${file.kind}`)).toEqual(['en/teachers/pocket.pdf pocket', 'en/health-workers/pocket.pdf pocket']);

    const teachers = await readPdf(readFileSync(path.join(out, 'en/teachers/pocket.pdf')));
    expect(teachers.pageSizes[0]!.width).toBeCloseTo(297.64, 1);
    expect(teachers.pageSizes[0]!.height).toBeCloseTo(419.53, 1);
    expect(inOrder(teachers.text, ['Teachers', 'Key actions', 'Greet the person calmly', 'Reserve a school place', 'Referral contacts', 'National line', 'Local office', 'Room 4'])).toBe(true);
    expect(teachers.text).not.toContain('Offer a health check');

    const health = await readPdf(readFileSync(path.join(out, 'en/health-workers/pocket.pdf')));
    expect(health.text).toContain('Greet the person calmly');
    expect(health.text).not.toContain('Reserve a school place');
  });
});
