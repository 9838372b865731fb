import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treePicture } from '../../test/support/output-tree.js';
import { TrainpackError } from '../errors.js';
import { renderMarkdown } from './render-markdown.js';
import { planRenderOutputs, writeRenderOutputs } from './render-outputs.js';
import { isTrainpackPdf } from './trainpack-pdf.js';

const temporary: string[] = [];
let rendered: Buffer;

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainpack-outputs-'));
  temporary.push(dir);
  writeFileSync(path.join(dir, 'notes.md'), '# Notes\n');
  return dir;
}

beforeAll(async () => {
  const dir = folder();
  rendered = (await renderMarkdown(path.join(dir, 'notes.md'), { date: new Date(0) })).bytes;
});
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function caught(action: () => unknown): TrainpackError {
  try {
    action();
  } catch (error) {
    if (error instanceof TrainpackError) return error;
    throw error;
  }
  throw new Error('expected a TrainpackError');
}

describe('isTrainpackPdf', () => {
  it('recognises what the layout writes', () => {
    expect(isTrainpackPdf(rendered)).toBe(true);
  });

  it('does not recognise another producer, a second revision, or something else', () => {
    const text = rendered.toString('latin1');
    expect(isTrainpackPdf(Buffer.from(text.replace('(trainpack \\(PDFKit\\))', '(pdfTeX-1.40.25 \\(x\\))'), 'latin1'))).toBe(false);
    expect(isTrainpackPdf(Buffer.concat([rendered, Buffer.from('trailer\n<< >>\nstartxref\n0\n%%EOF\n')]))).toBe(false);
    expect(isTrainpackPdf(rendered.subarray(0, rendered.length - 200))).toBe(false);
    expect(isTrainpackPdf(Buffer.from('plain text'))).toBe(false);
  });
});

describe('writeRenderOutputs', () => {
  it('never replaces a file that appeared while rendering, and leaves no temporary file', () => {
    const dir = folder();
    const planned = planRenderOutputs([path.join(dir, 'notes.md')], {});
    writeFileSync(path.join(dir, 'notes.pdf'), 'appeared meanwhile');
    const error = caught(() => writeRenderOutputs(planned, [rendered]));
    expect(error.code).toBe('OUTPUT_APPEARED');
    expect(error.location?.file).toBe(path.join(dir, 'notes.pdf'));
    expect(readFileSync(path.join(dir, 'notes.pdf'), 'utf8')).toBe('appeared meanwhile');
    expect(readdirSync(dir).sort()).toEqual(['notes.md', 'notes.pdf']);
  });

  it('never replaces a file that changed while rendering', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'notes.pdf'), rendered);
    const planned = planRenderOutputs([path.join(dir, 'notes.md')], {});
    writeFileSync(path.join(dir, 'notes.pdf'), 'edited meanwhile, and longer than before '.repeat(1000));
    expect(caught(() => writeRenderOutputs(planned, [rendered])).code).toBe('OUTPUT_CHANGED');
    expect(readFileSync(path.join(dir, 'notes.pdf'), 'utf8')).toMatch(/^edited meanwhile/);
  });

  it('removes what it wrote and the folders it made when a later file cannot be written', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'blocker'), 'a file where a folder is needed');
    const before = treePicture(dir);
    const planned = [
      { input: path.join(dir, 'notes.md'), output: path.join(dir, 'made/deep/notes.pdf') },
      { input: path.join(dir, 'notes.md'), output: path.join(dir, 'blocker/notes.pdf') },
    ];
    const error = caught(() => writeRenderOutputs(planned, [rendered, rendered]));
    expect(error.code).toBe('OUTPUT_WRITE_FAILED');
    expect(error.message).toBe('cannot write the PDF: a file stands where a folder is needed (EEXIST); nothing was written');
    expect(error.location?.file).toBe(path.join(dir, 'blocker/notes.pdf'));
    expect(treePicture(dir)).toEqual(before);
  });

  it('creates a new file in place of nothing, and replaces its own', () => {
    const dir = folder();
    writeRenderOutputs(planRenderOutputs([path.join(dir, 'notes.md')], {}), [rendered]);
    expect(readFileSync(path.join(dir, 'notes.pdf')).equals(rendered)).toBe(true);
    const planned = planRenderOutputs([path.join(dir, 'notes.md')], {});
    expect(planned[0]!.existing).toBeDefined();
    writeRenderOutputs(planned, [rendered]);
    expect(readdirSync(dir).sort()).toEqual(['notes.md', 'notes.pdf']);
  });

  it('refuses before rendering, naming each output', () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'notes.pdf'));
    const error = caught(() => planRenderOutputs([path.join(dir, 'notes.md')], { force: true }));
    expect(error.problems.map((problem) => [problem.code, problem.location?.file])).toEqual([['OUTPUT_IS_FOLDER', path.join(dir, 'notes.pdf')]]);
  });
});
