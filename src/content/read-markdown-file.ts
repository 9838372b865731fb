import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProblemList } from '../errors.js';
import { splitFrontMatter } from './front-matter.js';
import { didYouMean } from './validate.js';
import { exceedsSizeLimit } from './size-limits.js';

export interface MarkdownFile {
  front: { title?: string; author?: string; subject?: string; lang?: string };
  body: string;
  bodyLine: number;
}

const FRONT_MATTER_KEYS = ['title', 'author', 'subject', 'lang'] as const;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * Reads a stand-alone Markdown file for `trainpack render`; front matter is optional and only
 * four plain strings are read from it. Other keys (other tools write date, tags...) are reported
 * as warnings, with the key meant when one is close, and otherwise ignored.
 */
export function readMarkdownFile(file: string, problems: ProblemList): MarkdownFile | undefined {
  const absolute = path.resolve(file);
  if (exceedsSizeLimit(absolute, 'markdown', problems)) return undefined;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.error('FILE_UNREADABLE', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`, { file: absolute });
    return undefined;
  }
  const split = splitFrontMatter(text, absolute, problems);
  const front: MarkdownFile['front'] = {};
  const yaml = split.yaml;
  const data = yaml?.ok ? (yaml.toJS() as Record<string, unknown> | null) : null;
  for (const [key, value] of Object.entries(data ?? {})) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      // Other tools' keys (date, tags...) are common in Markdown files: noted, never fatal.
      problems.warn('FRONT_MATTER_KEY_UNUSED', `front matter key "${key}" is not used by trainpack render`, yaml!.locateKey([], key), didYouMean(key, FRONT_MATTER_KEYS) ?? `render reads ${FRONT_MATTER_KEYS.join(', ')}`);
      continue;
    }
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' && typeof value !== 'number') {
      problems.error('SCHEMA', `${key}: expected a string`, yaml!.locate([key]));
      continue;
    }
    front[key as (typeof FRONT_MATTER_KEYS)[number]] = String(value);
  }
  if (front.lang !== undefined && !LANGUAGE.test(front.lang)) problems.error('SCHEMA', 'lang: must be a language code, like "sq" or "en"', yaml!.locate(['lang']));
  return { front, body: split.body, bodyLine: split.bodyLine };
}
