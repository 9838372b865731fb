import { TrainpackError, UsageError } from '../errors.js';
import { EXIT } from './run.js';
import { colours, formatProblem, problemJson, terminalSafe, type CliIo } from './io.js';

/** Prints a failure the way a user should see it and returns the exit code. */
export function reportFailure(error: unknown, io: CliIo, json: boolean, colour = colours(io, io.stderr, true)): number {
  if (isPromptInterrupt(error)) return EXIT.interrupted;
  if (error instanceof TrainpackError) {
    const code = error instanceof UsageError ? EXIT.usage : EXIT.content;
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, code: error.code, message: error.message, problems: error.problems.map((problem) => problemJson(problem, io)) }, null, 2)}\n`);
    if (error instanceof UsageError) {
      io.stderr.write(`${colour.red('error:')} ${terminalSafe(error.message)}\n${error.hint ? `  ${colour.dim(`hint: ${terminalSafe(error.hint)}`)}\n` : ''}`);
      return code;
    }
    for (const problem of error.problems) io.stderr.write(`${formatProblem(problem, io, colour)}\n`);
    const errors = error.problems.filter((problem) => problem.severity === 'error').length;
    if (error.problems.length > 1 || errors === 0) io.stderr.write(`${colour.red(terminalSafe(error.message))}: nothing was written\n`);
    return code;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const lines = stack.split('\n').map(terminalSafe).join('\n');
  io.stderr.write(`${colour.red('trainpack hit an unexpected error. This is a bug: please report it with the lines below.')}\n${lines}\n`);
  return EXIT.bug;
}

/** inquirer's ExitPromptError (Ctrl-C in a prompt). */
export function isPromptInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
