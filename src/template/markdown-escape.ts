/**
 * Escapes text from data (titles, names, descriptions) so Markdown prints it literally:
 * the templates' output is Markdown, and an organisation's name like "Save *the* children"
 * must not turn into emphasis.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1')
    .replace(/^(\s*)([-=]|\d+[.)])(?=\s|$)/, (_, space: string, marker: string) => `${space}${marker.replace(/([-=.)])/, '\\$1')}`);
}

/** Quotes a value for a directive attribute: `::box label="..."`. */
export function quoteAttribute(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, ' ')}"`;
}

/** Inline Markdown from YAML (checklist items) kept on one line, so it cannot break the list. */
export function inlineMarkdown(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
