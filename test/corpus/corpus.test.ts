import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

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

async function runIn(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = { stdout: '', stderr: '' };
  const sink = (name: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        captured[name] += chunk.toString();
        done();
      },
    });
  const io: CliIo = { stdout: sink('stdout'), stderr: sink('stderr'), stdin: process.stdin, env: { SOURCE_DATE_EPOCH: '1767225600', NO_COLOR: '1' }, cwd };
  const code = await run(argv, io);
  return { code, ...captured };
}

describe('the bad-input corpus', () => {
  it('holds at least 60 faults', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(corpus, name);
    const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').split('\n').filter((line) => line.trim() !== '');
    const argv = existsSync(path.join(dir, 'input.md')) ? ['render', 'input.md', '--out', path.join(output, name)] : ['check', '--content', '.'];
    const result = await runIn(dir, argv);
    expect(result.stderr).not.toContain('This is a bug');
    const seen = result.stderr.split('\n');
    for (const line of expected) expect(seen).toContain(line);
    expect(result.code).toBe(expected.some((line) => line.includes(': error: ')) ? 1 : 0);
    for (const line of seen.filter((candidate) => candidate.includes('error: '))) expect(line).toMatch(/^[^\s:][^:]*(:\d+){0,2}: error: /);
  });
});
