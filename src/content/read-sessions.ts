import type { ProblemList } from '../errors.js';
import { checkAudienceSelector, checkLocalised, checkUnique } from './content-checks.js';
import type { LocalisedText, QuizQuestion, Session } from './types.js';
import { validateYaml } from './validate.js';
import { sessionsSchema } from './workshop-schema.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

/**
 * Validates a guide's `sessions.yaml`: the schema, every translation, audience ids, unique ids
 * (exercise ids across the whole guide, since worksheets name them), a quiz answer that points at
 * one of its options, and steps whose minutes add up to the session's.
 */
export function readSessions(
  source: YamlSource,
  guideId: string,
  languages: readonly string[],
  audienceIds: readonly string[] | undefined,
  problems: ProblemList,
): { sessions: Session[]; quiz: QuizQuestion[] } {
  const data = validateYaml(sessionsSchema, source, problems);
  if (!data) return { sessions: [], quiz: [] };
  const localised = (at: YamlPath, text: LocalisedText | undefined) => {
    if (text) checkLocalised(source, at, text, languages, problems);
  };
  const audiences = (at: YamlPath, selector: Session['audiences']) => {
    if (audienceIds) checkAudienceSelector(source, at, selector, audienceIds, problems);
  };

  checkUnique(source, ['sessions'], data.sessions.map((session) => session.id), 'session', problems, 'id');
  const exerciseIds = data.sessions.flatMap((session, index) => session.exercises.map((exercise, exerciseIndex) => ({ id: exercise.id, at: ['sessions', index, 'exercises', exerciseIndex, 'id'] as YamlPath })));
  const seenExercises = new Set<string>();
  for (const exercise of exerciseIds) {
    if (seenExercises.has(exercise.id)) problems.error('DUPLICATE_ID', `exercise "${exercise.id}" appears more than once in this guide's sessions`, source.locate(exercise.at), 'worksheets name exercises by id: give each its own');
    seenExercises.add(exercise.id);
  }

  const sessions = data.sessions.map((session, index): Session => {
    const at: YamlPath = ['sessions', index];
    localised([...at, 'title'], session.title);
    audiences([...at, 'audiences'], session.audiences);
    session.objectives.forEach((text, item) => localised([...at, 'objectives', item], text));
    session.materials.forEach((text, item) => localised([...at, 'materials', item], text));
    session.key_messages.forEach((text, item) => localised([...at, 'key_messages', item], text));
    session.steps.forEach((step, item) => {
      localised([...at, 'steps', item, 'method'], step.method);
      localised([...at, 'steps', item, 'text'], step.text);
    });
    const stepMinutes = session.steps.reduce((sum, step) => sum + step.minutes, 0);
    if (stepMinutes !== session.minutes) {
      problems.warn('SESSION_MINUTES', `sessions[${index}]: the steps add up to ${stepMinutes} minutes, the session says ${session.minutes}`, source.locate([...at, 'minutes']), 'the agenda uses the session\'s minutes: make the steps add up to them');
    }
    session.exercises.forEach((exercise, item) => {
      const exerciseAt: YamlPath = [...at, 'exercises', item];
      localised([...exerciseAt, 'title'], exercise.title);
      localised([...exerciseAt, 'text'], exercise.text);
      localised([...exerciseAt, 'notes'], exercise.notes);
      exercise.questions.forEach((text, question) => localised([...exerciseAt, 'questions', question], text));
      audiences([...exerciseAt, 'audiences'], exercise.audiences);
    });
    return {
      id: session.id,
      guideId,
      title: session.title,
      minutes: session.minutes,
      audiences: session.audiences,
      objectives: session.objectives,
      materials: session.materials,
      steps: session.steps,
      exercises: session.exercises,
      keyMessages: session.key_messages,
    };
  });

  checkUnique(source, ['quiz'], data.quiz.map((question) => question.id), 'question', problems, 'id');
  const quiz = data.quiz.map((question, index): QuizQuestion => {
    const at: YamlPath = ['quiz', index];
    localised([...at, 'text'], question.text);
    localised([...at, 'explain'], question.explain);
    question.options.forEach((text, option) => localised([...at, 'options', option], text));
    if (question.answer >= question.options.length) {
      problems.error('QUIZ_ANSWER', `quiz[${index}].answer: ${question.answer} points past the last option`, source.locate([...at, 'answer']), `options count from 0: this question's run from 0 to ${question.options.length - 1}`);
    }
    return { id: question.id, guideId, text: question.text, options: question.options, answer: question.answer, explain: question.explain };
  });
  return { sessions, quiz };
}
