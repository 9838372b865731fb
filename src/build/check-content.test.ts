import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../errors.js';
import { checkContent, loadContent } from './check-content.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

describe('checkContent', () => {
  it('reports every fault of a content root at once, each at its file:line:col', () => {
    const result = checkContent(path.join(fixtures, 'faults'));
    const lines = result.problems.map((problem) => `${path.relative(fixtures, problem.location!.file)}:${problem.location!.line}:${problem.location!.column}: ${problem.severity}: ${problem.message}`);
    expect(lines).toMatchInlineSnapshot(`
      [
        "faults/audiences.yaml:4:18: error: audiences[0].description: missing the "en" text",
        "faults/audiences.yaml:5:9: error: audiences[1].id: must be kebab-case ASCII, like "child-protection-workers"",
        "faults/extra/guide.sq.md:2:17: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        "faults/intro/checklists.yaml:6:31: error: checklists[0].items[0].audiences: unknown audience "nurses"",
        "faults/intro/guide.en.md:3:23: error: audiences: unknown audience "teacher"",
        "faults/intro/guide.en.md:6:1: warning: has 1 headings where guide.sq.md has 2: heading 2 (line 7 there) is missing here",
        "faults/intro/guide.en.md:8:8: error: unknown audience "teacher" in {{#for}}",
        "faults/intro/guide.en.md:12:13: error: unknown checklist "nope"",
        "faults/intro/guide.en.md:14:1: error: unknown helper "shout"",
        "faults/intro/guide.sq.md:9:7: error: character "☐" (U+2610) cannot be printed: the embedded fonts have no glyph for it",
        "faults/pack.yaml:3:24: error: guides: no folder "missing-guide" in the content root",
        "faults/pack.yaml:4:8: error: paper: expected one of "A4", "Letter", "A5"",
      ]
    `);
    expect(result.errors).toBe(11);
    expect(result.content).toBeUndefined();
  });

  it('suggests the id that was meant', () => {
    const result = checkContent(path.join(fixtures, 'faults'));
    const forProblem = result.problems.find((problem) => problem.code === 'UNKNOWN_AUDIENCE' && problem.message.includes('{{#for}}'));
    expect(forProblem?.hint).toBe('did you mean "teachers"?');
  });

  it('accepts a valid content root and loads it', () => {
    const result = checkContent(path.join(fixtures, 'valid'));
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const { content } = loadContent(path.join(fixtures, 'valid'));
    expect(content.guides.map((guide) => guide.id)).toEqual(['safety', 'school']);
    expect(content.pack.contacts.map((contact) => contact.value)).toEqual(['', 'Room 4']);
  });

  it('rejects ids that would clash with files a build writes, at their place: guide ids pack and checklists, audience ids workshop-…', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'trainpack-reserved-'));
    try {
      cpSync(path.join(fixtures, 'valid'), root, { recursive: true });
      for (const id of ['pack', 'checklists']) cpSync(path.join(root, 'school'), path.join(root, id), { recursive: true });
      const packFile = path.join(root, 'pack.yaml');
      writeFileSync(packFile, readFileSync(packFile, 'utf8').replace('guides: [safety, school]', 'guides: [safety, pack, checklists]'));
      const audiencesFile = path.join(root, 'audiences.yaml');
      writeFileSync(audiencesFile, readFileSync(audiencesFile, 'utf8').replace('- id: mentors', '- id: workshop-mentors'));
      const reserved = checkContent(root).problems.filter((problem) => problem.code === 'RESERVED_ID');
      expect(reserved.map((problem) => `${path.basename(problem.location!.file)}:${problem.location!.line}:${problem.location!.column}: ${problem.message}`)).toEqual([
        'audiences.yaml:8:9: audiences[2].id: "workshop-mentors" cannot be an audience id: workshop-… folders hold workshop kits, beside the audiences\' folders',
        'pack.yaml:6:18: guides: "pack" cannot be a guide id: the handout would be pack.pdf, the name of a file every pack writes',
        'pack.yaml:6:24: guides: "checklists" cannot be a guide id: the handout would be checklists.pdf, the name of a file every pack writes',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('throws a ContentError listing the problems from loadContent', () => {
    expect(() => loadContent(path.join(fixtures, 'faults'))).toThrow(ContentError);
  });

  it('passes the built-in guides without errors or warnings', () => {
    const result = checkContent(fileURLToPath(new URL('../../guides', import.meta.url)));
    expect(result.problems).toEqual([]);
  });

  it('checks the sessions and the workshop plans too: a character the fonts lack, and a workshop template that fails', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'trainpack-check-'));
    try {
      cpSync(path.join(fixtures, 'workshop'), root, { recursive: true });
      const sessions = path.join(root, 'school/sessions.yaml');
      const original = readFileSync(sessions, 'utf8');
      writeFileSync(sessions, original.replace('text: { sq: "Çiftet lexojnë rastin."', 'text: { sq: "Çiftet lexojnë rastin ☐."'));
      const where = (result: ReturnType<typeof checkContent>) => result.problems.map((problem) => `${path.relative(root, problem.location!.file)}:${problem.location!.line}: ${problem.message}`);
      expect(where(checkContent(root))).toEqual(['school/sessions.yaml:11: character "☐" (U+2610) cannot be printed: the embedded fonts have no glyph for it']);
      // The trial expansion runs once the content is valid: a workshop template is expanded for every plan and language.
      writeFileSync(sessions, original);
      mkdirSync(path.join(root, 'templates'));
      writeFileSync(path.join(root, 'templates/workshop-agenda.hbs'), '# {{workshop.titel}}\n');
      expect(where(checkContent(root))).toEqual(['templates/workshop-agenda.hbs:1: unknown value "workshop.titel" in a template expression']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
