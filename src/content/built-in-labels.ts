import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { LabelSet } from './types.js';

/**
 * The UI labels that ship with trainpack, for `trainpack render`, which reads no content root.
 * The file is trainpack's own (validated by `trainpack check` and the tests), so it is parsed
 * without the schema library: that keeps render's start-up short.
 */
export function readBuiltInLabels(): LabelSet {
  const file = fileURLToPath(new URL('../../templates/labels.yaml', import.meta.url));
  return parse(readFileSync(path.resolve(file), 'utf8')) as LabelSet;
}
