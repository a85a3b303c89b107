/**
 * What the importers share: the result type, media addresses, ISO dates from calendar parts, and the last
 * check that turns date-line's own validation errors back into places in the input.
 */
import { parseTimeline, parseValidEvents } from '../parse.js';
import { isSafeLink } from '../rich-text.js';
import { SCHEMA_RULES } from '../schema-rules.generated.js';
import type { TimelineData } from '../timeline-data.generated.js';
import type { TimelineError } from '../validate.js';

/** What an importer read: TimelineJS JSON, a TimelineJS spreadsheet as CSV, or date-line's own CSV columns. */
export type ImportFormat = 'timelinejs' | 'timelinejs-csv' | 'csv';

/** The result of `fromTimelineJS` and `fromCSV`. Like `parseTimeline`, an importer never throws. */
export interface ImportResult {
  /** The input's layout, once recognised (`null` when it could not be read at all). */
  format: ImportFormat | null;
  /**
   * The timeline in date-line's format, valid under `parseTimeline` (the importer has checked), or `null` when
   * there are errors.
   */
  data: TimelineData | null;
  /**
   * Problems that stop the import, each located in the input: a JSON Pointer into the TimelineJS JSON
   * (`/events/3/start_date/month`), or into the CSV's rows (`/rows/3/Year`, where `/rows/0` is the header row),
   * with the line number in the message.
   */
  errors: TimelineError[];
  /** What was changed or left out on the way (dropped media, made-up headlines), located the same way. */
  warnings: TimelineError[];
  /**
   * With `partial`: how many events (rows of a CSV, slides of TimelineJS) were left out for their problems, which
   * are in `errors`; `data` holds the others. Absent when none was left out.
   */
  skipped?: number;
}

const MEDIA_URL = new RegExp(SCHEMA_RULES.$defs.mediaUrl.pattern, 'u');

/**
 * A media address as date-line accepts it (http:, https:, protocol-relative or relative, parsable), with inner
 * spaces encoded; undefined for anything else, such as `data:` or `javascript:` URLs, which must not slip through.
 */
export function acceptMediaUrl(raw: string): string | undefined {
  const url = raw.trim().replace(/[ \t\n\r\f]+/g, '%20');
  if (!url || !MEDIA_URL.test(url)) return undefined;
  try {
    const parsed = new URL(url, 'https://relative.invalid/');
    if (parsed.protocol.startsWith('http') && parsed.hostname === '') return undefined;
  } catch {
    return undefined;
  }
  return url;
}

/** A link (for sources) as date-line accepts it, or undefined. */
export function acceptLinkUrl(raw: string): string | undefined {
  const url = raw.trim().replace(/[ \t\n\r\f]+/g, '%20');
  return url && isSafeLink(url) ? url : undefined;
}

/** Calendar parts of a date as an importer reads them; each finer part only counts when the coarser ones are there. */
export interface DateParts {
  /** Astronomical year: 0 is 1 BCE, -43 is 44 BCE. */
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** 0–999, written as three digits of a second ("14:30:15.042"), as TimelineJS counts them. */
  millisecond?: number;
}

/**
 * The ISO 8601 / EDTF text of calendar parts at exactly their precision: "1978", "1978-08", "1978-08-09",
 * "1978-08-09T14:30", "1978-08-09T14:30:15.042", "-0043-03-15", and "Y12345" / "Y-12345" for years of more than
 * four digits (a year alone: EDTF's "Y" years have no month or day, so callers give only the year). Date-line has
 * no hour precision, so an hour alone is written with ":00" minutes.
 */
export function isoFromParts(parts: DateParts): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const { year } = parts;
  let text = Math.abs(year) > 9999 ? `Y${year}` : year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  if (parts.month === undefined) return text;
  text += `-${pad(parts.month)}`;
  if (parts.day === undefined) return text;
  text += `-${pad(parts.day)}`;
  if (parts.hour === undefined) return text;
  text += `T${pad(parts.hour)}:${pad(parts.minute ?? 0)}`;
  if (parts.second !== undefined) text += `:${pad(parts.second)}`;
  if (parts.millisecond !== undefined) text += `.${pad(parts.millisecond, 3)}`;
  return text;
}

