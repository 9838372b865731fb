import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/check-content.js';
import { BUILT_IN_CONTENT } from '../../src/content/load-content.js';
import { tailorPack } from '../../src/tailor/tailor-pack.js';
import { Expander } from '../../src/template/expand.js';

// Guards the safety and practice revision of the built-in `mhpss` guide, on the real content, in both languages.

const { content } = loadContent(BUILT_IN_CONTENT);
const expander = new Expander(content);
const guide = content.guides.find((candidate) => candidate.id === 'mhpss')!;
const body = (lang: string) => guide.texts[lang]!.body;
const audience = (id: string) => content.audiences.find((candidate) => candidate.id === id)!;

/** The mhpss handout as one audience reads it, passages and checklists expanded. */
function handout(audienceId: string, lang: string): string {
  const documents = expander.expandPlan(tailorPack(content, audience(audienceId), lang, ['mhpss']), '2026-01-01');
  return documents.find((document) => document.guideId === 'mhpss')!.markdown;
}

/** The text under a heading, down to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.replace(/^#+ /, '') === heading && line.startsWith('#'));
  expect(start, `heading "${heading}"`).toBeGreaterThanOrEqual(0);
  const level = lines[start]!.match(/^#+/)![0].length;
  const end = lines.findIndex((line, index) => index > start && /^#+ /.test(line) && line.match(/^#+/)![0].length <= level);
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
}

const headings = (markdown: string, level: number) => markdown.split('\n').filter((line) => line.startsWith(`${'#'.repeat(level)} `)).map((line) => line.slice(level + 1));

function dailyItems(audienceId: string, lang: string) {
  return tailorPack(content, audience(audienceId), lang, ['mhpss']).checklists.find((checklist) => checklist.id === 'daily-support')!.items;
}

const DAILY_ROLES = ['shelter-staff', 'psychologists', 'social-workers', 'health-workers'];

/** Per language: the words each guard looks for. */
const WORDS = {
  en: {
    caseExample: 'Case example: ',
    scripts: 'What to say, what to avoid saying',
    doDont: 'Everyday conduct: do and don’t',
    suicide: 'Risk of suicide and self-harm',
    triggers: 'Referral triggers',
    furtherReading: 'Further reading',
    checklists: 'Checklists',
    roles: 'What each role contributes',
    listen: 'Listen',
    safetyExplained: 'what is being done to keep them safe',
    falseReassurance: /that they are safe here/,
    onCall: 'On-call mental-health contact',
    now: /\bnow\b/,
    outOfHours: /Out of hours/,
    notPlant: 'does not plant the idea',
    noSecrecy: 'Secrecy is never promised',
    debriefingNotRecommended: /Single-session psychological debriefing[^.]*is not recommended/,
    reflective: 'reflective conversation with the supervisor',
    trauma: /trauma-focused cognitive behavioural therapy \(CBT\) or eye movement desensitisation and reprocessing \(EMDR\)/,
    witness: 'can be summoned as a witness',
    compelled: /never compel/i,
    romantic: 'romantic or sexual relationship',
    afterEnd: 'after it ends',
    criminalRecord: 'criminal-record certificate',
    dualRoles: ['employer', 'landlord', 'lender', 'business partner', 'religious or political recruiter'],
    parentView: 'whatever the parent thinks',
    consentOrAgreed: /consent|agreed to/,
    sharing: /shar/,
    childException: /child-protection concern|child needs protection|child is at risk/,
    suicideOrSelfHarm: /suicide|self-harm/,
    sameDay: /same day/,
    autonomy: 'Adults keep their freedom of movement, their phone and their documents',
    behindBack: "behind the person’s back",
  },
  sq: {
    caseExample: 'Rast nga praktika: ',
    scripts: 'Çfarë të thoni, çfarë të mos thoni',
    doDont: 'Sjellja e përditshme: çfarë të bëni dhe çfarë të mos bëni',
    suicide: 'Rreziku i vetëvrasjes dhe i vetëdëmtimit',
    triggers: 'Shenjat për referim',
    furtherReading: 'Për të lexuar më tej',
    checklists: 'Listat e kontrollit',
    roles: 'Çfarë kontribuon secili rol',
    listen: 'Dëgjo',
    safetyExplained: 'çfarë po bëhet për ta mbrojtur',
    falseReassurance: /këtu është i sigurt/,
    onCall: 'kujdestar për shëndetin mendor', // "Kontakti" or "Kontaktin", as the sentence needs
    now: /\btani\b/,
    outOfHours: /Jashtë orarit/,
    notPlant: 'nuk e mbjell idenë',
    noSecrecy: 'Sekreti nuk premtohet kurrë',
    debriefingNotRecommended: /Debriefing-u psikologjik në një seancë të vetme[^.]*nuk rekomandohet/,
    reflective: 'bisedë reflektimi me supervizorin',
    trauma: /terapinë njohëse-sjellore të fokusuar te trauma \(CBT\) ose desensibilizimin dhe ripërpunimin përmes lëvizjeve të syve \(EMDR\)/,
    witness: 'mund të thirret si dëshmitare',
    compelled: /kurrë mos e detyroni/i,
    romantic: 'marrëdhënie romantike ose seksuale',
    afterEnd: 'pasi ai të ketë mbaruar',
    criminalRecord: 'vërtetim të gjendjes gjyqësore',
    dualRoles: ['punëdhënës', 'qiradhënës', 'huadhënës', 'ortak biznesi', 'rekrutues fetar ose politik'],
    parentView: 'çfarëdo që mendon prindi',
    consentOrAgreed: /pëlqim|ka pranuar/,
    sharing: /ndar|ndani/,
    childException: /mbrojtje[n]? (e|për) një fëmij|fëmijë ka nevojë për mbrojtje|fëmijë është në rrezik/,
    suicideOrSelfHarm: /vetëvras|vetëdëmt/,
    sameDay: /po atë ditë/,
    autonomy: 'Të rriturit e ruajnë lirinë e lëvizjes, telefonin dhe dokumentet e tyre',
    behindBack: 'pas shpine',
  },
} as const;

