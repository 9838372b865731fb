import { describe, expect, it } from 'vitest';
import { findImages } from './find-images.js';
import { lexMarkdown } from './lex.js';

function located(markdown: string, firstLine = 1): string[] {
  return findImages(lexMarkdown(markdown).tokens, markdown, firstLine).map(({ token, line, column }) => `${line}:${column} ${token.href}`);
}

describe('findImages', () => {
  it('locates inline images at their line and column', () => {
    expect(located('# Title\n\nText ![a](one.png) and ![b](two.png).\n\n![c](three.png)\n')).toEqual(['3:6 one.png', '3:24 two.png', '5:1 three.png']);
  });

  it('counts lines from where the body starts in its file', () => {
    expect(located('![a](one.png)\n', 5)).toEqual(['5:1 one.png']);
  });

  it('finds reference-style images with the path of their definition', () => {
    expect(located('Logo: ![the logo][logo]\n\n[logo]: images/logo.png\n')).toEqual(['1:7 images/logo.png']);
  });

  it('places the same image written twice at each place', () => {
    expect(located('![a](x.png)\n\n![a](x.png)\n')).toEqual(['1:1 x.png', '3:1 x.png']);
  });

  it('finds images in lists, tables, quotes, links and containers', () => {
    const markdown = ['- item ![a](list.png)', '', '| h |', '|---|', '| ![b](cell.png) |', '', '> ![c](quote.png)', '', '[![d](linked.png)](https://example.org)', '', '::: note', '![e](note.png)', ':::', ''].join('\n');
    expect(located(markdown)).toEqual(['1:8 list.png', '5:3 cell.png', '7:3 quote.png', '9:2 linked.png', '12:1 note.png']);
  });
});
