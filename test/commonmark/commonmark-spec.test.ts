import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli-in-process.js';

const { tests: allExamples } = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string; number: number; section: string }[] };
// Every example, images included: an image that is missing or remote is a located warning in
// `render`, with its alt text drawn in a box, so it never stops a document.
const examples = allExamples;
const work = mkdtempSync(path.join(tmpdir(), 'trainpack-commonmark-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the CommonMark spec', () => {
  it('renders every example in one `trainpack render` call without an error', async () => {
    const inputs = path.join(work, 'examples');
    const out = path.join(work, 'pdf');
    // The spec writes tabs as "→" so they can be seen.
    const files = examples.map((example) => ({ file: path.join(inputs, `example-${String(example.number).padStart(3, '0')}.md`), markdown: example.markdown.replace(/→/g, '\t') }));
    mkdirSync(inputs);
    for (const { file, markdown } of files) writeFileSync(file, markdown);
    const { code, stderr } = await runCli(['render', ...files.map(({ file }) => file), '--out', out, '--quiet'], work);
    expect(stderr.split('\n').filter((line) => line.includes('error'))).toEqual([]);
    expect(code).toBe(0);
    expect(readdirSync(out)).toHaveLength(examples.length);
  }, 600_000);
});
