/**
 * Recognises a PDF that `trainpack render` wrote and nobody changed since, so that rendering again
 * may replace it while any other file at that path is left alone.
 *
 * The mark is the document information trainpack's layout writes (Creator "trainpack", Producer
 * "trainpack (PDFKit)") in a file of a single revision: an editor that annotates a PDF appends a
 * second revision (another `startxref`), and one that rewrites it sets its own Producer. This needs
 * no state beside the PDF, so a PDF re-rendered on another machine or from a fresh clone is still
 * recognised.
 */
export function isTrainpackPdf(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  if (!text.startsWith('%PDF-') || !/%%EOF\s*$/.test(text)) return false;
  if (text.indexOf('startxref') !== text.lastIndexOf('startxref')) return false;
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const info = /\/Info (\d+) 0 R/.exec(trailer);
  if (!info) return false;
  const dictionary = objectBody(text, Number(info[1]));
  if (!dictionary) return false;
  return infoString(text, dictionary, 'Creator') === CREATOR && infoString(text, dictionary, 'Producer') === PRODUCER;
}

const CREATOR = 'trainpack';
const PRODUCER = 'trainpack (PDFKit)';

/** A value of the information dictionary, given inline or as a reference to a string object. */
function infoString(text: string, dictionary: string, key: string): string | undefined {
  const reference = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
  const value = reference ? objectBody(text, Number(reference[1]))?.trim() : new RegExp(`/${key} (\\((?:[^()\\\\]|\\\\.)*\\))`).exec(dictionary)?.[1];
  if (!value?.startsWith('(') || !value.endsWith(')')) return undefined;
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}

function objectBody(text: string, number: number): string | undefined {
  const start = text.indexOf(`\n${number} 0 obj`);
  if (start === -1) return undefined;
  const end = text.indexOf('endobj', start);
  return end === -1 ? undefined : text.slice(start + `\n${number} 0 obj`.length, end);
}
