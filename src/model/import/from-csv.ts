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
 *    mediaAlt, mediaCaption, mediaCredit, mediaThumbnail, sourceTitle, sourceUrl, sourcePublisher,
 *    sourceAuthor, sourceDate, sourceNote — and source2Title, source2Url, … for more sources — plus any
 *    column whose name starts with "x-", kept as your own field. Only date and title are required. A "title"
 *    row gives the timeline's title (title) and description (summary); an "era" row an era (title, date, end).
 *
 * data/examples/ has a file in each layout. An unknown column is an error, with the column that was probably
 * meant; so are unclosed quotes. Every error points at a row and column (`/rows/3/Year`, where `/rows/0` is the
 * header row) and says which line of the file it is on.
 */
import { MAX_INPUT_CHARACTERS, type ParseOptions } from '../parse.js';
import type { EraData, EventData, GroupData, MediaData, SourceData, TimelineData } from '../timeline-data.generated.js';
import { pointer, suggestField, type TimelineError } from '../validate.js';
import { parseCsv, type CsvRecord } from './csv.js';
import { IdAllocator } from './ids.js';
import { finish, type ImportResult, type Origins } from './shared.js';
import { TimelineJSConverter, type Locate, type SlideField } from './timelinejs.js';

/** A header name as it is matched: "End Year", "end_year" and "endYear" are all "endyear". */
const normalize = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** TimelineJS template columns (normalized) and how they are written in the template, for messages. */
const TIMELINEJS_COLUMNS: Record<string, string> = {
  year: 'Year',
  month: 'Month',
  day: 'Day',
  time: 'Time',
  endyear: 'End Year',
  endmonth: 'End Month',
  endday: 'End Day',
  endtime: 'End Time',
  startdate: 'Start Date',
  enddate: 'End Date',
  displaydate: 'Display Date',
  headline: 'Headline',
  text: 'Text',
  media: 'Media',
  mediacredit: 'Media Credit',
  mediacaption: 'Media Caption',
  mediathumbnail: 'Media Thumbnail',
  alttext: 'Alt Text',
  type: 'Type',
  group: 'Group',
  background: 'Background',
};

/** date-line's own columns (normalized) and their documented spelling. */
const OWN_COLUMNS: Record<string, string> = Object.fromEntries(
  [
    'id',
    'type',
    'date',
    'end',
    'displayDate',
    'dateNote',
    'title',
    'summary',
    'group',
    'tags',
    'importance',
    'context',
    'media',
    'mediaType',
    'mediaAlt',
    'mediaCaption',
    'mediaCredit',
    'mediaThumbnail',
  ].map((name) => [normalize(name), name]),
);
const SOURCE_FIELDS = ['title', 'url', 'publisher', 'author', 'date', 'note'] as const;
/** "sourceUrl" is source 1's url; "source2Url" source 2's. */
const SOURCE_COLUMN = /^source(\d*)(title|url|publisher|author|date|note)$/;

/** The slide fields of the TimelineJS layout, and the columns (normalized) they are read from, best first. */
const SLIDE_FIELD_COLUMNS: Partial<Record<SlideField, string[]>> = {
  start_date: ['year', 'startdate'],
  'start_date.year': ['year', 'startdate'],
  'start_date.month': ['month', 'startdate'],
  'start_date.day': ['day', 'startdate'],
  'start_date.hour': ['time', 'startdate'],
  'start_date.minute': ['time', 'startdate'],
  'start_date.second': ['time', 'startdate'],
  end_date: ['endyear', 'enddate'],
  'end_date.year': ['endyear', 'enddate'],
  'end_date.month': ['endmonth', 'enddate'],
  'end_date.day': ['endday', 'enddate'],
  'end_date.hour': ['endtime', 'enddate'],
  'end_date.minute': ['endtime', 'enddate'],
  'end_date.second': ['endtime', 'enddate'],
  display_date: ['displaydate'],
  'text.headline': ['headline'],
  'text.text': ['text'],
  media: ['media'],
  'media.url': ['media'],
  'media.caption': ['mediacaption'],
  'media.credit': ['mediacredit'],
  'media.thumbnail': ['mediathumbnail'],
  'media.alt': ['alttext'],
  group: ['group'],
};

/** One header cell: its name as written, and the key it is matched by. */
interface Column {
  name: string;
  key: string;
  index: number;
}

/** A data row with its cells by column key. */
interface Row {
  /** Index in the file's records: `/rows/<index>`. */
  index: number;
  line: number;
  cells: Map<string, string>;
}

class CsvImport {
  readonly errors: TimelineError[] = [];
  readonly warnings: TimelineError[] = [];
  readonly columns = new Map<string, Column>();

  constructor(readonly headerIndex: number) {}

