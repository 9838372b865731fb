import { sum, type Box } from '../box.js';
import type { FlowContext } from '../flow.js';
import { linesInks, type TextLine } from '../inline.js';
import type { StructNode } from '../structure.js';
import type { Theme } from '../theme.js';

/** Lines of text in one box; with a structure node they are tagged content, without one an artifact (a repeated header). */
export function textBox(lines: readonly TextLine[], context: FlowContext, theme: Theme, options: { spaceBefore: number; keepWithNext: boolean; node?: StructNode }): Box {
  return {
    height: sum(lines.map((line) => line.height)),
    spaceBefore: options.spaceBefore,
    keepWithNext: options.keepWithNext,
    group: context.group,
    decorations: context.decorations,
    ink: linesInks(lines, context.indent, 0, theme, options.node),
  };
}

/**
 * One box per line: a page may break between lines, but never leaving one line alone (the first
 * keeps with the second, the last but one with the last). `keepAll` keeps every line together,
 * though a page may still break after the last one.
 */
export function lineBoxes(lines: readonly TextLine[], context: FlowContext, theme: Theme, spaceBefore: number, keepAll: boolean, node: StructNode): Box[] {
  return lines.map((line, index) =>
    textBox([line], context, theme, {
      spaceBefore: index === 0 ? spaceBefore : 0,
      keepWithNext: keepAll ? index < lines.length - 1 : lines.length > 1 && (index === 0 || index === lines.length - 2),
      node,
    }),
  );
}
