import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProblemList, type SourceLocation } from '../errors.js';
import { splitFrontMatter } from './front-matter.js';
import { exceedsSizeLimit, type SizeLimitKind } from './size-limits.js';
import { audienceSchema, audiencesSchema, checklistsSchema, frontMatterSchema, labelsSchema, packSchema } from './schema.js';
import type { Audience, Checklist, Content, Guide, GuideText, LabelSet, LocalisedText, Pack, PaperSize, QuizQuestion, Session, TemplateSource, WorkshopPlan } from './types.js';
import { RESERVED_GUIDE_IDS, WORKSHOP_FOLDER_PREFIX } from './reserved-ids.js';
import { ID_PATTERN, LANGUAGE_PATTERN } from './schema.js';
import { checkAudienceSelector, checkLocalised, checkUnique } from './content-checks.js';
import { readSessions } from './read-sessions.js';
import { resolveWorkshopPlan, type PlanContext } from './resolve-workshop-plan.js';
import { didYouMean, formatPath, validateYaml } from './validate.js';
import { YamlSource, type YamlPath } from './yaml-source.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The content root that ships with trainpack. */
export const BUILT_IN_CONTENT = path.join(packageRoot, 'guides');
/** The templates and UI labels that ship with trainpack. */
export const BUILT_IN_TEMPLATES = path.join(packageRoot, 'templates');

export interface LoadOptions {
  /** A folder whose templates override the built-in ones and the content root's, by file name. */
  templatesDir?: string;
}

export interface LoadResult {
  /** Present when there were no errors. */
  content?: Content;
  problems: ProblemList;
  /** What could be read even with errors, so later checks can still report their problems. */
  partial: {
    root: string;
    guides: Guide[];
    /** Undefined when audiences.yaml could not be read or parsed: references to audiences cannot be checked then. */
    audienceIds?: string[];
    templates: TemplateSource[];
    /** Every labels.yaml read, for the glyph check. */
    labelFiles: string[];
  };
}

/**
 * Reads and validates a content root, collecting every problem (with file:line:col) instead of
 * stopping at the first. `content` is present when there were no errors.
 */
