import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { TrainpackError } from '../errors.js';

/**
 * The pixel size of a PNG or JPEG (the formats pdfkit embeds), read from the file's header so
 * that measuring needs no PDF document. pdfkit reads the whole file again when painting.
 */
export function imageSize(file: string): { width: number; height: number } {
  if (!existsSync(file)) throw new TrainpackError('IMAGE_NOT_FOUND', `image not found: ${file}`, { location: { file } });
  const header = readHead(file, 64 * 1024);
  if (header.length >= 24 && header.readUInt32BE(0) === 0x89504e47 && header.toString('latin1', 12, 16) === 'IHDR') {
    return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
  }
  if (header.length >= 4 && header[0] === 0xff && header[1] === 0xd8) {
    const size = jpegSize(header.length < 64 * 1024 ? header : readHead(file, Number.MAX_SAFE_INTEGER));
    if (size) return size;
  }
  throw new TrainpackError('IMAGE_UNREADABLE', `not a PNG or JPEG image, or its header is damaged: ${file}`, { location: { file } });
}

/** Walks JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    const startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (startOfFrame) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return undefined;
}

function readHead(file: string, limit: number): Buffer {
  const descriptor = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, limit - total));
      const read = chunk.length > 0 ? readSync(descriptor, chunk, 0, chunk.length, total) : 0;
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(descriptor);
  }
}
