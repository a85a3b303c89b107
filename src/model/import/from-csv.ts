/**
 * CSV → date-line, in either of two column layouts, told apart by the header row (names are matched without
 * regard to case, spaces, "-" or "_"):
 *
 * 1. The TimelineJS spreadsheet template, so that a published Google Sheet downloaded as CSV works as it is:
 *    Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media,
 *    Media Credit, Media Caption, Media Thumbnail, Alt Text, Type ("title" or "era"; empty for events), Group,
 *    Background. "Start Date" / "End Date" may replace the Year/Month/Day columns. Text is HTML, as in
 *    TimelineJS, and is converted as fromTimelineJS converts it.
 *
 * 2. date-line's own columns, one event per row, text as date-line rich text (not HTML):
 *    id, type (event | title | era), date, end, displayDate, dateNote, title, summary, group (a label; the
 *    id is made from it), tags (separated by ";"), importance (1–5), context (yes/no), media, mediaType,
 *    mediaQuote, mediaAlt, mediaCaption, mediaCredit, mediaThumbnail, sourceTitle, sourceUrl, sourcePublisher,
 *    sourceAuthor, sourceDate, sourceNote — and source2Title, source2Url, … for more sources — plus any
 *    column whose name starts with "x-", kept as your own field. Only date and title are required. A "title"
 *    row gives the timeline's title (title), description (summary) and media; an "era" row an era (title, date,
 *    end).
 *
 * data/examples/ has a file in each layout. An unknown column is an error, with the column that was probably
 * meant; so are unclosed quotes. Every error points at a row and column (`/rows/3/Year`, where `/rows/0` is the
 * header row) and says which line of the file it is on.
 */
import { MAX_INPUT_CHARACTERS, type ParseOptions } from '../parse.js';
import { pointer, suggestField, type TimelineError } from '../validate.js';
import { parseCsv, type CsvRecord } from './csv.js';
import { CsvImport, normalize, type Row } from './csv-rows.js';
import { importOwnRows, OWN_COLUMNS, SOURCE_COLUMN } from './from-own-csv.js';
import { importTimelineJSRows, TIMELINEJS_COLUMNS } from './from-timelinejs-csv.js';
import type { ImportResult } from './shared.js';

/**
 * Reads the header row: which layout it is, and every column known to it. Unknown columns are errors (with a
 * "did you mean"), unnamed ones too unless they are empty all the way down (spreadsheets export those).
 */
function readHeader(
  header: CsvRecord,
  headerIndex: number,
  rows: CsvRecord[],
): { layout: 'timelinejs-csv' | 'csv'; csv: CsvImport } | { errors: TimelineError[] } {
  // Your own columns keep their name (with the "x-" the schema wants, whatever its case in the sheet).
  const keys = header.fields.map((name) => (/^\s*x-/i.test(name) ? `x-${name.trim().slice(2)}` : normalize(name)));
  const layout =
    keys.includes('year') || keys.includes('startdate') ? 'timelinejs-csv' : keys.includes('date') ? 'csv' : null;
  const headerPath = `/rows/${headerIndex}`;
  if (!layout) {
    return {
      errors: [
        {
          path: headerPath,
          message: `Line ${header.line}: the first row must name the columns: either TimelineJS's template (Year, Month, Day, …, Headline, Text, Media, …) or date-line's (date, title, summary, …). It has: ${header.fields.map((name) => `"${name}"`).join(', ')}.`,
        },
      ],
    };
  }
  const known = layout === 'csv' ? OWN_COLUMNS : TIMELINEJS_COLUMNS;
  const csv = new CsvImport(headerIndex);
  keys.forEach((key, index) => {
    const name = header.fields[index];
    const path = pointer(headerPath, name.trim() || index);
    if (key === '') {
      if (rows.some((row) => (row.fields[index] ?? '').trim() !== '')) {
        csv.errors.push({ path, message: `Line ${header.line}: column ${index + 1} has no name but holds data.` });
      }
      return;
    }
    const isOwnExtra = layout === 'csv' && (key.startsWith('x-') || SOURCE_COLUMN.test(key));
    if (!Object.hasOwn(known, key) && !isOwnExtra) {
      const suggestion = suggestField(normalize(name), Object.keys(known));
      csv.errors.push({
        path,
        message: `Line ${header.line}: unknown column "${name.trim()}".${suggestion ? ` Did you mean "${known[suggestion]}"?` : ''}${layout === 'csv' ? ' Your own columns must start with "x-".' : ''}`,
        ...(suggestion ? { suggestion: known[suggestion] } : {}),
      });
      return;
    }
    if (csv.columns.has(key)) {
      csv.errors.push({ path, message: `Line ${header.line}: the column "${name.trim()}" appears twice.` });
      return;
    }
    csv.columns.set(key, { name, key, index });
  });
  return { layout, csv };
}

