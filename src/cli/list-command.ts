import path from 'node:path';
import { loadContent } from '../build/check-content.js';
import { BUILT_IN_CONTENT } from '../content/load-content.js';
import { UsageError } from '../errors.js';
import { localise } from '../tailor/tailor-pack.js';
import { colours, terminalSafe, type CliIo } from './io.js';
import { reportFailure } from './report.js';
import { EXIT } from './run.js';

const KINDS = ['audiences', 'guides', 'languages'] as const;

export async function listCommand(what: string, rawFlags: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = rawFlags as { content?: string; lang?: string; json?: boolean; color?: boolean };
  const colour = colours(io, io.stdout, flags.color !== false);
  try {
    if (!(KINDS as readonly string[]).includes(what)) throw new UsageError(`cannot list "${what}"`, `use one of: ${KINDS.join(', ')}`);
    const { content } = loadContent(flags.content ? path.resolve(io.cwd, flags.content) : BUILT_IN_CONTENT);
    const lang = flags.lang ?? content.pack.languages[0]!;
    if (!content.pack.languages.includes(lang)) throw new UsageError(`unknown language "${lang}"`, `known languages: ${content.pack.languages.join(', ')}`);
    const rows =
      what === 'audiences'
        ? content.audiences.map((audience) => ({ id: audience.id, name: localise(audience.name, lang), description: localise(audience.description, lang) }))
        : what === 'guides'
          ? content.guides.map((guide) => ({ id: guide.id, title: guide.texts[lang]?.title ?? '', audiences: guide.texts[lang]?.audiences ?? 'all', checklists: guide.checklists.map((checklist) => checklist.id) }))
          : content.pack.languages.map((code) => ({ id: code, name: content.labels[code]?.languageName ?? code }));
    if (flags.json) {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    const width = Math.max(...rows.map((row) => row.id.length));
    for (const row of rows) {
      const label = 'name' in row ? row.name : row.title;
      io.stdout.write(`${colour.bold(terminalSafe(row.id).padEnd(width))}  ${terminalSafe(label)}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, io, flags.json === true);
  }
}
