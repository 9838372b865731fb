import type { AgendaItem, Content, Exercise, ExerciseKind, Participant, QuizQuestion, Session } from '../content/types.js';
import { formatClock } from '../content/resolve-workshop-plan.js';
import { localise } from '../tailor/tailor-pack.js';
import type { OrderedQuiz, WorkshopKit } from '../tailor/tailor-workshop.js';
import type { Expander } from './expand.js';

/** The documents of a workshop kit, by the file each is written to. */
export const WORKSHOP_DOCUMENTS = ['facilitator', 'agenda', 'worksheets', 'sign-in', 'pre-test', 'post-test', 'feedback', 'certificates'] as const;
export type WorkshopDocumentKind = (typeof WORKSHOP_DOCUMENTS)[number];

export interface ExpandedWorkshopDocument {
  kind: WorkshopDocumentKind;
  title: string;
  markdown: string;
  /** Whether the participants list is printed in it (personal data goes only where it is needed). */
  personal: boolean;
}

/** Blank rows on a sign-in sheet when there is no participants list. */
const BLANK_SIGN_IN_ROWS = 20;
/** Write-in lines under each worksheet question. */
const ANSWER_LINES = 4;

const EXERCISE_LABELS: Record<ExerciseKind, string> = { case: 'exerciseCase', 'role-play': 'exerciseRolePlay', reflection: 'exerciseReflection' };
const KEYWORD_LABELS: Record<string, string> = {
  break: 'agendaBreak',
  lunch: 'agendaLunch',
  opening: 'agendaOpening',
  closing: 'agendaClosing',
  'pre-test': 'agendaPreTest',
  'post-test': 'agendaPostTest',
  feedback: 'agendaFeedback',
};

/**
 * Expands every document of a workshop kit in one language through its template
 * (`workshop-<document>.hbs`, overridable by file name like the pack's). Participants' names are
 * passed only to the documents that print them.
 */
