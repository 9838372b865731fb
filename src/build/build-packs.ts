import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Audience, Content } from '../content/types.js';
import { didYouMean } from '../content/validate.js';
import { UsageError, type Problem } from '../errors.js';
import { bookletSides, imposeBooklet } from '../pdf/impose-booklet.js';
import { localise, tailorPack } from '../tailor/tailor-pack.js';
import { Expander, type ExpandedDocument } from '../template/expand.js';
import { loadContent, type LoadedContent } from './check-content.js';
import { DEFAULT_OUTPUT_KINDS, OUTPUT_KINDS, type BuildOptions, type BuildResult, type ManifestEntry, type OutputKind } from './options.js';
import { printLabelStrings } from './print-labels.js';
import { throwIfInterrupted } from './interrupt.js';
import type { RenderJob } from './render-job.js';
import { RenderPool } from './worker-pool.js';
import { OutputWriter } from './write-outputs.js';

/**
 * Builds every selected pack: validates the content (throwing a ContentError with every problem),
 * tailors and expands it for each audience and language, renders the PDFs (in this thread, or on
 * `options.workers` threads), and writes them with manifest.json. Nothing is written unless
 * everything rendered. A caller that already loaded the content (from the same options) passes it
 * as `loaded`, so it is not read and checked twice.
 */
export async function buildPacks(options: BuildOptions, loaded: LoadedContent = loadContent(options.contentDir, { templatesDir: options.templatesDir })): Promise<BuildResult> {
  const selection = resolveSelection(loaded.content, options);
  // The check behind loadContent already expanded everything and reported every warning.
  const expander = new Expander(loaded.content);
  const jobs = planJobs(loaded.content, expander, selection, options);
  return renderAndWrite(jobs, options, loaded.warnings);
}

/**
 * Renders every job (in this thread, or on `options.workers` threads), staging each PDF as it
 * finishes, and moves them all into `options.outDir` with manifest.json only when every one
 * rendered (see OutputWriter: the output folder is locked, and a failure or `options.signal`
 * leaves it as it was).
 */
export async function renderAndWrite(
  jobs: readonly RenderJob[],
  options: Pick<BuildOptions, 'outDir' | 'workers' | 'date' | 'onProgress' | 'signal' | 'fileSystem'>,
  warnings: Problem[],
): Promise<BuildResult> {
  throwIfInterrupted(options.signal);
  const writer = OutputWriter.open(options.outDir, jobs.flatMap((job) => (job.booklet ? [job.path, bookletPath(job.path)] : [job.path])), options.fileSystem);
  let pool: RenderPool | undefined;
  let entries: ManifestEntry[];
  let workers: number;
  const booklets: Promise<unknown>[] = [];
  const layoutWarnings: Problem[] = [];
  try {
    // One thread by default: measured on 2-core machines, two workers rendered the default matrix only
    // ~10 % faster but needed ~55 % more memory (each keeps its own fonts and word caches). More
    // threads than cores or documents only cost memory.
    pool = RenderPool.start(Math.min(options.workers ?? 0, availableParallelism(), jobs.length));
    let done = 0;
    workers = await pool.render(
      jobs,
      (index, result) => {
        const job = jobs[index]!;
        layoutWarnings.push(...result.warnings.map((warning) => ({ ...warning, location: warning.location ?? { file: job.path } })));
        const entry = { path: job.path, ...(job.audience ? { audience: job.audience } : {}), lang: job.lang, kind: job.kind, ...(job.guide ? { guide: job.guide } : {}), ...(job.workshop ? { workshop: job.workshop } : {}), pages: result.pages };
        writer.stage(entry, result.bytes);
        if (job.booklet) {
          booklets.push(
            imposeBooklet(result.bytes, { title: job.title, date: options.date }).then((bytes) => {
              writer.stage({ ...entry, path: bookletPath(job.path), imposition: 'booklet', pages: bookletSides(result.pages).length }, Buffer.from(bytes));
            }),
          );
        }
        done++;
        options.onProgress?.({ done, total: jobs.length, path: job.path, audience: job.audience, lang: job.lang });
      },
      options.signal,
    );
    await Promise.all(booklets);
    throwIfInterrupted(options.signal);
    entries = writer.commit(options.date);
  } catch (error) {
    // Booklets still being imposed would stage into a removed folder: let them settle first.
    await Promise.allSettled(booklets);
    writer.abort();
    throw error;
  } finally {
    await pool?.close();
  }
  // Staged in the order jobs finished; report them in build order, each booklet after its document.
  const order = new Map(jobs.flatMap((job, index) => [[job.path, 2 * index], [bookletPath(job.path), 2 * index + 1]] as const));
  entries.sort((a, b) => order.get(a.path)! - order.get(b.path)!);
  return {
    outDir: path.resolve(options.outDir),
    files: entries,
    warnings: [...writer.notices, ...warnings, ...layoutWarnings],
    pages: entries.reduce((total, entry) => total + entry.pages, 0),
    workers,
  };
}

/** Where the imposed copy of an A5 document goes: beside it, `pack.pdf` → `pack.booklet.pdf`. */
export function bookletPath(file: string): string {
  return file.replace(/\.pdf$/, '.booklet.pdf');
}

export interface Selection {
  audiences: Audience[];
  languages: string[];
  guides?: string[];
  only: readonly OutputKind[];
}

