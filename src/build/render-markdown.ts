import path from 'node:path';
import { readMarkdownFile } from '../content/read-markdown-file.js';
import type { PaperSize } from '../content/types.js';
import { ProblemList, sortProblems, type Problem } from '../errors.js';
import { lexMarkdown } from '../markdown/lex.js';
import { layoutPdf } from '../pdf/layout-pdf.js';
import type { LayoutResult, PrintLabels } from '../pdf/model.js';
import { createTheme } from '../pdf/theme.js';
import { readBuiltInLabels } from '../content/built-in-labels.js';
import { Labels } from '../template/labels.js';
import { readPrintImages } from './print-images.js';
import { checkCharacters } from './check-characters.js';
import { printLabelStrings, printLabels } from './print-labels.js';

export interface RenderOptions {
  paper?: PaperSize;
  /** Language for metadata and printed labels when the front matter gives none. */
  lang?: string;
  largePrint?: boolean;
  duplex?: boolean;
  /** Characters the fonts lack are a warning instead of an error (they print as empty boxes). */
  allowMissingGlyphs?: boolean;
  date: Date;
}

export interface RenderResult extends LayoutResult {
  title: string;
  warnings: Problem[];
}

/**
 * Renders any Markdown file (front matter optional: title, author, subject, lang) to a handout PDF
 * through the same layout engine as the packs. Images resolve relative to the file and must be in
 * its folder; one that is missing, remote or outside it is a warning and prints as its alt text in a box.
 */
export async function renderMarkdown(file: string, options: RenderOptions): Promise<RenderResult> {
  const problems = new ProblemList();
  const source = readMarkdownFile(file, problems);
  problems.throwIfErrors();
  const { front, body, bodyLine } = source!;
  checkCharacters([{ file: path.resolve(file), text: body, firstLine: bodyLine, markdown: true }], { missingGlyph: options.allowMissingGlyphs ? 'warning' : 'error' }, problems);
  problems.throwIfErrors();
  const lang = front.lang ?? options.lang ?? 'en';
  const lexed = lexMarkdown(body, { file: path.resolve(file), firstLine: bodyLine });
  const headingTitle = lexed.tokens.find((token) => token.type === 'heading' && 'depth' in token && token.depth === 1) as { text?: string } | undefined;
  const title = front.title ?? headingTitle?.text ?? path.basename(file, path.extname(file));
  const tokens = front.title && !headingTitle ? [...lexMarkdown(`# ${front.title}`).tokens, ...lexed.tokens] : lexed.tokens;
  // An image not read (missing, remote, outside the folder) is a warning here: one picture never stops a document.
  const folder = path.dirname(path.resolve(file));
  const images = readPrintImages(lexed.tokens, { markdown: body, file: path.resolve(file), firstLine: bodyLine, baseDir: folder, root: folder, rootName: "the Markdown file's folder", unreadImages: 'warn' }, problems);
  problems.throwIfErrors();
  const warnings: Problem[] = sortProblems([...problems.warnings, ...lexed.warnings]);
  const labels = builtInLabels(lang, warnings);
  const result = await layoutPdf(
    {
      title,
      author: front.author,
      subject: front.subject,
      lang,
      creationDate: options.date,
      footer: [title, front.author].filter(Boolean).join(' · '),
      sections: [{ kind: 'document', title, tokens, images, baseDir: folder, source: { file: path.resolve(file), firstLine: bodyLine } }],
      labels,
    },
    createTheme({ paper: options.paper ?? 'A4', largePrint: options.largePrint, duplex: options.duplex }),
  );
  return { ...result, title, warnings: [...warnings, ...result.warnings] };
}

function builtInLabels(lang: string, warnings: Problem[]): PrintLabels {
  return printLabels(printLabelStrings(new Labels(readBuiltInLabels(), lang, warnings)));
}
