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
  /** A key action, printed on the audience's pocket card too. */
  pocket?: boolean;
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
  /** The training sessions that teach this guide (`sessions.yaml`); empty when it has none. */
  sessions: readonly Session[];
  /** Questions for the workshop's pre- and post-test. */
  quiz: readonly QuizQuestion[];
}

export type ExerciseKind = 'case' | 'role-play' | 'reflection';

/** Printed on participants' worksheets; `notes` (model answers) only in the trainer's manual. */
export interface Exercise {
  id: string;
  kind: ExerciseKind;
  title: LocalisedText;
  /** Markdown: the situation or the instructions. */
  text: LocalisedText;
  questions: readonly LocalisedText[];
  /** The roles the exercise is written for: it prints only where one of them attends. */
  audiences: AudienceSelector;
  notes?: LocalisedText;
}

export interface SessionStep {
  minutes: number;
  /** Short input, small groups, pairs, role play, plenary ... */
  method: LocalisedText;
  /** Markdown: what the facilitator does, says and asks. */
  text: LocalisedText;
}

export interface Session {
  id: string;
  guideId: string;
  title: LocalisedText;
  minutes: number;
  audiences: AudienceSelector;
  objectives: readonly LocalisedText[];
  materials: readonly LocalisedText[];
  steps: readonly SessionStep[];
  exercises: readonly Exercise[];
  keyMessages: readonly LocalisedText[];
}

export interface QuizQuestion {
  id: string;
  guideId: string;
  text: LocalisedText;
  options: readonly LocalisedText[];
  /** Index of the right option, from 0. */
  answer: number;
  explain: LocalisedText;
}

/** A pause or a fixed moment of the day, printed with its label from labels.yaml. */
export const AGENDA_KEYWORDS = ['break', 'lunch', 'opening', 'closing', 'pre-test', 'post-test', 'feedback'] as const;
export type AgendaKeyword = (typeof AGENDA_KEYWORDS)[number];

/** One line of a day's agenda, with its start computed from the day's start and what comes before. */
export type AgendaItem =
  | { kind: 'session'; session: Session; start: number; minutes: number }
  | { kind: 'keyword'; keyword: AgendaKeyword; start: number; minutes: number }
  | { kind: 'custom'; title: LocalisedText; start: number; minutes: number };

export interface WorkshopDay {
  /** `YYYY-MM-DD`, when the plan gives it. */
  date?: string;
  /** Minutes after midnight. */
  start: number;
  end?: number;
  items: readonly AgendaItem[];
}

/** A workshop plan, resolved: sessions looked up, every item's time computed. */
export interface WorkshopPlan {
  id: string;
  file: string;
  title: LocalisedText;
  audiences: readonly string[];
  organisation?: LocalisedText;
  venue?: string;
  trainers: readonly string[];
  days: readonly WorkshopDay[];
  /** The participants file named by the plan, resolved against the plan's folder; read only when a workshop is built. */
  participantsFile?: string;
}

/** One row of a participants list: personal data, printed only in the PDFs that need it. */
export interface Participant {
  name: string;
  organisation: string;
  role: string;
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
  /** The ready-made plans in the content root's `workshops/` folder. */
  workshops: readonly WorkshopPlan[];
}
