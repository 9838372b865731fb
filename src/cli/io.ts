import { Chalk, type ChalkInstance } from 'chalk';
import path from 'node:path';
import type { OutputFileSystem } from '../build/output-file-system.js';
import type { Problem } from '../errors.js';

/** The terminal and environment a CLI run talks to; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where SIGINT and SIGTERM arrive (the process by default); tests raise them at a chosen moment. */
  signals?: Pick<NodeJS.EventEmitter, 'once' | 'off'>;
  /** The file operations a build uses on its output folder (Node's by default); tests pass one that fails. */
  fileSystem?: OutputFileSystem;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Colour only on a terminal, and never with NO_COLOR or --no-color. */
export function colours(io: CliIo, stream: CliIo['stdout'], enabled: boolean): ChalkInstance {
  const wanted = enabled && stream.isTTY === true && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && io.env.TERM !== 'dumb';
  return new Chalk({ level: wanted ? 1 : 0 });
}

/**
 * Text from content (a quoted id, a raw HTML snippet, a file name) made safe for a terminal: control
 * characters (escape sequences could recolour, move the cursor or retitle the window) and line
 * breaks are shown as \u escapes instead of reaching it raw. Colours are added after this.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** `file:line:col: message` with the file relative to where the user ran trainpack. */
export function formatProblem(problem: Problem, io: CliIo, colour: ChalkInstance): string {
  const location = problem.location;
  let where = '';
  if (location) {
    where = [terminalSafe(displayPath(location.file, io)), location.line, location.column].filter((part) => part !== undefined).join(':');
    where = `${colour.bold(where)}: `;
  }
  const label = problem.severity === 'warning' ? colour.yellow('warning: ') : colour.red('error: ');
  const hint = problem.hint ? `\n  ${colour.dim(`hint: ${terminalSafe(problem.hint)}`)}` : '';
  return `${where}${label}${terminalSafe(problem.message)}${hint}`;
}

export function problemJson(problem: Problem, io: CliIo): object {
  const { location, ...rest } = problem;
  return location ? { ...rest, file: displayPath(location.file, io), line: location.line, column: location.column } : rest;
}

/** A path relative to where the user ran trainpack, unless that climbs far out of it. */
export function displayPath(file: string, io: CliIo): string {
  const relative = path.relative(io.cwd, file);
  if (relative === '') return '.';
  const climbs = relative.split(path.sep).filter((part) => part === '..').length;
  return climbs > 2 ? file : relative;
}
