/**
 * Random Markdown for the fuzzer: real constructs (every block and inline kind marked and
 * trainpack's directives know, nested and broken) mixed with nasty bytes. Seeded, so a failing
 * document is reproduced from its seed alone.
 */

/** mulberry32: small, fast and good enough to spread the choices. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'rimëkëmbja riintegrimi mbështetje siguria çështje the person chooses safety first plan together follow up referral shelter mentor'.split(' ');

/** Control characters: a document holding one is rejected, so they are rare enough to leave most documents printable. */
const CONTROLS = ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085'];
/** Characters that have broken or could break text handling: invisible and bidirectional marks, glyphs the fonts lack, combining marks, Markdown and template syntax. */
const NASTY = ['\u00ad', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\ufffd', '\ue000', '☐', '😀', 'Ǆ', '\u0301', 'ﬁ', '\t', '\r', '\r\n', '\\', '&amp;', '&#0;', '&#x1F600;', '&bogus;', '<', '>', '|', '`', '*', '_', '~', '[', ']', '(', ')', '{{', '}}', '::', ':::', '#', '!['];

export function randomMarkdown(seed: number): string {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const count = (max: number) => Math.floor(random() * max);
  const chance = (probability: number) => random() < probability;

  const controlRate = chance(0.125) ? 0.002 : 0;
  const word = (): string => (chance(controlRate) ? pick(CONTROLS) : chance(0.03) ? pick(NASTY) : chance(0.01) ? 'x'.repeat(200 + count(3000)) : pick(WORDS));
  const inline = (depth = 0): string => {
    const parts: string[] = [];
    for (let index = 0, length = 1 + count(12); index < length; index++) {
      const choice = count(depth > 3 ? 2 : 12);
      const text = word();
      if (choice === 2) parts.push(`*${inline(depth + 1)}*`);
      else if (choice === 3) parts.push(`**${inline(depth + 1)}**`);
      else if (choice === 4) parts.push(`\`${text}\``);
      else if (choice === 5) parts.push(`[${inline(depth + 1)}](https://example.org/${text})`);
      else if (choice === 6) parts.push(`~~${text}~~`);
      else if (choice === 7) parts.push(`<${pick(['b', 'span', 'script', 'br/'])}>`);
      else if (choice === 8) parts.push(pick(['&copy;', '&#xE9;', '&nbsp;', '&lt;']));
      else if (choice === 9) parts.push(`${text}  \n`);
      else if (choice === 10) parts.push(pick(['*'.repeat(1 + count(60)), '_'.repeat(1 + count(40)), '['.repeat(1 + count(30))]));
      else parts.push(text);
    }
    return parts.join(' ');
  };
  const block = (depth: number): string => {
    const choice = count(depth > 12 ? 6 : 22);
    switch (choice) {
      case 0:
      case 1:
      case 2:
        return inline();
      case 3:
        return `${'#'.repeat(1 + count(7))} ${inline()}`;
      case 4:
        return pick(['::pagebreak', `::fill label="${word()}"`, '::toc', `::box label="${word()}" value=""`, `::${word()}`, '::', '::pagebreak extra="unclosed']);
      case 5:
        return pick(['---', '***', '___', '- - -']);
      case 6:
        return `${'> '.repeat(1 + count(depth > 6 ? 30 : 3))}${inline()}`;
      case 7:
      case 8: {
        const ordered = chance(0.4);
        const items = 1 + count(6);
        const indent = ' '.repeat(depth * 2);
        return Array.from({ length: items }, (_, index) => `${indent}${ordered ? `${index + 1}.` : pick(['-', '*', '+'])} ${chance(0.2) ? `[${pick([' ', 'x'])}] ` : ''}${chance(0.2) ? `\n${block(depth + 1)}` : inline()}`).join('\n');
      }
      case 9: {
        const columns = 1 + count(6);
        const row = () => `| ${Array.from({ length: columns }, () => (chance(0.1) ? Array.from({ length: 50 + count(400) }, word).join(' ') : inline(3))).join(' | ')} |`;
        return [row(), `|${'---|'.repeat(columns)}`, ...Array.from({ length: count(8) }, row)].join('\n');
      }
      case 10:
        return `${pick(['```', '~~~', '````'])}${pick(['', 'js', 'text'])}\n${Array.from({ length: 1 + count(8), }, word).join('\n')}${chance(0.8) ? `\n${pick(['```', '~~~'])}` : ''}`;
      case 11:
        return `    ${inline()}`;
      case 12: {
        const name = pick(['note', 'tip', 'warning', 'important', 'lead', 'small', 'cover', 'checklist', 'sparkles']);
        return `::: ${name}${chance(0.3) ? ` title="${word()}"` : ''}\n${block(depth + 1)}\n${chance(0.85) ? ':::' : ''}`;
      }
      case 13:
        return pick(['<div>', '<!-- comment -->', '<table><tr><td>x</td></tr></table>', '<?php ?>', '<![CDATA[ x ]]>']);
      case 14:
        return `[${word()}]: https://example.org/${word()} "${word()}"\n\n[${word()}][${word()}]`;
      case 15:
        return `${inline()}\n${pick(['===', '---'])}`;
      case 16:
        return Array.from({ length: 1 + count(30) }, () => inline()).join('\n');
      case 17:
        return `${inline()}\n::pagebreak\n${inline()}`;
      case 18:
        return '{{#for "teachers"}}\n' + inline() + '\n{{/for}}';
      case 19:
        return `- ${'  - '.repeat(count(30))}${inline()}`;
      case 20:
        return pick(['', ' ', '\t', '\u00a0', '\ufeff']);
      default:
        return `${'*'.repeat(count(depth > 6 ? 2000 : 20))}${word()}${'*'.repeat(count(20))}`;
    }
  };
  const front = chance(0.3) ? `---\ntitle: "${word().replace(/["\\]/g, '')}"\n${chance(0.5) ? 'lang: sq\n' : ''}---\n\n` : '';
  const blocks = Array.from({ length: 1 + count(40) }, () => block(0));
  return front + blocks.join(pick(['\n\n', '\n', '\r\n\r\n', '\n\n\n']));
}
