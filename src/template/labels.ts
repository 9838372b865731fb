import type { LabelSet } from '../content/types.js';
import type { Problem } from '../errors.js';
import { TrainpackError } from '../errors.js';

/** Looks labels up for one language, falling back to English (once per key, with a warning). */
export class Labels {
  private readonly warned = new Set<string>();

  constructor(
    private readonly labels: LabelSet,
    readonly lang: string,
    private readonly warnings: Problem[],
  ) {}

  get(key: string): string {
    const own = this.labels[this.lang]?.[key];
    if (own !== undefined) return own;
    const english = this.labels.en?.[key];
    if (english === undefined) {
      throw new TrainpackError('LABEL_UNKNOWN', `unknown UI label "${key}"`, { hint: `known labels: ${Object.keys(this.labels.en ?? {}).join(', ')}` });
    }
    const warningKey = `${this.lang}:${key}`;
    if (!this.warned.has(warningKey)) {
      this.warned.add(warningKey);
      this.warnings.push({ severity: 'warning', code: 'LABEL_FALLBACK', message: `UI label "${key}" has no "${this.lang}" text: the English one is printed`, hint: 'add it to templates/labels.yaml in the content root' });
    }
    return english;
  }

  /** A label with `{name}` placeholders filled in. */
  format(key: string, values: Record<string, string | number>): string {
    return this.get(key).replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
  }
}
