/** A text in every language of the pack: `{ sq: "...", en: "..." }`. */
export type LocalisedText = Readonly<Record<string, string>>;

export type PaperSize = 'A4' | 'Letter' | 'A5';
export const PAPER_SIZES: readonly PaperSize[] = ['A4', 'Letter', 'A5'];

/** `all`, or the ids of the audiences something is for. */
export type AudienceSelector = 'all' | readonly string[];

export interface Contact {
  id: string;
  label: LocalisedText;
  /** Empty: printed as a box "to be completed by the organisation". */
  value: string;
  verified: string;
}

export interface Pack {
  title: LocalisedText;
  subtitle?: LocalisedText;
  organisation?: LocalisedText;
  credits?: LocalisedText;
  edition?: string;
  languages: readonly string[];
  guides: readonly string[];
  paper: PaperSize;
  contacts: readonly Contact[];
}

export interface Audience {
  id: string;
  name: LocalisedText;
  description: LocalisedText;
}

export interface ChecklistItem {
  id?: string;
  text: LocalisedText;
  audiences: AudienceSelector;
}

export interface Checklist {
  id: string;
  title: LocalisedText;
  intro?: LocalisedText;
  items: readonly ChecklistItem[];
}

/** One language version of a guide: front matter plus the (template) body. */
export interface GuideText {
  lang: string;
  title: string;
  summary: string;
  audiences: AudienceSelector;
  /** The Markdown body, a Handlebars template. */
  body: string;
  file: string;
  /** Line of the file on which the body starts (1-based), so template errors point into the file. */
  bodyLine: number;
}

export interface Guide {
  id: string;
  dir: string;
  texts: Readonly<Record<string, GuideText>>;
  checklists: readonly Checklist[];
}

/** Template sources by file name (`handout.hbs`, ...), from the content root's or --templates folder. */
export interface TemplateSource {
  name: string;
  source: string;
  file: string;
}

/** UI labels by language: `{ en: { contents: "Contents", ... } }`. */
export type LabelSet = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A whole content root, loaded and validated. */
export interface Content {
  root: string;
  pack: Pack;
  audiences: readonly Audience[];
  guides: readonly Guide[];
  templates: readonly TemplateSource[];
  labels: LabelSet;
}
