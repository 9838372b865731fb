import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProblemList, type Problem } from '../errors.js';
import { readContent, readWorkshopPlan } from './load-content.js';
import { readParticipants } from './read-participants.js';
import { readSessions } from './read-sessions.js';
import { formatClock, resolveWorkshopPlan } from './resolve-workshop-plan.js';
import { YamlSource } from './yaml-source.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const faults = path.join(fixtures, 'workshop-faults');
const line = (problem: Problem) => `${path.basename(problem.location!.file)}:${problem.location!.line ?? ''}:${problem.location!.column ?? ''}: ${problem.severity}: ${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`;

function loadWorkshopContent() {
  const result = readContent(path.join(fixtures, 'workshop'));
  expect(result.problems.items.map(line)).toEqual([]);
  return result.content!;
}

describe('the workshop format', () => {
  it('loads each guide\'s sessions and quiz', () => {
    const content = loadWorkshopContent();
    const safety = content.guides.find((guide) => guide.id === 'safety')!;
    expect(safety.sessions.map((session) => session.id)).toEqual(['first-contact']);
    expect(safety.sessions[0]!.exercises.map((exercise) => [exercise.id, exercise.audiences])).toEqual([['arrival-evening', 'all'], ['health-check-case', ['health-workers']], ['mentor-boundary', ['mentors']]]);
    expect(safety.quiz.map((question) => [question.id, question.answer])).toEqual([['safety-1', 1], ['safety-2', 0]]);
    expect(content.guides.find((guide) => guide.id === 'school')!.sessions[0]!.keyMessages).toHaveLength(1);
  });

  it('resolves a plan in the content root: sessions looked up, every start time computed across pauses', () => {
    const content = loadWorkshopContent();
    const [plan] = content.workshops;
    expect(plan!.id).toBe('two-days');
    expect(plan!.participantsFile).toBe(path.join(fixtures, 'workshop/workshops/participants.csv'));
    const agenda = plan!.days.map((day) => day.items.map((item) => `${formatClock(item.start)} ${item.kind === 'session' ? `${item.session.guideId}/${item.session.id}` : item.kind === 'keyword' ? item.keyword : 'custom'} ${item.minutes}`));
    expect(agenda).toEqual([
      ['09:00 opening 30', '09:30 pre-test 15', '09:45 safety/first-contact 90', '11:15 break 15', '11:30 school/back-to-school 60'],
      ['09:30 safety/first-contact 90', '11:00 post-test 15', '11:15 feedback 15'],
    ]);
  });

  it('reports every fault of a plan at its line, with did-you-mean, and an overrun as a warning', () => {
    const content = loadWorkshopContent();
    const problems = new ProblemList();
    const plan = readWorkshopPlan(path.join(faults, 'plan.yaml'), content, problems);
    expect(plan).toBeUndefined();
    expect(problems.items.map(line)).toEqual([
      'plan.yaml:8:12: error: days[1].start: must be a time like "09:00" (24-hour clock)',
    ]);
    // Schema faults stop the plan before cross-references; mend them and the rest shows at once.
    const mended = readFileSync(path.join(faults, 'plan.yaml'), 'utf8').replace('"9am"', '"13:00"');
    const source = YamlSource.parse(mended, path.join(faults, 'plan.yaml'), new ProblemList());
    const again = new ProblemList();
    readWorkshopPlanFromSource(source, content, again);
    expect(again.items.map(line)).toEqual([
      'plan.yaml:2:23: error: audiences: unknown audience "nurses" (known audiences: teachers, health-workers, mentors)',
      'plan.yaml:4:11: error: days[0].date: "2027-02-30" is not a date of the calendar',
      'plan.yaml:7:13: error: days[0].items[0]: unknown session "safety/first-contct" (did you mean "safety/first-contact"?)',
      'plan.yaml:7:34: error: days[0].items[1]: "brek 15" is neither a session ("guide/session") nor a timed item ("break 15") (did you mean "break"?)',
      'plan.yaml:6:10: warning: days[0]: the items end at 10:30, 30 minutes after the day\'s end at 10:00 (shorten or move an item, or set a later end)',
      'plan.yaml:10:15: error: participants: file "nobody.csv" not found (the path is relative to the plan\'s folder; or give --participants FILE)',
    ]);
  });

  it('reports a bad participants row at its line, and never a participant\'s name', () => {
    const problems = new ProblemList();
    const participants = readParticipants(path.join(faults, 'participants.csv'), problems);
    expect(participants).toEqual([{ name: 'Testa Pjesemarresi', organisation: 'Org A', role: 'teacher' }]);
    expect(problems.items.map(line)).toEqual([
      'participants.csv:1:4: warning: column "email" is not used (columns used: name, organisation, role)',
      'participants.csv:3:: error: this row has 2 fields; the header has 4 (a name with a comma needs double quotes around it)',
      'participants.csv:4:1: error: this row has no name',
    ]);
    expect(JSON.stringify(problems.items)).not.toMatch(/Testa|Only Two|Org C/);
  });

  it('reads quoted names with commas and semicolon-separated lists as spreadsheets export them', () => {
    const problems = new ProblemList();
    expect(readParticipants(path.join(fixtures, 'workshop/workshops/participants.csv'), problems).map((participant) => participant.name)).toEqual(['Testa Pjesemarresi', 'Provë, Emri', 'Zeta Fiktive']);
    expect(problems.items).toEqual([]);
  });

  it('checks a guide\'s sessions: translations, kinds, unique exercise ids, the quiz answer and the minutes', () => {
    const problems = new ProblemList();
    const file = path.join(faults, 'sessions.yaml');
    const source = YamlSource.parse(readFileSync(file, 'utf8'), file, problems);
    const result = readSessions(source, 'guide', ['sq', 'en'], ['teachers'], problems);
    expect(result.sessions).toEqual([]);
    expect(problems.items.map(line)).toEqual(['sessions.yaml:17:15: error: sessions[0].exercises[1].kind: expected one of "case", "role-play", "reflection"']);
    const mended = readFileSync(file, 'utf8').replace('kind: quiz', 'kind: reflection');
    const again = new ProblemList();
    readSessions(YamlSource.parse(mended, file, again), 'guide', ['sq', 'en'], ['teachers'], again);
    expect(again.items.map(line)).toEqual([
      'sessions.yaml:16:13: error: exercise "twice" appears more than once in this guide\'s sessions (worksheets name exercises by id: give each its own)',
      'sessions.yaml:4:14: warning: sessions[0]: the steps add up to 20 minutes, the session says 30 (the agenda uses the session\'s minutes: make the steps add up to them)',
      'sessions.yaml:15:15: error: sessions[0].exercises[0].text: missing the "en" text (every text needs each language of pack.yaml: sq, en)',
      'sessions.yaml:24:13: error: quiz[0].answer: 2 points past the last option (options count from 0: this question\'s run from 0 to 1)',
    ]);
  });
});

function readWorkshopPlanFromSource(source: YamlSource, content: ReturnType<typeof loadWorkshopContent>, problems: ProblemList) {
  return resolveWorkshopPlan(source, { guides: content.guides, audienceIds: content.audiences.map((audience) => audience.id), languages: content.pack.languages }, problems);
}
