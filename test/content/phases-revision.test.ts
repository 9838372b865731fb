import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/check-content.js';
import { BUILT_IN_CONTENT } from '../../src/content/load-content.js';
import { tailorPack } from '../../src/tailor/tailor-pack.js';

// Guards the safety fixes of the practitioner review on the real `phases` guide, in both languages.
const { content } = loadContent(BUILT_IN_CONTENT);
const phases = content.guides.find((guide) => guide.id === 'phases')!;
const languages = ['sq', 'en'] as const;
type Lang = (typeof languages)[number];

const body = (lang: Lang) => phases.texts[lang]!.body;

function audienceById(id: string) {
  return content.audiences.find((audience) => audience.id === id)!;
}

/** The phases checklist items one audience gets, by checklist. */
function checklistItems(audienceId: string, lang: Lang) {
  return tailorPack(content, audienceById(audienceId), lang, ['phases']).checklists.flatMap((checklist) => checklist.items.map((item) => ({ checklist: checklist.id, ...item })));
}

/** Every item text of the phases checklists in one language, whatever its audience. */
const allItemTexts = (lang: Lang) => phases.checklists.flatMap((checklist) => checklist.items.map((item) => ({ id: item.id, text: item.text[lang]! })));

/** The role passages (`{{#for}}` blocks) written for one audience; which audience receives them is tested in built-in-guides. */
function rolePassages(audienceId: string, lang: Lang): string {
  return [...body(lang).matchAll(/\{\{#for ((?:"[a-z0-9-]+" ?)+)\}\}\n([\s\S]*?)\{\{\/for\}\}/g)]
    .filter((match) => match[1]!.includes(`"${audienceId}"`))
    .map((match) => match[2]!)
    .join('\n');
}

const headingsOf = (markdown: string, level: number) => markdown.split('\n').filter((line) => line.startsWith(`${'#'.repeat(level)} `)).map((line) => line.slice(level + 1).trim());

const wording = {
  summonedAsWitness: { sq: /thirret si dëshmitar/, en: /summoned as a witness/ },
  helpNeverDependsOnCooperating: { sq: /nuk varet kurrë nga bashkëpunimi/, en: /never depends on cooperating/ },
  neverCompelled: { sq: /nuk është kurrë i detyrueshëm/, en: /never compelled/i },
  nrmOnlyForChildVictims: { sq: /vetëm nëse mund të jetë vetë viktimë/, en: /only if the child may be a victim/ },
  parentalConsent: { sq: /(pëlqim|miratim)\S* e prindit/, en: /parent's (informed )?(consent|agreement)/ },
  notWaitingForParent: { sq: /pa pritur pëlqimin e prindit|çfarëdo që të mendojë prindi/, en: /without waiting for the parent's agreement|whatever the parent thinks/ },
  adultsKeepPhoneAndDocuments: { sq: /ruajnë lirinë e lëvizjes, telefonin dhe dokumentet/, en: /keep their freedom of movement, their phone and their documents/ },
  overrideForSafety: { sq: /rrezik serioz për sigurinë/, en: /unless there is a serious risk to safety/ },
  reportingPrivateContacts: { sq: /kontaktet e fshehta telefonike/, en: /secret phone contacts/ },
  suicideHeading: { sq: 'Rreziku i vetëvrasjes ose i vetëlëndimit', en: 'Risk of suicide or self-harm' },
  onCallContact: { sq: /Kontakti kujdestar për shëndetin mendor \(ditë e natë\)/, en: /on-call mental-health contact \(day and night\)/ },
  askingDoesNotPlant: { sq: /nuk e mbjell idenë/, en: /does not plant the idea/ },
  noSecrecy: { sq: /Mos premtoni kurrë se do ta mbani të fshehtë/, en: /Never promise to keep it secret/ },
  romanticOrSexual: { sq: /lidhje romantike ose seksuale/, en: /romantic or sexual relationship/ },
  afterMentoring: { sq: /pas tij|pasi të mbarojë mentorimi|pas përfundimit/, en: /after the mentoring|after the ending|after the end/ },
  singleSessionDebriefing: { sq: /debriefing-u psikologjik në një seancë të vetme[^.]*nuk rekomandohet/, en: /single-session psychological debriefing[^.]*is not recommended/ },
  reflectiveConversation: { sq: /bisedë reflektimi me supervizorin/, en: /reflective conversation with your supervisor/ },
  caseHeading: { sq: 'Një rast nga praktika', en: 'A case from practice' },
  scriptsHeading: { sq: 'Çfarë të thoni dhe çfarë të shmangni', en: 'What to say, what to avoid' },
  doDontHeading: { sq: 'Siguria dhe zgjedhja: çfarë të bëni dhe çfarë jo', en: 'Safety and choice: do and don\'t' },
  furtherReading: { sq: 'Për të lexuar më tej', en: 'Further reading' },
} as const;

describe.each(languages)('the phases guide after the practitioner review (%s)', (lang) => {
  it('says that help never depends on cooperating, and that a victim can still be summoned as a witness', () => {
    const lawyers = rolePassages('lawyers', lang);
    expect(lawyers).toMatch(wording.summonedAsWitness[lang]);
    expect(lawyers).toMatch(wording.helpNeverDependsOnCooperating[lang]);
    const rights = checklistItems('lawyers', lang).find((item) => item.id === 'explain-legal-rights')!;
    expect(rights.text).toMatch(wording.summonedAsWitness[lang]);
    expect(body(lang)).not.toMatch(wording.neverCompelled[lang]);
    for (const item of allItemTexts(lang)) expect(item.text, item.id).not.toMatch(wording.neverCompelled[lang]);
  });

  it('refers every child to the Child Protection Unit and only a child who may be a victim through the NRM', () => {
    expect(body(lang)).toMatch(wording.nrmOnlyForChildVictims[lang]);
    const childrenItem = allItemTexts(lang).find((item) => item.id === 'children-involved')!;
    expect(childrenItem.text).toMatch(lang === 'sq' ? /secili fëmijë të referohet te Njësia vendore e Mbrojtjes së Fëmijëve/ : /each child is referred to the local Child Protection Unit/);
    expect(phases.checklists.flatMap((checklist) => checklist.items).find((item) => item.id === 'children-involved')!.audiences).toBe('all');
  });

  it('makes no checklist item wait for a parent\'s consent before a child-protection step', () => {
    for (const item of allItemTexts(lang)) {
      if (wording.parentalConsent[lang].test(item.text)) expect(item.text, item.id).toMatch(wording.notWaitingForParent[lang]);
    }
  });

  it('leaves adults their movement, phone and documents, and reports no private contacts behind their back', () => {
    expect(body(lang)).toMatch(wording.adultsKeepPhoneAndDocuments[lang]);
    expect(body(lang)).not.toMatch(wording.overrideForSafety[lang]);
    expect(body(lang)).not.toMatch(wording.reportingPrivateContacts[lang]);
    expect(checklistItems('shelter-staff', lang).map((item) => item.id)).toEqual(expect.arrayContaining(['own-phone-and-documents', 'safety-plan-together']));
  });

  it('gives a timed path for suicide risk with the on-call contact, and every role the item to learn it', () => {
    const text = body(lang);
    expect(headingsOf(text, 3)).toContain(wording.suicideHeading[lang]);
    const section = text.slice(text.indexOf(`### ${wording.suicideHeading[lang]}`));
    const table = section.split('\n').filter((line) => line.startsWith('|'));
    expect(table.length, 'a header, a rule and three rows').toBe(5);
    expect(section).toMatch(wording.onCallContact[lang]);
    expect(section).toMatch(wording.askingDoesNotPlant[lang]);
    expect(section).toMatch(wording.noSecrecy[lang]);
    for (const audience of content.audiences) expect(checklistItems(audience.id, lang).map((item) => item.id), audience.id).toContain('suicide-steps');
  });

  it('tells mentors that romantic and sexual relationships and other roles are ruled out, also after the mentoring', () => {
    const mentors = rolePassages('mentors', lang);
    expect(mentors).toMatch(wording.romanticOrSexual[lang]);
    expect(mentors).toMatch(wording.afterMentoring[lang]);
    const items = checklistItems('mentors', lang);
    expect(items.map((item) => item.id)).toEqual(expect.arrayContaining(['mentor-certificate', 'mentor-boundaries', 'boundaries-after-ending']));
    const boundaries = items.find((item) => item.id === 'mentor-boundaries')!.text;
    expect(boundaries).toMatch(wording.romanticOrSexual[lang]);
    expect(boundaries).toMatch(lang === 'sq' ? /punëdhënës, qiradhënës, huadhënës/ : /employer, landlord, lender/);
  });

  it('names single-session debriefing as not recommended and calls the staff talk a reflective conversation', () => {
    expect(body(lang)).toMatch(wording.singleSessionDebriefing[lang]);
    const ownTalk = allItemTexts(lang).find((item) => item.id === 'own-debriefing')!;
    expect(ownTalk.text).toMatch(wording.reflectiveConversation[lang]);
    expect(ownTalk.text).not.toMatch(/debrief/i);
  });

  it('promises no one that they are safe, except as the thing to avoid saying', () => {
    const promise = lang === 'sq' ? /je në siguri/ : /you('| a)re safe (here|now)/i;
    const lines = body(lang).split('\n').filter((line) => promise.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(lang === 'sq' ? /Mos thoni|Shmangni/ : /Say "you are safe here": no one|Avoid:/);
  });

  it('has a case and words for the hard moments in each phase, a do/don\'t table and further reading last', () => {
    const text = body(lang);
    expect(headingsOf(text, 3).filter((heading) => heading === wording.caseHeading[lang])).toHaveLength(3);
    expect(headingsOf(text, 3).filter((heading) => heading === wording.scriptsHeading[lang])).toHaveLength(3);
    const doDont = text.slice(text.indexOf(`### ${wording.doDontHeading[lang]}`));
    expect(doDont.split('\n').filter((line) => line.startsWith('|')).length).toBeGreaterThanOrEqual(8);
    expect(headingsOf(text, 2).at(-1)).toBe(wording.furtherReading[lang]);
    const reading = text.slice(text.indexOf(`## ${wording.furtherReading[lang]}`));
    for (const title of ['IASC Guidelines on Mental Health and Psychosocial Support in Emergency Settings', 'Psychological First Aid: Guide for Field Workers', 'mhGAP Intervention Guide', 'WHO Ethical and Safety Recommendations for Interviewing Trafficked Women', 'Caring for Trafficked Persons', 'Elements of Effective Practice for Mentoring', 'Managing Stress in Humanitarian Workers']) expect(reading).toContain(title);
    expect(reading).not.toMatch(/https?:\/\/|www\./);
  });
});

describe('the phases guide in Albanian', () => {
  it('uses the shared glossary, not the terms the review rejected', () => {
    const texts = [body('sq'), ...allItemTexts('sq').map((item) => item.text)].join('\n');
    for (const rejected of [/bashkëmoshatar/i, /kthim\w* pas\b/i, /Kujtoni:/, /\bbanor/i, /e informuar mbi traumën/i, /ndihmë juridike falas/i, /koordinator\w* i rastit/i, /e tij ose të saj/]) expect(texts).not.toMatch(rejected);
    expect(texts).toMatch(/menaxheri\w* i rastit/);
    expect(texts).toMatch(/qasje e ndjeshme ndaj traumës/i);
  });

  it('has the same headings at each level as the English', () => {
    for (const level of [2, 3]) expect(headingsOf(body('sq'), level)).toHaveLength(headingsOf(body('en'), level).length);
  });
});
