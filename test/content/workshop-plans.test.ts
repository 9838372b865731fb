import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/check-content.js';
import { BUILT_IN_CONTENT } from '../../src/content/load-content.js';
import { tailorWorkshop } from '../../src/tailor/tailor-workshop.js';

const { content } = loadContent(BUILT_IN_CONTENT);
const plan = (id: string) => content.workshops.find((candidate) => candidate.id === id)!;
const sessionsOf = (id: string) => plan(id).days.flatMap((day) => day.items.flatMap((item) => (item.kind === 'session' ? [`${item.session.guideId}/${item.session.id}`] : [])));

describe('the ready-made workshop plans', () => {
  it('offer a one-day introduction for a mixed group', () => {
    const oneDay = plan('one-day-introduction');
    expect(oneDay.days).toHaveLength(1);
    expect(oneDay.audiences.length).toBeGreaterThanOrEqual(4);
    expect(sessionsOf('one-day-introduction')).toEqual(['phases/what-is-reintegration', 'mhpss/layered-model-and-pfa', 'mhpss/recognising-risk-and-referring']);
  });

  it('offer a five-day course that runs every built-in session once, every day within working hours', () => {
    const course = plan('five-day-course');
    expect(course.days).toHaveLength(5);
    const every = content.guides.flatMap((guide) => guide.sessions.map((session) => `${guide.id}/${session.id}`));
    expect([...sessionsOf('five-day-course')].sort()).toEqual([...every].sort());
    for (const day of course.days) {
      const last = day.items[day.items.length - 1]!;
      expect(last.start + last.minutes).toBeLessThanOrEqual(day.end!);
    }
    expect(tailorWorkshop(content, course).guideIds).toEqual(['phases', 'children', 'mentoring', 'mhpss']);
  });
});