export function readContent(root: string, options: LoadOptions = {}): LoadResult {
  const problems = new ProblemList();
  const absoluteRoot = path.resolve(root);
  if (!isDirectory(absoluteRoot)) {
    problems.error('CONTENT_NOT_FOUND', 'content folder not found', { file: absoluteRoot }, 'give a folder holding pack.yaml with --content DIR');
    return { problems, partial: { root: absoluteRoot, guides: [], templates: [], labelFiles: [] } };
  }

  const packSource = readYaml(path.join(absoluteRoot, 'pack.yaml'), problems);
  const audiencesSource = readYaml(path.join(absoluteRoot, 'audiences.yaml'), problems);
  const packData = packSource && validateYaml(packSchema, packSource, problems);
  const audiencesData = audiencesSource && validateYaml(audiencesSchema, audiencesSource, problems);

  // When a file fails its schema, what can be salvaged is still used, so that the guides are
  // checked too and every problem is reported in one run.
  const packRaw = packSource?.ok ? (packSource.toJS() as Record<string, unknown> | null) : null;
  const languages = packData?.languages ?? stringList(packRaw?.languages, LANGUAGE_PATTERN);
  const guideIds = packData?.guides ?? stringList(packRaw?.guides, ID_PATTERN);
  const pack: Pack | undefined = packData && { ...packData, paper: packData.paper as PaperSize };
  if (pack && packSource) {
    checkLocalised(packSource, ['title'], pack.title, languages, problems);
    if (pack.subtitle) checkLocalised(packSource, ['subtitle'], pack.subtitle, languages, problems);
    if (pack.organisation) checkLocalised(packSource, ['organisation'], pack.organisation, languages, problems);
    if (pack.credits) checkLocalised(packSource, ['credits'], pack.credits, languages, problems);
    checkUnique(packSource, ['languages'], pack.languages, 'language', problems);
    checkUnique(packSource, ['guides'], pack.guides, 'guide', problems);
    checkUnique(packSource, ['contacts'], pack.contacts.map((contact) => contact.id), 'contact', problems, 'id');
    pack.contacts.forEach((contact, index) => checkLocalised(packSource, ['contacts', index, 'label'], contact.label, languages, problems));
  }

  const audiencesRaw = audiencesSource?.ok ? (audiencesSource.toJS() as { audiences?: unknown } | null) : null;
  const rawAudiences = Array.isArray(audiencesRaw?.audiences) ? (audiencesRaw.audiences as unknown[]) : [];
  const audiences: Audience[] = audiencesData?.audiences ?? rawAudiences.flatMap((entry) => {
    const parsed = audienceSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  if (audiencesSource) {
    checkUnique(audiencesSource, ['audiences'], audiences.map((audience) => audience.id), 'audience', problems, 'id');
    rawAudiences.forEach((entry, index) => {
      const id = (entry as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && id.startsWith(WORKSHOP_FOLDER_PREFIX)) {
        problems.error('RESERVED_ID', `audiences[${index}].id: "${id}" cannot be an audience id: ${WORKSHOP_FOLDER_PREFIX}… folders hold workshop kits, beside the audiences' folders`, audiencesSource.locate(['audiences', index, 'id']), `rename the audience so it does not start with "${WORKSHOP_FOLDER_PREFIX}"`);
      }
    });
    rawAudiences.forEach((entry, index) => {
      const { name, description } = (entry ?? {}) as { name?: unknown; description?: unknown };
      if (isTextMap(name)) checkLocalised(audiencesSource, ['audiences', index, 'name'], name, languages, problems);
      if (isTextMap(description)) checkLocalised(audiencesSource, ['audiences', index, 'description'], description, languages, problems);
    });
  }
  // Without a readable audiences.yaml every audience reference would be reported as unknown:
  // hundreds of follow-on errors hiding the one cause, so references are not checked then.
  const audienceIds = !audiencesSource?.ok
    ? undefined
    : audiencesData
      ? audiences.map((audience) => audience.id)
      : rawAudiences.flatMap((entry) => (entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? [(entry as { id: string }).id] : []));

  const guides: Guide[] = [];
  if (packSource) {
    guideIds.forEach((guideId, index) => {
      if (RESERVED_GUIDE_IDS.includes(guideId)) {
        problems.error('RESERVED_ID', `guides: "${guideId}" cannot be a guide id: the handout would be ${guideId}.pdf, the name of a file every pack writes`, packSource.locate(['guides', index]), `reserved guide ids: ${RESERVED_GUIDE_IDS.join(', ')}; rename the guide and its folder`);
        return;
      }
      const dir = path.join(absoluteRoot, guideId);
      if (!isDirectory(dir)) {
        problems.error('GUIDE_NOT_FOUND', `guides: no folder "${guideId}" in the content root`, packSource.locate(['guides', index]), didYouMean(guideId, listGuideFolders(absoluteRoot)));
        return;
      }
      const guide = readGuide(guideId, dir, languages, audienceIds, problems);
      if (guide) guides.push(guide);
    });
  }

  const templates = readTemplates(absoluteRoot, options.templatesDir, problems);
  const { labels, labelFiles } = readLabels(absoluteRoot, options.templatesDir, problems);
  for (const language of languages) {
    if (!labels[language]) {
      problems.warn('LABELS_MISSING', `no UI labels for language "${language}": English labels are used`, packSource?.locate(['languages', languages.indexOf(language)]), `add templates/labels.yaml with a "${language}:" section to the content root`);
    }
  }

  // Plans name audiences too: with audiences.yaml broken they could only report follow-on errors.
  const workshops = audienceIds ? readWorkshopPlans(absoluteRoot, { guides, audienceIds, languages }, problems) : [];

  const partial = { root: absoluteRoot, guides, audienceIds, templates, labelFiles };
  if (problems.hasErrors || !pack) return { problems, partial };
  return { content: { root: absoluteRoot, pack, audiences, guides, templates, labels, workshops }, problems, partial };
}

/** The folder of ready-made workshop plans in a content root. */
const WORKSHOPS_FOLDER = 'workshops';

function readWorkshopPlans(root: string, context: PlanContext, problems: ProblemList): WorkshopPlan[] {
  const dir = path.join(root, WORKSHOPS_FOLDER);
  if (!isDirectory(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .flatMap((name) => {
      const source = readYaml(path.join(dir, name), problems);
      const plan = source && resolveWorkshopPlan(source, context, problems);
      return plan ? [plan] : [];
    });
}

/**
 * Reads a workshop plan from any file (`trainpack workshop PLAN`) against loaded content. Every
 * problem goes to `problems`; the plan is returned when it has no errors.
 */
export function readWorkshopPlan(file: string, content: Content, problems: ProblemList): WorkshopPlan | undefined {
  const source = readYaml(path.resolve(file), problems);
  return source && resolveWorkshopPlan(source, planContext(content), problems);
}

/** A plan given as text (one composed by `trainpack workshop`'s questions), named `file` in problems. */
export function parseWorkshopPlan(text: string, file: string, content: Content, problems: ProblemList): WorkshopPlan | undefined {
  return resolveWorkshopPlan(YamlSource.parse(text, file, problems), planContext(content), problems);
}

function planContext(content: Content): PlanContext {
  return { guides: content.guides, audienceIds: content.audiences.map((audience) => audience.id), languages: content.pack.languages };
}

function readGuide(id: string, dir: string, languages: readonly string[], audienceIds: readonly string[] | undefined, problems: ProblemList): Guide | undefined {
  const texts: Record<string, GuideText> = {};
  for (const lang of languages) {
    const file = path.join(dir, `guide.${lang}.md`);
    const text = readText(file, 'guide', problems, `each guide needs one guide.<lang>.md per language in pack.yaml`);
    if (text === undefined) continue;
    const split = splitFrontMatter(text, file, problems);
    if (split.kind === 'refused') continue;
    if (!split.yaml) {
      const unclosed = split.kind === 'unclosed';
      problems.error(
        'FRONT_MATTER_MISSING',
        unclosed ? 'front matter is not closed: no line "---" ends what the "---" of line 1 opens' : 'front matter missing: the file must start with --- and give at least a title',
        { file, line: 1, column: 1 },
        unclosed ? 'end the front matter with a line "---" before the Markdown' : 'start the file with a line "---", then "title: ...", then a line "---"',
      );
      continue;
    }
    if (!split.yaml.ok) continue;
    const data = validateYaml(frontMatterSchema, split.yaml, problems);
    if (!data) continue;
    if (audienceIds) checkAudienceSelector(split.yaml, ['audiences'], data.audiences, audienceIds, problems);
    texts[lang] = { lang, title: data.title, summary: data.summary, audiences: data.audiences, body: split.body, file, bodyLine: split.bodyLine };
  }

  const checklists: Checklist[] = [];
  const checklistFile = path.join(dir, 'checklists.yaml');
  if (existsSync(checklistFile)) {
    const source = readYaml(checklistFile, problems);
    const data = source && validateYaml(checklistsSchema, source, problems);
    if (source && data) {
      checkUnique(source, ['checklists'], data.checklists.map((checklist) => checklist.id), 'checklist', problems, 'id');
      data.checklists.forEach((checklist, index) => {
        const base: YamlPath = ['checklists', index];
        checkLocalised(source, [...base, 'title'], checklist.title, languages, problems);
        if (checklist.intro) checkLocalised(source, [...base, 'intro'], checklist.intro, languages, problems);
        const itemIds = checklist.items.map((item) => item.id).filter((itemId): itemId is string => itemId !== undefined);
        checkUnique(source, [...base, 'items'], itemIds, 'item', problems, 'id');
        checklist.items.forEach((item, itemIndex) => {
          checkLocalised(source, [...base, 'items', itemIndex, 'text'], item.text, languages, problems);
          if (audienceIds) checkAudienceSelector(source, [...base, 'items', itemIndex, 'audiences'], item.audiences, audienceIds, problems);
        });
        checklists.push(checklist);
      });
    }
  }
  let sessions: Session[] = [];
  let quiz: QuizQuestion[] = [];
  const sessionsFile = path.join(dir, 'sessions.yaml');
  if (existsSync(sessionsFile)) {
    const source = readYaml(sessionsFile, problems);
    if (source?.ok) ({ sessions, quiz } = readSessions(source, id, languages, audienceIds, problems));
  }
  return { id, dir, texts, checklists, sessions, quiz };
}

function readTemplates(root: string, templatesDir: string | undefined, problems: ProblemList): TemplateSource[] {
  const byName = new Map<string, TemplateSource>();
  for (const dir of [BUILT_IN_TEMPLATES, path.join(root, 'templates'), templatesDir]) {
    if (!dir || !isDirectory(dir)) {
      if (dir === templatesDir && dir) problems.error('TEMPLATES_NOT_FOUND', 'templates folder not found', { file: path.resolve(dir) });
      continue;
    }
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (!name.endsWith('.hbs')) {
        if (dir !== BUILT_IN_TEMPLATES) warnIfMisnamedTemplate(name, file);
        continue;
      }
      if (dir !== BUILT_IN_TEMPLATES && !byName.has(name)) {
        warnIfMisnamedTemplate(name, file);
        continue;
      }
      const source = readText(file, 'template', problems);
      if (source !== undefined) byName.set(name, { name, source, file });
    }
  }
  return [...byName.values()];

  /** An override overrides only by exact file name: anything else in the folder would be silently ignored. */
  function warnIfMisnamedTemplate(name: string, file: string): void {
    if (name === 'labels.yaml' || name.startsWith('.') || isDirectory(file)) return;
    const known = [...byName.keys()];
    problems.warn('TEMPLATE_UNKNOWN', `"${name}" is not a template trainpack uses: it is ignored`, { file }, `${didYouMean(name, known) ?? ''} templates are overridden by file name: ${known.join(', ')}, and labels.yaml`.trim());
  }
}

/** Built-in labels, then the content root's, then --templates': later ones win, key by key. */
function readLabels(root: string, templatesDir: string | undefined, problems: ProblemList): { labels: LabelSet; labelFiles: string[] } {
  const merged: Record<string, Record<string, string>> = {};
  const labelFiles: string[] = [];
  for (const dir of [BUILT_IN_TEMPLATES, path.join(root, 'templates'), templatesDir]) {
    const file = dir && path.join(dir, 'labels.yaml');
    if (!file || !existsSync(file)) continue;
    labelFiles.push(file);
    const source = readYaml(file, problems);
    const data = source && validateYaml(labelsSchema, source, problems);
    for (const [lang, labels] of Object.entries(data ?? {})) merged[lang] = { ...merged[lang], ...labels };
  }
  return { labels: merged, labelFiles };
}

function readYaml(file: string, problems: ProblemList): YamlSource | undefined {
  const text = readText(file, 'yaml', problems);
  return text === undefined ? undefined : YamlSource.parse(text, file, problems);
}

function readText(file: string, kind: SizeLimitKind, problems: ProblemList, hint?: string): string | undefined {
  if (exceedsSizeLimit(file, kind, problems)) return undefined;
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.error('FILE_UNREADABLE', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`, { file }, hint);
    return undefined;
  }
}

function stringList(value: unknown, pattern: RegExp): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && pattern.test(item)) : [];
}

function isTextMap(value: unknown): value is LocalisedText {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listGuideFolders(root: string): string[] {
  return readdirSync(root).filter((name) => name !== 'templates' && name !== WORKSHOPS_FOLDER && isDirectory(path.join(root, name)));
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
