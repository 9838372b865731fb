import type { DirectiveToken } from '../../markdown/directives.js';
import { sum, type Box } from '../box.js';
import type { BlockLayout, FlowContext, Measurer } from '../flow.js';
import { linesInks, type InlineStyle } from '../inline.js';

/** A bold label and a pen line to the right edge: "Name: ________". */
export function fillLineBox(label: string, context: FlowContext, { theme, lines }: Measurer, spaceBefore = theme.body.paragraphSpace): Box {
  const style: InlineStyle = { ...context.style, bold: true };
  const labelLines = label ? lines([{ text: `${label}:`, style }], context.width * 0.6) : [];
  const lineHeight = context.style.size * theme.body.lineHeight * 1.8;
  const labelWidth = Math.max(0, ...labelLines.map((line) => line.width));
  const baseline = lineHeight - context.style.size * 0.25;
  return {
    height: Math.max(lineHeight, sum(labelLines.map((line) => line.height))),
    spaceBefore,
    keepWithNext: false,
    decorations: context.decorations,
    ink: [
      ...linesInks(labelLines, context.indent, lineHeight - (labelLines[0]?.height ?? 0), theme, context.struct.child('P')),
      { kind: 'path', points: [[context.indent + labelWidth + 6, baseline], [context.indent + context.width, baseline]], stroke: { colour: theme.colours.text, width: theme.strokes.rule } },
    ],
  };
}

/** `::fill label="Name"` */
export const fillLine: BlockLayout<DirectiveToken> = (token, context, measurer) => [fillLineBox(token.attributes.label ?? '', context, measurer)];
