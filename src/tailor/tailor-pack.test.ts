import { describe, expect, it } from 'vitest';
import type { Content } from '../content/types.js';
import { appliesTo, tailorPack } from './tailor-pack.js';

const text = (sq: string, en: string) => ({ sq, en });
const guideText = (lang: string, audiences: 'all' | string[]) => ({ lang, title: `T-${lang}`, summary: '', audiences, body: '', file: `x.${lang}.md`, bodyLine: 5 });

const content: Content = {
  root: '/content',
  pack: { title: text('P', 'P'), languages: ['sq', 'en'], guides: ['a', 'b'], paper: 'A4', contacts: [] },
  audiences: [
    { id: 'teachers', name: text('M', 'T'), description: text('', '') },
    { id: 'mentors', name: text('Me', 'Me'), description: text('', '') },
  ],
  guides: [
    {
      id: 'a',
      dir: '/content/a',
      texts: { sq: guideText('sq', 'all'), en: guideText('en', 'all') },
      checklists: [
        {
          id: 'c',
          title: text('Lista', 'List'),
          items: [
            { id: 'everyone', text: text('të gjithë', 'everyone'), audiences: 'all' },
            { id: 'only-teachers', text: text('mësuesit', 'teachers only'), audiences: ['teachers'] },
          ],
        },
        { id: 'mentor-only', title: text('M', 'M'), items: [{ text: text('m', 'm'), audiences: ['mentors'] }] },
      ],
      sessions: [],
      quiz: [],
    },
    { id: 'b', dir: '/content/b', texts: { sq: guideText('sq', ['mentors']), en: guideText('en', ['mentors']) }, checklists: [], sessions: [], quiz: [] },
  ],
  templates: [],
  labels: {},
  workshops: [],
};

describe('tailorPack', () => {
  it('gives an audience only the guides and checklist items meant for it', () => {
    const plan = tailorPack(content, content.audiences[0]!, 'en');
    expect(plan.guides.map((guide) => guide.guide.id)).toEqual(['a']);
    expect(plan.checklists.map((checklist) => checklist.id)).toEqual(['c']);
    expect(plan.checklists[0]!.items.map((item) => item.text)).toEqual(['everyone', 'teachers only']);
  });

  it('gives another audience its own guide and items, in its language', () => {
    const plan = tailorPack(content, content.audiences[1]!, 'sq');
    expect(plan.guides.map((guide) => guide.guide.id)).toEqual(['a', 'b']);
    expect(plan.checklists.map((checklist) => [checklist.id, checklist.items.map((item) => item.text)])).toEqual([
      ['c', ['të gjithë']],
      ['mentor-only', ['m']],
    ]);
  });

  it('narrows to the chosen guides', () => {
    expect(tailorPack(content, content.audiences[1]!, 'en', ['b']).guides.map((guide) => guide.guide.id)).toEqual(['b']);
  });

  it('reads audience selectors', () => {
    expect(appliesTo('all', 'x')).toBe(true);
    expect(appliesTo(['a', 'b'], 'b')).toBe(true);
    expect(appliesTo(['a'], 'b')).toBe(false);
  });
});
