import { inflateSync } from 'node:zlib';

/** One indirect object of a PDF: its dictionary text and, for a stream, its decoded content. */
export interface PdfObject {
  id: number;
  dictionary: string;
  stream?: string;
}

/**
 * A small reader over a PDF's objects (pdfkit writes no object streams): enough to walk the
 * structure tree's dictionaries and the content streams' marked content, which pdf.js does not expose.
 */
export function pdfObjects(bytes: Uint8Array): Map<number, PdfObject> {
  const text = Buffer.from(bytes).toString('latin1');
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\n([\s\S]*?)\nendobj/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const body = match[2]!;
    const streamAt = body.indexOf('\nstream\n');
    const dictionary = streamAt === -1 ? body : body.slice(0, streamAt);
    let stream: string | undefined;
    if (streamAt !== -1) {
      const raw = Buffer.from(body.slice(streamAt + 8, body.lastIndexOf('\nendstream')), 'latin1');
      stream = /\/FlateDecode/.test(dictionary) ? safeInflate(raw) : raw.toString('latin1');
    }
    objects.set(Number(match[1]), { id: Number(match[1]), dictionary, stream });
  }
  return objects;
}

function safeInflate(raw: Buffer): string {
  try {
    return inflateSync(raw).toString('latin1');
  } catch {
    return '';
  }
}

/** The value of a key in a dictionary's text: `/S /TH` → "TH"; references as "12 0 R". */
export function entry(dictionary: string, key: string): string | undefined {
  return new RegExp(`/${key}\\s+(/[^\\s/<>\\[\\]()]+|\\d+ 0 R|\\([^)]*\\)|<[^<>]*>|\\[[^\\]]*\\])`).exec(dictionary)?.[1];
}

/** A PDF text string as JavaScript: literal `(...)` (UTF-16BE with a BOM, or PDFDocEncoding) or hex `<...>`. */
export function pdfString(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let bytes: Buffer;
  if (value.startsWith('<')) bytes = Buffer.from(value.slice(1, -1), 'hex');
  else {
    const inner = value.slice(1, -1).replace(/\\([0-7]{1,3}|.)/g, (_, escaped: string) => (/^[0-7]+$/.test(escaped) ? String.fromCharCode(parseInt(escaped, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[escaped] ?? escaped));
    bytes = Buffer.from(inner, 'latin1');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}
