/**
 * parseTimeline: the one door into date-line for data. It checks the input against the schema, then what a
 * schema cannot say (real dates, intervals that do not run backwards, unique ids, known groups, links date-line
 * will follow), and normalises what passes. It never throws, and needs no DOM.
 *
 * Chronological order: events are sorted by where they start on the time scale (a date covers its whole year,
 * month or day, so "2017-03" starts on 1 March); of two that start together, the one that ends first comes
 * first, so "2017-03-01" precedes "2017-03" and "2017-03" precedes "2017-03/2017-05"; then the input order.
 */
import { parseDateSpan, spanExtent, type DateSpan } from './dates.js';
import { jsonErrorOffset, lineAndColumn } from './json-location.js';
import { unsafeLinks } from './rich-text.js';
import type { EventData, TimelineData } from './timeline-data.generated.js';
import type { Timeline, TimelineEra, TimelineEvent, TimelineGroup, TimelineSource } from './types.js';
import { MAX_ERRORS, pointer, validateSchema, type TimelineError } from './validate.js';

export interface ParseResult {
  /** The parsed timeline, or `null` when there are errors. */
  timeline: Timeline | null;
  /** Every problem found, each with its JSON Pointer path; empty when the timeline is valid. */
  errors: TimelineError[];
}

/** Inputs larger than this are refused before parsing, so a runaway file cannot freeze the page. */
export const MAX_INPUT_CHARACTERS = 20_000_000;

/** Parses JSON text with a located, plain-language error instead of an exception. */
export function parseJsonText(text: string): { value?: unknown; error?: TimelineError } {
  if (text.length > MAX_INPUT_CHARACTERS) {
    return {
      error: {
        path: '',
        message: `The data is too large (${text.length.toLocaleString('en')} characters; the limit is ${MAX_INPUT_CHARACTERS.toLocaleString('en')}).`,
      },
    };
  }
  if (text.trim() === '') return { error: { path: '', message: 'The data is empty: expected a timeline in JSON.' } };
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    if (/^\s*</.test(text)) {
      return {
        error: {
          path: '',
          message:
            'The data is HTML, not JSON: the address probably leads to a web page (or an error page) rather than to the timeline file.',
        },
      };
    }
    const offset = jsonErrorOffset(text);
    if (offset < 0)
      return {
        error: {
          path: '',
          message: `The data is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    const { line, column } = lineAndColumn(text, offset);
    const found = offset >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text[offset])}`;
    return { error: { path: '', message: `The data is not valid JSON (line ${line}, column ${column}): ${found}.` } };
  }
}

function collectExtensions(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => key.startsWith('x-')));
}

/** Checks a URL that passed the schema's pattern: it must also be a URL the platform can parse. */
function checkUrl(url: string, path: string, errors: TimelineError[]): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url, 'https://relative.invalid/');
  } catch {
    // handled below
  }
  if (!parsed || (parsed.protocol.startsWith('http') && parsed.hostname === '')) {
    errors.push({ path, message: `"${url}" is not a complete address.` });
  }
}

function checkRichText(text: string | undefined, path: string, errors: TimelineError[]): void {
  if (text === undefined) return;
  for (const url of unsafeLinks(text)) {
    errors.push({
      path,
      message: `The link to "${url}" will not be followed: links must be http:, https: or mailto: URLs.`,
    });
  }
}

function parseDateField(text: string, path: string, errors: TimelineError[]): DateSpan | undefined {
  const parsed = parseDateSpan(text);
  if (parsed.ok) return parsed.value;
  errors.push({ path, message: parsed.message });
  return undefined;
}

function buildEvent(
  data: EventData,
  path: string,
  groups: Map<string, TimelineGroup>,
  errors: TimelineError[],
): Omit<TimelineEvent, 'index'> | undefined {
  const errorCount = errors.length;
  let date = parseDateField(data.date, pointer(path, 'date'), errors);
  if (date && data.end !== undefined) {
    const end = parseDateField(data.end, pointer(path, 'end'), errors);
    if (date.isInterval || date.oneOf) {
      errors.push({
        path: pointer(path, 'end'),
        message: `"${data.date}" is already an interval ("start/end") or a "one of" date: give no end.`,
      });
    } else if (end) {
      // Joined as one interval, whose message (an end before the start, X in an interval) names both.
      const joined = parseDateSpan(`${data.date}/${data.end}`);
      if (joined.ok) date = joined.value;
      else errors.push({ path: pointer(path, 'end'), message: joined.message });
    }
  }
  const group = data.group === undefined ? undefined : groups.get(data.group);
  if (data.group !== undefined && !group) {
    const known = [...groups.keys()];
    errors.push({
      path: pointer(path, 'group'),
      message: `There is no group "${data.group}" in "groups"${known.length ? ` (the groups are: ${known.map((k) => `"${k}"`).join(', ')})` : ''}.`,
    });
  }
  checkRichText(data.summary, pointer(path, 'summary'), errors);
  if (data.media) {
    checkUrl(data.media.url, pointer(pointer(path, 'media'), 'url'), errors);
    if (data.media.thumbnail) checkUrl(data.media.thumbnail, pointer(pointer(path, 'media'), 'thumbnail'), errors);
    checkRichText(data.media.caption, pointer(pointer(path, 'media'), 'caption'), errors);
    checkRichText(data.media.credit, pointer(pointer(path, 'media'), 'credit'), errors);
  }
  const sources: TimelineSource[] = (data.sources ?? []).map((source, index) => {
    const sourcePath = pointer(pointer(path, 'sources'), index);
    if (source.url) checkUrl(source.url, pointer(sourcePath, 'url'), errors);
    const parsedDate =
      source.date === undefined ? undefined : parseDateField(source.date, pointer(sourcePath, 'date'), errors);
    return parsedDate ? { ...source, parsedDate } : { ...source };
  });
  if (errors.length > errorCount || !date) return undefined;
  const { from, to } = spanExtent(date);
  return {
    id: data.id,
    title: data.title,
    date,
    from,
    to,
    tags: data.tags ?? [],
    importance: data.importance ?? 3,
    context: data.context ?? false,
    sources,
    extensions: collectExtensions(data),
    ...(data.summary === undefined ? {} : { summary: data.summary }),
    ...(data.displayDate === undefined ? {} : { displayDate: data.displayDate }),
    ...(data.dateNote === undefined ? {} : { dateNote: data.dateNote }),
    ...(group ? { group } : {}),
    ...(data.media ? { media: data.media } : {}),
  };
}

