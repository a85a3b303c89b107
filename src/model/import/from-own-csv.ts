/**
 * date-line's own CSV columns: one event per row, values as in the JSON format, text as date-line rich text. A
 * "title" row gives the timeline's title and description, an "era" row an era; `source2Title`, … add sources, and
 * columns whose names start with "x-" are the author's own fields.
 */
import type { EraData, EventData, GroupData, MediaData, SourceData, TimelineData } from '../timeline-data.generated.js';
import { eventRows, normalize, type CsvImport, type Row } from './csv-rows.js';
import { IdAllocator } from './ids.js';
import { finish, type ImportResult, type Origins } from './shared.js';

/** date-line's own columns (normalized) and their documented spelling. */
export const OWN_COLUMNS: Record<string, string> = Object.fromEntries(
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
    'mediaQuote',
    'mediaAlt',
    'mediaCaption',
    'mediaCredit',
    'mediaThumbnail',
  ].map((name) => [normalize(name), name]),
);
const SOURCE_FIELDS = ['title', 'url', 'publisher', 'author', 'date', 'note'] as const;
/** "sourceUrl" is source 1's url; "source2Url" source 2's. */
export const SOURCE_COLUMN = /^source(\d*)(title|url|publisher|author|date|note)$/;
/** The columns of date-line's layout whose text keeps its line breaks (rich text and notes). */
const MULTILINE = /^(?:summary|datenote|mediaquote|mediacaption|mediacredit|source\d*note)$/;
/** The media columns besides "media" (its address), and the media field each fills. */
const MEDIA_COLUMNS = {
  type: 'mediatype',
  quote: 'mediaquote',
  alt: 'mediaalt',
  caption: 'mediacaption',
  credit: 'mediacredit',
  thumbnail: 'mediathumbnail',
} as const;
const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);

/** date-line's own layout: one event per row, values as in the JSON format. */
export function importOwnRows(rows: Row[], csv: CsvImport, partial: boolean): ImportResult {
  const origins: Origins = new Map();
  const events: EventData[] = [];
  const eras: EraData[] = [];
  const groups = new Map<string, GroupData>();
  const groupIds = new IdAllocator();
  const eventIds = new IdAllocator();
  const eraIds = new IdAllocator();
  const timeline: { title?: string; description?: string; media?: MediaData } = {};
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
    /** The row's media: an address (media) or a quotation's words (mediaQuote), with what describes it. */
    const readMedia = (): MediaData | undefined => {
      if (!cell('media') && !cell('mediaquote')) {
        const orphan = Object.values(MEDIA_COLUMNS).find((key) => cell(key));
        if (orphan)
          csv.errors.push({
            path: at(orphan),
            message: `"${csv.columns.get(orphan)!.name.trim()}" is filled in, but the media column (its address) is empty.`,
          });
        return undefined;
      }
      const media: Record<string, string> = cell('media') ? { url: cell('media') } : {};
      for (const [field, key] of Object.entries(MEDIA_COLUMNS)) if (cell(key)) media[field] = cell(key);
      return media; // checked by parseTimeline in finish(), type included
    };
    const mediaFields: Record<string, string> = { media: at('media'), 'media/url': at('media') };
    for (const [field, key] of Object.entries(MEDIA_COLUMNS)) mediaFields[`media/${field}`] = at(key);
    const type = typeOf(row);
    if (type === 'title') {
      if (cell('title')) timeline.title = cell('title');
      if (cell('summary')) timeline.description = cell('summary');
      const media = readMedia();
      if (media) timeline.media = media;
      origins.set('', {
        path: `/rows/${row.index}`,
        fields: { title: at('title'), description: at('summary'), ...mediaFields },
      });
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
    Object.assign(fields, mediaFields);
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

    const media = readMedia();
    if (media) event.media = media;

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
