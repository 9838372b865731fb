import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { treePicture } from '../../test/support/output-tree.js';
import { looksLikeCrash, runCli } from '../../test/support/run-cli-in-process.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder holding notes.md (and whatever else a test adds). */
function notesFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainpack-render-'));
  temporary.push(dir);
  writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nSome text.\n');
  return dir;
}

/** Runs a render that must be refused: exit 1, one located line, no stack, the folder as it was. */
async function expectRefused(dir: string, argv: string[], line: string): Promise<void> {
  const before = treePicture(dir);
  const run = await runCli(argv, dir);
  expect(run.stderr).toContain(line);
  expect(looksLikeCrash(run.stderr)).toBe(false);
  expect(run.code).toBe(1);
  expect(treePicture(dir)).toEqual(before);
}

describe('trainpack render never destroys a file', () => {
  it('replaces a PDF it rendered earlier', async () => {
    const dir = notesFolder();
    expect((await runCli(['render', 'notes.md'], dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nOther text.\n');
    const again = await runCli(['render', 'notes.md'], dir);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(dir, 'notes.pdf')).toString('latin1')).toContain('%PDF-');
  });

  it('refuses to write over its input with -o', async () => {
    await expectRefused(notesFolder(), ['render', 'notes.md', '-o', 'notes.md'], 'notes.md: error: this is an input file: render never replaces its own input');
  });

  it('refuses to write over its input even with --force', async () => {
    await expectRefused(notesFolder(), ['render', 'notes.md', '-o', 'notes.md', '--force'], 'notes.md: error: this is an input file');
  });

  it('refuses a PDF as input, whose output would be itself', async () => {
    const dir = notesFolder();
    writeFileSync(path.join(dir, 'x.pdf'), '%PDF-1.4 not trainpack\n');
    await expectRefused(dir, ['render', 'x.pdf'], 'x.pdf: error: this is an input file');
  });

  it('refuses an output that is a hard link to the input', async () => {
    const dir = notesFolder();
    linkSync(path.join(dir, 'notes.md'), path.join(dir, 'notes.pdf'));
    await expectRefused(dir, ['render', 'notes.md', '--force'], 'notes.pdf: error: this is an input file');
  });

  it('leaves a notes.pdf it did not write, and names it', async () => {
    const dir = notesFolder();
    writeFileSync(path.join(dir, 'notes.pdf'), 'the user made this');
    await expectRefused(dir, ['render', 'notes.md'], 'notes.pdf: error: this file was not written by trainpack render (or was changed since): it is left as it is');
  });

  it('leaves a PDF it wrote that an editor annotated since', async () => {
    const dir = notesFolder();
    expect((await runCli(['render', 'notes.md'], dir)).code).toBe(0);
    // An incremental update, as PDF editors save annotations: a second revision after the first.
    writeFileSync(path.join(dir, 'notes.pdf'), Buffer.concat([readFileSync(path.join(dir, 'notes.pdf')), Buffer.from('1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\nstartxref\n0\n%%EOF\n')]));
    await expectRefused(dir, ['render', 'notes.md'], 'notes.pdf: error: this file was not written by trainpack render');
  });

  it('replaces a foreign file with --force', async () => {
    const dir = notesFolder();
    writeFileSync(path.join(dir, 'notes.pdf'), 'the user made this');
    const run = await runCli(['render', 'notes.md', '--force'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, 'notes.pdf')).toString('latin1')).toMatch(/^%PDF-/);
  });

  it('replaces a planted symlink itself with --force, never the file it points to', async () => {
    const dir = notesFolder();
    const outside = notesFolder();
    writeFileSync(path.join(outside, 'precious.txt'), 'keep me');
    symlinkSync(path.join(outside, 'precious.txt'), path.join(dir, 'notes.pdf'));
    await expectRefused(dir, ['render', 'notes.md'], 'notes.pdf: error: this file was not written by trainpack render');
    const before = treePicture(outside);
    expect((await runCli(['render', 'notes.md', '--force'], dir)).code).toBe(0);
    expect(treePicture(outside)).toEqual(before);
    expect(readFileSync(path.join(dir, 'notes.pdf')).toString('latin1')).toMatch(/^%PDF-/);
  });

  it('refuses two inputs with one base name into --out before rendering anything', async () => {
    const dir = notesFolder();
    mkdirSync(path.join(dir, 'old'));
    writeFileSync(path.join(dir, 'old/notes.md'), '# Old notes\n');
    await expectRefused(dir, ['render', 'notes.md', 'old/notes.md', '--out', 'pdf'], 'pdf/notes.pdf: error: "notes.md" and "old/notes.md" would both be written to this one file');
    expect(existsSync(path.join(dir, 'pdf'))).toBe(false);
  });

  it('reports every refused output at once', async () => {
    const dir = notesFolder();
    writeFileSync(path.join(dir, 'other.md'), '# Other\n');
    writeFileSync(path.join(dir, 'other.pdf'), 'not ours');
    const before = treePicture(dir);
    const run = await runCli(['render', 'notes.md', 'other.md', 'missing.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('other.pdf: error: this file was not written by trainpack render');
    expect(run.stderr).toContain('missing.md: error: file not found');
    expect(treePicture(dir)).toEqual(before);
  });

  it('refuses --out naming a file, and an empty --out or -o', async () => {
    const dir = notesFolder();
    await expectRefused(dir, ['render', 'notes.md', '--out', 'notes.md'], 'notes.md: error: --out names a file, not a folder');
    for (const flag of ['--out', '-o']) {
      const before = treePicture(dir);
      const run = await runCli(['render', 'notes.md', flag, ''], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/error: (--out|-o\/--output) is empty/);
      expect(treePicture(dir)).toEqual(before);
    }
  });

  it('reports a folder it cannot create as one line naming the path', async () => {
    const dir = notesFolder();
    await expectRefused(dir, ['render', 'notes.md', '--out', 'notes.md/pdf'], 'notes.md/pdf/notes.pdf: error: cannot write the PDF: a file stands where a folder is needed (ENOTDIR); nothing was written');
  });

  it('writes nothing when one of several files has an error', async () => {
    const dir = notesFolder();
    writeFileSync(path.join(dir, 'bad.md'), '---\ntitle: [unclosed\n---\n# Bad\n');
    const before = treePicture(dir);
    const run = await runCli(['render', 'notes.md', 'bad.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bad\.md:2:\d+: error: invalid YAML/m);
    expect(treePicture(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['bad.md', 'notes.md']);
  });
});
