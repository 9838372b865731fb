import { readWorkshopPlan } from '../content/load-content.js';
import { readParticipants } from '../content/read-participants.js';
import { WORKSHOP_FOLDER_PREFIX } from '../content/reserved-ids.js';
import type { Participant, WorkshopPlan } from '../content/types.js';
import { ContentError, ProblemList, UsageError, sortProblems } from '../errors.js';
import { localise } from '../tailor/tailor-pack.js';
import { tailorWorkshop } from '../tailor/tailor-workshop.js';
import { Expander } from '../template/expand.js';
import { expandWorkshop } from '../template/expand-workshop.js';
import { planJobs, renderAndWrite, resolveSelection } from './build-packs.js';
import { loadContent, type LoadedContent } from './check-content.js';
import type { BuildOptions, BuildResult } from './options.js';
import { printLabelStrings } from './print-labels.js';
import type { RenderJob } from './render-job.js';

export interface WorkshopOptions extends Pick<BuildOptions, 'contentDir' | 'templatesDir' | 'languages' | 'outDir' | 'paper' | 'largePrint' | 'duplex' | 'date' | 'workers' | 'onProgress' | 'signal' | 'fileSystem'> {
  /** A plan file, the id of a plan in the content root's workshops/ folder, or a plan already read. */
  plan: string | WorkshopPlan;
  /** Overrides the plan's participants file. */
  participantsFile?: string;
}

/**
 * Builds a workshop kit: for each language, under `<lang>/workshop-<id>/`, the facilitator's
 * manual, the agenda, worksheets, sign-in sheets, pre- and post-test, the feedback form, the
 * certificates, and the packs of the audiences attending. Atomic like a build: nothing is written
 * unless everything rendered. The participants list reaches only the sign-in sheets and the
 * certificates; the manifest and progress name files, never people.
 */
export async function buildWorkshop(options: WorkshopOptions, loaded: LoadedContent = loadContent(options.contentDir, { templatesDir: options.templatesDir })): Promise<BuildResult> {
  const { content } = loaded;
  const problems = new ProblemList();
  const plan = findPlan(options.plan, loaded, problems);
  const participantsFile = options.participantsFile ?? plan?.participantsFile;
  const participants: Participant[] | undefined = participantsFile ? readParticipants(participantsFile, problems) : undefined;
  problems.throwIfErrors();
  if (!plan) throw new ContentError(sortProblems(problems.items));
  const warnings = [...loaded.warnings, ...problems.warnings];

  const selection = resolveSelection(content, { audiences: plan.audiences, languages: options.languages });
  const kit = tailorWorkshop(content, plan);
  const expander = new Expander(content, warnings);
  const date = options.date.toISOString().slice(0, 10);
  const folder = `${WORKSHOP_FOLDER_PREFIX}${plan.id}`;
  const jobs: RenderJob[] = [];
  for (const lang of selection.languages) {
    const labels = printLabelStrings(expander.labels(lang));
    const title = localise(plan.title, lang);
    const organisation = plan.organisation ?? content.pack.organisation;
    for (const document of expandWorkshop(expander, content, kit, lang, participants, date)) {
      const certificate = document.kind === 'certificates';
      jobs.push({
        path: `${lang}/${folder}/${document.kind}.pdf`,
        kind: document.kind,
        lang,
        workshop: plan.id,
        title: document.title,
        author: organisation ? localise(organisation, lang) : undefined,
        subject: title,
        keywords: [plan.id, lang, document.kind].join(', '),
        footer: title,
        creationDate: options.date.getTime(),
        // A certificate is a formal page, the same for everyone: a full sheet in landscape (A4, or Letter where
        // that is the paper), never reflowed for large print or duplex.
        theme: certificate
          ? { paper: (options.paper ?? content.pack.paper) === 'Letter' ? 'Letter' : 'A4', landscape: true }
          : { paper: options.paper ?? content.pack.paper, largePrint: options.largePrint ?? false, duplex: options.duplex ?? false },
        labels,
        sections: [{ kind: 'document', title: document.title, markdown: document.markdown, baseDir: content.root }],
      });
    }
  }
  jobs.push(...planJobs(content, expander, { ...selection, only: ['pack', 'handouts', 'checklists'] }, options, folder));
  return renderAndWrite(jobs, options, warnings);
}

/** A plan file's path, or the id of one of the content root's ready-made plans. */
function findPlan(plan: string | WorkshopPlan, loaded: LoadedContent, problems: ProblemList): WorkshopPlan | undefined {
  if (typeof plan !== 'string') return plan;
  const builtIn = loaded.content.workshops.find((candidate) => candidate.id === plan);
  if (builtIn) return builtIn;
  if (/^[a-z0-9-]+$/.test(plan) && !plan.endsWith('.yaml')) {
    const known = loaded.content.workshops.map((candidate) => candidate.id);
    throw new UsageError(`no workshop plan "${plan}"`, known.length > 0 ? `plans in the content root: ${known.join(', ')}; or give a plan file` : 'give a plan file, like workshops/one-day.yaml');
  }
  return readWorkshopPlan(plan, loaded.content, problems);
}
