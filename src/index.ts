/**
 * trainpack's library API: the CLI is a thin layer over these.
 *
 * - `loadContent(root)` reads and validates a content root, throwing a `ContentError` that lists
 *   every problem (file:line:col) when there is an error.
 * - `checkContent(root)` validates without throwing and returns every problem, warnings included.
 * - `buildPacks(options)` writes the PDFs and manifest.json for the chosen audiences and languages.
 * - `renderMarkdown(file, options)` renders one Markdown file to a handout PDF (bytes).
 */
export { buildPacks, resolveSelection } from './build/build-packs.js';
export { checkContent, loadContent, type CheckResult, type LoadedContent } from './build/check-content.js';
export { OUTPUT_KINDS, type BuildOptions, type BuildResult, type ManifestEntry, type OutputKind, type ProgressEvent } from './build/options.js';
export type { OutputFileSystem } from './build/output-file-system.js';
export { renderMarkdown, type RenderOptions, type RenderResult } from './build/render-markdown.js';
export { BUILT_IN_CONTENT } from './content/load-content.js';
export type { Audience, Checklist, ChecklistItem, Contact, Content, Guide, GuideText, LocalisedText, Pack, PaperSize } from './content/types.js';
export { ContentError, TrainpackError, UsageError, type Problem, type Severity, type SourceLocation } from './errors.js';
export { tailorPack, type PackPlan, type TailoredChecklist } from './tailor/tailor-pack.js';
