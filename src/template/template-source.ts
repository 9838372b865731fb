import Handlebars from 'handlebars';

type Node = hbs.AST.Node;

/**
 * Parses a template for compiling, with every data lookup made strict. Handlebars' `strict` option
 * checks only `{{value}}` statements: a value passed to a helper (`{{md pack.titel}}`,
 * `{{#if guide.sumary}}`) that does not exist is quietly empty, so a misspelt field printed nothing
 * and passed `check`. Marking those paths strict makes them fail with their location too. The AST
 * is parsed here from the template's own text, so compiling it is as safe as compiling the string.
 */
export function parseStrictTemplate(source: string): hbs.AST.Program {
  const program = Handlebars.parseWithoutProcessing(source);
  visitNodes(program, (node) => {
    if (node.type !== 'MustacheStatement' && node.type !== 'BlockStatement' && node.type !== 'SubExpression') return;
    const call = node as hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;
    for (const argument of [...call.params, ...(call.hash?.pairs.map((pair) => pair.value) ?? [])]) {
      // `this` alone has no name to look up; strict lookup would ask for a field named "undefined".
      if (argument.type === 'PathExpression' && (argument as hbs.AST.PathExpression).parts.length > 0) (argument as hbs.AST.PathExpression & { strict?: boolean }).strict = true;
    }
  });
  return program;
}

/** Calls `visit` on every node of a template, in source order. */
export function visitNodes(node: Node | null | undefined, visit: (node: Node) => void): void {
  if (!node) return;
  visit(node);
  switch (node.type) {
    case 'Program':
      for (const statement of (node as hbs.AST.Program).body) visitNodes(statement, visit);
      return;
    case 'MustacheStatement':
    case 'SubExpression':
    case 'BlockStatement': {
      const call = node as hbs.AST.BlockStatement;
      visitNodes(call.path, visit);
      for (const param of call.params) visitNodes(param, visit);
      for (const pair of call.hash?.pairs ?? []) visitNodes(pair.value, visit);
      if (node.type === 'BlockStatement') {
        visitNodes(call.program, visit);
        visitNodes(call.inverse, visit);
      }
      return;
    }
    default:
      return;
  }
}

/**
 * The first path in the template (at or after `from`, 1-based line and 0-based column as Handlebars
 * counts) that looks up `name`: where a runtime error about that name comes from.
 */
export function findPath(source: string, name: string, from?: { line: number; column: number }): hbs.AST.PathExpression | undefined {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parseWithoutProcessing(source);
  } catch {
    return undefined;
  }
  let found: hbs.AST.PathExpression | undefined;
  visitNodes(program, (node) => {
    if (found || node.type !== 'PathExpression') return;
    const path = node as hbs.AST.PathExpression;
    const start = path.loc.start;
    if (from && (start.line < from.line || (start.line === from.line && start.column < from.column))) return;
    if (path.parts.includes(name)) found = path;
  });
  return found;
}

/**
 * Where the block left open at the end of a template starts (Handlebars reports such a block at
 * the end of the file, which says nothing about which one it is). Comments and raw blocks are
 * skipped; 1-based line and column.
 */
export function findUnclosedBlock(source: string): { name: string; line: number; column: number } | undefined {
  const tag = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\\\{\{|\{\{~?\s*([#^/])\s*>?\s*([^\s}~()]*)/g;
  const open: { name: string; index: number }[] = [];
  for (let match = tag.exec(source); match; match = tag.exec(source)) {
    const [, kind, name] = match;
    if (!kind) continue;
    if (kind === '/') {
      const at = open.map((block) => block.name).lastIndexOf(name!);
      if (at !== -1) open.length = at;
    } else if (kind === '#' || name) {
      open.push({ name: name || '^', index: match.index });
    }
  }
  const unclosed = open.at(-1);
  if (!unclosed) return undefined;
  const before = source.slice(0, unclosed.index);
  const line = before.split('\n').length;
  return { name: unclosed.name, line, column: unclosed.index - before.lastIndexOf('\n') };
}
