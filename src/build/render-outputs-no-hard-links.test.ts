import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { planRenderOutputs, writeRenderOutputs } from './render-outputs.js';

// A file system without hard links (FAT, exFAT, some network shares) refuses link() with EPERM.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const linkSync = () => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  };
  return { ...fs, linkSync, default: { ...fs, linkSync } };
});

const dir = mkdtempSync(path.join(tmpdir(), 'trainpack-no-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeRenderOutputs without hard links', () => {
  it('still creates the file exclusively, and leaves no temporary file', () => {
    writeFileSync(path.join(dir, 'notes.md'), '# Notes\n');
    const planned = planRenderOutputs([path.join(dir, 'notes.md')], {});
    writeRenderOutputs(planned, [Buffer.from('%PDF-1.7 bytes')]);
    expect(readFileSync(path.join(dir, 'notes.pdf'), 'latin1')).toBe('%PDF-1.7 bytes');
    expect(readdirSync(dir).sort()).toEqual(['notes.md', 'notes.pdf']);
  });
});
