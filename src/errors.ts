/** Where in a content file a problem is: 1-based line and column, file relative or absolute. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export type Severity = 'error' | 'warning';

/** One thing wrong (or worth a look) in the content, templates or options. */
export interface Problem {
  severity: Severity;
  code: string;
  message: string;
  location?: SourceLocation;
  hint?: string;
}

/**
 * The one error type trainpack throws on purpose. `code` is UPPER_SNAKE; `problems` lists every
 * problem found when validation collected more than one (it then includes warnings too).
 */
export class TrainpackError extends Error {
  readonly code: string;
  readonly location?: SourceLocation;
  readonly hint?: string;
  readonly problems: Problem[];

  constructor(code: string, message: string, options: { location?: SourceLocation; hint?: string; problems?: Problem[] } = {}) {
    super(message);
    this.name = 'TrainpackError';
    this.code = code;
    this.location = options.location;
    this.hint = options.hint;
    this.problems = options.problems ?? [{ severity: 'error', code, message, location: options.location, hint: options.hint }];
  }
}

/** Thrown when content (or templates) fail validation: `problems` holds every error and warning. */
export class ContentError extends TrainpackError {
  constructor(problems: Problem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    super('CONTENT_INVALID', `${errors.length} problem${errors.length === 1 ? '' : 's'} in the content`, { problems });
    this.name = 'ContentError';
  }
}

/** Thrown for options that name things that do not exist (unknown audience, language, guide...). */
export class UsageError extends TrainpackError {
  constructor(message: string, hint?: string) {
    super('USAGE', message, { hint });
    this.name = 'UsageError';
  }
}

/** Collects problems across a whole validation pass so every one is reported at once. */
export class ProblemList {
  readonly items: Problem[] = [];

  error(code: string, message: string, location?: SourceLocation, hint?: string): void {
    this.items.push({ severity: 'error', code, message, location, hint });
  }

  warn(code: string, message: string, location?: SourceLocation, hint?: string): void {
    this.items.push({ severity: 'warning', code, message, location, hint });
  }

  get hasErrors(): boolean {
    return this.items.some((problem) => problem.severity === 'error');
  }

  get warnings(): Problem[] {
    return this.items.filter((problem) => problem.severity === 'warning');
  }

  /** Throws a ContentError holding every problem if any of them is an error. */
  throwIfErrors(): void {
    if (this.hasErrors) throw new ContentError(sortProblems(this.items));
  }
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => {
    const fileA = a.location?.file ?? '';
    const fileB = b.location?.file ?? '';
    if (fileA !== fileB) return fileA < fileB ? -1 : 1;
    return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0);
  });
}
