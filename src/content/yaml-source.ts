import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { ProblemList, SourceLocation } from '../errors.js';

export type YamlPath = readonly (string | number)[];

/**
 * A YAML file parsed with positions, so that every later problem (schema, cross-reference,
 * missing translation) can point at the file:line:col of the value it is about.
 */
export class YamlSource {
  private constructor(
    readonly file: string,
    readonly document: Document,
    private readonly lineCounter: LineCounter,
    /** Lines before the YAML text in its file (front matter starts after its `---` line). */
    private readonly lineOffset: number,
  ) {}

  /** Parses YAML 1.2 (dates and versions stay strings); syntax errors go to `problems`. */
  static parse(text: string, file: string, problems: ProblemList, lineOffset = 0): YamlSource {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
    const source = new YamlSource(file, document, lineCounter, lineOffset);
    for (const error of document.errors) {
      const [start] = error.pos;
      const message = error.message.split('\n')[0] ?? error.message;
      problems.error('YAML_SYNTAX', `invalid YAML: ${message.replace(/ at line \d+, column \d+:?$/, '')}`, source.locationOfOffset(start));
    }
    for (const warning of document.warnings) {
      problems.warn('YAML_WARNING', warning.message.split('\n')[0] ?? warning.message, source.locationOfOffset(warning.pos[0]));
    }
    return source;
  }

  get ok(): boolean {
    return this.document.errors.length === 0;
  }

  toJS(): unknown {
    return this.document.toJS({ maxAliasCount: 100 });
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