export function expandWorkshop(expander: Expander, content: Content, kit: WorkshopKit, lang: string, participants: readonly Participant[] | undefined, date: string): ExpandedWorkshopDocument[] {
  const labels = expander.labels(lang);
  const text = (value: Readonly<Record<string, string>> | undefined) => (value ? localise(value, lang) : '');
  const { plan } = kit;
  const formatDate = (iso: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const dates = plan.days.flatMap((day) => (day.date ? [formatDate(day.date)] : []));
  const itemTitle = (item: AgendaItem) => (item.kind === 'session' ? text(item.session.title) : item.kind === 'keyword' ? labels.get(KEYWORD_LABELS[item.keyword]!) : text(item.title));
  const days = plan.days.map((day, index) => ({
    label: labels.format('dayNumber', { day: index + 1 }),
    date: day.date ? formatDate(day.date) : '',
    items: day.items.map((item) => ({
      time: `${formatClock(item.start)}–${formatClock(item.start + item.minutes)}`,
      title: itemTitle(item),
      minutes: item.minutes,
      pause: item.kind === 'keyword' && (item.keyword === 'break' || item.keyword === 'lunch'),
    })),
  }));
  const audienceNames = plan.audiences.map((id) => text(content.audiences.find((audience) => audience.id === id)?.name) || id);
  const workshop = {
    id: plan.id,
    title: text(plan.title),
    organisation: text(plan.organisation ?? content.pack.organisation),
    venue: plan.venue ?? '',
    trainers: plan.trainers,
    audiences: audienceNames,
    dates: dates.length === 0 ? '' : dates.length === 1 ? dates[0] : `${dates[0]} – ${dates[dates.length - 1]}`,
    hoursText: labels.format('trainingHours', { hours: formatHours(kit.trainingMinutes, lang) }),
  };
  const exercise = (entry: Exercise, withNotes: boolean) => ({
    id: entry.id,
    kind: labels.get(EXERCISE_LABELS[entry.kind]),
    title: text(entry.title),
    text: text(entry.text),
    questions: entry.questions.map(text),
    notes: withNotes ? text(entry.notes) : '',
  });
  const session = (entry: Session, withNotes: boolean) => ({
    title: text(entry.title),
    minutes: labels.format('minutesShort', { minutes: entry.minutes }),
    objectives: entry.objectives.map(text),
    materials: entry.materials.map(text),
    steps: entry.steps.map((step) => ({ minutes: labels.format('minutesShort', { minutes: step.minutes }), method: text(step.method), text: text(step.text) })),
    exercises: (kit.exercises.get(entry) ?? []).map((item) => exercise(item, withNotes)),
    keyMessages: entry.keyMessages.map(text),
  });
  const test = (quiz: OrderedQuiz) => quiz.questions.map((question: QuizQuestion, index) => ({
    number: index + 1,
    text: text(question.text),
    options: question.options.map((option, optionIndex) => ({ letter: letter(optionIndex), text: text(option) })),
    answer: letter(question.answer),
    answerText: text(question.options[question.answer]),
    explain: text(question.explain),
  }));
  const common = { workshop, days, lang, date };
  const preTest = test(kit.preTest);
  const postTest = test(kit.postTest);
  const signInRows = participants && participants.length > 0
    ? participants.map((participant, index) => ({ number: index + 1, ...participant }))
    : Array.from({ length: BLANK_SIGN_IN_ROWS }, (_, index) => ({ number: index + 1, name: '', organisation: '', role: '' }));
  const certificates = participants && participants.length > 0 ? participants.map((participant) => ({ name: participant.name, organisation: participant.organisation })) : [{ name: '', organisation: '' }];

  const documents: { kind: WorkshopDocumentKind; title: string; context: object; personal?: boolean }[] = [
    { kind: 'facilitator', title: `${labels.get('facilitatorManual')}: ${workshop.title}`, context: { ...common, sessions: kit.sessions.map((entry) => session(entry, true)), answerKeys: [{ title: labels.get('preTest'), questions: preTest }, { title: labels.get('postTest'), questions: postTest }] } },
    { kind: 'agenda', title: `${labels.get('agenda')}: ${workshop.title}`, context: common },
    { kind: 'worksheets', title: `${labels.get('worksheets')}: ${workshop.title}`, context: { ...common, sessions: kit.sessions.map((entry) => session(entry, false)).filter((entry) => entry.exercises.length > 0), answerLines: Array.from({ length: ANSWER_LINES }) } },
    { kind: 'sign-in', title: `${labels.get('signIn')}: ${workshop.title}`, context: { ...common, rows: signInRows }, personal: true },
    { kind: 'pre-test', title: `${labels.get('preTest')}: ${workshop.title}`, context: { ...common, test: { title: labels.get('preTest'), questions: preTest } } },
    { kind: 'post-test', title: `${labels.get('postTest')}: ${workshop.title}`, context: { ...common, test: { title: labels.get('postTest'), questions: postTest } } },
    { kind: 'feedback', title: `${labels.get('feedback')}: ${workshop.title}`, context: { ...common, sessions: kit.sessions.map((entry) => ({ title: text(entry.title) })) } },
    { kind: 'certificates', title: `${labels.get('certificate')}: ${workshop.title}`, context: { ...common, certificates }, personal: true },
  ];
  return documents.map((document) => ({
    kind: document.kind,
    title: document.title,
    personal: document.personal ?? false,
    markdown: expander.expandTemplate(templateName(document.kind), document.context, lang),
  }));
}

/** The pre-test and the post-test share one template; every other document has its own. */
export function templateName(kind: WorkshopDocumentKind): string {
  return kind === 'pre-test' || kind === 'post-test' ? 'workshop-test.hbs' : `workshop-${kind}.hbs`;
}

function letter(index: number): string {
  return String.fromCharCode(97 + index);
}

/** Hours of training, to the quarter hour, with the language's decimal mark. */
function formatHours(minutes: number, lang: string): string {
  const hours = Math.round((minutes / 60) * 4) / 4;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(hours);
}
