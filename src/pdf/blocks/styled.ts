import type { ContainerToken } from '../../markdown/directives.js';
import type { BlockToken } from '../../markdown/lex.js';
import { round } from '../box.js';
import type { BlockLayout } from '../flow.js';
import { ruleBox } from './rule.js';

/** `::: lead`: an introduction in larger, muted type, closed by a rule. */
export const lead: BlockLayout<ContainerToken> = (token, context, measurer) => {
  const { theme } = measurer;
  return [...measurer.blocks(token.tokens as BlockToken[], { ...context, style: { ...context.style, size: round(context.style.size * 1.12), colour: theme.colours.muted } }), ruleBox(context, theme)];
};

/** `::: small`: small print (credits, the edition). */
export const small: BlockLayout<ContainerToken> = (token, context, measurer) => measurer.blocks(token.tokens as BlockToken[], { ...context, style: { ...context.style, size: measurer.theme.small } });
