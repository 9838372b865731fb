import type { ProblemList, SourceLocation } from '../errors.js';
import type { AudienceSelector, LocalisedText } from './types.js';
import { didYouMean, formatPath } from './validate.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

/** Checks shared by every content file: translations present, audience ids known, ids unique. */

export function checkLocalised(source: YamlSource, at: YamlPath, text: LocalisedText, languages: readonly string[], problems: ProblemList): void {
  for (const language of languages) {
    if (typeof text[language] !== 'string' || text[language].trim() === '') {
      problems.error('TRANSLATION_MISSING', `${formatPath(at)}: missing the "${language}" text`, source.locate(at), `every text needs each language of pack.yaml: ${languages.join(', ')}`);
    }
  }
}

export function checkAudienceSelector(source: YamlSource, at: YamlPath, selector: AudienceSelector, known: readonly string[], problems: ProblemList): void {
  if (selector === 'all') return;
  selector.forEach((audienceId, index) => {
    if (!known.includes(audienceId)) problems.error('UNKNOWN_AUDIENCE', `${formatPath(at)}: unknown audience "${audienceId}"`, source.locate([...at, index]), didYouMean(audienceId, known) ?? `known audiences: ${known.join(', ')}`);
  });
}

export function checkUnique(source: YamlSource, at: YamlPath, ids: readonly string[], what: string, problems: ProblemList, key?: string): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      const location: SourceLocation = source.locate(key ? [...at, index, key] : [...at, index]);
      problems.error('DUPLICATE_ID', `${formatPath(at)}: ${what} "${id}" appears more than once`, location);
    }
    seen.add(id);
  });
}
