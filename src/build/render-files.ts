import { ContentError, TrainpackError, type Problem } from '../errors.js';
import { renderMarkdown, type RenderOptions } from './render-markdown.js';
import { planRenderOutputs, writeRenderOutputs, type OutputChoice } from './render-outputs.js';

export interface RenderFilesOptions extends RenderOptions, OutputChoice {}

export interface RenderedFile {
  input: string;
  output: string;
  pages: number;
  bytes: number;
}

export interface RenderFilesResult {
  files: RenderedFile[];
  warnings: Problem[];
}

/**
 * Renders Markdown files to PDFs the safe way: every output is checked before anything is rendered
 * (never an input, never a file trainpack did not write unless `force`, never two inputs into one
 * file), every file is rendered before anything is written, and a problem in any file means
 * nothing is written. Problems of all the files are reported together.
 */
export async function renderFiles(inputs: readonly string[], options: RenderFilesOptions): Promise<RenderFilesResult> {
  const planned = planRenderOutputs(inputs, options);
  const problems: Problem[] = [];
  const rendered: { bytes: Buffer; pages: number }[] = [];
  for (const { input } of planned) {
    try {
      const result = await renderMarkdown(input, options);
      problems.push(...result.warnings);
      rendered.push(result);
    } catch (error) {
      if (!(error instanceof TrainpackError) || error.problems.length === 0) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.some((problem) => problem.severity === 'error')) throw new ContentError(problems);
  writeRenderOutputs(planned, rendered.map((result) => result.bytes));
  return {
    files: planned.map((plan, index) => ({ input: plan.input, output: plan.output, pages: rendered[index]!.pages, bytes: rendered[index]!.bytes.length })),
    warnings: problems,
  };
}
