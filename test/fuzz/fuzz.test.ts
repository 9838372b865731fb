import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli-in-process.js';
import { randomMarkdown } from './random-markdown.js';

/**
 * A fuzzer over `trainpack render`: random Markdown of real constructs and nasty bytes must never
 * crash (exit 70), never hang (each document has the test timeout), and every document rejected
 * must be rejected with messages that name the file and line. `npm test` runs a few dozen
 * documents; `npm run fuzz` runs 2,000 and the huge inputs (FUZZ_DOCUMENTS, FUZZ_SEED, FUZZ_HUGE=1).
 * Images are left out: how render treats missing and remote images is settled separately.
 */
const DOCUMENTS = Number(process.env.FUZZ_DOCUMENTS ?? 24);
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);
const HUGE = process.env.FUZZ_HUGE === '1';
const work = mkdtempSync(path.join(tmpdir(), 'trainpack-fuzz-'));
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

const outcomes = { rendered: 0, rejected: 0 };

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  console.log(`fuzz: ${outcomes.rendered} documents rendered, ${outcomes.rejected} rejected with located errors (seeds ${FIRST_SEED} to ${FIRST_SEED + DOCUMENTS - 1})`);
});

/** The real CLI, in this process, in the fuzz folder. */
function trainpack(argv: string[]): Promise<{ code: number; stderr: string }> {
  return runCli(argv, work);
}

/** Exit 0 with the PDF written, or exit 1 with every error naming the file (and line, unless it is about the whole file). */
function expectHandled(result: { code: number; stderr: string }, name: string, pdf: string): void {
  expect(result.stderr).not.toContain('This is a bug');
  expect([0, 1]).toContain(result.code);
  if (result.code === 0) {
    expect(statSync(pdf).size).toBeGreaterThan(0);
    outcomes.rendered++;
    return;
  }
  outcomes.rejected++;
  const errors = result.stderr.split('\n').filter((line) => line.includes('error: '));
  expect(errors.length).toBeGreaterThan(0);
  for (const line of errors) expect(line).toMatch(new RegExp(`^${name.replace('.', '\\.')}(:\\d+(:\\d+)?: error: |: error: is \\d)`));
}

describe('render under random Markdown', () => {
  const seeds = Array.from({ length: DOCUMENTS }, (_, index) => FIRST_SEED + index);
  it.each(seeds)('document of seed %i', async (seed) => {
    const name = `doc-${seed}.md`;
    writeFileSync(path.join(work, name), randomMarkdown(seed));
    const out = path.join(work, `out-${seed}`);
    // Every other document prints what the fonts lack as boxes, so that the layout meets those characters too.
    const result = await trainpack(['render', name, '--out', out, '--quiet', ...(seed % 2 === 1 ? ['--allow-missing-glyphs'] : [])]);
    expectHandled(result, name, path.join(out, `doc-${seed}.pdf`));
  });
});

describe.runIf(HUGE)('render and check under huge inputs', () => {
  const paragraphs = (count: number) => Array.from({ length: count }, (_, index) => `Paragraph ${index} short.`).join('\n\n');

  it.each([
    ['40,000 short paragraphs', () => paragraphs(40_000)],
    ['200,000 short paragraphs', () => paragraphs(200_000)],
    ['a 20 MB file', () => 'word '.repeat(4 * 1024 * 1024)],
    ['a 2,000-level list', () => Array.from({ length: 2000 }, (_, index) => `${'  '.repeat(index)}- item`).join('\n')],
    ['5,000 nested emphasis markers', () => `${'*'.repeat(5000)}x${'*'.repeat(5000)}`],
    ['1,000-level quote', () => `${'>'.repeat(1000)} deep`],
  ])('render: %s', async (label, make) => {
    const name = `${label.replace(/[^a-z0-9]+/gi, '-')}.md`;
    writeFileSync(path.join(work, name), make());
    const out = path.join(work, `out-${name}`);
    expectHandled(await trainpack(['render', name, '--out', out, '--quiet']), name, path.join(out, name.replace(/\.md$/, '.pdf')));
  }, 600_000);

  it('check: a 50 MB guide is refused at its size, without reading it through', async () => {
    const root = path.join(work, 'huge-content');
    cpSync(path.join(fixtures, 'valid'), root, { recursive: true });
    const guide = path.join(root, 'school', 'guide.en.md');
    writeFileSync(guide, `---\ntitle: "Huge"\n---\n\n${'Paragraph text.\n\n'.repeat(3_300_000)}`);
    const result = await trainpack(['check', '--content', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/school\/guide\.en\.md: error: is \d+ MB; the limit for a guide is 2 MB/);
  }, 600_000);
});
