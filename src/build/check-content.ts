import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readContent, type LoadOptions } from '../content/load-content.js';
import type { Content, Guide, GuideText, TemplateSource, WorkshopPlan } from '../content/types.js';
import { ContentError, ProblemList, TrainpackError, sortProblems, type Problem, type SourceLocation } from '../errors.js';
import { lexMarkdown, type BlockToken } from '../markdown/lex.js';
import { SIZE_LIMITS } from '../content/size-limits.js';
import { tailorPack } from '../tailor/tailor-pack.js';
import { tailorWorkshop } from '../tailor/tailor-workshop.js';
import { expandWorkshop } from '../template/expand-workshop.js';
import { checkGuideTemplate } from '../template/check-guide.js';
import { Expander } from '../template/expand.js';
import { readPrintImages } from './print-images.js';
import { checkCharacters, type CharacterSource } from './check-characters.js';
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
  checkGuides(partial.root, partial.guides, partial.audienceIds, problems);
  checkGlyphs(partial.root, partial.guides, partial.templates, partial.labelFiles, content?.workshops ?? [], problems);
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

function checkGuides(root: string, guides: readonly Guide[], audienceIds: readonly string[] | undefined, problems: ProblemList): void {
  for (const guide of guides) {
    const headings: { lang: string; file: string; levels: { depth: number; line: number }[] }[] = [];
    for (const text of Object.values(guide.texts)) {
      checkGuideTemplate(guide, text, audienceIds, problems);
      const lexed = lexMarkdown(text.body, { file: text.file, firstLine: text.bodyLine });
      for (const warning of lexed.warnings) problems.items.push(warning);
      headings.push({ lang: text.lang, file: text.file, levels: collectHeadings(lexed.tokens, text.bodyLine) });
      checkImages(lexed.tokens, text, guide.dir, root, problems);
    }
    checkHeadingParity(headings, problems);
  }
}

function checkExpansion(content: Content, problems: ProblemList): void {
  // A trial expansion for every audience and language finds what only running the templates shows.
  const expander = new Expander(content);
  for (const failure of expander.compileTemplates()) problems.error(failure.code, failure.message, failure.location, failure.hint);
  if (problems.hasErrors) return;
  // A template fault shows once, however many audiences, languages and plans run into it.
  const report = (error: unknown, fallback?: SourceLocation) => {
    if (!(error instanceof TrainpackError)) throw error;
    const location = error.location ?? fallback;
    if (!problems.items.some((problem) => problem.message === error.message && problem.location?.file === location?.file && problem.location?.line === location?.line)) {
      problems.error(error.code, error.message, location, error.hint);
    }
  };
  for (const lang of content.pack.languages) {
    // The labels the layout prints, so that a missing one is reported here too.
    printLabelStrings(expander.labels(lang));
    for (const audience of content.audiences) {
      try {
        expander.expandPlan(tailorPack(content, audience, lang), '2000-01-01');
      } catch (error) {
        report(error);
      }
    }
  }
  // Every ready-made workshop plan, in every language, through the workshop templates.
  for (const plan of content.workshops) {
    const kit = tailorWorkshop(content, plan);
    for (const lang of content.pack.languages) {
      try {
        expandWorkshop(expander, content, kit, lang, undefined, '2000-01-01');
      } catch (error) {
        report(error, { file: plan.file });
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

/** Images must be whole PNG or JPEG files inside the content root; a missing one is an error here. */
function checkImages(tokens: readonly BlockToken[], text: GuideText, dir: string, root: string, problems: ProblemList): void {
  readPrintImages(tokens, { markdown: text.body, file: text.file, firstLine: text.bodyLine, baseDir: dir, root, unreadImages: 'error', unexpanded: true }, problems);
}

/** Every character of the content must be printable in the embedded fonts, or the build fails where it appears. */
function checkGlyphs(root: string, guides: readonly Guide[], templates: readonly TemplateSource[], labelFiles: readonly string[], workshops: readonly WorkshopPlan[], problems: ProblemList): void {
  const files = new Map<string, boolean>([[path.join(root, 'pack.yaml'), false], [path.join(root, 'audiences.yaml'), false]]);
  for (const guide of guides) {
    for (const text of Object.values(guide.texts)) files.set(text.file, true);
    if (guide.checklists.length > 0) files.set(path.join(guide.dir, 'checklists.yaml'), false);
    if (guide.sessions.length > 0 || guide.quiz.length > 0) files.set(path.join(guide.dir, 'sessions.yaml'), false);
  }
  for (const plan of workshops) files.set(plan.file, false);
  for (const template of templates) files.set(template.file, true);
  for (const file of labelFiles) files.set(file, false);
  const sources: CharacterSource[] = [];
  for (const [file, markdown] of files) {
    try {
      // Files over their size limit were reported when loading; they are not read again.
      if (statSync(file).size > SIZE_LIMITS.guide.bytes) continue;
      sources.push({ file, text: readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), markdown });
    } catch {
      continue;
    }
  }
  checkCharacters(sources, { missingGlyph: 'error' }, problems);
}
