import Handlebars from 'handlebars';
import type { Content, TemplateSource } from '../content/types.js';
import { TrainpackError, type Problem, type SourceLocation } from '../errors.js';
import { localise, type PackPlan, type PlannedGuide, type TailoredChecklist } from '../tailor/tailor-pack.js';
import { Labels } from './labels.js';
import { escapeMarkdown, inlineMarkdown, quoteAttribute } from './markdown-escape.js';
import { findPath, findUnclosedBlock, parseStrictTemplate } from './template-source.js';

/** Helpers a guide body or template may call; anything else is an error. */
export const GUIDE_HELPERS = ['for', 'checklist', 't', 'md', 'attr', 'pagebreak', 'fill'] as const;
/** Handlebars' own helpers that templates may use. Not `log`: it writes to stdout, which `--json` keeps for JSON. */
export const BUILT_IN_HELPERS = ['each', 'if', 'unless', 'with', 'lookup'];
/** Data a guide body sees at its top level. */
export const GUIDE_DATA_ROOTS = ['audience', 'lang', 'pack', 'guide', 'date'] as const;

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  noEscape: true,
  // Handlebars counts `log` as known unless told otherwise.
  knownHelpers: { ...Object.fromEntries([...GUIDE_HELPERS, ...BUILT_IN_HELPERS].map((name) => [name, true])), log: false },
  knownHelpersOnly: true,
};

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type TemplateFunction = (context: unknown, options: { data: object }) => string;

/** The Markdown of every document of one pack, before lexing. */
export interface ExpandedDocument {
  kind: 'pack-front' | 'handout' | 'checklists' | 'contacts' | 'pocket';
  guideId?: string;
  title: string;
  markdown: string;
  /** The folder image paths resolve against: the guide's folder, or the content root for template-made documents. */
  baseDir: string;
}

/** Data every template sees. */
interface TemplateContext {
  pack: {
    title: string;
    subtitle: string;
    organisation: string;
    credits: string;
    edition: string;
    paper: string;
  };
  audience: { id: string; name: string; description: string };
  lang: string;
  date: string;
  [extra: string]: unknown;
}

/**
 * Expands guide bodies and the built-in (or overriding) templates to Markdown. One expander serves
 * a whole build: compiled templates are cached and reused for every audience and language.
 */
export class Expander {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, TemplateFunction>();
  private readonly templates: Map<string, TemplateSource>;
  private readonly labelsByLanguage = new Map<string, Labels>();

  constructor(
    private readonly content: Content,
    /** Warnings found while expanding (label fallbacks). */
    readonly warnings: Problem[] = [],
  ) {
    this.templates = new Map(content.templates.map((template) => [template.name, template]));
    registerHelpers(this.handlebars);
  }

  /** The UI labels of one language; one lookup per language, so each fallback is reported once. */
  labels(lang: string): Labels {
    let labels = this.labelsByLanguage.get(lang);
    if (!labels) {
      labels = new Labels(this.content.labels, lang, this.warnings);
      this.labelsByLanguage.set(lang, labels);
    }
    return labels;
  }

  /**
   * Compiles every template, so that one used only for some content (contacts.hbs runs only when
   * pack.yaml has contacts) is checked too: syntax and unknown helpers fail here.
   */
  compileTemplates(): TrainpackError[] {
    const failures: TrainpackError[] = [];
    for (const template of this.templates.values()) {
      try {
        // Handlebars compiles on first use; precompiling is what finds the errors now.
        this.handlebars.precompile(parseStrictTemplate(template.source), COMPILE_OPTIONS);
      } catch (error) {
        failures.push(templateError(error, { file: template.file, lineOffset: 0, source: template.source }));
      }
    }
    return failures;
  }

  /** Every document for one plan, in pack order: front matter, handouts, checklists, contacts. */
  expandPlan(plan: PackPlan, date: string): ExpandedDocument[] {
    const labels = this.labels(plan.lang);
    const context = this.baseContext(plan, date);
    const data = { labels, plan };
    const documents: ExpandedDocument[] = [];
    documents.push({ kind: 'pack-front', title: context.pack.title, markdown: this.runTemplate('pack.hbs', context, data), baseDir: this.content.root });
    for (const planned of plan.guides) {
      const body = this.expandGuide(planned, context, data);
      const guide = { id: planned.guide.id, title: planned.text.title, summary: planned.text.summary };
      documents.push({
        kind: 'handout',
        guideId: planned.guide.id,
        title: planned.text.title,
        markdown: this.runTemplate('handout.hbs', { ...context, guide, body }, data),
        baseDir: planned.guide.dir,
      });
    }
    if (plan.checklists.length > 0) {
      documents.push({ kind: 'checklists', title: labels.get('checklists'), markdown: this.runTemplate('checklists.hbs', { ...context, checklists: plan.checklists }, data), baseDir: this.content.root });
    }
    const contacts = plan.pack.contacts.map((contact) => ({ id: contact.id, label: localise(contact.label, plan.lang), value: contact.value, verified: contact.verified }));
    if (contacts.length > 0) {
      documents.push({ kind: 'contacts', title: labels.get('referralContacts'), markdown: this.runTemplate('contacts.hbs', { ...context, contacts }, data), baseDir: this.content.root });
    }
    return documents;
  }

