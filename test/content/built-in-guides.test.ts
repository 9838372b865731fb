import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/check-content.js';
import { BUILT_IN_CONTENT } from '../../src/content/load-content.js';
import { tailorPack } from '../../src/tailor/tailor-pack.js';
import { Expander } from '../../src/template/expand.js';

const { content } = loadContent(BUILT_IN_CONTENT);
const expander = new Expander(content);

/** The `{{#for}}` passages of a guide body with the audiences each is for (first line of text as a probe). */
function passages(body: string): { audiences: string[]; probe: string }[] {
  const found: { audiences: string[]; probe: string }[] = [];
  for (const match of body.matchAll(/\{\{#for ((?:"[a-z0-9-]+" ?)+)\}\}\n([\s\S]*?)\{\{\/for\}\}/g)) {
    const audiences = [...match[1]!.matchAll(/"([a-z0-9-]+)"/g)].map((id) => id[1]!);
    const probe = match[2]!.split('\n').map((line) => line.trim()).find((line) => line.length > 40)!;
    found.push({ audiences, probe: probe.slice(0, 60) });
  }
  return found;
}

const words = (markdown: string) => markdown.replace(/^---[\s\S]*?---/, '').replace(/\{\{[^}]*\}\}/g, ' ').split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;

describe('the built-in guides', () => {
  it('ship the four guides in Albanian first, then English', () => {
    expect(content.pack.languages).toEqual(['sq', 'en']);
    expect(content.guides.map((guide) => guide.id)).toEqual(['phases', 'children', 'mentoring', 'mhpss']);
    expect(content.audiences).toHaveLength(10);
  });

  it.each(content.guides.flatMap((guide) => content.pack.languages.map((lang) => [guide.id, lang] as const)))('%s (%s) has at least 2,500 words', (guideId, lang) => {
    const text = content.guides.find((guide) => guide.id === guideId)!.texts[lang]!;
    expect(words(text.body)).toBeGreaterThanOrEqual(2500);
  });

  it.each(content.pack.languages)('give each audience its own role passages and no other role\'s (%s)', (lang) => {
    for (const audience of content.audiences) {
      const documents = expander.expandPlan(tailorPack(content, audience, lang), '2026-01-01');
      for (const guide of content.guides) {
        const handout = documents.find((doc) => doc.guideId === guide.id)!.markdown;
        for (const passage of passages(guide.texts[lang]!.body)) {
          if (passage.audiences.includes(audience.id)) expect(handout, `${guide.id}: ${audience.id} should get "${passage.probe}"`).toContain(passage.probe);
          else expect(handout, `${guide.id}: ${audience.id} should not get "${passage.probe}"`).not.toContain(passage.probe);
        }
      }
    }
  });

  it('have passages for every audience in the phases guide, in each phase', () => {
    const ids = passages(content.guides[0]!.texts.en!.body).flatMap((passage) => passage.audiences);
    for (const audience of content.audiences) expect(ids.filter((id) => id === audience.id).length, audience.id).toBeGreaterThanOrEqual(3);
  });

  it('give every checklist at least 8 items, and no two audiences the same checklists', () => {
    const signatures = new Map<string, string>();
    for (const guide of content.guides) for (const checklist of guide.checklists) expect(checklist.items.length, checklist.id).toBeGreaterThanOrEqual(8);
    for (const audience of content.audiences) {
      const plan = tailorPack(content, audience, 'en');
      const signature = plan.checklists.map((checklist) => `${checklist.id}:${checklist.items.map((item) => item.id).join(',')}`).join('|');
      for (const checklist of plan.checklists) expect(checklist.items.length, `${audience.id} ${checklist.id}`).toBeGreaterThanOrEqual(7);
      expect([...signatures.entries()].find(([, other]) => other === signature)?.[0], audience.id).toBeUndefined();
      signatures.set(audience.id, signature);
    }
  });

  it('print no phone numbers: contacts are left for the organisation to fill in', () => {
    for (const contact of content.pack.contacts) expect(contact.value).toBe('');
    for (const guide of content.guides) for (const text of Object.values(guide.texts)) expect(text.body).not.toMatch(/\b\d{3}[ -]?\d{3}\b|\+355/);
  });

  it('list the referral contacts the guides send readers to, the urgent and out-of-hours ones first', () => {
    const ids = content.pack.contacts.map((contact) => contact.id);
    for (const needed of ['police-emergency', 'on-call-mental-health', 'child-protection-out-of-hours', 'community-mental-health-centre', 'civil-registry', 'responsible-authority', 'local-child-protection-unit', 'missing-children']) {
      expect(ids, needed).toContain(needed);
    }
    expect(ids.indexOf('on-call-mental-health')).toBeLessThan(ids.indexOf('shelter'));
  });

  it('credit the D&E/NEXUS series for its structure, not its text', () => {
    for (const lang of content.pack.languages) expect(content.pack.credits?.[lang]).not.toMatch(/informed by the published|mbështetet në udhëzuesit e botuar/);
    expect(content.pack.credits?.en).toContain('follows the structure described');
    expect(content.pack.credits?.sq).toContain('ndjek strukturën e përshkruar');
  });
});
