import { z } from 'zod';
import { ID_PATTERN, localisedText } from './schema.js';

/**
 * The workshop format: a guide's `sessions.yaml` (the session library and quiz that teach it) and
 * a workshop plan (which sessions run when, for whom). Documented in docs/content-format.md.
 */

const id = z.string().regex(ID_PATTERN, { message: 'must be kebab-case ASCII, like "crisis-phase"' });
const audienceSelector = z.union([z.literal('all'), z.array(id)]);
/** Whole minutes; a session or an agenda item longer than a working day is a typo. */
const minutes = z.number().int().min(1).max(600);

export const EXERCISE_KINDS = ['case', 'role-play', 'reflection'] as const;

export const sessionsSchema = z.strictObject({
  sessions: z
    .array(
      z.strictObject({
        id,
        title: localisedText,
        minutes,
        audiences: audienceSelector.default('all'),
        objectives: z.array(localisedText).min(1),
        materials: z.array(localisedText).default([]),
        steps: z
          .array(
            z.strictObject({
              minutes,
              method: localisedText,
              text: localisedText,
            }),
          )
          .min(1),
        exercises: z
          .array(
            z.strictObject({
              id,
              kind: z.enum(EXERCISE_KINDS),
              title: localisedText,
              text: localisedText,
              questions: z.array(localisedText).default([]),
              audiences: audienceSelector.default('all'),
              notes: localisedText.optional(),
            }),
          )
          .default([]),
        key_messages: z.array(localisedText).default([]),
      }),
    )
    .default([]),
  quiz: z
    .array(
      z.strictObject({
        id,
        text: localisedText,
        options: z.array(localisedText).min(2).max(6),
        answer: z.number().int().min(0),
        explain: localisedText,
      }),
    )
    .default([]),
});

/** `HH:MM` on a 24-hour clock. */
export const CLOCK_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const clock = z.string().regex(CLOCK_PATTERN, { message: 'must be a time like "09:00" (24-hour clock)' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like "2027-03-15"' });

/** An agenda item: `guide/session`, a pause like `break 15`, or an item of the trainer's own. */
export const agendaItemSchema = z.union([
  z.string().min(1),
  z.strictObject({
    title: localisedText,
    minutes,
  }),
]);

export const workshopPlanSchema = z.strictObject({
  title: localisedText,
  audiences: z.array(id).min(1),
  organisation: localisedText.optional(),
  venue: z.string().optional(),
  trainers: z.array(z.string().min(1)).default([]),
  days: z
    .array(
      z.strictObject({
        date: isoDate.optional(),
        start: clock,
        end: clock.optional(),
        items: z.array(agendaItemSchema).min(1),
      }),
    )
    .min(1),
  participants: z.string().min(1).optional(),
});
