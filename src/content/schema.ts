import { z } from 'zod';
import { PAPER_SIZES } from './types.js';

/** Ids are kebab-case ASCII, which also keeps them safe in file names. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const id = z.string().regex(ID_PATTERN, { message: 'must be kebab-case ASCII, like "child-protection-workers"' });
const languageCode = z.string().regex(LANGUAGE_PATTERN, { message: 'must be a language code, like "sq" or "en"' });
/** Completeness per language is checked afterwards, when the pack's languages are known. */
export const localisedText = z.record(z.string(), z.string());
const audienceSelector = z.union([z.literal('all'), z.array(id)]);
const looseString = z.union([z.string(), z.number()]).transform(String);

export const packSchema = z.strictObject({
  title: localisedText,
  subtitle: localisedText.optional(),
  organisation: localisedText.optional(),
  credits: localisedText.optional(),
  edition: looseString.optional(),
  languages: z.array(languageCode).min(1),
  guides: z.array(id).min(1),
  paper: z.enum(PAPER_SIZES as [string, ...string[]]).default('A4'),
  contacts: z
    .array(
      z.strictObject({
        id,
        label: localisedText,
        value: looseString.nullish().transform((value) => value ?? ''),
        verified: looseString.nullish().transform((value) => value ?? ''),
      }),
    )
    .default([]),
});

export const audienceSchema = z.strictObject({
  id,
  name: localisedText,
  description: localisedText,
});

export const audiencesSchema = z.strictObject({
  audiences: z.array(audienceSchema).min(1),
});

export const checklistsSchema = z.strictObject({
  checklists: z.array(
    z.strictObject({
      id,
      title: localisedText,
      intro: localisedText.optional(),
      items: z
        .array(
          z.strictObject({
            id: id.optional(),
            text: localisedText,
            audiences: audienceSelector.default('all'),
            /** A key action: also printed on the audience's pocket card. */
            pocket: z.boolean().default(false),
          }),
        )
        .min(1),
    }),
  ),
});

export const frontMatterSchema = z.object({
  title: z.string().min(1),
  summary: z.string().default(''),
  audiences: audienceSelector.default('all'),
  author: z.string().optional(),
  lang: z.string().optional(),
});


export const labelsSchema = z.record(languageCode, z.record(z.string(), z.string()));
