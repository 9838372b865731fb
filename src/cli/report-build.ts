import type { ChalkInstance } from 'chalk';
import { performance } from 'node:perf_hooks';
import type { BuildResult } from '../build/options.js';
import { displayPath, formatProblem, problemJson, terminalSafe, type CliIo } from './io.js';

/**
 * What `build` and `workshop` print once their files are written: the manifest as JSON (and
 * nothing else) with --json; otherwise the warnings on stderr and, unless quiet, a summary line.
 */
export function reportBuild(result: BuildResult, flags: { json?: boolean; quiet?: boolean }, started: number, io: CliIo, colours: { err: ChalkInstance; out: ChalkInstance }): void {
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ ok: true, outDir: result.outDir, files: result.files, pages: result.pages, workers: result.workers, warnings: result.warnings.map((warning) => problemJson(warning, io)) }, null, 2)}\n`);
    return;
  }
  for (const warning of result.warnings) io.stderr.write(`${formatProblem(warning, io, colours.err)}\n`);
  if (flags.quiet) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const threads = result.workers > 0 ? ` on ${result.workers} worker thread${result.workers === 1 ? '' : 's'}` : '';
  io.stdout.write(`${colours.out.green('✔')} ${result.files.length} files, ${result.pages} pages in ${seconds} s${threads} → ${colours.out.bold(terminalSafe(displayPath(result.outDir, io)))}\n`);
}
