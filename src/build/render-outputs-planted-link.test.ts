import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TrainpackError } from '../errors.js';
import { planRenderOutputs, writeRenderOutputs } from './render-outputs.js';

// An attacker who could guess the temporary name: the random part is made predictable here.
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const randomBytes = (size: number) => Buffer.alloc(size, 0xab);
  return { ...crypto, randomBytes, default: { ...crypto, randomBytes } };
});

const dir = mkdtempSync(path.join(tmpdir(), 'trainpack-planted-'));
const outside = mkdtempSync(path.join(tmpdir(), 'trainpack-target-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('writeRenderOutputs with a symlink planted at its temporary name', () => {
  it('refuses to write through it, and leaves the link and its target as they were', () => {
    writeFileSync(path.join(dir, 'notes.md'), '# Notes\n');
    writeFileSync(path.join(outside, 'precious.txt'), 'keep me');
    const temporary = path.join(dir, `.notes.pdf.${'ab'.repeat(6)}.trainpack-tmp`);
    symlinkSync(path.join(outside, 'precious.txt'), temporary);
    const planned = planRenderOutputs([path.join(dir, 'notes.md')], {});
    let caught: unknown;
    try {
      writeRenderOutputs(planned, [Buffer.from('%PDF-1.7 bytes')]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TrainpackError);
    expect((caught as TrainpackError).message).toBe('cannot write the PDF: a file already stands at the temporary name it chose (EEXIST); nothing was written');
    expect(readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('keep me');
    expect(lstatSync(temporary).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(dir, 'notes.pdf'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([path.basename(temporary), 'notes.md'].sort());
  });
});
