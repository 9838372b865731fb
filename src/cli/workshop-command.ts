import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildWorkshop, type WorkshopOptions } from '../build/build-workshop.js';
import { loadContent, type LoadedContent } from '../build/check-content.js';
import { canPrompt } from './build-command.js';
import { BUILT_IN_CONTENT } from '../content/load-content.js';
import type { PaperSize } from '../content/types.js';
import { UsageError } from '../errors.js';
import { resolveDate } from './date.js';
import { colours, type CliIo } from './io.js';
import { listenForInterrupts, reportInterrupt } from './interrupts.js';
import { createProgress } from './progress.js';
import { reportBuild } from './report-build.js';
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
  interactive?: boolean;
  color?: boolean;
}

/** `trainpack workshop PLAN`: the whole kit for one workshop, per language. */
export async function workshopCommand(plan: string | undefined, rawFlags: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = rawFlags as WorkshopFlags;
  const errColour = colours(io, io.stderr, flags.color !== false);
  const outColour = colours(io, io.stdout, flags.color !== false);
  const started = performance.now();
  const interrupt = listenForInterrupts(io);
  try {
    if (flags.out !== undefined && flags.out.trim() === '') throw new UsageError('--out needs a folder name', 'for example --out packs');
    const contentDir = flags.content ? path.resolve(io.cwd, flags.content) : BUILT_IN_CONTENT;
    const templatesDir = flags.templates ? path.resolve(io.cwd, flags.templates) : undefined;
    let chosenPlan: WorkshopOptions['plan'];
    let loaded: LoadedContent | undefined;
    if (plan !== undefined && plan.trim() !== '') {
      chosenPlan = /\.ya?ml$/i.test(plan) || plan.includes('/') || plan.includes(path.sep) ? path.resolve(io.cwd, plan) : plan;
    } else if (canPrompt(io, { interactive: flags.interactive, json: flags.json })) {
      loaded = loadContent(contentDir, { templatesDir });
      const { askWorkshopPlan } = await import('./workshop-prompts.js');
      const asked = await askWorkshopPlan(loaded.content, flags.lang, io);
      if (!asked) return EXIT.ok;
      chosenPlan = asked;
    } else {
      throw new UsageError('workshop needs a plan: a plan file, or the id of a plan in the content root\'s workshops/ folder', 'for example: trainpack workshop workshops/one-day-introduction.yaml (on a terminal, trainpack workshop with no plan asks)');
    }
    const options: WorkshopOptions = {
      contentDir,
      templatesDir,
      plan: chosenPlan,
      participantsFile: flags.participants ? path.resolve(io.cwd, flags.participants) : undefined,
      languages: flags.lang,
      outDir: path.resolve(io.cwd, flags.out ?? 'packs'),
      paper: flags.paper,
      duplex: flags.duplex,
      largePrint: flags.largePrint,
      date: resolveDate(io.env),
    };
    const progress = createProgress(io, errColour, flags.quiet === true || flags.json === true);
    const result = await buildWorkshop({ ...options, onProgress: (event) => progress.update(event), signal: interrupt.signal, fileSystem: io.fileSystem }, loaded);
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