/**
 * When the structure has problems, the events' dates are still checked, so an author sees every problem in one
 * pass instead of meeting the date errors only after fixing the rest.
 */
function checkDatesAnyway(data: unknown, errors: TimelineError[]): void {
  const events = (data as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return;
  const reported = new Set(errors.map((error) => error.path));
  events.forEach((event: unknown, index) => {
    for (const field of ['date', 'end']) {
      const value = (event as Record<string, unknown> | null)?.[field];
      const path = pointer(pointer('/events', index), field);
      if (typeof value === 'string' && !reported.has(path) && errors.length < MAX_ERRORS)
        parseDateField(value, path, errors);
    }
  });
}

function checkUniqueIds(items: readonly { id: string }[], path: string, what: string, errors: TimelineError[]): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, index);
    else
      errors.push({
        path: pointer(pointer(path, index), 'id'),
        message: `The id "${item.id}" is already used by ${what} ${earlier + 1}; ids must be unique.`,
      });
  });
}

/**
 * Parses and checks timeline data: a JSON string or an already parsed value. Returns the timeline, or `null`
 * with every error found (up to a hundred), each with the JSON Pointer path of the value at fault. Never throws.
 */
export function parseTimeline(input: unknown): ParseResult {
  try {
    return parseUnsafe(input);
  } catch (error) {
    // Nothing above should throw; if something does (a getter on a hostile object, a stack overflow on absurd
    // nesting), it becomes an error the page can show rather than an exception in the host page.
    return {
      timeline: null,
      errors: [
        { path: '', message: `The data could not be read: ${error instanceof Error ? error.message : String(error)}` },
      ],
    };
  }
}

function parseUnsafe(input: unknown): ParseResult {
  let data = input;
  if (typeof input === 'string') {
    const json = parseJsonText(input);
    if (json.error) return { timeline: null, errors: [json.error] };
    data = json.value;
  }
  const errors: TimelineError[] = [];
  validateSchema(data, errors);
  if (errors.length) {
    checkDatesAnyway(data, errors);
    return { timeline: null, errors: errors.slice(0, MAX_ERRORS) };
  }

  const raw = data as TimelineData;
  checkRichText(raw.description, '/description', errors);
  const groupData = raw.groups ?? [];
  checkUniqueIds(groupData, '/groups', 'group', errors);
  const groups = new Map<string, TimelineGroup>(
    groupData.map((g, index) => [
      g.id,
      {
        id: g.id,
        index,
        label: g.label,
        ...(g.description ? { description: g.description } : {}),
        ...(g.color ? { color: g.color } : {}),
      },
    ]),
  );

  const eraData = raw.eras ?? [];
  checkUniqueIds(eraData, '/eras', 'era', errors);
  const eras: TimelineEra[] = [];
  eraData.forEach((era, index) => {
    const path = pointer('/eras', index);
    const start = parseDateField(era.start, pointer(path, 'start'), errors);
    const end = parseDateField(era.end, pointer(path, 'end'), errors);
    if (!start || !end) return;
    const span = parseDateSpan(`${era.start}/${era.end}`);
    if (!span.ok) {
      errors.push({ path: pointer(path, 'end'), message: span.message });
      return;
    }
    const { from, to } = spanExtent(span.value);
    eras.push({ id: era.id, label: era.label, date: span.value, from, to, ...(era.color ? { color: era.color } : {}) });
  });

  checkUniqueIds(raw.events, '/events', 'event', errors);
  const built: Omit<TimelineEvent, 'index'>[] = [];
  for (let index = 0; index < raw.events.length && errors.length < MAX_ERRORS; index++) {
    const event = buildEvent(raw.events[index], pointer('/events', index), groups, errors);
    if (event) built.push(event);
  }
  if (errors.length) return { timeline: null, errors: errors.slice(0, MAX_ERRORS) };

  const order = built.map((event, inputIndex) => ({ event, inputIndex }));
  order.sort((a, b) => a.event.from - b.event.from || a.event.to - b.event.to || a.inputIndex - b.inputIndex);
  const events = order.map(({ event }, index) => ({ ...event, index }));
  eras.sort((a, b) => a.from - b.from || a.to - b.to);

  return {
    timeline: {
      groups: [...groups.values()],
      eras,
      events,
      extensions: collectExtensions(raw),
      ...(raw.title === undefined ? {} : { title: raw.title }),
      ...(raw.description === undefined ? {} : { description: raw.description }),
      ...(raw.locale === undefined ? {} : { locale: raw.locale }),
    },
    errors: [],
  };
}
