import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inOrder, readPdf } from '../support/read-pdf.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin/trainpack.js');
const fixtures = path.join(root, 'test/fixtures');
const temporary: string[] = [];

function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainpack-e2e-'));
  temporary.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process: stdin is a pipe (not a terminal), so it must never prompt. */
function trainpack(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: options.cwd ?? freshDir(), env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: '1767225600', ...options.env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

const pdf = (file: string) => readPdf(readFileSync(file));

describe('trainpack build', () => {
  it('tailors passages, checklist items and guides to each audience, in both languages', async () => {
    const out = freshDir();
    const run = await trainpack(['build', '--content', path.join(fixtures, 'valid'), '--audience', 'teachers,health-workers', '--lang', 'all', '--out', out, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const teachers = await pdf(path.join(out, 'en/teachers/pack.pdf'));
    expect(teachers.text).toContain('Passage only for teachers.');
    expect(teachers.text).not.toContain('Passage for everyone else.');
    expect(teachers.text).toContain('Reserve a school place');
    expect(teachers.text).not.toContain('Offer a health check');
    expect(teachers.text).toContain('Back to school');

    const health = await pdf(path.join(out, 'en/health-workers/pack.pdf'));
    expect(health.text).toContain('Passage for everyone else.');
    expect(health.text).toContain('Passage for health workers and mentors.');
    expect(health.text).toContain('Offer a health check');
    expect(health.text).not.toContain('Reserve a school place');
    expect(health.text).not.toContain('Back to school');
    expect(existsSync(path.join(out, 'en/health-workers/school.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'en/teachers/school.pdf'))).toBe(true);

    const albanian = await pdf(path.join(out, 'sq/teachers/safety.pdf'));
    expect(albanian.text).toContain('Paragraf hyrës me fjalë të theksuara, çështje dhe zë.');
    expect(albanian.text).toContain('Pjesë vetëm për mësuesit.');
    expect(albanian.lang).toBe('sq');
    expect(albanian.info.Title).toBe('Siguria së pari');
  });

  it('prints every Markdown construct in order, with the cover, contents, checklists and contacts', async () => {
    const out = freshDir();
    const run = await trainpack(['build', '--content', path.join(fixtures, 'valid'), '-a', 'mentors', '-l', 'en', '-o', out, '--json']);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as { files: { path: string; pages: number; sha256: string; kind: string }[] };
    expect(manifest.files.map((file) => file.path)).toEqual(['en/mentors/pack.pdf', 'en/mentors/safety.pdf', 'en/mentors/checklists.pdf']);

    const handout = await pdf(path.join(out, 'en/mentors/safety.pdf'));
    expect(
      inOrder(handout.text, [
        'Safety first', 'Keeping people safe.', 'Opening section', 'Intro paragraph with', 'bold words', 'italic words', 'struck words', 'inline code', 'link to the project',
        'A list', 'First numbered', 'Second numbered', 'Nested bullet', 'Another nested bullet', 'Third numbered', 'Open task', 'Done task',
        'Remember:', 'a callout box quote.', 'Column one', 'Column two', 'Cell alpha', 'Cell beta', 'Cell gamma', 'Cell delta',
        'code block line', 'Passage for everyone else.', 'Passage for health workers and mentors.', 'Checklist: first day', 'Each action once.', 'Greet the person calmly', 'Done by', 'Date', 'Closing paragraph.',
      ]),
    ).toBe(true);
    expect(handout.links.some((link) => link.url === 'https://example.org/trainpack')).toBe(true);
    // Tagged: headings, paragraphs, lists with labels, the table with header cells, the image with its alt text.
    const roles = handout.structure.flat();
    expect(inOrder(roles.join(' '), ['Document', 'Sect', 'H1', 'P', 'H2', 'P', 'Link', 'H3', 'L', 'LI', 'Lbl', 'LBody', 'P', 'Lbl[☐]', 'Lbl[☑]', 'BlockQuote', 'Table', 'TR', 'TH', 'TH', 'TR', 'TD', 'Code', 'Figure[A grey diagram]'])).toBe(true);
    expect(handout.text).not.toContain('[A grey diagram]');
    // A handout travels alone and sends its reader to the referral contacts, so it ends with them.
    expect(inOrder(handout.pages[handout.pages.length - 1]!, ['Referral contacts', 'National line', 'Local office', 'Room 4'])).toBe(true);
    expect(handout.outline.map((entry) => entry.title)).toEqual(['Safety first', 'Referral contacts']);

    const pack = await pdf(path.join(out, 'en/mentors/pack.pdf'));
    expect(pack.pages).toHaveLength(manifest.files[0]!.pages);
    expect(pack.pages[0]).toContain('Test pack for cases');
    expect(pack.pages[0]).toContain('Mentors');
    expect(pack.pages[0]).toContain('2026-01-01');
    expect(pack.pages[0]).not.toContain('Page 1 of');
    expect(pack.pages[1]).toContain('Contents');
    const contacts = pack.pages[pack.pages.length - 1]!;
    expect(inOrder(contacts, ['Referral contacts', 'National line', 'To be completed by the organisation', 'Local office', 'Room 4', 'Verified: 2026-10-01'])).toBe(true);
    pack.pages.slice(1).forEach((text, index) => expect(text).toContain(`Page ${index + 2} of ${pack.pages.length}`));
    expect(pack.outline.map((entry) => entry.title)).toEqual(['Test pack for cases', 'Contents', 'Safety first', 'Checklists', 'Referral contacts']);
  });

  it('writes byte-identical PDFs for the same input and SOURCE_DATE_EPOCH', async () => {
    const first = freshDir();
    const second = freshDir();
    const args = ['build', '--content', path.join(fixtures, 'valid'), '-a', 'teachers', '-l', 'sq', '--quiet', '--out'];
    await trainpack([...args, first]);
    await trainpack([...args, second]);
    for (const file of ['sq/teachers/pack.pdf', 'sq/teachers/safety.pdf', 'sq/teachers/checklists.pdf', 'manifest.json']) {
      expect(readFileSync(path.join(first, file)).equals(readFileSync(path.join(second, file))), file).toBe(true);
    }
  });

  it('renders the same bytes on worker threads as in one thread', async () => {
    const single = freshDir();
    const threaded = freshDir();
    const args = ['build', '--content', path.join(fixtures, 'valid'), '-l', 'en', '--quiet', '--out'];
    const one = await trainpack([...args, single, '--jobs', '0', '--json']);
    const many = await trainpack([...args, threaded, '--jobs', '64', '--json']);
    expect(one.code).toBe(0);
    expect(many.code).toBe(0);
    // The build says how many threads rendered: the bytes are equal because workers rendered them, not
    // because none ran; and --jobs is capped at the cores (64 threads would each render one document).
    const threads = JSON.parse(many.stdout) as { workers: number; files: unknown[] };
    expect((JSON.parse(one.stdout) as { workers: number }).workers).toBe(0);
    expect(threads.workers).toBe(Math.min(availableParallelism(), threads.files.length));
    expect(readFileSync(path.join(threaded, 'manifest.json'), 'utf8')).toBe(readFileSync(path.join(single, 'manifest.json'), 'utf8'));
  });

  it('never touches a file it did not write, and refuses to overwrite one', async () => {
    const out = freshDir();
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    mkdirSync(path.join(out, 'en/teachers'), { recursive: true });
    writeFileSync(path.join(out, 'en/teachers/safety.pdf'), 'not a trainpack file');
    const run = await trainpack(['build', '--content', path.join(fixtures, 'valid'), '-a', 'teachers', '-l', 'en', '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('safety.pdf: error: this file was not written by trainpack');
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(out, 'en/teachers/safety.pdf'), 'utf8')).toBe('not a trainpack file');
    expect(existsSync(path.join(out, 'en/teachers/pack.pdf'))).toBe(false);

    rmSync(path.join(out, 'en/teachers/safety.pdf'));
    expect((await trainpack(['build', '--content', path.join(fixtures, 'valid'), '-a', 'teachers', '-l', 'en', '-o', out, '-q'])).code).toBe(0);
    // A rebuild overwrites its own files, and still leaves the foreign one alone.
    expect((await trainpack(['build', '--content', path.join(fixtures, 'valid'), '-a', 'teachers', '-l', 'en', '-o', out, '-q'])).code).toBe(0);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(out).sort()).toEqual(['en', 'manifest.json', 'notes.txt']);
  });

  it('reports several faults at once with file:line:col and exit 1, without a stack trace', async () => {
    const run = await trainpack(['build', '--content', 'faults', '-o', freshDir()], { cwd: fixtures });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('faults/pack.yaml:4:8: error: paper: expected one of "A4", "Letter", "A5"');
    expect(run.stderr).toContain('faults/intro/guide.en.md:8:8: error: unknown audience "teacher" in {{#for}}');
    expect(run.stderr).toContain('faults/intro/guide.en.md:12:13: error: unknown checklist "nope"');
    expect(run.stderr).toContain('faults/intro/guide.sq.md:9:7: error: character "☐" (U+2610) cannot be printed');
    expect(run.stderr).toContain('faults/audiences.yaml:4:18: error: audiences[0].description: missing the "en" text');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('exits 2 for an unknown audience and names the known ones', async () => {
    const run = await trainpack(['build', '--content', path.join(fixtures, 'valid'), '--audience', 'teacher']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown audience: "teacher"');
    expect(run.stderr).toContain('did you mean "teachers"?');
    expect(run.stderr).toContain('known audiences: teachers, health-workers, mentors');
  });

  it('exits 2 for an unknown flag', async () => {
    const run = await trainpack(['build', '--colour-me']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--colour-me'");
  });

  it('builds everything without a prompt when stdin is not a terminal', async () => {
    const out = freshDir();
    const run = await trainpack(['--content', path.join(fixtures, 'valid'), '--out', out, '--only', 'checklists']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('[6/6]');
    expect(run.stdout).toMatch(/✔ 6 files, \d+ pages in [\d.]+ s/);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((file) => file.path)).toEqual([
      'en/health-workers/checklists.pdf', 'en/mentors/checklists.pdf', 'en/teachers/checklists.pdf',
      'sq/health-workers/checklists.pdf', 'sq/mentors/checklists.pdf', 'sq/teachers/checklists.pdf',
    ]);
  });
});

describe('trainpack check, list and render', () => {
  it('check passes the built-in guides strictly', async () => {
    const run = await trainpack(['check', '--strict']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('0 errors, 0 warnings');
  });

  it('check --json lists problems with locations', async () => {
    const run = await trainpack(['check', '--content', 'faults', '--json'], { cwd: fixtures });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { ok: boolean; errors: number; problems: { file: string; line: number; column: number; code: string }[] };
    expect(result.ok).toBe(false);
    expect(result.errors).toBe(11);
    expect(result.problems).toContainEqual(expect.objectContaining({ file: 'faults/intro/guide.en.md', line: 14, column: 1, code: 'UNKNOWN_HELPER' }));
  });

  it('list shows audiences in the chosen language', async () => {
    const run = await trainpack(['list', 'audiences', '--lang', 'en', '--json']);
    const audiences = JSON.parse(run.stdout) as { id: string; name: string }[];
    expect(audiences.map((audience) => audience.id)).toEqual(['social-workers', 'psychologists', 'child-protection-workers', 'health-workers', 'lawyers', 'shelter-staff', 'public-administrators', 'teachers', 'economic-empowerment', 'mentors']);
    expect((await trainpack(['list', 'guides'])).stdout).toContain('Fazat e rimëkëmbjes dhe riintegrimit');
  });

  it('render turns any Markdown file into a handout PDF', async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'notes.md'), '---\ntitle: Shënime\nauthor: Ana\nlang: sq\n---\n\nTekst me ë dhe ç.\n\n- një\n- dy\n');
    const run = await trainpack(['render', 'notes.md', '--paper', 'A5'], { cwd: dir });
    expect(run.code).toBe(0);
    const rendered = await pdf(path.join(dir, 'notes.pdf'));
    expect(inOrder(rendered.text, ['Shënime', 'Tekst me ë dhe ç.', 'një', 'dy'])).toBe(true);
    expect(rendered.info).toMatchObject({ Title: 'Shënime', Author: 'Ana' });
    expect(rendered.lang).toBe('sq');
    expect(rendered.pageSizes[0]).toEqual({ width: 419.53, height: 595.28 });
  });
});
