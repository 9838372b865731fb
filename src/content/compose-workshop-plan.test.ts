import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../errors.js';
import { composeWorkshopPlan } from './compose-workshop-plan.js';
import { parseWorkshopPlan, readContent } from './load-content.js';
import { formatClock } from './resolve-workshop-plan.js';

const { content } = readContent(fileURLToPath(new URL('../../test/fixtures/workshop', import.meta.url)));

function compose(days: number, audienceIds: string[]) {
  const text = composeWorkshopPlan(content!, { title: 'Test', languages: ['sq', 'en'], guideIds: ['safety', 'school'], audienceIds, days, start: '09:00' });
  const problems = new ProblemList();
  const plan = parseWorkshopPlan(text, path.join('x', 'workshop.yaml'), content!, problems);
  expect(problems.items).toEqual([]);
  return plan!.days.map((day) => day.items.map((item) => `${formatClock(item.start)} ${item.kind === 'session' ? item.session.id : item.kind === 'keyword' ? item.keyword : 'custom'}`));
}

describe('composeWorkshopPlan', () => {
  it('lays one day out with an opening, the pre-test, a break between sessions and the closing items', () => {
    expect(compose(1, ['teachers'])).toEqual([['09:00 opening', '09:30 pre-test', '09:45 first-contact', '11:15 break', '11:30 back-to-school', '12:30 post-test', '12:45 feedback', '13:00 closing']]);
  });

  it('shares the sessions out over the days asked for, and leaves out sessions written for roles that do not attend', () => {
    expect(compose(2, ['teachers'])).toEqual([['09:00 opening', '09:30 pre-test', '09:45 first-contact'], ['09:00 back-to-school', '10:00 post-test', '10:15 feedback', '10:30 closing']]);
    expect(compose(1, ['health-workers']).flat()).not.toContain('11:30 back-to-school');
  });
});
