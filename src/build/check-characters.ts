import type { ProblemList, Severity, SourceLocation } from '../errors.js';
import { lexMarkdown, type BlockToken } from '../markdown/lex.js';
import { missingGlyphs } from '../pdf/fonts.js';
import { createTheme } from '../pdf/theme.js';

/** A text as it stands in its file; `firstLine` is the file's line the text starts on. */
export interface CharacterSource {
  file: string;
  text: string;
  firstLine?: number;
  /** Markdown has code spans and blocks, printed in the monospace font. */
  markdown?: boolean;
}

export interface CharacterCheckOptions {
  /** Characters the fonts lack: an error (build, check, render by default) or a warning. */
  missingGlyph: Severity;
}

// Tab, line feed and carriage return are layout; every other control character prints as nothing
// or as a box, and in a message would reach the terminal raw.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Every character of the sources must be printable: no control characters, every character in the
 * text fonts (all faces and the large-print ones), and characters in code in the monospace font.
 * Each distinct character is checked against the fonts once (ASCII is in every face); only when
 * one is missing is the text searched again to report every place it appears.
 */
export function checkCharacters(sources: readonly CharacterSource[], options: CharacterCheckOptions, problems: ProblemList): void {
  const theme = createTheme({ paper: 'A4' });
  const large = createTheme({ paper: 'A4', largePrint: true });
  const textFaces = [...Object.values(theme.fonts.body), theme.fonts.heading.bold, ...Object.values(large.fonts.body)];
  const monoFaces = Object.values(theme.fonts.mono);
  const distinct = new Set<string>();
  for (const source of sources) for (const character of source.text) if (character.charCodeAt(0) > 0x7e || character.charCodeAt(0) < 0x20) distinct.add(character);
  const candidates = [...distinct].join('');
  const missingInText = new Set(missingGlyphs(candidates, textFaces));
  const missingInCode = new Set(missingGlyphs(candidates, monoFaces).filter((character) => !missingInText.has(character)));
  const hasControl = CONTROL.test(candidates);
  if (missingInText.size === 0 && missingInCode.size === 0 && !hasControl) return;

  for (const source of sources) {
    const firstLine = source.firstLine ?? 1;
    source.text.split('\n').forEach((line, index) => {
      if (source.file.endsWith('.yaml') && /^\s*#/.test(line)) return;
      let column = 0;
      for (const character of line) {
        column++;
        const location = { file: source.file, line: firstLine + index, column };
        if (CONTROL.test(character)) {
          problems.error('CONTROL_CHARACTER', `control character ${codePoint(character)} cannot be printed`, location, 'delete it: it is invisible in most editors, so retype the words around it');
        } else if (missingInText.has(character)) {
          problems.items.push({ severity: options.missingGlyph, code: 'MISSING_GLYPH', message: `character "${character}" (${codePoint(character)}) cannot be printed: the embedded fonts have no glyph for it`, location, hint: 'replace it with a character the fonts have (for a tick box use a task list item "- [ ]")' });
        }
      }
    });
    if (source.markdown && missingInCode.size > 0) reportCodeGlyphs(source, missingInCode, options, problems);
  }
}

/** Characters the text fonts have but the monospace font lacks matter only in code spans and blocks. */
function reportCodeGlyphs(source: CharacterSource, missing: ReadonlySet<string>, options: CharacterCheckOptions, problems: ProblemList): void {
  const { tokens } = lexMarkdown(source.text);
  let offset = 0;
  for (const token of tokens) {
    for (const raw of codeRaws(token)) {
      const start = source.text.indexOf(raw, offset);
      const at = start === -1 ? offset : start;
      for (let index = 0; index < raw.length; index++) {
        const character = String.fromCodePoint(raw.codePointAt(index)!);
        if (character.length === 2) index++;
        if (!missing.has(character)) continue;
        problems.items.push({
          severity: options.missingGlyph,
          code: 'MISSING_GLYPH',
          message: `character "${character}" (${codePoint(character)}) cannot be printed in code: the monospace font has no glyph for it`,
          location: locate(source, start === -1 ? at : at + index),
          hint: 'write it outside the code span or block, where the text font has it',
        });
      }
    }
    offset += token.raw.length;
  }
}

/** The raw text of every code block and code span in a token, in order. */
function codeRaws(token: BlockToken | { type: string; raw: string; tokens?: unknown[]; items?: unknown[] }): string[] {
  if (token.type === 'code' || token.type === 'codespan') return [token.raw];
  const nested = [...(((token as { tokens?: unknown[] }).tokens ?? []) as BlockToken[]), ...(((token as { items?: unknown[] }).items ?? []) as BlockToken[])];
  if (token.type === 'table') {
    const table = token as unknown as { header: { tokens: BlockToken[] }[]; rows: { tokens: BlockToken[] }[][] };
    for (const cell of [...table.header, ...table.rows.flat()]) nested.push(...cell.tokens);
  }
  return nested.flatMap((child) => codeRaws(child));
}

function locate(source: CharacterSource, offset: number): SourceLocation {
  const before = source.text.slice(0, offset);
  const line = (source.firstLine ?? 1) + (before.match(/\n/g)?.length ?? 0);
  return { file: source.file, line, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
