import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { IMAGE_LIMITS, loadImage } from './images.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainpack-images-'));
  temporary.push(dir);
  return dir;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of `width` × `height` grey pixels; `interlaced` uses Adam7 (seven passes of rows). */
function png(width: number, height: number, options: { interlaced?: boolean; colour?: number; chunks?: Buffer[] } = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = options.colour ?? 0;
  header[12] = options.interlaced ? 1 : 0;
  const passes = options.interlaced
    ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]].map(([x, y, sx, sy]) => [Math.ceil(Math.max(0, width - x!) / sx!), Math.ceil(Math.max(0, height - y!) / sy!)] as const)
    : [[width, height] as const];
  const rows = passes.flatMap(([columns, count]) => (columns === 0 ? [] : Array.from({ length: count }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(columns, 128)]))));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), ...(options.chunks ?? []), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

function faultOf(href: string, dir: string, root = dir): string {
  const lookup = loadImage(href, dir, root);
  return 'fault' in lookup ? `${lookup.fault.code}: ${lookup.fault.message}` : 'ok';
}

describe('loadImage', () => {
  it('reads a PNG, interlaced or not, with its size', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'plain.png'), png(13, 7));
    writeFileSync(path.join(dir, 'interlaced.png'), png(13, 7, { interlaced: true }));
    for (const name of ['plain.png', 'interlaced.png']) {
      const lookup = loadImage(name, dir, dir);
      expect('image' in lookup && { format: lookup.image.format, width: lookup.image.width, height: lookup.image.height }).toEqual({ format: 'png', width: 13, height: 7 });
    }
  });

  it('refuses a palette image without its palette', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'indexed.png'), png(4, 4, { colour: 3 }));
    expect(faultOf('indexed.png', dir)).toBe('IMAGE_DAMAGED: image indexed.png is a damaged PNG (its palette is missing)');
  });

  it('refuses a file over the byte limit without reading it', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'huge.png'), png(1, 1));
    // A sparse file: large on paper, nothing to read, so the test is quick and light.
    truncateSync(path.join(dir, 'huge.png'), IMAGE_LIMITS.bytes + 1);
    expect(faultOf('huge.png', dir)).toBe('IMAGE_TOO_LARGE: image huge.png is over the limit of 20 MB (20971521 bytes)');
  });

  it('refuses a header promising more pixels than the limit before decompressing anything', () => {
    const dir = folder();
    const bytes = png(1, 1);
    bytes.writeUInt32BE(10_000, 16);
    bytes.writeUInt32BE(10_000, 20);
    bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
    writeFileSync(path.join(dir, 'wide.png'), bytes);
    expect(faultOf('wide.png', dir)).toBe('IMAGE_TOO_LARGE: image wide.png is 10000 × 10000 pixels: the limit is 25 million pixels');
  });

  it('refuses a 12-bit JPEG, which PDF cannot hold', () => {
    const dir = folder();
    const frame = Buffer.from([0xff, 0xc1, 0x00, 0x0b, 12, 0x00, 0x10, 0x00, 0x10, 1, 1, 0x11, 0]);
    writeFileSync(path.join(dir, 'deep.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8]), frame, Buffer.from([0xff, 0xd9])]));
    expect(faultOf('deep.jpg', dir)).toBe('IMAGE_FORMAT: image deep.jpg is a 12-bit JPEG, which PDF cannot hold');
  });

  it('follows a link that stays inside the root, and refuses a folder link that leads out', () => {
    const root = folder();
    const outside = folder();
    writeFileSync(path.join(outside, 'secret.png'), png(2, 2));
    mkdirSync(path.join(root, 'images'));
    writeFileSync(path.join(root, 'images/map.png'), png(2, 2));
    symlinkSync(path.join(root, 'images/map.png'), path.join(root, 'map.png'));
    symlinkSync(outside, path.join(root, 'elsewhere'));
    expect(faultOf('map.png', root)).toBe('ok');
    expect(faultOf('elsewhere/secret.png', root)).toBe('IMAGE_OUTSIDE: image is a link to a file outside the content folder: elsewhere/secret.png');
  });

  it('resolves against the Markdown file’s folder but only inside the root', () => {
    const root = folder();
    mkdirSync(path.join(root, 'guide'));
    mkdirSync(path.join(root, 'shared'));
    writeFileSync(path.join(root, 'shared/logo.png'), png(2, 2));
    expect(faultOf('../shared/logo.png', path.join(root, 'guide'), root)).toBe('ok');
    expect(faultOf('../../logo.png', path.join(root, 'guide'), root)).toBe('IMAGE_OUTSIDE: image is outside the content folder: ../../logo.png');
  });

  it('reads percent-escapes as in a URL, and names URLs and other systems’ absolute paths', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a map.png'), png(2, 2));
    expect(faultOf('a%20map.png', dir)).toBe('ok');
    expect(faultOf('data:image/png;base64,AAAA', dir)).toBe('IMAGE_REMOTE: remote image is not fetched: data:image/png;base64,AAAA');
    expect(faultOf('C:\\Users\\ana\\map.png', dir)).toBe('IMAGE_OUTSIDE: image path is absolute: C:\\Users\\ana\\map.png');
    expect(faultOf('//server/share/map.png', dir)).toBe('IMAGE_OUTSIDE: image path is absolute: //server/share/map.png');
  });
});
