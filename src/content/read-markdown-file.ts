import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProblemList } from '../errors.js';
import { splitFrontMatter } from './front-matter.js';
import { renderFrontMatterSchema } from './schema.js';
import { validateYaml } from './validate.js';

export interface MarkdownFile {
  front: { title?: string; author?: string; subject?: string; lang?: string };
  body: string;
  bodyLine: number;
}

/** Reads a stand-alone Markdown file for `trainpack render`; front matter is optional. */
export function readMarkdownFile(file: string, problems: ProblemList): MarkdownFile | undefined {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.error('FILE_UNREADABLE', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`, { file: absolute });
    return undefined;
  }
  const split = splitFrontMatter(text, absolute, problems);
  const front = split.yaml ? validateYaml(renderFrontMatterSchema, split.yaml, problems) : {};
  return { front: front ?? {}, body: split.body, bodyLine: split.bodyLine };
}
