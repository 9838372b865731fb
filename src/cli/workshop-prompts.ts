import { checkbox, confirm, input, number } from '@inquirer/prompts';
import { parseWorkshopPlan } from '../content/load-content.js';
import { composeWorkshopPlan, isDayStart } from '../content/compose-workshop-plan.js';
import type { Content, WorkshopPlan } from '../content/types.js';
import { ProblemList } from '../errors.js';
import { localise } from '../tailor/tailor-pack.js';
import type { CliIo } from './io.js';

/**
 * Asks, on stderr, what a workshop with no plan file should hold — the guides whose sessions it
 * teaches, who attends, how many days, when each day starts, a title — composes a plan, shows it
 * (as YAML, to save and edit for next time) and asks to build. Undefined when the user declines.
 */
export async function askWorkshopPlan(content: Content, languages: readonly string[] | undefined, io: CliIo): Promise<WorkshopPlan | undefined> {
  const context = { input: io.stdin, output: io.stderr };
  const lang = languages?.find((code) => code !== 'all') ?? content.pack.languages[0]!;
  const taught = content.guides.filter((guide) => guide.sessions.length > 0);
  if (taught.length === 0) {
    io.stderr.write('This content root has no sessions.yaml in any guide: there is nothing to teach yet.\n');
    return undefined;
  }
  const guideIds = await checkbox(
    {
      message: 'Guides whose sessions the workshop teaches',
      choices: taught.map((guide) => ({ name: `${guide.texts[lang]?.title ?? guide.id} (${guide.sessions.length} sessions, ${guide.sessions.reduce((sum, session) => sum + session.minutes, 0)} min)`, value: guide.id, checked: true })),
      required: true,
    },
    context,
  );
  const audienceIds = await checkbox(
    {
      message: 'Who attends',
      choices: content.audiences.map((audience) => ({ name: localise(audience.name, lang), value: audience.id, description: localise(audience.description, lang) })),
      required: true,
      pageSize: Math.min(12, content.audiences.length),
    },
    context,
  );
  const days = await number({ message: 'Days', default: 1, min: 1, max: 10, required: true }, context);
  const start = await input({ message: 'Each day starts at (HH:MM)', default: '09:00', validate: (value) => isDayStart(value.trim()) || 'a time like 09:00, no later than 20:00' }, context);
  const title = await input({ message: 'Title', default: lang === 'sq' ? 'Punëtori trajnimi' : 'Training workshop', validate: (value) => value.trim() !== '' || 'give the workshop a title' }, context);
  const text = composeWorkshopPlan(content, { title: title.trim(), languages: content.pack.languages, guideIds, audienceIds, days: days ?? 1, start: start.trim() });
  const problems = new ProblemList();
  // The plan's id (and so its output folder) comes from the title: "Punëtori trajnimi" → workshop-punetori-trajnimi.
  const id = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'workshop';
  const plan = parseWorkshopPlan(text, `${id}.yaml`, content, problems);
  for (const problem of problems.items) io.stderr.write(`  ${problem.severity}: ${problem.message}\n`);
  if (!plan) return undefined;
  io.stderr.write(`\nThe plan (save it as a .yaml file to edit and reuse it: trainpack workshop FILE):\n\n${text.replace(/^/gm, '  ')}\n`);
  return (await confirm({ message: 'Build the kit now?', default: true }, context)) ? plan : undefined;
}
