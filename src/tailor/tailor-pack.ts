import type { Audience, AudienceSelector, Checklist, Content, Guide, GuideText, Pack } from '../content/types.js';

/** A checklist as one audience gets it: texts in one language, only that audience's items. */
export interface TailoredChecklist {
  id: string;
  guideId: string;
  guideTitle: string;
  title: string;
  intro?: string;
  items: { id?: string; text: string; pocket: boolean }[];
}

export interface PlannedGuide {
  guide: Guide;
  text: GuideText;
  checklists: TailoredChecklist[];
}

/** What one pack holds for one audience in one language. */
export interface PackPlan {
  pack: Pack;
  audience: Audience;
  lang: string;
  guides: PlannedGuide[];
  /** Every checklist of the planned guides that has at least one item for the audience. */
  checklists: TailoredChecklist[];
}

export function appliesTo(selector: AudienceSelector, audienceId: string): boolean {
  return selector === 'all' || selector.includes(audienceId);
}

/** Picks the text for `lang`, or (for a text validation already reported) the first one there is. */
export function localise(text: Readonly<Record<string, string>>, lang: string): string {
  return text[lang] ?? Object.values(text)[0] ?? '';
}

export function tailorChecklist(checklist: Checklist, guideTitle: string, guideId: string, audienceId: string, lang: string): TailoredChecklist {
  return {
    id: checklist.id,
    guideId,
    guideTitle,
    title: localise(checklist.title, lang),
    intro: checklist.intro ? localise(checklist.intro, lang) : undefined,
    items: checklist.items.filter((item) => appliesTo(item.audiences, audienceId)).map((item) => ({ id: item.id, text: localise(item.text, lang), pocket: item.pocket ?? false })),
  };
}

/**
 * Decides what `audience` gets in `lang`: the guides whose front matter includes the audience (in
 * pack order, optionally narrowed to `guideIds`) and, for each, its checklists with only the
 * audience's items. Passages (`{{#for}}`) are chosen when the plan is expanded.
 */
export function tailorPack(content: Content, audience: Audience, lang: string, guideIds?: readonly string[]): PackPlan {
  const guides: PlannedGuide[] = [];
  for (const guide of content.guides) {
    if (guideIds && !guideIds.includes(guide.id)) continue;
    const text = guide.texts[lang];
    if (!text || !appliesTo(text.audiences, audience.id)) continue;
    const checklists = guide.checklists.map((checklist) => tailorChecklist(checklist, text.title, guide.id, audience.id, lang));
    guides.push({ guide, text, checklists });
  }
  const checklists = guides.flatMap((planned) => planned.checklists).filter((checklist) => checklist.items.length > 0);
  return { pack: content.pack, audience, lang, guides, checklists };
}
