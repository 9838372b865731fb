import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/check-content.js';
import { BUILT_IN_CONTENT } from '../../src/content/load-content.js';
import { tailorPack } from '../../src/tailor/tailor-pack.js';
import { Expander } from '../../src/template/expand.js';

// Guards the safety and practice revision of the built-in `children` guide, in both languages, on the real content.

const { content } = loadContent(BUILT_IN_CONTENT);
const expander = new Expander(content);
const guide = content.guides.find((candidate) => candidate.id === 'children')!;
const body = (lang: string) => guide.texts[lang]!.body;
const items = guide.checklists.flatMap((checklist) => checklist.items);
const item = (id: string) => items.find((candidate) => candidate.id === id)!;

/** The children handout exactly as one audience reads it, with that audience's passages and checklist items. */
function handout(audienceId: string, lang: string): string {
  const audience = content.audiences.find((candidate) => candidate.id === audienceId)!;
  return expander.expandPlan(tailorPack(content, audience, lang, ['children']), '2026-01-01').find((doc) => doc.guideId === 'children')!.markdown;
}

/** The item ids of one checklist as one audience gets it. */
function checklistFor(audienceId: string, checklistId: string): (string | undefined)[] {
  const audience = content.audiences.find((candidate) => candidate.id === audienceId)!;
  return tailorPack(content, audience, 'en', ['children']).checklists.find((checklist) => checklist.id === checklistId)!.items.map((entry) => entry.id);
}

