import matter from 'gray-matter';
import type { ProblemList } from '../errors.js';
import { YamlSource } from './yaml-source.js';

export interface FrontMatterFile {
  /** The front matter with positions (absent when the file has none). */
  yaml?: YamlSource;
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
}

const refuse = (): never => {
  throw new Error('front matter in JavaScript is not supported');
};

/**
 * Splits front matter from the body with gray-matter, parsing the front matter with the `yaml`
 * package (YAML 1.2, positions kept) instead of gray-matter's js-yaml, and with its JavaScript
 * engines disabled because they evaluate code. Passing options also bypasses gray-matter's cache,
 * whose results must never be mutated.
 */
export function splitFrontMatter(text: string, file: string, problems: ProblemList): FrontMatterFile {
  let yaml: YamlSource | undefined;
  const parsed = matter(text, {
    language: 'yaml',
    engines: {
      yaml: {
        parse: (frontMatter: string) => {
          // The front matter starts on the line after the opening `---`.
          yaml = YamlSource.parse(frontMatter, file, problems, 1);
          const data = yaml.ok ? yaml.toJS() : {};
          return (data && typeof data === 'object' ? data : {}) as object;
        },
        stringify: refuse,
      },
      js: { parse: refuse, stringify: refuse },
      javascript: { parse: refuse, stringify: refuse },
    },
  } as unknown as Parameters<typeof matter>[1]);
  const body = parsed.content;
  const bodyStart = text.endsWith(body) ? text.length - body.length : 0;
  const bodyLine = countLines(text, bodyStart);
  return { yaml, body, bodyLine };
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let index = 0; index < end; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}
