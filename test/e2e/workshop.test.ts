import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrder, readPdf, type PdfContents } from '../support/read-pdf.js';
import { fixtures, runTrainpack, temporaryFolders, type Run } from '../support/run-cli.js';

const folders = temporaryFolders();
afterAll(() => folders.cleanUp());

const content = path.join(fixtures, 'workshop');
const plan = path.join(content, 'workshops/two-days.yaml');
const names = ['Testa Pjesemarresi', 'Provë, Emri', 'Zeta Fiktive'];

describe('trainpack workshop', () => {
  let out: string;
  let run: Run;
  const kit = (lang: string, file: string): Promise<PdfContents> => readPdf(readFileSync(path.join(out, lang, 'workshop-two-days', file)));

  beforeAll(async () => {
    out = folders.fresh();
    run = await runTrainpack(['workshop', plan, '--content', content, '--out', out, '--json'], { cwd: folders.fresh() });
  });

  it('writes the whole kit per language and lists it in the manifest, without a participant\'s name anywhere', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as { files: { path: string; kind: string; workshop?: string; audience?: string }[] };
    const own = ['facilitator', 'agenda', 'worksheets', 'sign-in', 'pre-test', 'post-test', 'feedback', 'certificates'];
    for (const lang of ['sq', 'en']) {
      for (const kind of own) expect(manifest.files.map((file) => file.path)).toContain(`${lang}/workshop-two-days/${kind}.pdf`);
      // The packs of the audiences attending, as build writes them.
      for (const file of ['teachers/pack.pdf', 'teachers/school.pdf', 'health-workers/pack.pdf', 'health-workers/checklists.pdf']) expect(manifest.files.map((entry) => entry.path)).toContain(`${lang}/workshop-two-days/${file}`);
    }
    expect(manifest.files.filter((file) => own.includes(file.kind)).every((file) => file.workshop === 'two-days' && file.audience === undefined)).toBe(true);
    const written = readFileSync(path.join(out, 'manifest.json'), 'utf8');
    for (const name of names) {
      expect(written).not.toContain(name);
      expect(run.stdout).not.toContain(name);
      expect(run.stderr).not.toContain(name);
    }
  });

  it('computes the agenda\'s times from each day\'s start across pauses', async () => {
    const agenda = await kit('en', 'agenda.pdf');
    expect(agenda.pages).toHaveLength(1);
    expect(inOrder(agenda.text, ['Two-day workshop', '15 March 2027 – 16 March 2027', 'Training room', 'Trainers: Trainer One, Trainer Two',
      'Day 1 · 15 March 2027', '09:00–09:30', 'Opening', '09:30–09:45', 'Pre-test', '09:45–11:15', 'First contact', '11:15–11:30', 'Break', '11:30–12:30', 'Back to school',
      'Day 2 · 16 March 2027', '09:30–11:00', 'First contact', '11:00–11:15', 'Post-test', '11:15–11:30', 'Feedback'])).toBe(true);
    const albanian = await kit('sq', 'agenda.pdf');
    expect(albanian.text).toContain('Dita 1 · 15 mars 2027');
    expect(albanian.text).toContain('Pushim');
  });

  it('prints one sign-in row per participant on a sheet per day', async () => {
    const signIn = await kit('en', 'sign-in.pdf');
    expect(signIn.pages).toHaveLength(2);
    for (const page of signIn.pages) expect(inOrder(page, ['Sign-in sheet', 'Name', 'Organisation', 'Role', 'Signature', '1', names[0]!, '2', names[1]!, '3', names[2]!])).toBe(true);
    expect(signIn.pages[0]).toContain('data-protection rules');
  });

  it('gives the pre- and post-test the same questions in different orders, and an answer key that matches both', async () => {
    const questions = ['What do you do first when someone arrives?', 'Who decides about a health check?', 'A pupil has been absent for two weeks. What do you do?'];
    const order = (test: PdfContents) => questions.map((question) => ({ question, at: test.text.indexOf(question) })).sort((a, b) => a.at - b.at);
    const pre = order(await kit('en', 'pre-test.pdf'));
    const post = order(await kit('en', 'post-test.pdf'));
    for (const entry of [...pre, ...post]) expect(entry.at, entry.question).toBeGreaterThanOrEqual(0);
    expect(pre.map((entry) => entry.question)).not.toEqual(post.map((entry) => entry.question));
    const manual = await kit('en', 'facilitator.pdf');
    const key = manual.pages[manual.pages.length - 1]!;
    const answers: Record<string, string> = { [questions[0]!]: 'b) Offer water and a quiet place', [questions[1]!]: 'a) The person', [questions[2]!]: 'b) Report it through the school' };
    const expected = (test: typeof pre) => test.flatMap((entry, index) => [`${index + 1}`, entry.question, answers[entry.question]!]);
    expect(inOrder(key.replace(/\s+/g, ' '), ['Answer key', 'Pre-test', ...expected(pre), 'Post-test', ...expected(post)])).toBe(true);
  });

  it('prints a case only where a role it is written for attends', async () => {
    const worksheets = await kit('en', 'worksheets.pdf');
    expect(worksheets.text).toContain('The health check');
    expect(worksheets.text).toContain('The empty desk');
    expect(worksheets.text).not.toContain("A mentor's boundaries");
    expect(worksheets.text).not.toContain('A good answer starts with basic needs');
    const manual = await kit('en', 'facilitator.pdf');
    expect(manual.text).not.toContain("A mentor's boundaries");
    expect(inOrder(manual.text, ['An evening arrival', 'What do you do first?', 'Facilitator notes', 'A good answer starts with basic needs.'])).toBe(true);
  });

  it('prints one landscape certificate per participant, with the hours computed from the plan', async () => {
    const certificates = await kit('en', 'certificates.pdf');
    expect(certificates.pages).toHaveLength(names.length);
    certificates.pages.forEach((page, index) => {
      expect(page).toContain(names[index]);
      expect(page).toContain('Two-day workshop');
      // Everything but the break: 30 + 15 + 90 + 60 on day 1, 90 + 15 + 15 on day 2.
      expect(page).toContain('5.25 hours of training');
    });
    for (const size of certificates.pageSizes) expect(size.width).toBeGreaterThan(size.height);
    expect((await kit('sq', 'certificates.pdf')).pages[0]).toContain('5,25 orë trajnimi');
  });
});

describe('trainpack workshop on bad input', () => {
  it('exits 1 with the unknown session at its line, and writes nothing', async () => {
    const dir = folders.fresh();
    const file = path.join(dir, 'plan.yaml');
    writeFileSync(file, readFileSync(plan, 'utf8').replace('school/back-to-school', 'school/back-to-scool').replace('participants: participants.csv\n', ''));
    const out = path.join(dir, 'out');
    const result = await runTrainpack(['workshop', file, '--content', content, '--out', out], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('plan.yaml:9:70: error: days[0].items[4]: unknown session "school/back-to-scool"');
    expect(result.stderr).toContain('did you mean "school/back-to-school"?');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(path.join(out, 'manifest.json'))).toThrow();
  });

  it('exits 2 without a plan when there is no terminal to ask on', async () => {
    const result = await runTrainpack(['workshop', '--content', content], { cwd: folders.fresh() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('workshop needs a plan');
  });
});