/**
 * Checks the ids a caller chose against the content. Ids match case-insensitively where that picks
 * one; an unknown or ambiguous id, or an empty selection, is a usage error naming the known ones.
 */
export function resolveSelection(content: Content, options: Pick<BuildOptions, 'audiences' | 'languages' | 'guides' | 'only'>): Selection {
  const audienceIds = content.audiences.map((audience) => audience.id);
  const audiences = pickIds(options.audiences, audienceIds, 'audience').map((id) => content.audiences.find((audience) => audience.id === id)!);
  const languages = pickIds(options.languages, content.pack.languages, 'language');
  const guides = options.guides ? pickIds(options.guides, content.pack.guides, 'guide') : undefined;
  const only = options.only ? (pickIds(options.only, OUTPUT_KINDS, 'document kind') as OutputKind[]) : DEFAULT_OUTPUT_KINDS;
  return { audiences, languages, guides, only };
}

function pickIds(chosen: readonly string[] | undefined, known: readonly string[], what: string): string[] {
  if (!chosen) return [...known];
  if (chosen.length === 0) throw new UsageError(`no ${what} chosen: the selection is empty`, `name at least one, or "all"; known ${what}s: ${known.join(', ')}`);
  if (chosen.some((id) => id.toLowerCase() === 'all')) return [...known];
  const resolved: string[] = [];
  const unknown: string[] = [];
  for (const id of chosen) {
    if (known.includes(id)) resolved.push(id);
    else {
      const matches = known.filter((candidate) => candidate.toLowerCase() === id.toLowerCase());
      if (matches.length === 1) resolved.push(matches[0]!);
      else unknown.push(id);
    }
  }
  if (unknown.length > 0) {
    const suggestion = didYouMean(unknown[0]!, known);
    throw new UsageError(`unknown ${what}${unknown.length > 1 ? 's' : ''}: ${unknown.map((id) => `"${id}"`).join(', ')}`, `${suggestion ? `${suggestion} ` : ''}known ${what}s: ${known.join(', ')}`);
  }
  return [...new Set(resolved)];
}

/** The jobs of every selected pack; `folder` places them under `<lang>/<folder>/<audience>/` instead of `<lang>/<audience>/`. */
export function planJobs(content: Content, expander: Expander, selection: Selection, options: Pick<BuildOptions, 'date' | 'paper' | 'largePrint' | 'duplex' | 'booklet'>, folder?: string): RenderJob[] {
  const jobs: RenderJob[] = [];
  const date = options.date.toISOString().slice(0, 10);
  const themeOptions = { paper: options.paper ?? content.pack.paper, largePrint: options.largePrint ?? false, duplex: options.duplex ?? false };
  if (options.booklet && themeOptions.paper !== 'A5') throw new UsageError(`--booklet imposes A5 documents on A4 sheets; this build is on ${themeOptions.paper}`, 'add --paper A5');
  for (const lang of selection.languages) {
    const jobLabels = printLabelStrings(expander.labels(lang));
    const packTitle = localise(content.pack.title, lang);
    const organisation = content.pack.organisation ? localise(content.pack.organisation, lang) : undefined;
    const footer = [packTitle, content.pack.edition].filter(Boolean).join(' · ');
    for (const audience of selection.audiences) {
      const plan = tailorPack(content, audience, lang, selection.guides);
      const documents = expander.expandPlan(plan, date);
      const audienceName = localise(audience.name, lang);
      const base = folder ? `${lang}/${folder}/${audience.id}` : `${lang}/${audience.id}`;
      const job = (kind: RenderJob['kind'], file: string, title: string, docs: ExpandedDocument[], guide?: string): RenderJob => ({
        path: `${base}/${file}`,
        kind,
        audience: audience.id,
        lang,
        guide,
        title,
        author: organisation,
        subject: `${packTitle}: ${audienceName}`,
        keywords: [audience.id, lang, guide].filter(Boolean).join(', '),
        footer,
        creationDate: options.date.getTime(),
        theme: themeOptions,
        booklet: options.booklet,
        labels: jobLabels,
        sections: docs.map((doc) => ({
          kind: doc.kind === 'pack-front' ? 'front' : doc.kind === 'pocket' ? 'document' : doc.kind,
          title: doc.title,
          markdown: doc.markdown,
          baseDir: doc.baseDir,
        })),
      });
      if (selection.only.includes('pack')) jobs.push(job('pack', 'pack.pdf', `${packTitle}: ${audienceName}`, documents));
      if (selection.only.includes('handouts')) {
        // A handout travels alone, and its text sends the reader to the referral contacts: it ends with them.
        const contacts = documents.filter((candidate) => candidate.kind === 'contacts');
        for (const doc of documents.filter((candidate) => candidate.kind === 'handout')) jobs.push(job('handout', `${doc.guideId}.pdf`, doc.title, [doc, ...contacts], doc.guideId));
      }
      const checklists = documents.find((candidate) => candidate.kind === 'checklists');
      if (selection.only.includes('checklists') && checklists) jobs.push(job('checklists', 'checklists.pdf', `${checklists.title}: ${audienceName}`, [checklists]));
      if (selection.only.includes('pocket')) {
        const card = expander.expandPocket(plan, date);
        // A card for the pocket: A6, whatever the pack's paper; large print keeps its type size.
        jobs.push({ ...job('pocket', 'pocket.pdf', `${card.title}: ${audienceName}`, [card]), theme: { ...themeOptions, paper: 'A6', duplex: false } });
      }
    }
  }
  return jobs;
}