  /** `/rows/3/Year`: a cell, by the name its column has in this file. */
  cellPath(row: number, key: string): string {
    const column = this.columns.get(key);
    return column ? pointer(`/rows/${row}`, column.name.trim() || column.index) : `/rows/${row}`;
  }
}

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

/** "1,815" → "1815": spreadsheets format numbers with separators (as TimelineJS's own reader allows). */
const cleanInteger = (value: string) => value.replace(/[\s,]+/g, '');

/**
 * A TimelineJS time cell ("14:30", "2:30 PM", "1430", "14:30:15") as date parts, or an error message. Like
 * TimelineJS, "12 AM" is midnight and "12 PM" noon.
 */
function parseTime(value: string): Record<string, string> | string {
  let time = value.trim();
  const period = /\s*([AaPp])\.?\s*[Mm]\.?$/.exec(time);
  if (period) time = time.slice(0, period.index).trim();
  const compact = /^(\d{1,2})(\d{2})$/.exec(time);
  const parts = compact ? compact.slice(1) : time.split(time.includes(':') ? ':' : '.');
  if (parts.length > 3 || !parts.every((part, index) => /^\d{1,2}$/.test(index === 2 ? part.split(/[.,]/)[0] : part))) {
    return `"${value}" is not a time; write it as 14:30, 2:30 PM or 14:30:15.`;
  }
  let hour = Number(parts[0]);
  if (period) {
    if (hour < 1 || hour > 12) return `"${value}": with AM or PM, the hour goes from 1 to 12.`;
    hour = (hour % 12) + (period[1].toLowerCase() === 'p' ? 12 : 0);
  }
  const [, minute, second] = parts;
  return {
    hour: String(hour),
    ...(minute !== undefined ? { minute } : {}),
    ...(second !== undefined ? { second: second.split(/[.,]/)[0] } : {}),
  };
}

/**
 * A TimelineJS "Start Date" / "End Date" cell as date parts: "1978", "1978-08-09", "-44-03-15", "8/9/1978"
 * (month first, as TimelineJS reads it), "8/1978", optionally followed by a time. An error message otherwise.
 */
function parseDateCell(value: string): Record<string, string> | string {
  const [, datePart, timePart] = /^(\S+)(?:[\sT]+(.+))?$/.exec(value.trim()) ?? [];
  const iso = /^([+-]?\d+)(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(datePart ?? '');
  const american = /^(\d{1,2})\/(?:(\d{1,2})\/)?([+-]?\d+)$/.exec(datePart ?? '');
  let parts: Record<string, string>;
  if (iso) parts = { year: iso[1], ...(iso[2] ? { month: iso[2] } : {}), ...(iso[3] ? { day: iso[3] } : {}) };
  else if (american) parts = { year: american[3], month: american[1], ...(american[2] ? { day: american[2] } : {}) };
  else return `"${value}" is not a date TimelineJS reads; write a year ("1978"), "1978-08-09" or "8/9/1978".`;
  if (!timePart) return parts;
  const time = parseTime(timePart);
  return typeof time === 'string' ? time : { ...parts, ...time };
}

/**
 * The rows that are events, for a partial import: every data row but the title row and the eras (in TimelineJS's
 * layout, only the first title row is the title; later ones are read as events).
 */
function eventRows(rows: Row[], firstTitleOnly: boolean): (item: string) => boolean {
  let titled = false;
  const events = new Set<string>();
  for (const row of rows) {
    const type = (row.cells.get('type') ?? '').toLowerCase();
    const isTitle = type === 'title' && !(firstTitleOnly && titled);
    titled ||= type === 'title';
    if (!isTitle && type !== 'era') events.add(`/rows/${row.index}`);
  }
  return (item) => events.has(item);
}

/** The TimelineJS layout: each row becomes a slide, and the TimelineJS converter does the rest. */
function importTimelineJSRows(rows: Row[], csv: CsvImport, partial: boolean): ImportResult {
  const converter = new TimelineJSConverter();
  const locate =
    (row: Row): Locate =>
    (field) => {
      const key = (SLIDE_FIELD_COLUMNS[field] ?? []).find((candidate) => csv.columns.has(candidate));
      return key ? csv.cellPath(row.index, key) : `/rows/${row.index}`;
    };
  const dateOf = (row: Row, prefix: '' | 'end'): Record<string, string> | undefined => {
    const cell = (key: string) => row.cells.get(prefix + key) ?? '';
    const combined = row.cells.get(prefix ? 'enddate' : 'startdate') ?? '';
    let parts: Record<string, string> = {};
    if (combined) {
      const parsed = parseDateCell(combined);
      if (typeof parsed === 'string') {
        csv.errors.push({ path: csv.cellPath(row.index, prefix ? 'enddate' : 'startdate'), message: parsed });
        return undefined;
      }
      parts = parsed;
    }
    for (const key of ['year', 'month', 'day'] as const) if (cell(key)) parts[key] = cleanInteger(cell(key));
    if (cell('time')) {
      const time = parseTime(cell('time'));
      if (typeof time === 'string') {
        csv.errors.push({ path: csv.cellPath(row.index, `${prefix}time`), message: time });
        return undefined;
      }
      parts = { ...parts, ...time };
    }
    return parts;
  };

  const slides: { row: Row; type: string; slide: Record<string, unknown> }[] = [];
  for (const row of rows) {
    const cell = (key: string) => row.cells.get(key) ?? '';
    const start = dateOf(row, '');
    const end = dateOf(row, 'end');
    if (!start || !end) continue;
    slides.push({
      row,
      type: cell('type').toLowerCase(),
      slide: {
        start_date: start,
        ...(end.year ? { end_date: end } : {}),
        display_date: cell('displaydate'),
        text: { headline: cell('headline'), text: cell('text') },
        media: {
          url: cell('media'),
          caption: cell('mediacaption'),
          credit: cell('mediacredit'),
          thumbnail: cell('mediathumbnail'),
          alt: cell('alttext'),
        },
        group: cell('group'),
      },
    });
    if (!end.year && (end.month || end.day || end.hour)) {
      csv.warnings.push({
        path: csv.cellPath(row.index, 'endyear'),
        message: 'The end date is left out: it has no year.',
      });
    }
  }
  let titled = false;
  const events = slides.filter(({ row, type, slide }) => {
    if (type === 'title' && !titled) {
      titled = true;
      converter.setTitle(slide, `/rows/${row.index}`, locate(row));
      return false;
    }
    if (type === 'title') {
      csv.warnings.push({
        path: csv.cellPath(row.index, 'type'),
        message: 'There is already a title row; this one is read as an event (as TimelineJS does).',
      });
    }
    if (type === 'era') {
      converter.addEra(slide, `/rows/${row.index}`, locate(row));
      return false;
    }
    return true;
  });
  for (const { row, slide } of events) converter.addEvent(slide, `/rows/${row.index}`, locate(row));
  if (partial) {
    const result = converter.result('timelinejs-csv', eventRows(rows, true), csv.errors);
    return { ...result, warnings: [...csv.warnings, ...result.warnings] };
  }
  const result = converter.result('timelinejs-csv');
  const errors = [...csv.errors, ...result.errors];
  return {
    ...result,
    data: errors.length ? null : result.data,
    errors,
    warnings: [...csv.warnings, ...result.warnings],
  };
}

/** The columns of date-line's layout whose text keeps its line breaks (rich text and notes). */
const MULTILINE = /^(?:summary|datenote|mediacaption|mediacredit|source\d*note)$/;
const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);

