import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { processIo, type CliIo } from './io.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), ...value.split(',').map((part) => part.trim()).filter(Boolean)];

/** Exit codes: 0 ok, 1 content, template or output problems, 2 usage, 70 a bug, 130 interrupted (SIGINT), 143 terminated (SIGTERM). */
export const EXIT = { ok: 0, content: 1, usage: 2, bug: 70, interrupted: 130, terminated: 143 } as const;

/**
 * Runs the trainpack command line and returns its exit code. Only this folder touches argv, the
 * environment, the terminal and prompts; the commands load the engine lazily so --help is quick.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('trainpack')
    .description('Print-ready PDF training packs, tailored to each audience, from Markdown guides and YAML checklists.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride();

  program
    .command('build', { isDefault: true })
    .description('build packs, handouts and checklists for audiences and languages (the default command)')
    .option('--content <dir>', 'content root (default: the built-in guides)')
    .option('-a, --audience <ids>', 'audience ids, comma-separated or repeated, or "all"', collect)
    .option('-l, --lang <codes>', 'language codes, comma-separated or repeated, or "all"', collect)
    .option('-g, --guide <ids>', 'guide ids, comma-separated or repeated, or "all"', collect)
    .option('-o, --out <dir>', 'output folder (default: ./packs)')
    .addOption(new Option('--paper <size>', 'paper size (default: pack.yaml, else A4)').choices(['A4', 'Letter', 'A5']))
    .option('--only <kinds>', 'which files: pack, handouts, checklists (comma-separated)', collect)
    .option('--templates <dir>', 'folder of templates overriding the built-in ones by file name')
    .option('--duplex', 'for double-sided printing: documents start on right-hand pages, margins mirror')
    .option('--large-print', 'large-print layout (17 pt sans-serif, reflowed)')
    .option('--booklet', 'with --paper A5: beside each document, a copy imposed for saddle-stitch printing on A4')
    .option('-j, --jobs <n>', 'worker threads to render with (default 0: this thread, the lightest on memory)')
    .option('--json', 'print the manifest and warnings as JSON on stdout, and nothing else')
    .option('-q, --quiet', 'no progress or summary')
    .option('--no-interactive', 'never prompt, even on a terminal')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Examples:
  $ trainpack                                   ask what to build (on a terminal)
  $ trainpack build --audience teachers --lang sq
  $ trainpack build -a social-workers,psychologists -l all --out packs
  $ trainpack build --content ./our-guides --only checklists --paper A5
  $ SOURCE_DATE_EPOCH=1767225600 trainpack build --no-interactive --json > manifest.json`,
    )
    .action(async (options: Record<string, unknown>) => {
      const { buildCommand } = await import('./build-command.js');
      exitCode = await buildCommand(options, io);
    });

  program
    .command('workshop')
    .description('build a workshop kit: facilitator\'s manual, agenda, worksheets, sign-in sheets, tests, feedback form, certificates and the packs of those attending')
    .argument('[plan]', 'a plan file, or the id of a plan in the content root\'s workshops/ folder')
    .option('--content <dir>', 'content root (default: the built-in guides)')
    .option('-l, --lang <codes>', 'language codes, comma-separated or repeated, or "all"', collect)
    .option('-o, --out <dir>', 'output folder (default: ./packs)')
    .option('--participants <file>', 'participants list (CSV: name, organisation, role), instead of the plan\'s')
    .addOption(new Option('--paper <size>', 'paper size (default: pack.yaml, else A4)').choices(['A4', 'Letter', 'A5']))
    .option('--templates <dir>', 'folder of templates overriding the built-in ones by file name')
    .option('--duplex', 'for double-sided printing')
    .option('--large-print', 'large-print layout')
    .option('--json', 'print the manifest and warnings as JSON on stdout, and nothing else')
    .option('-q, --quiet', 'no progress or summary')
    .option('--no-interactive', 'never prompt, even on a terminal')
    .option('--no-color', 'no colours')
    .addHelpText('after', '\nExamples:\n  $ trainpack workshop                          ask what the workshop holds (on a terminal)\n  $ trainpack workshop workshops/two-days.yaml --lang sq,en\n  $ trainpack workshop our-plan.yaml --participants people.csv --out kit')
    .action(async (plan: string | undefined, options: Record<string, unknown>) => {
      const { workshopCommand } = await import('./workshop-command.js');
      exitCode = await workshopCommand(plan, options, io);
    });

  program
    .command('check')
    .description('validate a content root and report every problem as file:line:col')
    .option('--content <dir>', 'content root (default: the built-in guides)')
    .option('--templates <dir>', 'folder of templates overriding the built-in ones')
    .option('--strict', 'fail on warnings too')
    .option('--json', 'print problems as JSON')
    .option('--no-color', 'no colours')
    .addHelpText('after', '\nExamples:\n  $ trainpack check\n  $ trainpack check --content ./our-guides --strict')
    .action(async (options: Record<string, unknown>) => {
      const { checkCommand } = await import('./check-command.js');
      exitCode = await checkCommand(options, io);
    });

  program
    .command('list')
    .description('list the audiences, guides or languages of a content root')
    .argument('[what]', 'audiences, guides or languages', 'audiences')
    .option('--content <dir>', 'content root (default: the built-in guides)')
    .option('--lang <code>', 'language for names and titles (default: the pack\'s first)')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  $ trainpack list\n  $ trainpack list guides --lang en\n  $ trainpack list languages --json')
    .action(async (what: string, options: Record<string, unknown>) => {
      const { listCommand } = await import('./list-command.js');
      exitCode = await listCommand(what, options, io);
    });

  program
    .command('render')
    .description('render Markdown files to handout PDFs with the same layout engine (no browser)')
    .argument('<files...>', 'Markdown files (front matter optional: title, author, subject, lang)')
    .option('-o, --output <file>', 'output PDF (one input file only)')
    .option('--out <dir>', 'output folder (default: beside each input)')
    .option('--force', 'replace existing PDFs trainpack did not write (never an input)')
    .addOption(new Option('--paper <size>', 'paper size').choices(['A4', 'Letter', 'A5']).default('A4'))
    .option('--lang <code>', 'language when the front matter gives none', 'en')
    .option('--duplex', 'mirror margins for double-sided printing')
    .option('--large-print', 'large-print layout')
    .option('--allow-missing-glyphs', 'print characters the fonts lack as empty boxes, with a warning, instead of stopping')
    .option('--json', 'print what was written as JSON')
    .option('-q, --quiet', 'print nothing but problems')
    .option('--no-color', 'no colours')
    .addHelpText('after', '\nExamples:\n  $ trainpack render notes.md\n  $ trainpack render notes.md -o handout.pdf --paper A5\n  $ trainpack render docs/*.md --out pdf')
    .action(async (files: string[], options: Record<string, unknown>) => {
      const { renderCommand } = await import('./render-command.js');
      exitCode = await renderCommand(files, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    const { reportFailure } = await import('./report.js');
    return reportFailure(error, io, false);
  }
  return exitCode;
}
