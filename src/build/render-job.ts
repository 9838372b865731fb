import { lexMarkdown } from '../markdown/lex.js';
import { layoutPdf } from '../pdf/layout-pdf.js';
import type { LayoutResult, PrintSection, SectionKind } from '../pdf/model.js';
import { createTheme, type ThemeOptions } from '../pdf/theme.js';

/** Everything needed to render one PDF; plain data, so it can be sent to a worker thread. */
export interface RenderJob {
  path: string;
  kind: 'pack' | 'handout' | 'checklists';
  audience: string;
  lang: string;
  guide?: string;
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  footer: string;
  creationDate: number;
  theme: ThemeOptions;
  labels: {
    pageOf: string;
    continued: string;
    doneBy: string;
    date: string;
    toBeCompleted: string;
    verified: string;
    intentionallyBlank: string;
  };
  sections: { id: string; kind: SectionKind; title: string; markdown: string; baseDir?: string }[];
}

/** Lexes and lays out one job's Markdown into a PDF. */
export function renderJob(job: RenderJob): Promise<LayoutResult> {
  const sections: PrintSection[] = job.sections.map((section) => ({
    id: section.id,
    kind: section.kind,
    title: section.title,
    baseDir: section.baseDir,
    tokens: lexMarkdown(section.markdown).tokens,
  }));
  const { pageOf, ...labels } = job.labels;
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
      labels: { ...labels, pageOf: (page, pages) => pageOf.replace('{page}', String(page)).replace('{pages}', String(pages)) },
    },
    createTheme(job.theme),
  );
}
