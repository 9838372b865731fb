import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readContent, type LoadOptions } from '../content/load-content.js';
import type { Content, Guide, TemplateSource } from '../content/types.js';
import { ContentError, ProblemList, TrainpackError, sortProblems, type Problem } from '../errors.js';
import { lexMarkdown } from '../markdown/lex.js';
import { missingGlyphs } from '../pdf/fonts.js';
import { createTheme } from '../pdf/theme.js';
import { tailorPack } from '../tailor/tailor-pack.js';
import { checkGuideTemplate } from '../template/check-guide.js';
import { Expander } from '../template/expand.js';
import { printLabelStrings } from './print-labels.js';

export interface CheckResult {
  content?: Content;
  problems: Problem[];
  errors: number;
  warnings: number;
}

/**
 * Validates a content root completely: schema, ids, cross-references, every translation, template
 * syntax and helpers in every guide and language, images, characters the fonts cannot print,
 * heading parity across languages (a warning), and a trial expansion for every audience.
 */
export function checkContent(root: string, options: LoadOptions = {}): CheckResult {
  const { content, problems, partial } = readContent(root, options);
  checkGuides(partial.guides, partial.audienceIds, problems);
  checkGlyphs(partial.root, partial.guides, partial.templates, problems);
  if (content && !problems.hasErrors) checkExpansion(content, problems);
  const sorted = sortProblems(problems.items);
  return {
    content: problems.hasErrors ? undefined : content,
    problems: sorted,
    errors: sorted.filter((problem) => problem.severity === 'error').length,
    warnings: sorted.filter((problem) => problem.severity === 'warning').length,
  };
}

/** Valid content and the warnings its check found. */
export interface LoadedContent {
  content: Content;
  warnings: Problem[];
}

/** Like checkContent, but throws a ContentError listing every problem when there is an error. */
export function loadContent(root: string, options: LoadOptions = {}): LoadedContent {
  const result = checkContent(root, options);
  if (!result.content) throw new ContentError(result.problems);
  return { content: result.content, warnings: result.problems.filter((problem) => problem.severity === 'warning') };
}

function checkGuides(guides: readonly Guide[], audienceIds: readonly string[] | undefined, problems: ProblemList): void {
  for (const guide of guides) {
    const headings: { lang: string; file: string; levels: { depth: number; line: number }[] }[] = [];
    for (const text of Object.values(guide.texts)) {
      checkGuideTemplate(guide, text, audienceIds, problems);
      const lexed = lexMarkdown(text.body, { file: text.file, firstLine: text.bodyLine });
      for (const warning of lexed.warnings) problems.items.push(warning);
      headings.push({ lang: text.lang, file: text.file, levels: collectHeadings(lexed.tokens, text.bodyLine) });
      checkImages(text.body, text.file, text.bodyLine, guide.dir, problems);
    }
    checkHeadingParity(headings, problems);
  }
}

function checkExpansion(content: Content, problems: ProblemList): void {
  // A trial expansion for every audience and language finds what only running the templates shows.
  const expander = new Expander(content);
  for (const lang of content.pack.languages) {
    // The labels the layout prints, so that a missing one is reported here too.
    printLabelStrings(expander.labels(lang));
    for (const audience of content.audiences) {
      try {
        expander.expandPlan(tailorPack(content, audience, lang), '2000-01-01');
      } catch (error) {
        if (!(error instanceof TrainpackError)) throw error;
        if (!problems.items.some((problem) => problem.message === error.message && problem.location?.file === error.location?.file && problem.location?.line === error.location?.line)) {
          problems.error(error.code, error.message, error.location, error.hint);
        }
      }
    }
  }
  for (const warning of expander.warnings) problems.items.push(warning);
}

function collectHeadings(tokens: readonly { type: string; raw: string; depth?: number }[], firstLine: number): { depth: number; line: number }[] {
  const found: { depth: number; line: number }[] = [];
  let line = firstLine;
  for (const token of tokens) {
    if (token.type === 'heading' && token.depth !== undefined) found.push({ depth: token.depth, line });
    line += (token.raw.match(/\n/g) ?? []).length;
  }
  return found;
}

