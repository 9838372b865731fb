import { checkbox, confirm, input } from '@inquirer/prompts';
import path from 'node:path';
import { DEFAULT_OUTPUT_KINDS, OUTPUT_KINDS, type BuildOptions, type OutputKind } from '../build/options.js';
import type { Content } from '../content/types.js';
import { localise } from '../tailor/tailor-pack.js';
import { describeChoices } from './build-command.js';
import { terminalSafe, type CliIo } from './io.js';

const KIND_NAMES: Record<OutputKind, string> = {
  pack: 'Whole pack (cover, contents, every handout, checklists, contacts)',
  handouts: 'One handout per guide',
  checklists: 'Checklists for a pen',
  pocket: 'A pocket card (A6): key actions and referral contacts',
};

/**
 * Asks, on stderr, for every choice no flag made, then shows a summary. Returns undefined when
 * the user declines. Ctrl-C rejects with inquirer's ExitPromptError (exit 130).
 */
export async function askBuildChoices(content: Content, options: BuildOptions, askOut: boolean, io: CliIo): Promise<BuildOptions | undefined> {
  const context = { input: io.stdin, output: io.stderr };
  const chosen: BuildOptions = { ...options };
  if (!chosen.languages) {
    chosen.languages = await checkbox(
      {
        message: 'Languages',
        choices: content.pack.languages.map((lang, index) => ({ name: `${lang} · ${content.labels[lang]?.languageName ?? lang}`, value: lang, checked: index === 0 })),
        required: true,
      },
      context,
    );
  }
  const lang = chosen.languages.includes('all') ? content.pack.languages[0]! : chosen.languages[0]!;
  if (!chosen.audiences) {
    chosen.audiences = await checkbox(
      {
        message: 'Audiences',
        choices: content.audiences.map((audience) => ({ name: localise(audience.name, lang), value: audience.id, description: localise(audience.description, lang) })),
        required: true,
        pageSize: Math.min(12, content.audiences.length),
      },
      context,
    );
  }
  if (!chosen.only) {
    chosen.only = await checkbox({ message: 'Documents', choices: OUTPUT_KINDS.map((kind) => ({ name: KIND_NAMES[kind], value: kind, checked: DEFAULT_OUTPUT_KINDS.includes(kind) })), required: true }, context);
  }
  if (askOut) {
    const answer = await input({ message: 'Output folder', default: path.relative(io.cwd, chosen.outDir) || '.' }, context);
    chosen.outDir = path.resolve(io.cwd, answer);
  }
  io.stderr.write(`\n${describeChoices(content, chosen, lang).map((line) => `  ${terminalSafe(line)}`).join('\n')}\n\n`);
  return (await confirm({ message: 'Build now?', default: true }, context)) ? chosen : undefined;
}