/** The data rows (blank ones skipped), each cell trimmed and keyed by its column; extra cells are errors. */
function readRows(records: CsvRecord[], csv: CsvImport): Row[] {
  const rows: Row[] = [];
  const width = Math.max(0, ...[...csv.columns.values()].map((column) => column.index + 1));
  records.forEach((record, index) => {
    if (index <= csv.headerIndex || record.fields.every((field) => field.trim() === '')) return;
    const cells = new Map<string, string>();
    for (const column of csv.columns.values()) cells.set(column.key, (record.fields[column.index] ?? '').trim());
    const extra = record.fields.slice(width).findIndex((field) => field.trim() !== '');
    if (extra >= 0) {
      csv.errors.push({
        path: `/rows/${index}`,
        message: `Line ${record.line}: this row has text in column ${width + extra + 1}, beyond the columns the header names.`,
      });
    }
    rows.push({ index, line: record.line, cells });
  });
  return rows;
}
/** "Line 12: …" in front of every message about a row, so authors find it in a text editor too. */
function withLines(problems: TimelineError[], records: CsvRecord[]): TimelineError[] {
  return problems.map((problem) => {
    const row = /^\/rows\/(\d+)/.exec(problem.path);
    const record = row ? records[Number(row[1])] : undefined;
    if (!record || problem.message.startsWith('Line ')) return problem;
    return { ...problem, message: `Line ${record.line}: ${problem.message}` };
  });
}

/**
 * Converts CSV text to date-line's format: a spreadsheet in TimelineJS's template layout (for example a
 * published Google Sheet downloaded as CSV) or in date-line's own columns; the header row tells which (see
 * the module comment above, the README and data/examples/). Quoted fields, "" escapes, commas and line breaks
 * inside quotes, a byte-order mark, CRLF line ends, and ";" or tab separators are all read. Never throws.
 *
 * The result's `data` is valid under `parseTimeline` (the importer has checked it). Errors and warnings point at
 * cells as `/rows/<row>/<column name>` (`/rows/0` is the header row) and give the line of the file in the message.
 * With `{ partial: true }`, rows with problems are left out and the others kept (`skipped` counts them; see
 * ParseOptions); a problem in the header row still refuses the file.
 *
 * @example
 * const { data, errors } = fromCSV(await (await fetch('sheet.csv')).text());
 */
export function fromCSV(text: string, options: ParseOptions = {}): ImportResult {
  try {
    return convertCsv(text, options.partial === true);
  } catch (error) {
    const message = `The CSV could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { format: null, data: null, errors: [{ path: '', message }], warnings: [] };
  }
}

function convertCsv(text: string, partial: boolean): ImportResult {
  const fail = (path: string, message: string): ImportResult => ({
    format: null,
    data: null,
    errors: [{ path, message }],
    warnings: [],
  });
  if (typeof text !== 'string') return fail('', 'The CSV should be text.');
  if (text.length > MAX_INPUT_CHARACTERS) {
    return fail(
      '',
      `The CSV is too large (${text.length.toLocaleString('en')} characters; the limit is ${MAX_INPUT_CHARACTERS.toLocaleString('en')}).`,
    );
  }
  const { records, error } = parseCsv(text);
  if (error) return fail(`/rows/${records.length}`, error.message);
  const headerIndex = records.findIndex((record) => record.fields.some((field) => field.trim() !== ''));
  if (headerIndex < 0) return fail('', 'The CSV is empty: the first row should name the columns.');
  const header = readHeader(records[headerIndex], headerIndex, records.slice(headerIndex + 1));
  if ('errors' in header) return { format: null, data: null, errors: header.errors, warnings: [] };
  const { layout, csv } = header;
  const rows = readRows(records, csv);
  const result = layout === 'csv' ? importOwnRows(rows, csv, partial) : importTimelineJSRows(rows, csv, partial);
  return { ...result, errors: withLines(result.errors, records), warnings: withLines(result.warnings, records) };
}