/** The languages of a guide should have the same headings, level for level, in the same order. */
function checkHeadingParity(versions: { lang: string; file: string; levels: { depth: number; line: number }[] }[], problems: ProblemList): void {
  const [reference, ...others] = versions;
  if (!reference) return;
  for (const other of others) {
    const count = Math.max(reference.levels.length, other.levels.length);
    for (let index = 0; index < count; index++) {
      const mine = other.levels[index];
      const theirs = reference.levels[index];
      if (mine && theirs && mine.depth === theirs.depth) continue;
      const referenceName = path.basename(reference.file);
      const message = !mine
        ? `has ${other.levels.length} headings where ${referenceName} has ${reference.levels.length}: heading ${index + 1} (line ${theirs!.line} there) is missing here`
        : !theirs
          ? `heading ${index + 1} has no match in ${referenceName} (${reference.levels.length} headings there, ${other.levels.length} here)`
          : `heading ${index + 1} is level ${mine.depth} here but level ${theirs.depth} in ${referenceName} (line ${theirs.line})`;
      problems.warn('HEADING_PARITY', message, { file: other.file, line: mine?.line ?? other.levels[other.levels.length - 1]?.line ?? 1, column: 1 }, 'the languages of a guide should have matching headings');
      break;
    }
  }
}

function checkImages(body: string, file: string, bodyLine: number, dir: string, problems: ProblemList): void {
  const lines = body.split('\n');
  lines.forEach((text, index) => {
    for (const match of text.matchAll(/!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[2]!;
      if (/^[a-z]+:/i.test(target)) continue;
      const location = { file, line: bodyLine + index, column: (match.index ?? 0) + 1 };
      try {
        readFileSync(path.resolve(dir, decodeURI(target)));
      } catch {
        problems.error('IMAGE_NOT_FOUND', `image not found: ${target}`, location, 'image paths are relative to the Markdown file');
      }
      if (!match[1]) problems.warn('IMAGE_ALT_MISSING', `image ${target} has no alt text`, location, 'write what the image shows in ![...]: screen readers read it out');
    }
  });
}

/** Every character of the content must be printable in the embedded fonts, or the build fails where it appears. */
function checkGlyphs(root: string, guides: readonly Guide[], templates: readonly TemplateSource[], problems: ProblemList): void {
  const theme = createTheme({ paper: 'A4' });
  const large = createTheme({ paper: 'A4', largePrint: true });
  const faces = [...Object.values(theme.fonts.body), theme.fonts.heading.bold, ...Object.values(large.fonts.body)];
  const files = new Set<string>([path.join(root, 'pack.yaml'), path.join(root, 'audiences.yaml')]);
  for (const guide of guides) {
    for (const text of Object.values(guide.texts)) files.add(text.file);
    if (guide.checklists.length > 0) files.add(path.join(guide.dir, 'checklists.yaml'));
  }
  for (const template of templates) files.add(template.file);
  // Each distinct character is checked once against the fonts (ASCII is in every face); only
  // when one is missing are the files read again to report every place it appears.
  const texts = new Map<string, string>();
  const distinct = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    texts.set(file, text);
    for (const character of text) if (character.charCodeAt(0) > 0x7e) distinct.add(character);
  }
  const missing = new Set(missingGlyphs([...distinct].join(''), faces));
  if (missing.size === 0) return;
  for (const [file, text] of texts) {
    text.split('\n').forEach((line, index) => {
      if (/^\s*#/.test(line) && file.endsWith('.yaml')) return;
      let column = 0;
      for (const character of line) {
        column++;
        if (!missing.has(character)) continue;
        const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        problems.error('MISSING_GLYPH', `character "${character}" (${codePoint}) cannot be printed: the embedded fonts have no glyph for it`, { file, line: index + 1, column }, 'replace it with a character the fonts have (for a tick box use a task list item "- [ ]")');
      }
    });
  }
}
