import { stringify } from 'yaml';
import type { Content, Session } from './types.js';
import { clockMinutes } from './resolve-workshop-plan.js';

export interface PlanChoices {
  title: string;
  /** The languages the title is given in (the same words for each: the trainer edits the file later). */
  languages: readonly string[];
  guideIds: readonly string[];
  audienceIds: readonly string[];
  days: number;
  /** `HH:MM`. */
  start: string;
}

/** A morning's work before lunch, in minutes: lunch comes after the session that reaches it. */
const MORNING = 180;
const BREAK_MINUTES = 15;
const LUNCH_MINUTES = 60;

/**
 * Lays the sessions of the chosen guides that suit the audiences into days, as a plan file's
 * text: an opening and the pre-test on the first day, a break between sessions, lunch once the
 * morning is done, the post-test, feedback and closing on the last day. Sessions are shared out
 * so that the days are as even as their order allows. The text is YAML a trainer can save and edit.
 */
export function composeWorkshopPlan(content: Content, choices: PlanChoices): string {
  const suits = (session: Session) => session.audiences === 'all' || session.audiences.some((id) => choices.audienceIds.includes(id));
  const sessions = content.guides.filter((guide) => choices.guideIds.includes(guide.id)).flatMap((guide) => guide.sessions.filter(suits));
  const total = sessions.reduce((sum, session) => sum + session.minutes, 0);
  const perDay = total / Math.max(1, choices.days);
  const days: { start: string; items: string[] }[] = [];
  let index = 0;
  for (let day = 0; day < choices.days; day++) {
    const first = day === 0;
    const last = day === choices.days - 1;
    const items: string[] = first ? ['opening 30', 'pre-test 15'] : [];
    let sessionMinutes = 0;
    let elapsed = first ? 45 : 0;
    let lunched = false;
    while (index < sessions.length && (last || sessionMinutes === 0 || sessionMinutes + sessions[index]!.minutes / 2 <= perDay)) {
      const session = sessions[index++]!;
      if (sessionMinutes > 0 || first) {
        if (!lunched && elapsed >= MORNING) {
          items.push(`lunch ${LUNCH_MINUTES}`);
          lunched = true;
          elapsed = 0;
        } else if (sessionMinutes > 0) {
          items.push(`break ${BREAK_MINUTES}`);
        }
      }
      items.push(`${session.guideId}/${session.id}`);
      sessionMinutes += session.minutes;
      elapsed += session.minutes;
    }
    if (last) items.push('post-test 15', 'feedback 15', 'closing 15');
    days.push({ start: choices.start, items });
  }
  const title = Object.fromEntries(choices.languages.map((lang) => [lang, choices.title]));
  return stringify({ title, audiences: [...choices.audienceIds], days: days.map((day) => ({ start: day.start, items: day.items })) }, { flowCollectionPadding: false, lineWidth: 0 });
}

/** Whether a start time leaves the day room to run (used to validate a prompt's answer). */
export function isDayStart(clock: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(clock) && clockMinutes(clock) <= 20 * 60;
}
