import type { Box } from '../box.js';
import type { BlockLayout, FlowContext } from '../flow.js';
import type { Theme } from '../theme.js';

/** A horizontal rule across the text block: ink, not content. */
export function ruleBox(context: FlowContext, theme: Theme): Box {
  const y = theme.body.size / 2;
  return {
    height: theme.body.size,
    spaceBefore: theme.body.paragraphSpace,
    keepWithNext: false,
    decorations: context.decorations,
    ink: [{ kind: 'path', points: [[context.indent, y], [context.indent + context.width, y]], stroke: { colour: theme.colours.rule, width: theme.strokes.rule } }],
  };
}

/** `---` */
export const rule: BlockLayout = (_token, context, { theme }) => [ruleBox(context, theme)];
