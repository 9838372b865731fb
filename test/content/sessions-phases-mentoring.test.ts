import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/check-content.js';
import { BUILT_IN_CONTENT } from '../../src/content/load-content.js';
import type { Guide } from '../../src/content/types.js';

// Guards the built-in training sessions of the phases and mentoring guides: what a trainer can run as printed,
// and the trauma-informed rules every exercise keeps, in both languages.
const { content } = loadContent(BUILT_IN_CONTENT);
const languages = ['sq', 'en'] as const;

/** The sessions issue 11 asks of each guide, by id. */
const requiredSessions: Record<string, string[]> = {
  phases: ['what-is-reintegration', 'crisis-phase', 'transition-phase', 'inclusion-phase'],
  mentoring: ['mentoring-model-and-matching', 'mentoring-boundaries', 'mentoring-endings'],
};
const guides = Object.keys(requiredSessions).map((id) => content.guides.find((guide) => guide.id === id)!);

const exercisesOf = (guide: Guide) => guide.sessions.flatMap((session) => session.exercises);

/** Wording that would ask participants about their own lives or experience of violence. */
const asksAboutOwnExperience = {
  en: /\byour own (experiences?|life|story|past)\b|\byour (personal )?experiences? (of|with) (violence|abuse|trafficking)\b|\bhave you (ever )?(been|experienced|lived through|suffered)\b|\bshare (your|a) personal (story|experience)\b/i,
  sq: /\bpërvoj(ën|at|a|ë|ave) (tuaj|tënde|personale|vetjake|e juaj)\b|\bjetën tuaj\b|\bhistorinë tuaj\b|\ba (e )?keni përjetuar\b|\ba (e )?ke përjetuar\b/i,
};

/** A role play says it is a conversation with the person, or that it does not re-enact exploitation. */
const rolePlayFraming = {
  en: /does not re-enact exploitation|conversation between (a|the) [a-z ]+ and (a|the) person/,
  sq: /nuk e riprodhon shfrytëzimin|bisedë (pune )?ndërmjet [a-zëç ]+ dhe personit/,
};

describe.each(guides.map((guide) => [guide.id, guide] as const))('the %s sessions', (guideId, guide) => {
  it('include every session the issue names', () => {
    expect(guide.sessions.map((session) => session.id)).toEqual(expect.arrayContaining(requiredSessions[guideId]!));
  });

  it('last 45 to 120 minutes each, with steps that add up to the session', () => {
    for (const session of guide.sessions) {
      expect(session.minutes, session.id).toBeGreaterThanOrEqual(45);
      expect(session.minutes, session.id).toBeLessThanOrEqual(120);
      expect(session.steps.reduce((sum, step) => sum + step.minutes, 0), session.id).toBe(session.minutes);
    }
  });

  it('have a quiz of at least 10 questions, each with 3 or 4 options', () => {
    expect(guide.quiz.length).toBeGreaterThanOrEqual(10);
    for (const question of guide.quiz) {
      expect(question.options.length, question.id).toBeGreaterThanOrEqual(3);
      expect(question.options.length, question.id).toBeLessThanOrEqual(4);
    }
  });

  it('have at least one exercise written for a single role', () => {
    const singleRole = exercisesOf(guide).filter((exercise) => exercise.audiences !== 'all' && exercise.audiences.length === 1);
    expect(singleRole.map((exercise) => exercise.id)).not.toEqual([]);
  });

  it.each(languages)('ask no one about their own experience, in exercises or quiz questions (%s)', (lang) => {
    const texts = [
      ...exercisesOf(guide).flatMap((exercise) => [exercise.title, exercise.text, ...exercise.questions].map((text) => ({ id: exercise.id, text: text[lang]! }))),
      ...guide.quiz.map((question) => ({ id: question.id, text: question.text[lang]! })),
    ];
    for (const { id, text } of texts) expect(text, id).not.toMatch(asksAboutOwnExperience[lang]);
  });

  it.each(languages)('frame every role play as a conversation with the person that does not re-enact exploitation (%s)', (lang) => {
    const rolePlays = exercisesOf(guide).filter((exercise) => exercise.kind === 'role-play');
    expect(rolePlays.length).toBeGreaterThan(0);
    for (const rolePlay of rolePlays) expect(rolePlay.text[lang], rolePlay.id).toMatch(rolePlayFraming[lang]);
  });
});
