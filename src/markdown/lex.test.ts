import { describe, expect, it } from 'vitest';
import { lexMarkdown } from './lex.js';

describe('lexMarkdown', () => {
  it('reads print directives and containers', () => {
    const { tokens, warnings } = lexMarkdown('::pagebreak\n\n::fill label="Name \\"quoted\\""\n\n::: note title="Heads up"\nInside **bold**\n:::\n');
    const inked = tokens.filter((token) => token.type !== 'space');
    expect(inked.map((token) => token.type)).toEqual(['directive', 'directive', 'container']);
    expect(inked[1]).toMatchObject({ name: 'fill', attributes: { label: 'Name "quoted"' } });
    const container = tokens.find((token) => token.type === 'container') as { name: string; attributes: Record<string, string>; tokens: { type: string }[] };
    expect(container.name).toBe('note');
    expect(container.attributes.title).toBe('Heads up');
    expect(container.tokens[0]!.type).toBe('paragraph');
    expect(warnings).toEqual([]);
  });

  it('decodes entities in text but reports raw HTML with its line', () => {
    const { tokens, warnings } = lexMarkdown('# A &amp; B\n\nText\n\n<div>raw</div>\n', { file: 'guide.md', firstLine: 10 });
    const heading = tokens[0] as { tokens: { text: string }[] };
    expect(heading.tokens[0]!.text).toBe('A & B');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'RAW_HTML', location: { file: 'guide.md', line: 14 } });
  });

  it('warns about unknown directives instead of dropping them silently', () => {
    const { warnings } = lexMarkdown('::sparkles\n');
    expect(warnings.map((warning) => warning.code)).toEqual(['UNKNOWN_DIRECTIVE']);
  });
});