  /** The audience's pocket card: the checklist items marked `pocket`, and the referral contacts. */
  expandPocket(plan: PackPlan, date: string): ExpandedDocument {
    const labels = this.labels(plan.lang);
    const context = this.baseContext(plan, date);
    const actions = plan.checklists.flatMap((checklist) => checklist.items.filter((item) => item.pocket).map((item) => inlineMarkdown(item.text)));
    const contacts = plan.pack.contacts.map((contact) => ({ label: localise(contact.label, plan.lang), value: contact.value }));
    const title = labels.get('pocketCard');
    return { kind: 'pocket', title, markdown: this.runTemplate('pocket.hbs', { ...context, actions, contacts }, { labels, plan }), baseDir: this.content.root };
  }

  /**
   * Expands one template (built-in or overriding, by file name) with the given data, its labels in
   * `lang`: the workshop's documents are made this way.
   */
  expandTemplate(name: string, context: object, lang: string): string {
    return this.runTemplate(name, context, { labels: this.labels(lang), root: context });
  }

  private expandGuide(planned: PlannedGuide, context: TemplateContext, data: object): string {
    const guide = { id: planned.guide.id, title: planned.text.title, summary: planned.text.summary };
    const location = { file: planned.text.file, lineOffset: planned.text.bodyLine - 1, source: planned.text.body };
    const run = this.compile(`guide:${planned.text.file}`, planned.text.body, location);
    return execute(run, { ...context, guide }, { ...data, checklists: planned.checklists }, location);
  }

  private runTemplate(name: string, context: object, data: object): string {
    const template = this.templates.get(name);
    if (!template) throw new TrainpackError('TEMPLATE_NOT_FOUND', `template "${name}" not found`, { hint: 'a templates folder overrides built-in templates by file name; it cannot remove them' });
    const location = { file: template.file, lineOffset: 0, source: template.source };
    return execute(this.compile(`template:${template.file}`, template.source, location), context, data, location);
  }

  private compile(key: string, source: string, location: TemplateLocation): TemplateFunction {
    let compiled = this.compiled.get(key);
    if (!compiled) {
      try {
        const template = this.handlebars.compile(parseStrictTemplate(source), COMPILE_OPTIONS);
        compiled = (context, options) => template(context, options);
        this.compiled.set(key, compiled);
      } catch (error) {
        throw templateError(error, location);
      }
    }
    return compiled;
  }

  private baseContext(plan: PackPlan, date: string): TemplateContext {
    const { pack, audience, lang } = plan;
    const text = (value: Readonly<Record<string, string>> | undefined) => (value ? localise(value, lang) : '');
    return {
      pack: { title: text(pack.title), subtitle: text(pack.subtitle), organisation: text(pack.organisation), credits: text(pack.credits), edition: pack.edition ?? '', paper: pack.paper },
      audience: { id: audience.id, name: text(audience.name), description: text(audience.description) },
      lang,
      date,
    };
  }
}

interface TemplateLocation {
  file: string;
  /** Lines in the file before the template text starts (front matter). */
  lineOffset: number;
  /** The template text, to find what a runtime error is about. */
  source?: string;
}

function execute(template: TemplateFunction, context: object, data: object, location: TemplateLocation): string {
  try {
    return template(context, { data });
  } catch (error) {
    throw templateError(error, location);
  }
}

interface ExpandData {
  root: TemplateContext;
  labels: Labels;
  checklists?: TailoredChecklist[];
}

function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.unregisterHelper('log');
  handlebars.registerHelper('for', function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as Handlebars.HelperOptions & { data: ExpandData };
    const audienceId = options.data.root.audience.id;
    return args.includes(audienceId) ? options.fn(this) : options.inverse(this);
  });
  handlebars.registerHelper('checklist', (idOrChecklist: unknown, options: Handlebars.HelperOptions & { data: ExpandData }) => {
    const level = Number(options.hash.level ?? 3);
    const checklist =
      typeof idOrChecklist === 'string' ? options.data.checklists?.find((candidate: TailoredChecklist) => candidate.id === idOrChecklist) : (idOrChecklist as TailoredChecklist | undefined);
    if (!checklist) throw new TrainpackError('CHECKLIST_UNKNOWN', `unknown checklist "${String(idOrChecklist)}"`);
    return checklistMarkdown(checklist, level);
  });
  handlebars.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions & { data: ExpandData }) => options.data.labels.get(String(key)));
  handlebars.registerHelper('md', (value: unknown) => escapeMarkdown(value === undefined || value === null ? '' : String(value)));
  handlebars.registerHelper('attr', (value: unknown) => quoteAttribute(value === undefined || value === null ? '' : String(value)));
  handlebars.registerHelper('pagebreak', () => '\n::pagebreak\n');
  handlebars.registerHelper('fill', (label: unknown) => `\n::fill label=${quoteAttribute(typeof label === 'string' ? label : '')}\n`);
}

