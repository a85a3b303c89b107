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
import type { EventData, MediaData, TimelineData } from './timeline-data.generated.js';
import type { Timeline, TimelineEra, TimelineEvent, TimelineGroup, TimelineSource } from './types.js';
import { MAX_ERRORS, pointer, validateEvent, validateSchema, type TimelineError } from './validate.js';

export interface ParseResult {
  /** The parsed timeline, or `null` when there are errors (with `partial`: when the data is refused). */
  timeline: Timeline | null;
  /** Every problem found, each with its JSON Pointer path; empty when the timeline is valid. */
  errors: TimelineError[];
  /**
   * With `partial`: how many events were left out for their problems, which are in `errors` (under
   * `/events/<index>`). Absent when no event was left out.
   */
  skipped?: number;
}

export interface ParseOptions {
  /**
   * Keep the valid events of a timeline whose top level is sound: an event with a problem is left out (and its
   * problems reported in `errors`) instead of the whole timeline being refused. For showing data, as the element
   * does; tools that check data for its author (`date-line validate`, the embed builder) stay strict, the default.
   * What concerns the whole file (not JSON, a wrong version, no list of events, a broken group or era, a
   * description with a bad link) still refuses it, with the errors the strict parse gives, as does a file none of
   * whose events is valid.
   */
  partial?: boolean;
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
  checkMedia(data.media, pointer(path, 'media'), errors);
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

const duplicateId = (id: string, earlier: number, what: string, path: string): TimelineError => ({
  path: pointer(path, 'id'),
  message: `The id "${id}" is already used by ${what} ${earlier + 1}; ids must be unique.`,
});

function checkUniqueIds(items: readonly { id: string }[], path: string, what: string, errors: TimelineError[]): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, index);
    else errors.push(duplicateId(item.id, earlier, what, pointer(path, index)));
  });
}

/**
 * Parses and checks timeline data: a JSON string or an already parsed value. Returns the timeline, or `null`
 * with every error found (up to a hundred), each with the JSON Pointer path of the value at fault. Never throws.
 * With `{ partial: true }`, a timeline whose top level is sound keeps its valid events (see ParseOptions).
 */
export function parseTimeline(input: unknown, options: ParseOptions = {}): ParseResult {
  return options.partial ? parseValidEvents(input).result : guarded(() => parseUnsafe(input));
}

/**
 * `parseTimeline(input, { partial: true })`, with the positions in the input's `events` of the events left out:
 * the importers map them back to the rows or slides they came from.
 */
export function parseValidEvents(input: unknown): { result: ParseResult; leftOut: number[] } {
  let leftOut: number[] = [];
  const result = guarded(() => {
    const partial = parsePartial(input);
    leftOut = partial.leftOut;
    return partial.result;
  });
  return { result, leftOut };
}

