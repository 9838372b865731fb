import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/check-content.js';
import { BUILT_IN_CONTENT } from '../../src/content/load-content.js';
import { tailorPack } from '../../src/tailor/tailor-pack.js';
import { Expander } from '../../src/template/expand.js';

// Guards the safety revision of the built-in `mentoring` guide on the real content, in both languages.

const { content } = loadContent(BUILT_IN_CONTENT);
const expander = new Expander(content);
const mentoring = content.guides.find((guide) => guide.id === 'mentoring')!;
const LANGS = ['sq', 'en'] as const;

const body = (lang: string) => mentoring.texts[lang]!.body;
const checklistTexts = (lang: string) => mentoring.checklists.flatMap((checklist) => checklist.items.map((item) => item.text[lang]!));

/** The mentoring handout exactly as one audience gets it, in one language. */
function handout(audienceId: string, lang: string): string {
  const audience = content.audiences.find((candidate) => candidate.id === audienceId)!;
  return expander.expandPlan(tailorPack(content, audience, lang), '2026-01-01').find((doc) => doc.guideId === 'mentoring')!.markdown;
}

/** The text of one `## ` section of the guide body, up to the next `## ` heading. */
function section(lang: string, heading: string): string {
  const text = body(lang);
  const start = text.indexOf(`\n## ${heading}\n`);
  expect(start, `section "${heading}" (${lang})`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

/** Words each language must use, keyed by the idea they express. */
const WORDS = {
  sq: {
    boundaries: 'Kufijtë',
    romantic: /romantike ose seksuale/,
    duringAndAfter: /as gjatë mentorimit, as pas/,
    otherRoles: /punëson.*strehim.*hua.*biznes.*fetar ose politik/,
    criminalRecord: /vërtetim\w* (i|të) gjendjes gjyqësore për çdo mentor/,
    onCall: 'Kontaktin kujdestar për shëndetin mendor (ditë e natë)',
    doesNotPlant: /pyeturit drejtpërdrejt për vetëvrasjen nuk ia fut askujt idenë/,
    noSecrecy: /mos premtoni kurrë se do ta mbani të fshehtë/,
    witness: /mund të thirret gjithsesi si dëshmitar/,
    parentConsent: /pëlqim\w*.*prind|prind\w*.*pëlqim/,
    notImplicated: /nuk (është|janë) (të|i) përfshirë/,
    caseExample: /^#### Rast nga praktika: /gm,
    scripts: '## Çfarë të thoni dhe çfarë të shmangni',
    doDont: '### Çfarë të bëni dhe çfarë të mos bëni',
    furtherReading: '## Për të lexuar më tej',
    peerSafeguards: 'title="Masa mbrojtëse për mentorët nga radhët e të mbijetuarve"',
  },
  en: {
    boundaries: 'Boundaries',
    romantic: /Romantic or sexual relationships/,
    duringAndAfter: /during mentoring or after it ends/,
    otherRoles: /employs, houses, lends to, does business with.*religious or political group/,
    criminalRecord: /criminal-record certificate for every mentor/,
    onCall: 'on-call mental-health contact (day and night)',
    doesNotPlant: /Asking directly about suicide does not put the idea in someone’s head/,
    noSecrecy: /never promise to keep what you hear a secret/,
    witness: /may still be summoned as a witness/,
    parentConsent: /consent.*parent|parent.*consent/i,
    notImplicated: /not implicated/,
    caseExample: /^#### Case example: /gm,
    scripts: '## What to say, and what to avoid saying',
    doDont: '### Do and don’t',
    furtherReading: '## Further reading',
    peerSafeguards: 'title="Safeguards for survivor peer mentors"',
  },
} as const;

describe('the revised mentoring guide', () => {
  it.each(LANGS)('bans romantic and sexual relationships and other roles, during and after mentoring, in the boundaries (%s)', (lang) => {
    const words = WORDS[lang];
    const boundaries = section(lang, words.boundaries);
    expect(boundaries).toMatch(words.romantic);
    expect(boundaries).toMatch(words.duringAndAfter);
    expect(boundaries).toMatch(words.otherRoles);
  });

  it.each(LANGS)('requires a criminal-record certificate for every mentor, not only for those who meet children (%s)', (lang) => {
    expect(body(lang)).toMatch(WORDS[lang].criminalRecord);
  });

  it.each(LANGS)('gives survivor peer mentors their own safeguards box (%s)', (lang) => {
    expect(body(lang)).toContain(WORDS[lang].peerSafeguards);
  });

  it.each(LANGS)('sends thoughts of suicide to the on-call contact, says asking does not plant the idea, and never promises secrecy (%s)', (lang) => {
    const text = body(lang);
    expect(text).toContain(WORDS[lang].onCall);
    expect(text).toMatch(WORDS[lang].doesNotPlant);
    expect(text).toMatch(WORDS[lang].noSecrecy);
  });

  it('no longer tells mentors to report suicide talk only "the same day"', () => {
    expect(body('en')).not.toMatch(/talk of self-harm, someone who seems/);
    expect(body('sq')).not.toMatch(/fjalë për vetëdëmtim, dikë që duket/);
  });

  it.each(LANGS)('says a victim can be summoned as a witness instead of "never compelled" (%s)', (lang) => {
    expect(body(lang)).toMatch(WORDS[lang].witness);
    expect(body(lang)).not.toMatch(/never compelled|kurrë të mos detyrohet/);
  });

  it('calls the talk after a crisis a reflective conversation, and names single-session debriefing only as not recommended', () => {
    const debriefs = body('en').match(/debrief\w*/gi) ?? [];
    expect(debriefs).toEqual(['debriefing']);
    expect(body('en')).toContain('single-session psychological debriefing, which is not recommended');
    expect(body('sq')).toContain('debriefing psikologjik në një seancë të vetme, i cili nuk rekomandohet');
  });

  it.each(LANGS)('asks a parent for consent only where the parent is not implicated, in the guide and every checklist item (%s)', (lang) => {
    const { parentConsent, notImplicated } = WORDS[lang];
    const sentences = body(lang).split(/(?<=[.;])\s+/).filter((sentence) => parentConsent.test(sentence) && !/pa pritur|without waiting|whatever a parent/.test(sentence));
    const items = checklistTexts(lang).filter((text) => parentConsent.test(text) && !/pa pritur pëlqimin|without waiting for a parent’s consent/.test(text));
    expect(sentences.length + items.length).toBeGreaterThan(0);
    for (const text of [...sentences, ...items]) expect(text, text).toMatch(notImplicated);
  });

  it('never makes reporting a child-protection concern wait for a parent: the teachers\' item says so', () => {
    const teachers = tailorPack(content, content.audiences.find((audience) => audience.id === 'teachers')!, 'en');
    const items = teachers.checklists.flatMap((checklist) => checklist.items.map((item) => item.text));
    expect(items.some((text) => /child-protection concerns.*without waiting for a parent’s consent/.test(text))).toBe(true);
    for (const text of items) if (/report/i.test(text)) expect(text, text).not.toMatch(/only (with|after) .*consent/);
  });

  it.each(LANGS)('keeps one photo rule: none on personal devices, and nothing that tells mentors to keep photos (%s)', (lang) => {
    const text = [body(lang), ...checklistTexts(lang)].join('\n');
    expect(text).not.toMatch(/Delete or hand over messages, notes and photos|Fshini ose dorëzoni mesazhet, shënimet dhe fotot/);
    expect(text).toMatch(lang === 'en' ? /No photos of the person on personal devices/ : /Asnjë foto e personit në pajisjet personale/);
  });

  it.each(LANGS)('has a case example in each of the four stages, a what-to-say table, a do/don\'t table and further reading (%s)', (lang) => {
    const words = WORDS[lang];
    const stages = section(lang, lang === 'en' ? 'The stages of a mentoring relationship' : 'Fazat e një marrëdhënieje mentorimi');
    expect(stages.match(words.caseExample)).toHaveLength(4);
    for (const part of stages.split(/^### /m).slice(1)) expect(part, part.split('\n')[0]).toMatch(words.caseExample);
    for (const audienceId of ['mentors', 'teachers']) {
      const printed = handout(audienceId, lang);
      expect(printed).toContain(words.scripts);
      expect(printed).toContain(words.doDont);
      expect(printed).toContain(words.furtherReading);
    }
  });

  it.each(LANGS)('lists the international guidance it draws on, by title (%s)', (lang) => {
    const reading = body(lang).slice(body(lang).indexOf(WORDS[lang].furtherReading));
    for (const title of [
      'IASC Guidelines on Mental Health and Psychosocial Support in Emergency Settings',
      'Psychological First Aid: Guide for Field Workers',
      'mhGAP Intervention Guide',
      'WHO Ethical and Safety Recommendations for Interviewing Trafficked Women',
      'Caring for Trafficked Persons: Guidance for Health Providers',
      'Elements of Effective Practice for Mentoring',
      'Managing Stress in Humanitarian Workers: Guidelines for Good Practice',
      'NEXUS',
    ]) expect(reading, title).toContain(title);
    expect(reading).not.toMatch(/https?:|www\./);
  });

  it('uses the shared Albanian terms, not the rejected ones', () => {
    const text = [body('sq'), ...checklistTexts('sq'), mentoring.texts.sq!.summary].join('\n');
    for (const rejected of [/Kujtoni:/, /caktim\w* i mentorit/i, /punonjës\w* (i |të )?rastit/, /[Kk]thim\w* pas\b/, /informuar mbi traumën/, /kujdestar(i|in|it)(?! ligjor)(?!\p{L})/u, /i akuzuar/, /bashkëmoshatar/, /person\w* (është|nuk është) i sigurt/])
      expect(text, String(rejected)).not.toMatch(rejected);
    expect(text).toContain('Mbani mend:');
    expect(text).toContain('menaxheri i rastit');
    expect(text).toContain('qasjen e ndjeshme ndaj traumës');
    expect(text).toContain('sindromës së konsumimit profesional (burnout)');
  });
});
