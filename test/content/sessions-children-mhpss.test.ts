import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/check-content.js';
import { BUILT_IN_CONTENT } from '../../src/content/load-content.js';
import type { Guide, LocalisedText } from '../../src/content/types.js';

const { content } = loadContent(BUILT_IN_CONTENT);

/** The sessions the issue asks for, per guide: the workshop plans and the facilitator's manual refer to them by id. */
const REQUIRED_SESSIONS: Record<string, string[]> = {
  children: ['children-left-behind', 'children-trafficked-with-a-parent', 'children-born-of-trafficking', 'working-with-parent-and-school'],
  mhpss: ['layered-model-and-pfa', 'recognising-risk-and-referring', 'staff-care'],
};

/**
 * Wordings that would ask participants about their own lives. Participants may have lived through violence
 * themselves, so no exercise or quiz question may invite them to tell their own story, in either language.
 */
const OWN_EXPERIENCE = [
  /\byour (own|personal) (experience|experiences|story|history|past)\b/i,
  /\bhave you (ever )?(experienced|been through|lived through|suffered)\b/i,
  /\b(tell|share with) (us|the group|your partner|each other) about a time\b/i,
  /\bshare (your|a) (own |personal )?(experience|story)\b/i,
  /përvoj(ën|at|a|ave) (tuaj|tënde|e tua|e tuaja|personale|vetjake)/i,
  /historinë (tuaj|tënde|personale|e jetës suaj)/i,
  /\ba (keni|ke) përjetuar\b/i,
  /tregoni .{0,30}\b(një rast|një herë) kur (ju|keni)\b/i,
];

/** Every role play says, in its own text, that it is a conversation and does not re-enact exploitation. */
const ROLE_PLAY_FRAME: Record<string, RegExp> = {
  sq: /nuk e riprodhon shfrytëzimin/,
  en: /does not re-enact exploitation/,
};

const guide = (id: string): Guide => {
  const found = content.guides.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no built-in guide "${id}"`);
  return found;
};

const texts = (text: LocalisedText) => content.pack.languages.map((lang) => [lang, text[lang] ?? ''] as const);

describe.each(Object.keys(REQUIRED_SESSIONS))('the built-in sessions of "%s"', (guideId) => {
  const { sessions, quiz } = guide(guideId);

  it('include every session the issue names', () => {
    expect(sessions.map((session) => session.id)).toEqual(expect.arrayContaining(REQUIRED_SESSIONS[guideId]!));
  });

  it('last 45 to 120 minutes each, and their timed steps add up to that', () => {
    for (const session of sessions) {
      expect(session.minutes, session.id).toBeGreaterThanOrEqual(45);
      expect(session.minutes, session.id).toBeLessThanOrEqual(120);
      expect(session.steps.reduce((sum, step) => sum + step.minutes, 0), session.id).toBe(session.minutes);
    }
  });

  it('have a quiz of at least 10 questions, each with 3 or 4 options and an answer among them', () => {
    expect(quiz.length).toBeGreaterThanOrEqual(10);
    for (const question of quiz) {
      expect(question.options.length, question.id).toBeGreaterThanOrEqual(3);
      expect(question.options.length, question.id).toBeLessThanOrEqual(4);
      expect(question.answer, question.id).toBeLessThan(question.options.length);
    }
  });

  it('have at least one exercise written for a single role', () => {
    const exercises = sessions.flatMap((session) => session.exercises);
    expect(exercises.filter((exercise) => Array.isArray(exercise.audiences) && exercise.audiences.length === 1)).not.toHaveLength(0);
  });

  it('never ask participants about their own experience, in any exercise or quiz question', () => {
    const asked = [
      ...sessions.flatMap((session) =>
        session.exercises.flatMap((exercise) => [
          [exercise.id, exercise.text] as const,
          ...exercise.questions.map((question) => [exercise.id, question] as const),
        ]),
      ),
      ...quiz.flatMap((question) => [[question.id, question.text] as const, ...question.options.map((option) => [question.id, option] as const)]),
    ];
    const offending = asked.flatMap(([id, text]) =>
      texts(text)
        .filter(([, value]) => OWN_EXPERIENCE.some((pattern) => pattern.test(value)))
        .map(([lang]) => `${id} (${lang})`),
    );
    expect(offending).toEqual([]);
  });

  it('frame every role play as a conversation that does not re-enact exploitation, in every language', () => {
    const rolePlays = sessions.flatMap((session) => session.exercises).filter((exercise) => exercise.kind === 'role-play');
    expect(rolePlays).not.toHaveLength(0);
    for (const rolePlay of rolePlays) {
      for (const [lang, value] of texts(rolePlay.text)) {
        expect(value, `${rolePlay.id} (${lang})`).toMatch(ROLE_PLAY_FRAME[lang]!);
      }
    }
  });
});
