import path from 'node:path';
import { renderFiles } from '../build/render-files.js';
import type { PaperSize } from '../content/types.js';
import { resolveDate } from './date.js';
import { colours, displayPath, formatProblem, problemJson, terminalSafe, type CliIo } from './io.js';
import { reportFailure } from './report.js';
import { EXIT } from './run.js';

interface RenderFlags {
  output?: string;
  out?: string;
  paper: PaperSize;
  lang: string;
  duplex?: boolean;
  largePrint?: boolean;
  force?: boolean;
  allowMissingGlyphs?: boolean;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
}

export async function renderCommand(files: string[], rawFlags: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = rawFlags as unknown as RenderFlags;
  const colour = colours(io, io.stderr, flags.color !== false);
  try {
    const date = resolveDate(io.env);
    // An empty path stays empty, so that it is refused rather than taken for the current folder.
    const resolveFlag = (value: string | undefined) => (value ? path.resolve(io.cwd, value) : value);
    const { files: written, warnings } = await renderFiles(
      files.map((file) => path.resolve(io.cwd, file)),
      {
        output: resolveFlag(flags.output),
        outDir: resolveFlag(flags.out),
        force: flags.force === true,
        paper: flags.paper,
        lang: flags.lang,
        duplex: flags.duplex,
        largePrint: flags.largePrint,
        allowMissingGlyphs: flags.allowMissingGlyphs,
        date,
      },
    );
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ok: true, files: written.map((file) => ({ ...file, input: displayPath(file.input, io), output: displayPath(file.output, io) })), warnings: warnings.map((warning) => problemJson(warning, io)) }, null, 2)}\n`);
      return EXIT.ok;
    }
    for (const warning of warnings) io.stderr.write(`${formatProblem(warning, io, colour)}\n`);
    if (!flags.quiet) for (const file of written) io.stdout.write(`${terminalSafe(displayPath(file.input, io))} → ${terminalSafe(displayPath(file.output, io))} (${file.pages} pages)\n`);
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, io, flags.json === true, colour);
  }
}