/** The Markdown of one checklist: a `::: checklist` container the layout draws for a pen. */
export function checklistMarkdown(checklist: TailoredChecklist, level = 3): string {
  if (checklist.items.length === 0) return '';
  const lines = [`::: checklist id=${quoteAttribute(checklist.id)}`, '', `${'#'.repeat(Math.min(Math.max(level, 1), 4))} ${escapeMarkdown(checklist.title)}`, ''];
  if (checklist.intro) lines.push(inlineMarkdown(checklist.intro), '');
  for (const item of checklist.items) lines.push(`- [ ] ${inlineMarkdown(item.text)}`);
  lines.push('', ':::', '');
  return lines.join('\n');
}

/** Turns a Handlebars parse or runtime error into a located TrainpackError. */
export function templateError(error: unknown, location: TemplateLocation): TrainpackError {
  if (error instanceof TrainpackError) {
    return error.location ? error : new TrainpackError(error.code, error.message, { location: { file: location.file }, hint: error.hint });
  }
  const raw = error instanceof Error ? error.message : String(error);
  const at = (line: number | undefined, column: number | undefined): SourceLocation => ({ file: location.file, line: line === undefined ? undefined : line + location.lineOffset, column: column === undefined ? undefined : column + 1 });
  // A field looked up on text, like {{audience.name.length}}: JavaScript's own TypeError, without a place.
  const onText = /^Cannot use 'in' operator to search for '([^']*)' in/.exec(raw);
  if (error instanceof TypeError && onText) {
    const path = location.source === undefined ? undefined : findPath(location.source, onText[1]!);
    const where = path ? at(path.loc.start.line, path.loc.start.column) : { file: location.file };
    const parent = path ? path.parts.slice(0, path.parts.indexOf(onText[1]!)).join('.') : 'the value';
    return new TrainpackError('TEMPLATE', `unknown value "${path?.original ?? onText[1]}" in a template expression: "${parent}" is text, which has no field "${onText[1]}"`, { location: where });
  }
  if (location.source !== undefined && /got 'EOF'$/.test(raw)) {
    const unclosed = findUnclosedBlock(location.source);
    if (unclosed) {
      return new TrainpackError('TEMPLATE_UNCLOSED', `{{#${unclosed.name}}} is never closed`, { location: at(unclosed.line, unclosed.column - 1), hint: `close it with {{/${unclosed.name}}}` });
    }
  }
  const details = error as { lineNumber?: number; column?: number; hash?: { loc?: { first_line: number; first_column: number } } };
  let line = details.hash?.loc?.first_line ?? details.lineNumber;
  let column = details.hash?.loc ? details.hash.loc.first_column : details.column;
  const trailing = /- (\d+):(\d+)$/.exec(raw);
  if (line === undefined && trailing) {
    line = Number(trailing[1]);
    column = Number(trailing[2]);
  }
  const parseLine = /^Parse error on line (\d+)/.exec(raw);
  if (line === undefined && parseLine) line = Number(parseLine[1]);
  // Handlebars places a strict lookup at its statement; the path itself is more useful to show.
  const notDefined = /^"([^"]+)" not defined in/.exec(raw);
  const path = notDefined && location.source !== undefined && line !== undefined ? findPath(location.source, notDefined[1]!, { line, column: column ?? 0 }) : undefined;
  if (path) return new TrainpackError('TEMPLATE', `unknown value "${path.original}" in a template expression`, { location: at(path.loc.start.line, path.loc.start.column) });
  return new TrainpackError('TEMPLATE', describeHandlebarsError(raw), { location: at(line, column) });
}

function describeHandlebarsError(message: string): string {
  const notDefined = /^"([^"]+)" not defined in/.exec(message);
  if (notDefined) return `unknown value "${notDefined[1]}" in a template expression`;
  const unknownHelper = /unknown helper (\S+)/.exec(message);
  if (unknownHelper) return `unknown helper "${unknownHelper[1]}"`;
  if (message.startsWith('Parse error')) {
    const expecting = message.split('\n').pop() ?? '';
    return `template syntax error: ${expecting.replace(/'/g, '"')}`;
  }
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) return `{{/${mismatch[2]}}} closes {{#${mismatch[1]}}}: block helpers must close in order`;
  return message.replace(/ - \d+:\d+$/, '');
}