const LANGS = ['sq', 'en'] as const;

describe('the revised mhpss guide', () => {
  it('has the same headings at each level in Albanian and English', () => {
    for (const level of [2, 3]) expect(headings(body('sq'), level).length, `level ${level}`).toBe(headings(body('en'), level).length);
  });

  it.each(LANGS)('has the practice sections: case examples, what to say, do and don\'t, referral triggers, further reading last (%s)', (lang) => {
    const words = WORDS[lang];
    const cases = headings(body(lang), 3).filter((heading) => heading.startsWith(words.caseExample));
    expect(cases.length).toBeGreaterThanOrEqual(6);
    const level2 = headings(body(lang), 2);
    for (const heading of [words.scripts, words.doDont, words.suicide, words.furtherReading]) expect(level2).toContain(heading);
    expect(headings(body(lang), 3)).toContain(words.triggers);
    expect(level2.slice(-2)).toEqual([words.furtherReading, words.checklists]);
  });

  it.each(LANGS)('gives no false reassurance in psychological first aid: it explains what is being done for safety (%s)', (lang) => {
    const listen = section(body(lang), WORDS[lang].listen);
    expect(listen).toContain(WORDS[lang].safetyExplained);
    expect(listen).not.toMatch(WORDS[lang].falseReassurance);
  });

  it.each(LANGS)('sets out a timed suicide path with out-of-hours escalation, asking directly and no secrecy (%s)', (lang) => {
    const words = WORDS[lang];
    const suicide = section(body(lang), words.suicide);
    expect(suicide).toContain(words.onCall);
    expect(suicide).toMatch(words.now);
    expect(suicide).toMatch(words.sameDay);
    expect(suicide).toMatch(words.outOfHours);
    expect(suicide).toContain(words.notPlant);
    expect(suicide).toContain(words.noSecrecy);
  });

  it.each(LANGS)('gives every audience the "call the on-call contact now" item, and never lets talk of suicide wait for the same day (%s)', (lang) => {
    const words = WORDS[lang];
    for (const { id } of content.audiences) {
      const items = dailyItems(id, lang);
      const callNow = items.find((item) => item.id === 'suicide-thoughts-call-now');
      expect(callNow, id).toBeDefined();
      expect(callNow!.text).toMatch(words.now);
      for (const item of items) if (words.sameDay.test(item.text)) expect(item.text, `${id}: ${item.id}`).not.toMatch(words.suicideOrSelfHarm);
    }
  });

  it.each(LANGS)('names single-session psychological debriefing as not recommended and calls the staff talk something else (%s)', (lang) => {
    expect(body(lang)).toMatch(WORDS[lang].debriefingNotRecommended);
    expect(section(body(lang), lang === 'en' ? 'Supervision and performance review' : 'Supervizimi dhe vlerësimi i performancës')).toContain(WORDS[lang].reflective);
  });

  it.each(LANGS)('refers PTSD and depression for evidence-based treatment by trained clinicians (%s)', (lang) => {
    expect(body(lang)).toMatch(WORDS[lang].trauma);
  });

  it.each(LANGS)('prints the daily items only for the roles that see residents daily, and an "at each contact" version for the others (%s)', (lang) => {
    for (const { id } of content.audiences) {
      const ids = dailyItems(id, lang).map((item) => item.id);
      const daily = DAILY_ROLES.includes(id);
      for (const dailyOnly of ['basic-needs', 'facts-not-labels', 'referral-page-ready']) expect(ids.includes(dailyOnly), `${id}: ${dailyOnly}`).toBe(daily);
      for (const atContact of ['basic-needs-at-contact', 'notes-after-contact', 'referral-page-at-contact']) expect(ids.includes(atContact), `${id}: ${atContact}`).toBe(!daily);
    }
  });

  it.each(LANGS)('makes no checklist item\'s child-protection report depend on a parent\'s consent (%s)', (lang) => {
    const words = WORDS[lang];
    const items = guide.checklists.flatMap((checklist) => checklist.items);
    for (const item of items) {
      const text = item.text[lang]!;
      if (words.consentOrAgreed.test(text) && words.sharing.test(text)) expect(text, item.id).toMatch(words.childException);
    }
    for (const { id } of content.audiences) {
      const report = dailyItems(id, lang).find((item) => item.id === 'child-concern-reported');
      expect(report?.text, id).toContain(words.parentView);
    }
    expect(handout('child-protection-workers', lang)).toContain(words.parentView);
  });

  it.each(LANGS)('keeps adults\' phones, documents and movement theirs, and reports no private contact behind their back (%s)', (lang) => {
    const conduct = section(body(lang), WORDS[lang].doDont);
    expect(conduct).toContain(WORDS[lang].autonomy);
    const rows = conduct.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('|---'));
    const dont = rows.map((row) => row.split('|')[2]!.trim());
    expect(dont.some((cell) => cell.includes(WORDS[lang].behindBack))).toBe(true);
  });

  it.each(LANGS)('tells lawyers that a victim can be summoned as a witness, not that taking part is never compelled (%s)', (lang) => {
    const text = section(handout('lawyers', lang), WORDS[lang].roles);
    expect(text).toContain(WORDS[lang].witness);
    expect(text).not.toMatch(WORDS[lang].compelled);
    expect(dailyItems('lawyers', lang).map((item) => item.id)).toContain('explain-cooperation');
  });

  it.each(LANGS)('bans romantic and sexual relationships and other roles for mentors, during and after, and asks every mentor for a criminal record (%s)', (lang) => {
    const words = WORDS[lang];
    const text = section(handout('mentors', lang), words.roles);
    expect(text).toContain(words.romantic);
    expect(text).toContain(words.afterEnd);
    expect(text).toContain(words.criminalRecord);
    const wellbeing = tailorPack(content, audience('mentors'), lang, ['mhpss']).checklists.find((checklist) => checklist.id === 'staff-wellbeing')!;
    const noDualRoles = wellbeing.items.find((item) => item.id === 'mentor-no-dual-roles')!.text;
    for (const role of words.dualRoles) expect(noDualRoles).toContain(role);
  });

  it.each(LANGS)('points every row of the referral-triggers table at a named box of the referral contacts page (%s)', (lang) => {
    const words = WORDS[lang];
    const triggers = section(body(lang), words.triggers);
    const labels = content.pack.contacts.map((contact) => contact.label[lang]!);
    const rows = triggers.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('|---')).slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) {
      const whom = row.split('|')[3]!;
      const boxes = [...whom.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1]!);
      expect(boxes.length, row).toBeGreaterThan(0);
      // A box is named by its full label, or by the label without its bracketed note ("(day and night)").
      for (const box of boxes) expect(labels.some((label) => label === box || label.startsWith(`${box} (`)), box).toBe(true);
    }
    expect(triggers.split('\n').filter((line) => !line.startsWith('|')).join(' ')).toContain(words.onCall);
  });

  it.each(LANGS)('lists the international guidance it draws on, by title only (%s)', (lang) => {
    const reading = section(body(lang), WORDS[lang].furtherReading);
    for (const title of ['IASC Guidelines on Mental Health and Psychosocial Support in Emergency Settings', 'Psychological First Aid: Guide for Field Workers', 'mhGAP Intervention Guide', 'WHO Ethical and Safety Recommendations for Interviewing Trafficked Women', 'Caring for Trafficked Persons: Guidance for Health Providers', 'Elements of Effective Practice for Mentoring', 'Managing Stress in Humanitarian Workers', 'NEXUS', 'UN Guidelines for the Alternative Care of Children']) {
      expect(reading, title).toContain(title);
    }
    expect(reading).not.toMatch(/https?:|www\./);
  });

  it.each(LANGS)('follows the glossary\'s typography: ’ for the apostrophe, „…“ quotes in Albanian and “…” in English (%s)', (lang) => {
    const texts = [body(lang), ...guide.checklists.flatMap((checklist) => checklist.items.map((item) => item.text[lang]!))].join('\n').replace(/\{\{[^}]*\}\}/g, '');
    expect(texts).not.toContain("'");
    expect(texts).not.toContain(lang === 'sq' ? '”' : '„');
  });

  it('uses the shared Albanian terms, not the rejected ones', () => {
    const albanian = [body('sq'), ...guide.checklists.flatMap((checklist) => [checklist.title.sq!, checklist.intro?.sq ?? '', ...checklist.items.map((item) => item.text.sq!)])].join('\n');
    for (const rejected of [/\bbanor/i, /\brezident/i, /\bshtres[aë]/i, /Kujtoni:/, /akuzuar/i, /kthim(e)? pas/i, /e informuar mbi traumën/i, /punonjësi i rastit/i, /bashkëmoshatar/i, /ndihmë juridike falas/i]) {
      expect(albanian).not.toMatch(rejected);
    }
    for (const required of ['Mbani mend:', 'menaxheri i rastit', 'pandehur', 'hapa prapa', 'qasja e ndjeshme ndaj traumës', 'sindroma e konsumimit profesional (burnout)', 'nivele']) {
      expect(albanian.toLowerCase()).toContain(required.toLowerCase());
    }
  });
});
