import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../build/check-content.js';
import { tailorPack } from '../tailor/tailor-pack.js';
import { Expander, checklistMarkdown } from './expand.js';
import { escapeMarkdown } from './markdown-escape.js';

const valid = fileURLToPath(new URL('../../test/fixtures/valid', import.meta.url));

describe('Expander', () => {
  const { content } = loadContent(valid);
  const audience = (id: string) => content.audiences.find((candidate) => candidate.id === id)!;

  it('keeps the {{#for}} passage of the audience and the {{else}} of the others', () => {
    const expander = new Expander(content);
    const teachers = expander.expandPlan(tailorPack(content, audience('teachers'), 'en'), '2026-01-02');
    const health = expander.expandPlan(tailorPack(content, audience('health-workers'), 'en'), '2026-01-02');
    const teacherHandout = teachers.find((doc) => doc.guideId === 'safety')!.markdown;
    const healthHandout = health.find((doc) => doc.guideId === 'safety')!.markdown;
    expect(teacherHandout).toContain('Passage only for teachers.');
    expect(teacherHandout).not.toContain('Passage for everyone else.');
    expect(teacherHandout).not.toContain('Passage for health workers and mentors.');
    expect(healthHandout).toContain('Passage for everyone else.');
    expect(healthHandout).toContain('Passage for health workers and mentors.');
    expect(teacherHandout).toContain('- [ ] Reserve a school place');
    expect(healthHandout).not.toContain('Reserve a school place');
    expect(healthHandout).toContain('- [ ] Offer a health check');
  });

  it('prints the cover with the audience and the date, and contacts as boxes', () => {
    const expander = new Expander(content);
    const docs = expander.expandPlan(tailorPack(content, audience('mentors'), 'sq'), '2026-01-02');
    expect(docs.map((doc) => doc.kind)).toEqual(['pack-front', 'handout', 'checklists', 'contacts']);
    expect(docs[0]!.markdown).toContain('value="Mentorë"');
    expect(docs[0]!.markdown).toContain('2026-01-02');
    expect(docs[3]!.markdown).toContain('::box label="Linja kombëtare" value="" verified=""');
  });

  it('reports each missing label once per language, however many audiences use it', () => {
    const partial = { ...content, labels: { en: content.labels.en!, sq: { contents: 'Përmbajtja' } } };
    const expander = new Expander(partial);
    for (const audience of partial.audiences) expander.expandPlan(tailorPack(partial, audience, 'sq'), '2026-01-02');
    const fallbacks = expander.warnings.filter((warning) => warning.code === 'LABEL_FALLBACK').map((warning) => warning.message);
    expect(fallbacks.length).toBeGreaterThan(0);
    expect(new Set(fallbacks).size).toBe(fallbacks.length);
    expect(fallbacks.some((message) => message.includes('"contents"'))).toBe(false);
  });

  it('escapes Markdown in data values', () => {
    expect(escapeMarkdown('Save *the* [children] #1')).toBe('Save \\*the\\* \\[children\\] \\#1');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
  });

  it('writes a checklist as a container with a task list, and nothing for no items', () => {
    const markdown = checklistMarkdown({ id: 'x', guideId: 'g', guideTitle: 'G', title: 'List', items: [{ text: 'Do it', pocket: false }] }, 2);
    expect(markdown).toBe('::: checklist id="x"\n\n## List\n\n- [ ] Do it\n\n:::\n');
    expect(checklistMarkdown({ id: 'x', guideId: 'g', guideTitle: 'G', title: 'List', items: [] })).toBe('');
  });

  it('reports a template runtime error at the guide file and line', () => {
    const broken = { ...content, guides: content.guides.map((guide) => (guide.id === 'school' ? { ...guide, texts: { ...guide.texts, en: { ...guide.texts.en!, body: 'line one\n\n{{guide.missing.deep}}\n', bodyLine: 6 } } } : guide)) };
    const expander = new Expander(broken);
    try {
      expander.expandPlan(tailorPack(broken, audience('teachers'), 'en'), '2026-01-02');
      expect.unreachable();
    } catch (error) {
      const located = error as { location: { file: string; line: number } };
      expect(path.basename(located.location.file)).toBe('guide.en.md');
      expect(located.location.line).toBe(8);
    }
  });

  /** The error expanding the "school" guide (English) with `body` fails with, starting on line 6 of its file. */
  const failure = (body: string) => {
    const broken = { ...content, guides: content.guides.map((guide) => (guide.id === 'school' ? { ...guide, texts: { ...guide.texts, en: { ...guide.texts.en!, body, bodyLine: 6 } } } : guide)) };
    try {
      new Expander(broken).expandPlan(tailorPack(broken, audience('teachers'), 'en'), '2026-01-02');
    } catch (error) {
      const { message, location } = error as { message: string; location: { line: number; column: number } };
      return { message, line: location.line, column: location.column };
    }
    throw new Error('expansion succeeded');
  };

  it('fails on a misspelt field passed to a helper, at the field, instead of printing nothing', () => {
    expect(failure('Intro\n\n{{#if guide.sumary}}x{{/if}}\n')).toEqual({ message: 'unknown value "guide.sumary" in a template expression', line: 8, column: 7 });
    expect(failure('{{md pack.titel}}\n')).toMatchObject({ message: 'unknown value "pack.titel" in a template expression', line: 6, column: 6 });
  });

  it('locates a field looked up on text, which JavaScript reports without a place', () => {
    expect(failure('one\n{{audience.name.length}}\n')).toEqual({ message: 'unknown value "audience.name.length" in a template expression: "audience.name" is text, which has no field "length"', line: 7, column: 3 });
  });

  it('reports a block left open where it opens, not past the end of the file', () => {
    expect(failure('a\n\n{{#for "teachers"}}\nb {{#if lang}}c{{/if}}\n{{!-- {{/for}} in a comment closes nothing --}}\n')).toEqual({ message: '{{#for}} is never closed', line: 8, column: 1 });
  });

  it('has no {{log}}, which would write to stdout', () => {
    expect(failure('{{log "x"}}\n').message).toContain('log');
  });
});
