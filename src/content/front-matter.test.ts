import { describe, expect, it } from 'vitest';
import { ProblemList } from '../errors.js';
import { splitFrontMatter } from './front-matter.js';

function split(text: string) {
  const problems = new ProblemList();
  const result = splitFrontMatter(text, 'doc.md', problems);
  const located = problems.items.map((problem) => `${problem.location?.line}:${problem.location?.column}: ${problem.severity}: ${problem.message}`);
  return { ...result, data: result.yaml?.toJS(), located };
}

describe('splitFrontMatter', () => {
  it('reads YAML front matter and says on which line the body starts', () => {
    const result = split('---\ntitle: Notes\n---\n# Heading\n');
    expect(result).toMatchObject({ kind: 'yaml', data: { title: 'Notes' }, body: '# Heading\n', bodyLine: 4, located: [] });
  });

  it('locates a YAML error on the line the editor shows', () => {
    expect(split('---\ntitle: Notes\nsummary: [unclosed\n---\nBody\n').located).toEqual([expect.stringMatching(/^3:\d+: error: invalid YAML/)]);
  });

  it.each(['js', 'javascript', 'toml', 'coffee', 'json'])('reports ---%s front matter at its line and never runs it', (language) => {
    (globalThis as { frontMatterRan?: boolean }).frontMatterRan = undefined;
    const result = split(`---${language}\n{ title: (globalThis.frontMatterRan = true, "x") }\n---\n# Body\n`);
    expect(result.kind).toBe('refused');
    expect(result.located).toEqual([`1:4: error: front matter in "${language}" is not supported (it is never run): write it in YAML`]);
    expect(result.body).toBe('# Body\n');
    expect((globalThis as { frontMatterRan?: boolean }).frontMatterRan).toBeUndefined();
  });

  it('accepts an explicit ---yaml', () => {
    expect(split('---yaml\ntitle: A\n---\nBody').data).toEqual({ title: 'A' });
  });

  it('keeps a document that opens with a thematic break that never closes', () => {
    const text = '---\n\nThe whole text stays.\n\nAnd this.\n';
    expect(split(text)).toMatchObject({ kind: 'unclosed', body: text, bodyLine: 1, located: [] });
  });

  it('reads two thematic breaks around text as Markdown, not as front matter', () => {
    const text = '---\nA setext heading\n---\n\nText.\n';
    expect(split(text)).toMatchObject({ kind: 'none', body: text, bodyLine: 1, located: [] });
  });

  it('reads a list between two rules as Markdown (front matter is a mapping)', () => {
    const text = '---\n- one\n- two\n---\n';
    expect(split(text)).toMatchObject({ kind: 'none', body: text, located: [] });
  });

  it('reads Markdown between two rules as Markdown even when a later line looks like a key', () => {
    const text = '---\n\n![a picture](x.png\n)\n\ntitle: T\n---\nText.\n';
    expect(split(text)).toMatchObject({ kind: 'none', body: text, located: [] });
  });

  it('accepts empty front matter', () => {
    expect(split('---\n---\nBody')).toMatchObject({ kind: 'yaml', body: 'Body', bodyLine: 3 });
  });

  it('reads CRLF files with the same lines and locations as LF ones', () => {
    const result = split('---\r\ntitle: Notes\r\nsummary: [x\r\n---\r\n# Heading\r\n');
    expect(result.kind).toBe('yaml');
    expect(result.body).toBe('# Heading\n');
    expect(result.bodyLine).toBe(5);
    expect(result.located).toEqual([expect.stringMatching(/^3:\d+: error: invalid YAML/)]);
    expect(split('---\r\ntitle: Notes\r\n---\r\n# H\r\n').data).toEqual({ title: 'Notes' });
  });

  it('drops a byte-order mark instead of reading it as text', () => {
    expect(split('\uFEFF---\ntitle: Notes\n---\nBody')).toMatchObject({ kind: 'yaml', data: { title: 'Notes' }, body: 'Body' });
    expect(split('\uFEFFJust text').body).toBe('Just text');
  });
});
