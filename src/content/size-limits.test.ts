import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProblemList } from '../errors.js';
import { SIZE_LIMITS, exceedsSizeLimit } from './size-limits.js';

const dir = mkdtempSync(path.join(tmpdir(), 'trainpack-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('size limits', () => {
  it('refuses a guide one byte over the limit, naming its size and the limit', () => {
    const file = path.join(dir, 'guide.en.md');
    writeFileSync(file, Buffer.alloc(SIZE_LIMITS.guide.bytes + 1, 'a'));
    const problems = new ProblemList();
    expect(exceedsSizeLimit(file, 'guide', problems)).toBe(true);
    expect(problems.items).toEqual([expect.objectContaining({ code: 'FILE_TOO_LARGE', message: 'is 2.0 MB; the limit for a guide is 2 MB', location: { file } })]);
  });

  it('accepts a file at the limit', () => {
    const file = path.join(dir, 'at-limit.yaml');
    writeFileSync(file, Buffer.alloc(SIZE_LIMITS.yaml.bytes, 'a'));
    const problems = new ProblemList();
    expect(exceedsSizeLimit(file, 'yaml', problems)).toBe(false);
    expect(problems.items).toEqual([]);
  });
});
