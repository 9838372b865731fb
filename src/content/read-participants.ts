import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ProblemList } from '../errors.js';
import type { Participant } from './types.js';
import { didYouMean } from './validate.js';

const COLUMNS = ['name', 'organisation', 'role'] as const;
/** A workshop's room, not a conference: beyond this the list is almost surely the wrong file. */
export const MAX_PARTICIPANTS = 500;

/**
 * Reads a participants list (UTF-8 CSV with a header row: name, and optionally organisation and
 * role; comma- or semicolon-separated, as spreadsheets export it). This is personal data: problems
 * name the file, line and column, never a cell's value, so a name never reaches a log.
 */
export function readParticipants(file: string, problems: ProblemList): Participant[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.error('FILE_UNREADABLE', `cannot read the participants file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file });
    return [];
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let rows: { record: string[]; line: number }[];
  try {
    rows = (parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[]).map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    problems.error('PARTICIPANTS_CSV', `${describeCsvError(code)}`, { file, line: lines }, 'save the list as CSV (UTF-8) from the spreadsheet, with one header row');
    return [];
  }
  const [header, ...body] = rows;
  if (!header) {
    problems.error('PARTICIPANTS_CSV', 'the participants file is empty', { file, line: 1 }, `the first row names the columns: ${COLUMNS.join(', ')}`);
    return [];
  }
  const columns = header.record.map((cell) => cell.toLowerCase());
  columns.forEach((column, index) => {
    if (!(COLUMNS as readonly string[]).includes(column)) {
      problems.warn('PARTICIPANTS_COLUMN', `column "${column}" is not used`, { file, line: header.line, column: index + 1 }, didYouMean(column, COLUMNS) ?? `columns used: ${COLUMNS.join(', ')}`);
    }
  });
  const nameColumn = columns.indexOf('name');
  if (nameColumn < 0) {
    problems.error('PARTICIPANTS_CSV', 'the header row has no "name" column', { file, line: header.line }, `the first row names the columns: ${COLUMNS.join(', ')}`);
    return [];
  }
  if (body.length > MAX_PARTICIPANTS) {
    problems.error('PARTICIPANTS_CSV', `${body.length} participants; the limit is ${MAX_PARTICIPANTS}`, { file }, 'split the list by workshop');
    return [];
  }
  const at = (record: string[], column: string) => {
    const index = columns.indexOf(column);
    return index < 0 ? '' : (record[index] ?? '');
  };
  const participants: Participant[] = [];
  for (const { record, line } of body) {
    if (record.length !== columns.length) {
      problems.error('PARTICIPANTS_CSV', `this row has ${record.length} field${record.length === 1 ? '' : 's'}; the header has ${columns.length}`, { file, line }, 'a name with a comma needs double quotes around it');
      continue;
    }
    if (at(record, 'name') === '') {
      problems.error('PARTICIPANTS_CSV', 'this row has no name', { file, line, column: nameColumn + 1 });
      continue;
    }
    participants.push({ name: at(record, 'name'), organisation: at(record, 'organisation'), role: at(record, 'role') });
  }
  return participants;
}

function describeCsvError(code: string | undefined): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quote in the middle of a field';
    default:
      return 'this is not a CSV file trainpack can read';
  }
}
