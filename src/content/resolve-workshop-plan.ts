import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ProblemList } from '../errors.js';
import { checkLocalised } from './content-checks.js';
import { ID_PATTERN } from './schema.js';
import { AGENDA_KEYWORDS, type AgendaItem, type AgendaKeyword, type Guide, type Session, type WorkshopDay, type WorkshopPlan } from './types.js';
import { didYouMean, validateYaml } from './validate.js';
import { workshopPlanSchema } from './workshop-schema.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

export interface PlanContext {
  guides: readonly Guide[];
  audienceIds: readonly string[];
  languages: readonly string[];
}

const SESSION_REFERENCE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const KEYWORD_ITEM = /^([a-z-]+)\s+(\d+)$/;
const MINUTES_PER_DAY = 24 * 60;

/**
 * Validates a workshop plan against the content it draws on and resolves it: sessions looked up,
 * every item's start computed from the day's start. Problems are located at the plan's
 * file:line:col; a day that overruns its stated end is a warning.
 */
export function resolveWorkshopPlan(source: YamlSource, context: PlanContext, problems: ProblemList): WorkshopPlan | undefined {
  const data = validateYaml(workshopPlanSchema, source, problems);
  if (!data) return undefined;
  const id = path.basename(source.file).replace(/\.ya?ml$/i, '');
  if (!ID_PATTERN.test(id)) {
    problems.error('WORKSHOP_ID', `the plan's file name "${path.basename(source.file)}" does not make a kebab-case id`, { file: source.file }, 'the output folder is named workshop-<file name>: rename it, like "one-day-introduction.yaml"');
  }
  const before = problems.items.length;
  checkLocalised(source, ['title'], data.title, context.languages, problems);
  if (data.organisation) checkLocalised(source, ['organisation'], data.organisation, context.languages, problems);
  data.audiences.forEach((audienceId, index) => {
    if (!context.audienceIds.includes(audienceId)) {
      problems.error('UNKNOWN_AUDIENCE', `audiences: unknown audience "${audienceId}"`, source.locate(['audiences', index]), didYouMean(audienceId, context.audienceIds) ?? `known audiences: ${context.audienceIds.join(', ')}`);
    }
  });

  const sessionsByReference = new Map<string, Session>(context.guides.flatMap((guide) => guide.sessions.map((session) => [`${guide.id}/${session.id}`, session] as const)));
  const days = data.days.map((day, dayIndex): WorkshopDay => {
    const dayAt: YamlPath = ['days', dayIndex];
    if (day.date !== undefined && !isCalendarDate(day.date)) problems.error('SCHEMA', `days[${dayIndex}].date: "${day.date}" is not a date of the calendar`, source.locate([...dayAt, 'date']));
    const start = clockMinutes(day.start);
    let time = start;
    const items: AgendaItem[] = [];
    day.items.forEach((item, itemIndex) => {
      const at: YamlPath = [...dayAt, 'items', itemIndex];
      if (typeof item !== 'string') {
        checkLocalised(source, [...at, 'title'], item.title, context.languages, problems);
        items.push({ kind: 'custom', title: item.title, start: time, minutes: item.minutes });
        time += item.minutes;
        return;
      }
      const reference = SESSION_REFERENCE.exec(item);
      if (reference) {
        const session = sessionsByReference.get(item);
        if (!session) {
          problems.error('UNKNOWN_SESSION', `days[${dayIndex}].items[${itemIndex}]: unknown session "${item}"`, source.locate(at), didYouMean(item, [...sessionsByReference.keys()]) ?? sessionHint(context.guides, reference[1]!));
          return;
        }
        if (session.audiences !== 'all' && !data.audiences.some((audienceId) => session.audiences.includes(audienceId))) {
          problems.warn('SESSION_AUDIENCE', `days[${dayIndex}].items[${itemIndex}]: session "${item}" is written for ${session.audiences.join(', ')}, and none of them attends`, source.locate(at));
        }
        items.push({ kind: 'session', session, start: time, minutes: session.minutes });
        time += session.minutes;
        return;
      }
      const pause = KEYWORD_ITEM.exec(item);
      if (pause && isKeyword(pause[1]!)) {
        const minutes = Number(pause[2]);
        if (minutes < 1 || minutes > 600) {
          problems.error('SCHEMA', `days[${dayIndex}].items[${itemIndex}]: "${item}" needs between 1 and 600 minutes`, source.locate(at));
          return;
        }
        items.push({ kind: 'keyword', keyword: pause[1], start: time, minutes });
        time += minutes;
        return;
      }
      const word = item.split(/\s+/)[0]!;
      problems.error(
        'AGENDA_ITEM',
        `days[${dayIndex}].items[${itemIndex}]: "${item}" is neither a session ("guide/session") nor a timed item ("break 15")`,
        source.locate(at),
        didYouMean(word, AGENDA_KEYWORDS) ?? `timed items: ${AGENDA_KEYWORDS.map((keyword) => `${keyword} N`).join(', ')}; or { title: {...}, minutes: N }`,
      );
    });
    if (time > MINUTES_PER_DAY) {
      problems.error('AGENDA_OVERRUN', `days[${dayIndex}]: the items run past midnight (until ${formatClock(time % MINUTES_PER_DAY)} the next day)`, source.locate([...dayAt, 'start']), 'move items to another day');
    }
    const end = day.end === undefined ? undefined : clockMinutes(day.end);
    if (end !== undefined && time > end) {
      problems.warn('AGENDA_OVERRUN', `days[${dayIndex}]: the items end at ${formatClock(time)}, ${time - end} minutes after the day's end at ${day.end}`, source.locate([...dayAt, 'end']), 'shorten or move an item, or set a later end');
    }
    return { date: day.date, start, end, items };
  });
  const dates = days.map((day) => day.date).filter((date): date is string => date !== undefined);
  dates.forEach((date, index) => {
    if (index > 0 && date <= dates[index - 1]!) problems.warn('AGENDA_DATES', `days: ${date} does not come after ${dates[index - 1]}`, source.locate(['days', index, 'date']));
  });

  let participantsFile: string | undefined;
  if (data.participants !== undefined) {
    participantsFile = path.resolve(path.dirname(source.file), data.participants);
    if (!existsSync(participantsFile)) problems.error('FILE_UNREADABLE', `participants: file "${data.participants}" not found`, source.locate(['participants']), 'the path is relative to the plan\'s folder; or give --participants FILE');
  }
  if (problems.items.slice(before).some((problem) => problem.severity === 'error')) return undefined;
  return { id, file: source.file, title: data.title, audiences: data.audiences, organisation: data.organisation, venue: data.venue, trainers: data.trainers, days, participantsFile };
}

function isKeyword(word: string): word is AgendaKeyword {
  return (AGENDA_KEYWORDS as readonly string[]).includes(word);
}

function sessionHint(guides: readonly Guide[], guideId: string): string {
  const guide = guides.find((candidate) => candidate.id === guideId);
  if (!guide) return `known guides: ${guides.map((candidate) => candidate.id).join(', ')}`;
  return guide.sessions.length > 0 ? `sessions of "${guideId}": ${guide.sessions.map((session) => session.id).join(', ')}` : `guide "${guideId}" has no sessions.yaml`;
}

/** Minutes after midnight of an `HH:MM` the schema has already checked. */
export function clockMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const parsed = new Date(Date.UTC(year!, month! - 1, day!));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month! - 1 && parsed.getUTCDate() === day;
}
