import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildWorkshop, type WorkshopOptions } from '../build/build-workshop.js';
import { BUILT_IN_CONTENT } from '../content/load-content.js';
import type { PaperSize } from '../content/types.js';
import { UsageError } from '../errors.js';
import { resolveDate } from './date.js';
import { colours, displayPath, formatProblem, problemJson, type CliIo } from './io.js';
import { createProgress } from './progress.js';
import { reportFailure } from './report.js';
import { EXIT } from './run.js';

interface WorkshopFlags {
  content?: string;
  lang?: string[];
  out?: string;
  participants?: string;
  paper?: PaperSize;
  templates?: string;
  duplex?: boolean;
  largePrint?: boolean;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
}

/** `trainpack workshop PLAN`: the whole kit for one workshop, per language. */
export async function workshopCommand(plan: string | undefined, rawFlags: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = rawFlags as WorkshopFlags;
  const errColour = colours(io, io.stderr, flags.color !== false);
  const outColour = colours(io, io.stdout, flags.color !== false);
  const started = performance.now();
  try {
    if (plan === undefined || plan.trim() === '') {
      throw new UsageError('workshop needs a plan: a plan file, or the id of a plan in the content root\'s workshops/ folder', 'for example: trainpack workshop workshops/one-day-introduction.yaml');
    }
    const contentDir = flags.content ? path.resolve(io.cwd, flags.content) : BUILT_IN_CONTENT;
    const options: WorkshopOptions = {
      contentDir,
      templatesDir: flags.templates ? path.resolve(io.cwd, flags.templates) : undefined,
      plan: /\.ya?ml$/i.test(plan) || plan.includes('/') || plan.includes(path.sep) ? path.resolve(io.cwd, plan) : plan,
      participantsFile: flags.participants ? path.resolve(io.cwd, flags.participants) : undefined,
      languages: flags.lang,
      outDir: path.resolve(io.cwd, flags.out ?? 'packs'),
      paper: flags.paper,
      duplex: flags.duplex,
      largePrint: flags.largePrint,
      date: resolveDate(io.env),
    };
    const progress = createProgress(io, errColour, flags.quiet === true || flags.json === true);
    const result = await buildWorkshop({ ...options, onProgress: (event) => progress.update(event) });
    progress.done();
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ok: true, outDir: result.outDir, files: result.files, pages: result.pages, warnings: result.warnings.map((warning) => problemJson(warning, io)) }, null, 2)}\n`);
      return EXIT.ok;
    }
    for (const warning of result.warnings) io.stderr.write(`${formatProblem(warning, io, errColour)}\n`);
    if (!flags.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stdout.write(`${outColour.green('✔')} ${result.files.length} files, ${result.pages} pages in ${seconds} s → ${outColour.bold(displayPath(result.outDir, io))}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, io, flags.json === true, errColour);
  }
}
