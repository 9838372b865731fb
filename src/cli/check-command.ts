import path from 'node:path';
import { checkContent } from '../build/check-content.js';
import { BUILT_IN_CONTENT } from '../content/load-content.js';
import { colours, displayPath, formatProblem, problemJson, terminalSafe, type CliIo } from './io.js';
import { reportFailure } from './report.js';
import { EXIT } from './run.js';

export async function checkCommand(rawFlags: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = rawFlags as { content?: string; templates?: string; strict?: boolean; json?: boolean; color?: boolean };
  const colour = colours(io, io.stderr, flags.color !== false);
  try {
    const root = flags.content ? path.resolve(io.cwd, flags.content) : BUILT_IN_CONTENT;
    const result = checkContent(root, { templatesDir: flags.templates ? path.resolve(io.cwd, flags.templates) : undefined });
    const failed = result.errors > 0 || (flags.strict === true && result.warnings > 0);
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ok: !failed, errors: result.errors, warnings: result.warnings, problems: result.problems.map((problem) => problemJson(problem, io)) }, null, 2)}\n`);
    } else {
      for (const problem of result.problems) io.stderr.write(`${formatProblem(problem, io, colour)}\n`);
      const summary = `${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
      io.stderr.write(failed ? `${colour.red('✖')} ${summary}\n` : `${colour.green('✔')} ${terminalSafe(displayPath(root, io))}: ${summary}\n`);
    }
    return failed ? EXIT.content : EXIT.ok;
  } catch (error) {
    return reportFailure(error, io, flags.json === true, colour);
  }
}
