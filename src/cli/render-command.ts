import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderMarkdown } from '../build/render-markdown.js';
import type { PaperSize } from '../content/types.js';
import { UsageError } from '../errors.js';
import { resolveDate } from './date.js';
import { colours, formatProblem, problemJson, terminalSafe, type CliIo } from './io.js';
import { reportFailure } from './report.js';
import { EXIT } from './run.js';

interface RenderFlags {
  output?: string;
  out?: string;
  paper: PaperSize;
  lang: string;
  duplex?: boolean;
  largePrint?: boolean;
  allowMissingGlyphs?: boolean;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
}

export async function renderCommand(files: string[], rawFlags: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = rawFlags as unknown as RenderFlags;
  const colour = colours(io, io.stderr, flags.color !== false);
  try {
    if (flags.output && files.length > 1) throw new UsageError('-o/--output takes one input file', 'use --out DIR for several files');
    const date = resolveDate(io.env);
    const written: { input: string; output: string; pages: number; bytes: number }[] = [];
    const warnings = [];
    // Render everything first: a bad file means nothing is written.
    const rendered = [];
    for (const file of files) {
      const input = path.resolve(io.cwd, file);
      const result = await renderMarkdown(input, { paper: flags.paper, lang: flags.lang, duplex: flags.duplex, largePrint: flags.largePrint, allowMissingGlyphs: flags.allowMissingGlyphs, date });
      const output = flags.output
        ? path.resolve(io.cwd, flags.output)
        : path.join(flags.out ? path.resolve(io.cwd, flags.out) : path.dirname(input), `${path.basename(input, path.extname(input))}.pdf`);
      rendered.push({ input, output, result });
      warnings.push(...result.warnings);
    }
    for (const { input, output, result } of rendered) {
      mkdirSync(path.dirname(output), { recursive: true });
      const temporary = `${output}.trainpack-${process.pid}.tmp`;
      writeFileSync(temporary, result.bytes);
      renameSync(temporary, output);
      written.push({ input: path.relative(io.cwd, input), output: path.relative(io.cwd, output), pages: result.pages, bytes: result.bytes.length });
    }
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ok: true, files: written, warnings: warnings.map((warning) => problemJson(warning, io)) }, null, 2)}\n`);
      return EXIT.ok;
    }
    for (const warning of warnings) io.stderr.write(`${formatProblem(warning, io, colour)}\n`);
    if (!flags.quiet) for (const file of written) io.stdout.write(`${terminalSafe(file.input)} → ${terminalSafe(file.output)} (${file.pages} pages)\n`);
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, io, flags.json === true, colour);
  }
}