/** The text of a `##` section, up to the next `##` heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `section "${heading}"`).toBeGreaterThan(-1);
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  return end === -1 ? rest : rest.slice(0, end);
}

const wording = {
  en: {
    caseExample: '#### Case example:',
    scripts: '### What to say and what to avoid saying',
    conduct: '### Conduct with children: do and don’t',
    safetyPlan: '### A safety plan with the child',
    triggers: 'Referral triggers',
    furtherReading: 'Further reading',
    everyChildToUnit: 'Refer every child to the Child Protection Unit',
    onlyPossibleVictims: 'only the children who may themselves be victims',
    assistanceNeverDepends: 'never depends on cooperating',
    summoned: 'summoned as a witness',
    askingDoesNotPlant: 'Asking about suicide does not put the idea',
    noSecrecy: 'Never promise to keep it secret',
    timedPath: ['At once', 'Now, before the end of the contact', 'The same day'],
    debriefingNotRecommended: /Single-session psychological debriefing[^.]*is not recommended/,
    reflective: 'reflective conversation with your supervisor',
    adultsKeep: 'keeps their freedom of movement, their phone and their documents',
    romantic: 'romantic or sexual relationship',
    certificate: 'criminal-record certificate',
    afterMentoring: 'during the mentoring or after it',
    consentOnlyIfNotImplicated: 'only where the parent is not implicated',
    primaryConsideration: 'a primary consideration',
  },
  sq: {
    caseExample: '#### Rast nga praktika:',
    scripts: '### Çfarë të thoni dhe çfarë të shmangni',
    conduct: '### Sjellja me fëmijët: çfarë të bëni dhe çfarë të mos bëni',
    safetyPlan: '### Plani i sigurisë me fëmijën',
    triggers: 'Kur duhet referuar',
    furtherReading: 'Për të lexuar më tej',
    everyChildToUnit: 'Referojeni çdo fëmijë te Njësia e Mbrojtjes së Fëmijëve',
    onlyPossibleVictims: 'vetëm fëmijët që mund të jenë vetë viktima',
    assistanceNeverDepends: 'nuk varet kurrë nga bashkëpunimi',
    summoned: 'thirret si dëshmitar',
    askingDoesNotPlant: 'Pyetja për vetëvrasjen nuk ia fut idenë',
    noSecrecy: 'Mos premtoni kurrë se do ta mbani të fshehtë',
    timedPath: ['Menjëherë', 'Tani, para se të mbarojë takimi', 'Po atë ditë'],
    debriefingNotRecommended: /Debriefing-u psikologjik në një seancë të vetme[^.]*nuk rekomandohet/,
    reflective: 'bisedë reflektimi me supervizorin',
    adultsKeep: 'e ruan lirinë e lëvizjes, telefonin dhe dokumentet',
    romantic: 'marrëdhënie romantike ose seksuale',
    certificate: 'vërtetimin e gjendjes gjyqësore',
    afterMentoring: 'as gjatë mentorimit, as pas tij',
    consentOnlyIfNotImplicated: 'vetëm kur prindi nuk është i përfshirë',
    primaryConsideration: 'konsideratë parësore',
  },
} as const;

// The boxes of the referral contacts page that the triggers table sends readers to.
const contactBoxes = {
  en: ['Police emergency number', 'Local Child Protection Unit', 'On-call mental-health contact (day and night)', 'Missing-children line', 'National anti-trafficking line', 'Responsible Authority for identification', 'Regional office of the State Social Service', 'Community mental-health centre', 'Civil registry office', 'State-guaranteed legal aid', 'Child helpline', 'Child protection out of hours'],
  sq: ['Policia: numri i emergjencës', 'Njësia vendore e Mbrojtjes së Fëmijëve', 'Kontakti kujdestar për shëndetin mendor (ditë e natë)', 'Linja për fëmijët e humbur', 'Linja kombëtare kundër trafikimit', 'Autoriteti Përgjegjës për identifikimin', 'Drejtoria rajonale e Shërbimit Social Shtetëror', 'Qendra komunitare e shëndetit mendor', 'Zyra e gjendjes civile', 'Ndihmë juridike e garantuar nga shteti', 'Linja e këshillimit për fëmijë', 'Mbrojtja e fëmijës jashtë orarit zyrtar'],
} as const;

const furtherReadingTitles = ['IASC Guidelines on Mental Health and Psychosocial Support in Emergency Settings', 'Psychological First Aid: Guide for Field Workers', 'mhGAP Intervention Guide', 'WHO Ethical and Safety Recommendations for Interviewing Trafficked Women', 'Caring for Trafficked Persons: Guidance for Health Providers', 'Elements of Effective Practice for Mentoring', 'Managing Stress in Humanitarian Workers', '(D&E)', 'NEXUS', 'Guidelines for the Alternative Care of Children'];

describe.each(['en', 'sq'] as const)('the children guide, revised for safety and practice (%s)', (lang) => {
  const words = wording[lang];

  it('refers every child to the Child Protection Unit and only possible victims through the National Referral Mechanism', () => {
    const socialWorkers = handout('social-workers', lang);
    expect(socialWorkers).toContain(words.everyChildToUnit);
    expect(socialWorkers).toContain(words.onlyPossibleVictims);
    expect(item('nrm-referral-per-child').text[lang]).toContain(lang === 'en' ? 'only the children who may themselves be victims' : 'vetëm fëmijët që mund të jenë vetë viktima');
    for (const audience of ['social-workers', 'child-protection-workers']) expect(checklistFor(audience, 'first-contact-with-a-child'), audience).toContain('cpu-referral-every-child');
  });

  it('never makes sharing a child-protection concern depend on the parent\'s consent', () => {
    const consent = lang === 'en' ? /consent|agreement/i : /pëlqim/i;
    const sharing = lang === 'en' ? /\b(share|report)/i : /jepni informacion|raport/i;
    const exception = lang === 'en' ? /without waiting/i : /pa pritur/i;
    const conditional = items.filter((entry) => consent.test(entry.text[lang]!) && sharing.test(entry.text[lang]!));
    expect(conditional.map((entry) => entry.id)).toContain('share-with-consent');
    for (const entry of conditional) expect(entry.text[lang], entry.id).toMatch(exception);
    expect(checklistFor('teachers', 'first-contact-with-a-child')).toContain('school-report-route');
  });

  it('treats cooperation with proceedings as the parent\'s informed decision, and says a victim can be summoned', () => {
    const lawyers = handout('lawyers', lang);
    expect(lawyers).toContain(words.assistanceNeverDepends);
    expect(lawyers).toContain(words.summoned);
    expect(body(lang)).not.toMatch(lang === 'en' ? /never compelled/i : /të mos detyrohet, të marrë pjesë/i);
    expect(checklistFor('lawyers', 'first-contact-with-a-child')).toContain('cooperation-informed-decision');
  });

  it('leaves adults their freedom of movement, phone and documents', () => {
    expect(body(lang)).toContain(words.adultsKeep);
    expect(checklistFor('shelter-staff', 'first-contact-with-a-child')).toContain('parent-keeps-phone-and-documents');
  });

  it('gives a timed path for suicide risk, with the on-call contact, and promises no secrecy', () => {
    const text = body(lang);
    expect(text).toContain(words.askingDoesNotPlant);
    expect(text).toContain(words.noSecrecy);
    for (const step of words.timedPath) expect(text).toContain(`| ${step} |`);
    expect(text).toContain(contactBoxes[lang][2]);
    expect(item('suicide-risk-on-call').audiences).toBe('all');
  });

  it('makes no promise that a child is safe, except to warn against it', () => {
    const promise = lang === 'en' ? /you are safe|they are safe/i : /je në siguri|janë në siguri|janë të sigurt\b/i;
    const warning = lang === 'en' ? /Do not tell/ : /Mos i thoni/;
    for (const line of body(lang).split('\n').filter((candidate) => promise.test(candidate))) expect(line).toMatch(warning);
  });

  it('names single-session psychological debriefing as not recommended and calls the staff conversation something else', () => {
    expect(body(lang)).toMatch(words.debriefingNotRecommended);
    expect(body(lang)).toContain(words.reflective);
    expect(item('debrief').text[lang]).not.toMatch(/debrief/i);
  });

  it('refers to specialist mental-health care only for severe, lasting or impairing reactions, and to evidence-based treatment for PTSD or depression', () => {
    expect(item('refer-child-mental-health').text[lang]).not.toMatch(lang === 'en' ? /sleep/i : /gjum/i);
    for (const audience of ['psychologists', 'health-workers']) expect(checklistFor(audience, 'child-and-family-plan'), audience).toContain('refer-evidence-based-treatment');
  });

  it('sets mentors\' boundaries: no romantic, sexual or other dual role, a criminal-record certificate, consent only from a parent not implicated', () => {
    const mentors = handout('mentors', lang);
    for (const phrase of [words.romantic, words.certificate, words.afterMentoring, words.consentOnlyIfNotImplicated]) expect(mentors).toContain(phrase);
    expect(checklistFor('mentors', 'first-contact-with-a-child')).toEqual(expect.arrayContaining(['mentor-no-dual-roles', 'mentor-criminal-record-certificate']));
    expect(checklistFor('mentors', 'child-and-family-plan')).toContain('mentor-never-alone-with-child');
  });

  it('calls the best interests a primary consideration, as the Convention does', () => {
    expect(body(lang)).toContain(words.primaryConsideration);
  });

  it('has a case example in each phase, sample words, a do/don\'t table, a safety plan to fill in and a referral-triggers table', () => {
    const text = body(lang);
    const phases = text.split(/\n### /).filter((part) => /^(Crisis phase|Transition phase|Reintegration and inclusion phase|Faza e krizës|Faza e tranzicionit|Faza e riintegrimit dhe përfshirjes)\n/.test(part));
    expect(phases).toHaveLength(3);
    for (const phase of phases) expect(phase, phase.split('\n')[0]).toContain(words.caseExample);
    expect(text).toContain(`\n${words.scripts}\n`);
    expect(text).toContain(`\n${words.conduct}\n`);
    expect(text.slice(text.indexOf(`\n${words.safetyPlan}\n`))).toMatch(/^::fill label=/m);
    const triggers = section(text, words.triggers);
    const labels = content.pack.contacts.map((contact) => contact.label[lang]);
    for (const box of contactBoxes[lang]) {
      expect(labels, `"${box}" is a box on the referral contacts page`).toContain(box);
      expect(triggers, box).toContain(box);
    }
  });

  it('ends with a further-reading section that names the guidance it draws on, without links', () => {
    const text = body(lang);
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings.at(-1)).toBe(words.furtherReading);
    const reading = section(text, words.furtherReading);
    for (const title of furtherReadingTitles) expect(reading, title).toContain(title);
    expect(reading).not.toMatch(/https?:|www\./);
  });
});

describe('the Albanian of the children guide', () => {
  const albanian = [body('sq'), ...items.map((entry) => entry.text.sq!), ...guide.checklists.flatMap((checklist) => [checklist.title.sq!, checklist.intro?.sq ?? ''])].join('\n');

  it.each([
    ['Kujtoni:', 'the callout is "Mbani mend:"'],
    ['kthim pas', 'a setback is "hap prapa"'],
    ['kthimet pas', 'a setback is "hap prapa"'],
    ['banor', 'a resident is "përfitues"'],
    ['juridike falas', 'legal aid is "e garantuar nga shteti"'],
    ['bashkëmoshatar', 'peer support is "mbështetje nga të mbijetuar të tjerë"'],
    ['e informuar mbi traumën', 'trauma-informed is "e ndjeshme ndaj traumës"'],
    ['i akuzuari', 'the accused is "i pandehuri"'],
    ['përshëndetjet e fundit', 'a planned leaving is "ndarja"'],
    ['të privuar nga nevojat bazë', '"pa iu plotësuar nevojat bazë"'],
  ])('does not use "%s" (%s)', (rejected) => {
    expect(albanian.toLowerCase()).not.toContain(rejected.toLowerCase());
  });
});