function guarded(parse: () => ParseResult): ParseResult {
  try {
    return parse();
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

const refuse = (errors: TimelineError[]): ParseResult => ({ timeline: null, errors: errors.slice(0, MAX_ERRORS) });

/** The data in JSON text (or the input itself, when it is not text), or the JSON error. */
function dataOf(input: unknown): { value?: unknown; error?: TimelineError } {
  return typeof input === 'string' ? parseJsonText(input) : { value: input };
}

function parseUnsafe(input: unknown): ParseResult {
  const { value, error } = dataOf(input);
  return error ? refuse([error]) : parseStrict(value);
}

function parseStrict(data: unknown): ParseResult {
  const errors: TimelineError[] = [];
  validateSchema(data, errors);
  if (errors.length) {
    checkDatesAnyway(data, errors);
    return refuse(errors);
  }
  const raw = data as TimelineData;
  const { groups, eras } = readTopLevel(raw, errors);
  checkUniqueIds(raw.events, '/events', 'event', errors);
  const built: Omit<TimelineEvent, 'index'>[] = [];
  for (let index = 0; index < raw.events.length && errors.length < MAX_ERRORS; index++) {
    const event = buildEvent(raw.events[index], pointer('/events', index), groups, errors);
    if (event) built.push(event);
  }
  return errors.length ? refuse(errors) : { timeline: assemble(raw, groups, eras, built), errors: [] };
}

/**
 * The partial parse: the top level is checked as the strict parse checks it (and refused with the strict verdict
 * when it fails), then each event on its own. An event with a problem is left out; ids must be unique among the
 * events kept, so of two events with one id, the first valid one stays.
 */
function parsePartial(input: unknown): { result: ParseResult; leftOut: number[] } {
  const { value: data, error } = dataOf(input);
  if (error) return { result: refuse([error]), leftOut: [] };
  const events = (data as { events?: unknown } | null)?.events;
  const errors: TimelineError[] = [];
  if (Array.isArray(events)) validateSchema({ ...(data as object), events: [] }, errors);
  if (!Array.isArray(events) || errors.length) return { result: parseStrict(data), leftOut: [] };
  const raw = data as TimelineData;
  const { groups, eras } = readTopLevel(raw, errors);
  if (errors.length) return { result: parseStrict(data), leftOut: [] };

  const built: Omit<TimelineEvent, 'index'>[] = [];
  const leftOut: number[] = [];
  const kept = new Map<string, number>();
  for (let index = 0; index < events.length; index++) {
    const path = pointer('/events', index);
    const problems: TimelineError[] = [];
    validateEvent(events[index], path, problems);
    const event = problems.length ? undefined : buildEvent(events[index] as EventData, path, groups, problems);
    const earlier = event && kept.get(event.id);
    if (event && earlier !== undefined) problems.push(duplicateId(event.id, earlier, 'event', path));
    if (event && !problems.length) {
      kept.set(event.id, index);
      built.push(event);
    } else {
      leftOut.push(index);
      errors.push(...problems.slice(0, MAX_ERRORS - errors.length));
    }
  }
  if (!built.length && leftOut.length) return { result: refuse(errors), leftOut };
  const timeline = assemble(raw, groups, eras, built);
  return { result: { timeline, errors, ...(leftOut.length ? { skipped: leftOut.length } : {}) }, leftOut };
}

/**
 * A media item's links and rich text, checked (the schema has checked its shape, but for "a url or a quote", which
 * the runtime validator cannot say: see scripts/generate-model.mjs).
 */
function checkMedia(media: MediaData | undefined, path: string, errors: TimelineError[]): void {
  if (!media) return;
  if (!media.url && !media.quote) errors.push({ path, message: 'The media has no "url" or "quote".' });
  for (const field of ['url', 'thumbnail'] as const)
    if (media[field]) checkUrl(media[field], pointer(path, field), errors);
  for (const field of ['caption', 'credit', 'quote'] as const)
    checkRichText(media[field], pointer(path, field), errors);
}

/** The timeline's own parts, checked: its description's links and media, its groups and its eras. */
function readTopLevel(raw: TimelineData, errors: TimelineError[]) {
  checkRichText(raw.description, '/description', errors);
  checkMedia(raw.media, '/media', errors);
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
  return { groups, eras };
}

/** The timeline from its checked parts, its events in chronological order. */
function assemble(
  raw: TimelineData,
  groups: Map<string, TimelineGroup>,
  eras: TimelineEra[],
  built: Omit<TimelineEvent, 'index'>[],
): Timeline {
  const order = built.map((event, inputIndex) => ({ event, inputIndex }));
  order.sort((a, b) => a.event.from - b.event.from || a.event.to - b.event.to || a.inputIndex - b.inputIndex);
  const events = order.map(({ event }, index) => ({ ...event, index }));
  eras.sort((a, b) => a.from - b.from || a.to - b.to);
  return {
    groups: [...groups.values()],
    eras,
    events,
    extensions: collectExtensions(raw),
    ...(raw.title === undefined ? {} : { title: raw.title }),
    ...(raw.description === undefined ? {} : { description: raw.description }),
    ...(raw.media ? { media: raw.media } : {}),
    ...(raw.locale === undefined ? {} : { locale: raw.locale }),
  };
}
