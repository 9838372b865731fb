import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { ProblemList } from '../errors.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

/** Validates parsed YAML against a schema, reporting every issue at its file:line:col. */
export function validateYaml<T extends z.ZodType>(schema: T, source: YamlSource, problems: ProblemList, basePath: YamlPath = []): z.output<T> | undefined {
  // A broken file's syntax error is reported already; schema errors on what the parser guessed would only follow from it.
  if (!source.ok) return undefined;
  const data = source.toJS();
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // A misspelt key also makes the key it was meant to be "missing": report the misspelling only.
  const misspelt = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const meant = keyHint(schema, issue.path as (string | number)[], key)?.match(/^did you mean "([^"]+)"/)?.[1];
      if (meant) misspelt.add(formatPath([...basePath, ...(issue.path as (string | number)[]), meant]));
    }
  }
  for (const issue of result.error.issues) {
    const path = [...basePath, ...(issue.path as (string | number)[])];
    const where = path.length > 0 ? `${formatPath(path)}: ` : '';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.error('UNKNOWN_KEY', `${where}unknown key "${key}"`, source.locateKey(path, key), keyHint(schema, issue.path as (string | number)[], key));
      }
      continue;
    }
    if (misspelt.has(formatPath(path))) continue;
    problems.error('SCHEMA', `${where}${describeIssue(issue, valueAt(data, issue.path as (string | number)[]))}`, source.locate(path));
  }
  return undefined;
}

/** The value an issue is about (zod does not keep it by default). */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

export function formatPath(path: YamlPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
      return value === undefined ? `missing (expected ${expected})` : `expected ${expected}, got ${describeValue(value)}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}` : 'must not be empty';
    case 'invalid_union':
      return 'expected "all" or a list of kebab-case ids';
    case 'invalid_key':
      return 'not a language code, like "sq" or "en"';
    default:
      return issue.message;
  }
}

/** zod's names for types, as a content author would say them. */
const EXPECTED_NAMES: Record<string, string> = {
  record: 'a map, like { sq: "...", en: "..." }',
  object: 'a map of keys and values',
  array: 'a list',
  string: 'text',
  number: 'a number',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Suggests the closest known key for a misspelt one, when the schema at that path is an object. */
function keyHint(schema: z.ZodType, path: (string | number)[], key: string): string | undefined {
  let node: unknown = schema;
  for (const part of path) node = unwrap(node, part);
  const shape = (unwrapOptional(node) as { shape?: Record<string, unknown> } | undefined)?.shape;
  if (!shape) return undefined;
  const known = Object.keys(shape);
  return known.length > 0 ? didYouMean(key, known) ?? `known keys: ${known.join(', ')}` : undefined;
}

function unwrap(node: unknown, part: string | number): unknown {
  const inner = unwrapOptional(node) as { shape?: Record<string, unknown>; element?: unknown } | undefined;
  if (typeof part === 'number') return inner?.element;
  return inner?.shape?.[part];
}

function unwrapOptional(node: unknown): unknown {
  let current = node as { unwrap?: () => unknown; def?: { innerType?: unknown; type?: string } } | undefined;
  for (let depth = 0; depth < 5 && current; depth++) {
    const inner = current.def?.innerType;
    if (!inner) break;
    current = inner as typeof current;
  }
  return current;
}

/**
 * `did you mean "teachers"?` when a known id is close enough to be a typo of `value`: at most one
 * edit in three characters (never two edits in a two-letter code), or a prefix of at least three
 * characters. Case is ignored. Anything further is unrelated, and no suggestion beats a wrong one.
 */
export function didYouMean(value: string, known: readonly string[]): string | undefined {
  const wanted = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const edits = distance(wanted, candidate.toLowerCase());
    if (edits < bestDistance) [best, bestDistance] = [candidate, edits];
  }
  if (best !== undefined && bestDistance <= Math.max(1, Math.floor(wanted.length / 3))) return `did you mean "${best}"?`;
  const prefixed = known.find((candidate) => {
    const lower = candidate.toLowerCase();
    return Math.min(wanted.length, lower.length) >= 3 && (lower.startsWith(wanted) || wanted.startsWith(lower));
  });
  return prefixed === undefined ? undefined : `did you mean "${prefixed}"?`;
}
