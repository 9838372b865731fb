import type { AgendaItem, Content, Exercise, QuizQuestion, Session, WorkshopPlan } from '../content/types.js';

/** A quiz as one test prints it: the questions in this test's order, each keeping its options. */
export interface OrderedQuiz {
  questions: readonly QuizQuestion[];
}

/** What a workshop kit holds, whatever the language: tailored to the audiences that attend. */
export interface WorkshopKit {
  plan: WorkshopPlan;
  /** Every session of the plan, once, in the order it first runs. */
  sessions: readonly Session[];
  /** The exercises printed on worksheets: each session's, kept only where a role it is written for attends. */
  exercises: ReadonlyMap<Session, readonly Exercise[]>;
  /** The questions of every guide a session of the plan teaches, in the pre-test's and the post-test's order. */
  preTest: OrderedQuiz;
  postTest: OrderedQuiz;
  /** Training time for the certificates: every item but breaks and lunch, in minutes. */
  trainingMinutes: number;
  /** The guides whose sessions run, in pack order (their packs go in the kit). */
  guideIds: readonly string[];
}

const PAUSES = new Set(['break', 'lunch']);

/**
 * Decides what a workshop kit holds: its sessions in order, the worksheets' exercises for the roles
 * that attend, the quiz in two deterministic orders (different whenever there are two questions
 * or more), and the training time.
 */
export function tailorWorkshop(content: Content, plan: WorkshopPlan): WorkshopKit {
  const items = plan.days.flatMap((day) => day.items);
  const sessions = [...new Set(items.flatMap((item) => (item.kind === 'session' ? [item.session] : [])))];
  const attends = (exercise: Exercise) => exercise.audiences === 'all' || exercise.audiences.some((id) => plan.audiences.includes(id));
  const exercises = new Map(sessions.map((session) => [session, session.exercises.filter(attends)] as const));
  const taught = new Set(sessions.map((session) => session.guideId));
  const guideIds = content.guides.filter((guide) => taught.has(guide.id)).map((guide) => guide.id);
  const questions = content.guides.filter((guide) => taught.has(guide.id)).flatMap((guide) => guide.quiz);
  const preTest = shuffle(questions, `${plan.id}:pre`);
  let postTest = shuffle(questions, `${plan.id}:post`);
  if (questions.length > 1 && postTest.every((question, index) => question === preTest[index])) postTest = [...postTest.slice(1), postTest[0]!];
  return {
    plan,
    sessions,
    exercises,
    preTest: { questions: preTest },
    postTest: { questions: postTest },
    trainingMinutes: items.filter((item) => !isPause(item)).reduce((sum, item) => sum + item.minutes, 0),
    guideIds,
  };
}

function isPause(item: AgendaItem): boolean {
  return item.kind === 'keyword' && PAUSES.has(item.keyword);
}

/** A Fisher–Yates shuffle driven by a seeded generator, so the same plan always gives the same order. */
export function shuffle<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

/** mulberry32 over an FNV-1a hash of the seed: small, fast and the same on every machine. */
function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (let index = 0; index < seed.length; index++) state = Math.imul(state ^ seed.charCodeAt(index), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
