// npm run measure-lex: how lexing time grows with the number of paragraphs (it must grow linearly),
// beside plain marked on the same text. Prints figures; asserts nothing. Run `npm run build` first.
import { performance } from 'node:perf_hooks';
import { marked } from 'marked';
import { lexMarkdown } from '../dist/markdown/lex.js';

const shapes = {
  'paragraphs': (count) => Array.from({ length: count }, (_, index) => `Paragraph ${index} with a few words in it.`).join('\n\n'),
  'headings and paragraphs, no blank lines': (count) => Array.from({ length: count }, (_, index) => `# Heading ${index}\nText ${index}.`).join('\n'),
  'list items': (count) => Array.from({ length: count }, (_, index) => `- item ${index}`).join('\n'),
  'paragraphs with a directive at the end': (count) => `${Array.from({ length: count }, (_, index) => `Paragraph ${index}.`).join('\n\n')}\n\n::pagebreak\n`,
  'containers never closed': (count) => Array.from({ length: count }, (_, index) => `::: note\ntext ${index}`).join('\n\n'),
};

const time = (work) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

for (const [name, make] of Object.entries(shapes)) {
  for (const count of [10_000, 20_000, 40_000]) {
    const text = make(count);
    const ours = time(() => lexMarkdown(text));
    const plain = time(() => marked.lexer(text));
    console.log(`${name.padEnd(42)} ${String(count).padStart(6)}: lexMarkdown ${ours.toFixed(0).padStart(6)} ms, marked ${plain.toFixed(0).padStart(5)} ms`);
  }
}
