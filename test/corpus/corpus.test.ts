import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeCrash, runCli } from '../support/run-cli-in-process.js';
import { folderState } from '../support/folder-state.js';

const corpus = path.dirname(fileURLToPath(import.meta.url));
const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** `file:line:col: error: message` (or warning): what the user sees for each problem, hints aside. */
const LOCATED = /^[^\s:][^:]*:\d+(?::\d+)?: (?:error|warning): /;

/**
 * Every case is a folder: `input.md` is rendered (`trainpack render input.md`), anything else is
 * a content root that is checked (`trainpack check --content .`). `expected.txt` holds the located
 * lines the run must print, in order; the exit code follows (1 with an error, else 0). No case may
 * crash, and none may change its own folder.
 */
describe('bad-input corpus', () => {
  it('holds cases', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(corpus, name);
    const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').split('\n').filter((line) => line !== '');
    const out = mkdtempSync(path.join(tmpdir(), 'trainpack-corpus-'));
    const render = existsSync(path.join(dir, 'input.md'));
    const before = folderState(dir);
    try {
      const run = await runCli(render ? ['render', 'input.md', '--out', out] : ['check', '--content', '.'], dir);
      expect(looksLikeCrash(run.stderr + run.stdout)).toBe(false);
      expect(run.stderr.split('\n').filter((line) => LOCATED.test(line))).toEqual(expected);
      const failed = expected.some((line) => / error: /.test(line));
      expect(run.code).toBe(failed ? 1 : 0);
      expect(folderState(dir)).toEqual(before);
      if (render) expect(readdirSync(out)).toEqual(failed ? [] : ['input.pdf']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