/** Where one piece of the output came from in the input, for errors found in the output. */
export interface Origin {
  /** The input location of the whole item, e.g. "/events/3" or "/rows/5". */
  path: string;
  /** Output field ("title", or a deeper one such as "media/url" or "sources/1/url") → its input location. */
  fields: Partial<Record<string, string>>;
}

/** Origins by output path: "/events/3", "/eras/0", and "" for the timeline's own fields (title, description). */
export type Origins = Map<string, Origin>;

/**
 * The importers' last step: date-line's own checks on the converted data, which catch anything a converter let
 * through. An error in the output (/events/2/media/url) is reported where it came from in the input
 * (/events/2/media/url in TimelineJS, /rows/3/Media in a CSV) through `origins`.
 *
 * With `isEventItem` (a partial import, see ParseOptions), the events whose input item has a problem are left out
 * and the rest kept; a problem anywhere else (the header row, the title, an era) refuses the import as the strict
 * check does. `isEventItem` says whether an input item ("/rows/3", "/events/2") is an event.
 */
export function finish(
  format: ImportFormat,
  data: TimelineData,
  errors: TimelineError[],
  warnings: TimelineError[],
  origins: Origins,
  isEventItem?: (item: string) => boolean,
): ImportResult {
  if (isEventItem) return finishPartial(format, data, errors, warnings, origins, isEventItem);
  if (errors.length) return { format, data: null, errors, warnings };
  const checked = parseTimeline(data);
  if (!checked.errors.length) return { format, data, errors, warnings };
  return { format, data: null, errors: checked.errors.map((error) => locate(error, origins)), warnings };
}

/** An error in the output data, reported where it came from in the input. */
function locate(error: TimelineError, origins: Origins): TimelineError {
  const segments = error.path.split('/').slice(1);
  const inList = segments[0] === 'events' || segments[0] === 'eras' || segments[0] === 'groups';
  const origin = origins.get(inList ? `/${segments[0]}/${segments[1]}` : '');
  if (!origin) return error;
  // The most precise field known: "sources/1/url", then "sources/1", then "sources".
  const inside = segments.slice(inList ? 2 : 0);
  for (let end = inside.length; end > 0; end--) {
    const path = origin.fields[inside.slice(0, end).join('/')];
    if (path) return { ...error, path };
  }
  return { ...error, path: origin.path };
}

/** The input item a problem is located in: "/rows/3" for "/rows/3/Year", "/events/2" for "/events/2/media/url". */
const itemOf = (path: string) => /^\/[^/]+\/\d+/.exec(path)?.[0] ?? '';

function finishPartial(
  format: ImportFormat,
  data: TimelineData,
  errors: TimelineError[],
  warnings: TimelineError[],
  origins: Origins,
  isEventItem: (item: string) => boolean,
): ImportResult {
  const strict = () => finish(format, data, errors, warnings, origins);
  // Events whose row or slide has a problem of its own (a date that is not one) are left out before the check.
  const failed = new Set<string>();
  for (const error of errors) {
    const item = itemOf(error.path);
    if (!isEventItem(item)) return strict();
    failed.add(item);
  }
  const keptAt = data.events.flatMap((_, index) =>
    failed.has(origins.get(`/events/${index}`)?.path ?? '') ? [] : [index],
  );
  // The kept events are numbered anew in the data that is checked; their origins follow them.
  const keptOrigins: Origins = new Map([...origins].filter(([key]) => !key.startsWith('/events/')));
  keptAt.forEach((from, index) => {
    const origin = origins.get(`/events/${from}`);
    if (origin) keptOrigins.set(`/events/${index}`, origin);
  });
  const kept = keptAt.map((index) => data.events[index]);
  const checked = parseValidEvents({ ...data, events: kept });
  if (!checked.result.timeline && !checked.leftOut.length) return strict();
  const problems = [...errors, ...checked.result.errors.map((error) => locate(error, keptOrigins))];
  const leftOut = new Set(checked.leftOut);
  const events = kept.filter((_, index) => !leftOut.has(index));
  if (!events.length && (failed.size || leftOut.size)) return { format, data: null, errors: problems, warnings };
  const skipped = failed.size + leftOut.size;
  return { format, data: { ...data, events }, errors: problems, warnings, ...(skipped ? { skipped } : {}) };
}
