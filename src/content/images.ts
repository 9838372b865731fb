import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';

/** Largest image file read, and most pixels decoded: far beyond print quality for a handout. */
export const IMAGE_LIMITS = { bytes: 20 * 1024 * 1024, pixels: 25_000_000 } as const;

export interface LoadedImage {
  /** The image's real path, inside the root. */
  file: string;
  format: 'png' | 'jpeg';
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Why an image cannot be used. `unread` marks an image that was never read (no path, remote,
 * outside the root, missing): `render` prints its alt text instead, so one picture never stops a
 * document. A file that was read and is not a usable image is always an error.
 */
export interface ImageFault {
  code: string;
  message: string;
  hint?: string;
  unread?: boolean;
}

export type ImageLookup = { image: LoadedImage } | { fault: ImageFault };

/**
 * Finds, reads and checks the image a Markdown file refers to as `href`. Images resolve against
 * `baseDir` (the Markdown file's folder) and must stay inside `root` (the content root, or for a
 * rendered file its folder, named in messages as `rootName`): absolute paths, `../` out of it and symlinks pointing out of it are
 * refused before anything is read. Remote images are never fetched. Only whole, well-formed PNG
 * and JPEG files within IMAGE_LIMITS are accepted, so the PDF writer never meets a broken one.
 */
export function loadImage(href: string, baseDir: string, root: string, rootName = 'the content folder'): ImageLookup {
  const target = href.trim();
  if (target === '') return fault('IMAGE_PATH_EMPTY', 'image has no path', 'write the file name in the parentheses: ![what it shows](picture.png)', true);
  if (/^[a-z][a-z0-9+.-]+:/i.test(target)) {
    return fault('IMAGE_REMOTE', `remote image is not fetched: ${target}`, 'save the image beside the Markdown file and give its file name', true);
  }
  const decoded = percentDecoded(target);
  if (path.isAbsolute(decoded) || /^[a-z]:[\\/]/i.test(decoded) || decoded.startsWith('\\')) {
    return fault('IMAGE_OUTSIDE', `image path is absolute: ${target}`, `images must be inside ${rootName}, given relative to the Markdown file`, true);
  }
  const resolved = path.resolve(baseDir, decoded);
  const realRoot = realpathOrSelf(root);
  if (!inside(path.resolve(root), resolved)) return fault('IMAGE_OUTSIDE', `image is outside ${rootName}: ${target}`, `images must be inside ${rootName}, given relative to the Markdown file`, true);
  let real: string;
  try {
    real = realpathSync.native(resolved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fault('IMAGE_NOT_FOUND', `image not found: ${target}`, 'image paths are relative to the Markdown file', true);
    return fault('IMAGE_UNREADABLE', `cannot read the image ${target} (${code ?? String(error)})`);
  }
  if (!inside(realRoot, real)) return fault('IMAGE_OUTSIDE', `image is a link to a file outside ${rootName}: ${target}`, `copy the image into ${rootName}`, true);
  if (!statSync(real).isFile()) return fault('IMAGE_NOT_A_FILE', `image is not a file: ${target}`);
  const read = readLimited(real, target);
  if ('fault' in read) return read;
  const checked = checkImageBytes(read.bytes, target);
  if ('fault' in checked) return checked;
  return { image: { file: real, bytes: read.bytes, ...checked } };
}

/** Reads at most the byte limit (through one descriptor, so what was measured is what is read). */
function readLimited(file: string, target: string): { bytes: Buffer } | { fault: ImageFault } {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    return fault('IMAGE_UNREADABLE', `cannot read the image ${target} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const size = fstatSync(descriptor).size;
    if (size > IMAGE_LIMITS.bytes) {
      return fault('IMAGE_TOO_LARGE', `image ${target} is over the limit of ${IMAGE_LIMITS.bytes / 1024 / 1024} MB (${size} bytes)`, 'scale it down: 300 dpi at its printed size is plenty for print');
    }
    const bytes = Buffer.alloc(size);
    let offset = 0;
    while (offset < size) {
      const count = readSync(descriptor, bytes, offset, size - offset, offset);
      if (count === 0) break;
      offset += count;
    }
    return { bytes: bytes.subarray(0, offset) };
  } finally {
    closeSync(descriptor);
  }
}

type Checked = { format: 'png' | 'jpeg'; width: number; height: number };

/** Recognises a PNG or JPEG and checks that it is whole; names anything else for what it is. */
export function checkImageBytes(bytes: Buffer, target: string): Checked | { fault: ImageFault } {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return checkPng(bytes, target);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return checkJpeg(bytes, target);
  const other = otherFormat(bytes);
  const convert = 'export or convert it to PNG or JPEG';
  if (other) return fault('IMAGE_FORMAT', `image ${target} is ${other}: only PNG and JPEG images can be printed`, convert);
  return fault('IMAGE_FORMAT', `image ${target} is not a PNG or JPEG image`, convert);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const PNG_DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7 interlacing: x start, y start, x step, y step of each pass. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/**
 * Walks every chunk (lengths within the file, checksums right, IHDR first, IEND last) and inflates
 * the image data to the exact size its header promises: a truncated or damaged PNG is caught here,
 * where it can be named, rather than inside the PDF writer, which decodes some PNGs asynchronously
 * where an error cannot be caught, and copies others unread into a PDF no viewer can show.
 */
function checkPng(bytes: Buffer, target: string): Checked | { fault: ImageFault } {
  const broken = (why: string) => fault('IMAGE_DAMAGED', `image ${target} is a damaged PNG (${why})`, 'open it in an image editor and save it again as PNG');
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  let palette = false;
  const data: Buffer[] = [];
  for (;;) {
    if (offset + 12 > bytes.length) return broken('the file is cut short');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return broken('the file is cut short');
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) return broken(`checksum of ${/^[A-Za-z]{4}$/.test(type) ? `the ${type} chunk` : 'a chunk'} is wrong`);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (!header && type !== 'IHDR') return broken('it does not start with a header');
    if (type === 'IHDR') {
      if (header || length !== 13) return broken('bad header');
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, colour: body[9]!, interlace: body[12]! };
      if (!PNG_DEPTHS[header.colour]?.includes(header.depth) || body[10] !== 0 || body[11] !== 0 || header.interlace > 1) return broken('unknown colour type, depth or method');
      if (header.width === 0 || header.height === 0) return broken('it has no pixels');
      const limit = pixelLimit(header.width, header.height, target);
      if (limit) return limit;
    }
    if (type === 'PLTE') palette = true;
    if (type === 'IDAT') data.push(body);
    offset = end;
    if (type === 'IEND') break;
  }
  if (!header || data.length === 0) return broken('it holds no image data');
  if (header.colour === 3 && !palette) return broken('its palette is missing');
  const expected = pngDataSize(header.width, header.height, PNG_CHANNELS[header.colour]! * header.depth, header.interlace === 1);
  let inflated: Buffer;
  try {
    inflated = inflateSync(Buffer.concat(data), { maxOutputLength: expected });
  } catch {
    return broken('its image data cannot be decompressed');
  }
  if (inflated.length < expected) return broken('its image data is cut short');
  return { format: 'png', width: header.width, height: header.height };
}

function pngDataSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (columns: number, count: number) => (columns === 0 || count === 0 ? 0 : count * (1 + Math.ceil((columns * bitsPerPixel) / 8)));
  if (!interlaced) return rows(width, height);
  return ADAM7.reduce((total, [x, y, stepX, stepY]) => total + rows(Math.ceil(Math.max(0, width - x) / stepX), Math.ceil(Math.max(0, height - y) / stepY)), 0);
}

/** Start-of-frame markers of baseline, extended and progressive JPEGs (what PDF's DCTDecode reads). */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
const JPEG_UNSUPPORTED_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * Walks the JPEG's segments up to the image data as the PDF writer will (each a marker and a
 * length inside the file), checks the frame (8-bit, grey, RGB or CMYK, with pixels), and that an
 * end-of-image marker follows the data: a download cut short has none.
 */
function checkJpeg(bytes: Buffer, target: string): Checked | { fault: ImageFault } {
  const broken = (why: string) => fault('IMAGE_DAMAGED', `image ${target} is a damaged JPEG (${why})`, 'open it in an image editor and save it again as JPEG');
  let offset = 2;
  let frame: { width: number; height: number } | undefined;
  for (;;) {
    if (offset + 4 > bytes.length) return broken('the file is cut short');
    if (bytes[offset] !== 0xff) return broken('a segment is malformed');
    const marker = bytes[offset + 1]!;
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return broken('the file is cut short');
    if (JPEG_UNSUPPORTED_FRAMES.has(marker)) return fault('IMAGE_FORMAT', `image ${target} is a lossless or arithmetic-coded JPEG, which PDF cannot hold`, 'save it again as an ordinary (baseline) JPEG');
    if (JPEG_FRAMES.has(marker)) {
      if (length < 8) return broken('bad frame header');
      const precision = bytes[offset + 4];
      const height = bytes.readUInt16BE(offset + 5);
      const width = bytes.readUInt16BE(offset + 7);
      const components = bytes[offset + 9];
      if (precision !== 8) return fault('IMAGE_FORMAT', `image ${target} is a ${String(precision)}-bit JPEG, which PDF cannot hold`, 'save it again as an ordinary 8-bit JPEG');
      if (width === 0 || height === 0) return broken('it has no pixels');
      if (components !== 1 && components !== 3 && components !== 4) return broken('unknown colour components');
      const limit = pixelLimit(width, height, target);
      if (limit) return limit;
      frame = { width, height };
    }
    if (marker === 0xda) {
      if (!frame) return broken('the image data comes before its frame header');
      break;
    }
    offset += 2 + length;
  }
  if (bytes.lastIndexOf(Buffer.from([0xff, 0xd9])) < offset) return broken('the file is cut short');
  return { format: 'jpeg', ...frame };
}

function pixelLimit(width: number, height: number, target: string): { fault: ImageFault } | undefined {
  if (width * height <= IMAGE_LIMITS.pixels) return undefined;
  return fault('IMAGE_TOO_LARGE', `image ${target} is ${width} × ${height} pixels: the limit is ${IMAGE_LIMITS.pixels / 1_000_000} million pixels`, 'scale it down: 300 dpi at its printed size is plenty for print');
}

function otherFormat(bytes: Buffer): string | undefined {
  const start = bytes.subarray(0, 512).toString('latin1');
  if (start.startsWith('GIF8')) return 'a GIF image';
  if (start.startsWith('RIFF') && start.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (start.startsWith('BM')) return 'a BMP image';
  if (start.startsWith('%PDF')) return 'a PDF';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(start)) return 'an SVG drawing';
  return undefined;
}

/** `%20` and friends as in a URL; a lone `%` (not an escape) stays as it is. */
function percentDecoded(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function realpathOrSelf(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

function fault(code: string, message: string, hint?: string, unread?: boolean): { fault: ImageFault } {
  return { fault: { code, message, ...(hint ? { hint } : {}), ...(unread ? { unread } : {}) } };
}
