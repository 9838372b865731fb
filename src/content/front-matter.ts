import { isMap } from 'yaml';
import { ProblemList } from '../errors.js';
import { YamlSource } from './yaml-source.js';

export interface FrontMatterFile {
  /**
   * - `yaml`: front matter, parsed (with its problems reported) into `yaml`;
   * - `none`: the file has none: it is all Markdown;
   * - `unclosed`: it opens with a `---` line that no `---` closes, read as Markdown (a thematic break);
   * - `refused`: front matter in another language (`---js`, `---toml`), reported and never run.
   */
  kind: 'yaml' | 'none' | 'unclosed' | 'refused';
  yaml?: YamlSource;
  /** The Markdown after the front matter, with line endings made `\n`. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

const OPENING = /^---[ \t]*(?:([A-Za-z][\w+-]*)[ \t]*)?$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits YAML front matter from a Markdown file's body. Front matter is recognised only when the
 * first line is `---`, a later line `---` (or `...`) closes it, and what lies between is a YAML
 * mapping: anything else is Markdown, so a document that opens with a thematic break keeps it.
 * Front matter in another language is reported at its line and never evaluated. A byte-order mark
 * is dropped and CRLF line endings read as LF, so every location is the line the editor shows.
 */
export function splitFrontMatter(raw: string, file: string, problems: ProblemList): FrontMatterFile {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const opening = OPENING.exec(lines[0]!);
  if (!opening) return { kind: 'none', body: text, bodyLine: 1 };
  const closingIndex = lines.findIndex((line, index) => index > 0 && CLOSING.test(line));
  if (closingIndex === -1) return { kind: opening[1] ? 'none' : 'unclosed', body: text, bodyLine: 1 };
  const body = lines.slice(closingIndex + 1).join('\n');
  const bodyLine = closingIndex + 2;
  const language = opening[1];
  if (language && language.toLowerCase() !== 'yaml') {
    problems.error('FRONT_MATTER_LANGUAGE', `front matter in "${language}" is not supported (it is never run): write it in YAML`, { file, line: 1, column: 4 }, 'start the file with a line "---" and write "key: value" lines');
    return { kind: 'refused', body, bodyLine };
  }
  const matter = lines.slice(1, closingIndex).join('\n');
  const found = new ProblemList();
  // The YAML's first line is the file's second.
  const yaml = YamlSource.parse(matter, file, found, 1);
  const contents = yaml.document.contents;
  const mapping = isMap(contents) && (yaml.ok || startsWithKey(lines.slice(1, closingIndex)));
  if (!mapping && !(contents === null && matter.trim() === '')) return { kind: 'none', body: text, bodyLine: 1 };
  problems.items.push(...found.items);
  return { kind: 'yaml', yaml, body, bodyLine };
}

/**
 * YAML reads almost anything as a mapping once it recovers from errors; with errors, text is taken
 * for front matter only when its first line is a key, so Markdown between two rules stays Markdown.
 */
function startsWithKey(lines: readonly string[]): boolean {
  const first = lines.find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  return first !== undefined && /^[A-Za-z_"'][^:]*:(?:\s|$)/.test(first);
}
