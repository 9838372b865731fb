import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildPacks } from '../build/build-packs.js';
import { loadContent, type LoadedContent } from '../build/check-content.js';
import { DEFAULT_OUTPUT_KINDS, type BuildOptions, type OutputKind } from '../build/options.js';
import { BUILT_IN_CONTENT } from '../content/load-content.js';
import type { Content, PaperSize } from '../content/types.js';
import { UsageError } from '../errors.js';
import { localise } from '../tailor/tailor-pack.js';
import { colours, type CliIo } from './io.js';
import { resolveDate } from './date.js';
import { listenForInterrupts, reportInterrupt } from './interrupts.js';
import { createProgress } from './progress.js';
import { reportBuild } from './report-build.js';
import { reportFailure } from './report.js';
import { EXIT } from './run.js';

interface BuildFlags {
  content?: string;
  audience?: string[];
  lang?: string[];
  guide?: string[];
  out?: string;
  paper?: PaperSize;
  only?: string[];
  templates?: string;
  duplex?: boolean;
  largePrint?: boolean;
  booklet?: boolean;
  json?: boolean;
  quiet?: boolean;
  interactive?: boolean;
  color?: boolean;
  jobs?: string;
}

/** Prompts only on a terminal, outside CI, and unless --no-interactive. */
export function canPrompt(io: CliIo, flags: { interactive?: boolean; json?: boolean }): boolean {
  return io.stdin.isTTY === true && io.stdout.isTTY === true && !io.env.CI && flags.interactive !== false && !flags.json;
}

export async function buildCommand(rawFlags: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = rawFlags as BuildFlags;
  const errColour = colours(io, io.stderr, flags.color !== false);
  const outColour = colours(io, io.stdout, flags.color !== false);
  let started = performance.now();
  const interrupt = listenForInterrupts(io);
  try {
    if (flags.jobs !== undefined && !/^\d+$/.test(flags.jobs)) throw new UsageError(`--jobs takes a whole number, not "${flags.jobs}"`);
    if (flags.out !== undefined && flags.out.trim() === '') throw new UsageError('--out needs a folder name', 'for example --out packs');
    let options: BuildOptions = {
      contentDir: flags.content ? path.resolve(io.cwd, flags.content) : BUILT_IN_CONTENT,
      templatesDir: flags.templates ? path.resolve(io.cwd, flags.templates) : undefined,
      audiences: flags.audience,
      languages: flags.lang,
      guides: flags.guide,
      outDir: path.resolve(io.cwd, flags.out ?? 'packs'),
      paper: flags.paper,
      // Unknown kinds are a usage error from resolveSelection, like unknown audiences.
      only: flags.only as OutputKind[] | undefined,
      duplex: flags.duplex,
      largePrint: flags.largePrint,
      booklet: flags.booklet,
      date: resolveDate(io.env),
      workers: flags.jobs === undefined ? undefined : Number(flags.jobs),
    };
    let loaded: LoadedContent | undefined;
    if (canPrompt(io, flags)) {
      loaded = loadContent(options.contentDir, { templatesDir: options.templatesDir });
      const { askBuildChoices } = await import('./prompts.js');
      const answered = await askBuildChoices(loaded.content, options, flags.out === undefined, io);
      if (!answered) return EXIT.ok;
      options = answered;
      started = performance.now();
    }
    const progress = createProgress(io, errColour, flags.quiet === true || flags.json === true);
    const result = await buildPacks({ ...options, onProgress: (event) => progress.update(event), signal: interrupt.signal, fileSystem: io.fileSystem }, loaded);
    progress.done();
    reportBuild(result, flags, started, io, { err: errColour, out: outColour });
    return EXIT.ok;
  } catch (error) {
    if (interrupt.received) return reportInterrupt(interrupt.received, io, flags.json === true, errColour);
    return reportFailure(error, io, flags.json === true, errColour);
  } finally {
    interrupt.stop();
  }
}

/** What a summary screen shows of a chosen build. */
export function describeChoices(content: Content, options: BuildOptions, lang: string): string[] {
  const audienceNames = (options.audiences ?? content.audiences.map((audience) => audience.id)).map((id) => {
    const audience = content.audiences.find((candidate) => candidate.id === id);
    return audience ? localise(audience.name, lang) : id;
  });
  return [
    `Audiences: ${audienceNames.join(', ')}`,
    `Languages: ${(options.languages ?? content.pack.languages).join(', ')}`,
    `Documents: ${(options.only ?? DEFAULT_OUTPUT_KINDS).join(', ')}`,
    `Paper: ${options.paper ?? content.pack.paper}${options.duplex ? ', duplex' : ''}${options.largePrint ? ', large print' : ''}`,
    `Output: ${options.outDir}`,
  ];
}