/** date-line's own layout: one event per row, values as in the JSON format. */
function importOwnRows(rows: Row[], csv: CsvImport, partial: boolean): ImportResult {
  const origins: Origins = new Map();
  const events: EventData[] = [];
  const eras: EraData[] = [];
  const groups = new Map<string, GroupData>();
  const groupIds = new IdAllocator();
  const eventIds = new IdAllocator();
  const eraIds = new IdAllocator();
  const timeline: { title?: string; description?: string } = {};
  const extensionKeys = [...csv.columns.keys()].filter((key) => key.startsWith('x-'));
  // "" is the first source (sourceTitle), then "2", "3"… in that order, whatever the order of the columns.
  const sourceNumbers = [
    ...new Set([...csv.columns.keys()].map((key) => SOURCE_COLUMN.exec(key)?.[1]).filter((n) => n !== undefined)),
  ].sort((a, b) => Number(a || 1) - Number(b || 1));
  const typeOf = (row: Row) => (row.cells.get('type') ?? '').toLowerCase() || 'event';

  // The authors' ids first, so that made-up ids never take one.
  for (const row of rows) {
    const id = row.cells.get('id') ?? '';
    if (id && typeOf(row) === 'event') eventIds.reserve(id);
  }

  for (const row of rows) {
    // Line breaks matter only in text that has paragraphs; elsewhere (titles, dates, names) they are spaces.
    const cell = (key: string) => {
      const value = row.cells.get(key) ?? '';
      return MULTILINE.test(key) || key.startsWith('x-') ? value : value.replace(/\s+/g, ' ');
    };
    const at = (key: string) => csv.cellPath(row.index, key);
    const type = typeOf(row);
    if (type === 'title') {
      if (cell('title')) timeline.title = cell('title');
      if (cell('summary')) timeline.description = cell('summary');
      origins.set('', { path: `/rows/${row.index}`, fields: { title: at('title'), description: at('summary') } });
      continue;
    }
    if (type === 'era') {
      const [start = '', end = cell('end')] = cell('end') ? [cell('date')] : cell('date').split('/');
      if (!start || !end) {
        csv.errors.push({
          path: at(start && csv.columns.has('end') ? 'end' : 'date'),
          message:
            'An era needs a start and an end: fill in date and end, or write the date as an interval ("1939/1945").',
        });
        continue;
      }
      const index = eras.length;
      eras.push({
        id: cell('id') || eraIds.make(cell('title'), `era-${index + 1}`),
        label: cell('title'),
        start,
        end,
      });
      origins.set(`/eras/${index}`, {
        path: `/rows/${row.index}`,
        fields: { id: at('id'), label: at('title'), start: at('date'), end: at(cell('end') ? 'end' : 'date') },
      });
      continue;
    }
    if (type !== 'event') {
      csv.errors.push({ path: at('type'), message: `The type "${cell('type')}" is not one of event, title, era.` });
      continue;
    }

    if (!cell('date')) {
      csv.errors.push({ path: at('date'), message: 'This row has no date.' });
      continue;
    }
    const index = events.length;
    const fields: Record<string, string> = {};
    for (const key of Object.keys(OWN_COLUMNS)) fields[OWN_COLUMNS[key]] = at(key);
    fields['media/url'] = at('media');
    for (const key of ['type', 'alt', 'caption', 'credit', 'thumbnail']) fields[`media/${key}`] = at(`media${key}`);
    const event: EventData = {
      id: cell('id') || eventIds.make(cell('title'), `event-${index + 1}`),
      date: cell('date'),
      title: cell('title'),
    };
    const copy = (key: string, field: 'end' | 'displayDate' | 'dateNote' | 'summary') => {
      if (cell(key)) event[field] = cell(key);
    };
    copy('end', 'end');
    copy('displaydate', 'displayDate');
    copy('datenote', 'dateNote');
    copy('summary', 'summary');
    if (cell('group')) {
      const label = cell('group');
      let group = groups.get(label);
      if (!group) groups.set(label, (group = { id: groupIds.make(label, `group-${groups.size + 1}`), label }));
      event.group = group.id;
    }
    if (cell('tags')) {
      event.tags = [
        ...new Set(
          cell('tags')
            .split(';')
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ];
    }
    if (cell('importance')) {
      const importance = Number(cell('importance'));
      if (Number.isInteger(importance)) event.importance = importance;
      else
        csv.errors.push({
          path: at('importance'),
          message: `The importance "${cell('importance')}" should be a whole number from 1 to 5.`,
        });
    }
    const context = cell('context').toLowerCase();
    if (YES.has(context)) event.context = true;
    else if (!NO.has(context)) {
      csv.errors.push({ path: at('context'), message: `The context "${cell('context')}" should be yes or no.` });
    }

    const mediaKeys = {
      type: 'mediatype',
      alt: 'mediaalt',
      caption: 'mediacaption',
      credit: 'mediacredit',
      thumbnail: 'mediathumbnail',
    } as const;
    if (cell('media')) {
      const media: Record<string, string> = { url: cell('media') };
      for (const [field, key] of Object.entries(mediaKeys)) if (cell(key)) media[field] = cell(key);
      event.media = media as unknown as MediaData; // checked by parseTimeline in finish(), type included
    } else {
      const orphan = Object.values(mediaKeys).find((key) => cell(key));
      if (orphan)
        csv.errors.push({
          path: at(orphan),
          message: `"${csv.columns.get(orphan)!.name.trim()}" is filled in, but the media column (its address) is empty.`,
        });
    }

    const sources: SourceData[] = [];
    for (const number of sourceNumbers) {
      const key = (field: string) => `source${number}${field}`;
      if (!SOURCE_FIELDS.some((field) => cell(key(field)))) continue;
      const source: Record<string, string> = {};
      for (const field of SOURCE_FIELDS) {
        if (cell(key(field))) source[field] = cell(key(field));
        fields[`sources/${sources.length}/${field}`] = at(key(field));
      }
      // A source without a title is pointed at by its title column, or by the first of its columns there is.
      const titleColumn = csv.columns.has(key('title'))
        ? key('title')
        : SOURCE_FIELDS.map(key).find((k) => csv.columns.has(k))!;
      fields[`sources/${sources.length}`] = at(titleColumn);
      sources.push(source as unknown as SourceData);
    }
    if (sources.length) event.sources = sources;
    for (const key of extensionKeys) if (cell(key)) event[key as `x-${string}`] = cell(key);
    events.push(event);
    origins.set(`/events/${index}`, { path: `/rows/${row.index}`, fields });
  }

  const data: TimelineData = {
    version: 1,
    ...timeline,
    ...(groups.size ? { groups: [...groups.values()] } : {}),
    ...(eras.length ? { eras } : {}),
    events,
  };
  return finish('csv', data, csv.errors, csv.warnings, origins, partial ? eventRows(rows, false) : undefined);
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
