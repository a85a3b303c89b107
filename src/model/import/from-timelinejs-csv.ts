/**
 * The TimelineJS spreadsheet template as CSV (Year, Month, Day, Time, …, Headline, Text, Media, …, Type, Group): each
 * row becomes a TimelineJS slide, and the TimelineJS converter does the rest, so a published Google Sheet made from
 * the template imports as its JSON would. "Start Date" / "End Date" may replace the Year/Month/Day columns.
 */
import { TimelineJSConverter, type Locate, type SlideField } from './timelinejs.js';
import { eventRows, type CsvImport, type Row } from './csv-rows.js';
import type { ImportResult } from './shared.js';

/** TimelineJS template columns (normalized) and how they are written in the template, for messages. */
export const TIMELINEJS_COLUMNS: Record<string, string> = {
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
/** The TimelineJS layout: each row becomes a slide, and the TimelineJS converter does the rest. */
export function importTimelineJSRows(rows: Row[], csv: CsvImport, partial: boolean): ImportResult {
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
