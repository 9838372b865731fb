import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli-in-process.js';

/**
 * The bad-input corpus: each folder here is one fault, either a content root (run through
 * `trainpack check --content .`) or an `input.md` (run through `trainpack render`), beside
 * `expected.txt`, the lines the user must see on stderr, paths relative to the case folder.
 * Every case must end without a crash, with exit 1 when an error is expected (0 for warnings
 * only), and every error the user sees must name its file.
 */
const corpus = fileURLToPath(new URL('.', import.meta.url));
const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const output = mkdtempSync(path.join(tmpdir(), 'trainpack-corpus-'));

afterAll(() => rmSync(output, { recursive: true, force: true }));


describe('the bad-input corpus', () => {
  it('holds at least 60 faults', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(corpus, name);
    const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').split('\n').filter((line) => line.trim() !== '');
    const argv = existsSync(path.join(dir, 'input.md')) ? ['render', 'input.md', '--out', path.join(output, name)] : ['check', '--content', '.'];
    const result = await runCli(argv, dir);
    expect(result.stderr).not.toContain('This is a bug');
    const seen = result.stderr.split('\n');
    for (const line of expected) expect(seen).toContain(line);
    expect(result.code).toBe(expected.some((line) => line.includes(': error: ')) ? 1 : 0);
    for (const line of seen.filter((candidate) => candidate.includes('error: '))) expect(line).toMatch(/^[^\s:][^:]*(:\d+){0,2}: error: /);
  });
});
