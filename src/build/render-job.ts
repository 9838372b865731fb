import { lexMarkdown } from '../markdown/lex.js';
import { layoutPdf } from '../pdf/layout-pdf.js';
import type { LayoutResult, PrintLabelStrings, PrintSection, SectionKind } from '../pdf/model.js';
import { printLabels } from './print-labels.js';
import { createTheme, type ThemeOptions } from '../pdf/theme.js';
import type { FileKind } from './options.js';

/** Everything needed to render one PDF; plain data, so it can be sent to a worker thread. */
export interface RenderJob {
  path: string;
  kind: FileKind;
  /** The audience a pack's file is for; absent for a workshop's own documents. */
  audience?: string;
  lang: string;
  guide?: string;
  /** The workshop a kit's file belongs to. */
  workshop?: string;
  /** Also write an imposed copy for saddle-stitch printing (A5 only). */
  booklet?: boolean;
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  footer: string;
  creationDate: number;
  theme: ThemeOptions;
  labels: PrintLabelStrings;
  sections: { kind: SectionKind; title: string; markdown: string; baseDir: string }[];
}

/** Lexes and lays out one job's Markdown into a PDF. */
export function renderJob(job: RenderJob): Promise<LayoutResult> {
  const sections: PrintSection[] = job.sections.map((section) => ({
    kind: section.kind,
    title: section.title,
    baseDir: section.baseDir,
    tokens: lexMarkdown(section.markdown).tokens,
  }));
  return layoutPdf(
    {
      title: job.title,
      author: job.author,
      subject: job.subject,
      keywords: job.keywords,
      lang: job.lang,
      creationDate: new Date(job.creationDate),
      footer: job.footer,
      sections,
      labels: printLabels(job.labels),
    },
    createTheme(job.theme),
  );
}
