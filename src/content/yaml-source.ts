import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { ProblemList, SourceLocation } from '../errors.js';

/** The yaml package's guard against alias bombs: how many nodes one alias may expand to. */
const MAX_ALIAS_COUNT = 100;

export type YamlPath = readonly (string | number)[];

/**
 * A YAML file parsed with positions, so that every later problem (schema, cross-reference,
 * missing translation) can point at the file:line:col of the value it is about.
 */
export class YamlSource {
  /** The plain data, converted once; `undefined` when the document is broken. */
  private data: unknown;
  private broken = false;

  private constructor(
    readonly file: string,
    readonly document: Document,
    private readonly lineCounter: LineCounter,
    /** Lines before the YAML text in its file (front matter starts after its `---` line). */
    private readonly lineOffset: number,
  ) {}

  /**
   * Parses YAML 1.2 (dates and versions stay strings). Only the first syntax error is reported:
   * the parser's later ones are nearly always its confusion after the first (one missing comma
   * gave hundreds). Aliases that expand without bound (a "billion laughs" file) are an error too.
   */
  static parse(text: string, file: string, problems: ProblemList, lineOffset = 0): YamlSource {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
    const source = new YamlSource(file, document, lineCounter, lineOffset);
    const [first, ...followOns] = document.errors;
    if (first) {
      const message = first.message.split('\n')[0] ?? first.message;
      const hints = [];
      if (first.code === 'UNEXPECTED_TOKEN' && /scalar/.test(first.message)) hints.push('inside { } and [ ], entries are separated by commas: is one missing before this?');
      if (followOns.length === 1) hints.push('fix this first: the later syntax error in this file most likely follows from it');
      if (followOns.length > 1) hints.push(`fix this first: the ${followOns.length} later syntax errors in this file most likely follow from it`);
      const hint = hints.length > 0 ? hints.join('; ') : undefined;
      problems.error('YAML_SYNTAX', `invalid YAML: ${message.replace(/ at line \d+, column \d+:?$/, '')}`, source.locationOfOffset(first.pos[0]), hint);
      source.broken = true;
      return source;
    }
    for (const warning of document.warnings) {
      problems.warn('YAML_WARNING', warning.message.split('\n')[0] ?? warning.message, source.locationOfOffset(warning.pos[0]));
    }
    try {
      source.data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      source.broken = true;
      const alias = firstAlias(document);
      problems.error('YAML_ALIAS_LIMIT', `invalid YAML: aliases expand to too many values (more than ${MAX_ALIAS_COUNT} per alias)`, alias ? source.locationOfOffset(alias) : source.locate([]), 'content files need no repeated aliases: write the values out');
    }
    return source;
  }

  /** False when the file has a syntax error or expands too far: nothing in it can be trusted then. */
  get ok(): boolean {
    return !this.broken;
  }

  toJS(): unknown {
    return this.data;
  }

  locationOfOffset(offset: number): SourceLocation {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line: line + this.lineOffset, column: col };
  }

  /** The location of the value at `path`, or of the nearest ancestor that exists. */
  locate(path: YamlPath): SourceLocation {
    let node: unknown = this.document.contents;
    let best: Node | null = isNodeWithRange(node) ? node : null;
    for (const key of path) {
      const next = childOf(node, key);
      if (next === undefined) break;
      node = next.value;
      const candidate = next.value ?? next.key;
      if (isNodeWithRange(candidate)) best = candidate;
    }
    return best?.range ? this.locationOfOffset(best.range[0]) : { file: this.file, line: 1 + this.lineOffset, column: 1 };
  }

  /** The location of the key `key` in the map at `path` (for "unknown key" problems). */
  locateKey(path: YamlPath, key: string): SourceLocation {
    const map = this.document.getIn(path, true);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return this.locationOfOffset(pair.key.range[0]);
      }
    }
    return this.locate(path);
  }
}

/** Offset of the first alias in the document, where an expansion limit is best reported. */
function firstAlias(document: Document): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function childOf(node: unknown, key: string | number): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof key === 'number') {
    const value = node.items[key];
    return value === undefined ? undefined : { key: undefined, value };
  }
  return undefined;
}

function isNodeWithRange(node: unknown): node is Node {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray((node as Node).range);
}
