/**
 * TimelineJS3 → date-line. TimelineJS's JSON (and, through from-csv.ts, its spreadsheet template) is made of
 * "slides": a title slide, events and eras, each with start_date/end_date objects of calendar parts, HTML text
 * and media. This module maps one slide at a time, so the CSV importer can reuse it with its own locations.
 *
 * Mapping (see the README's "Importing" section):
 * - start_date/end_date → date/end at exactly the precision given (year; year+month; … down to the second, or
 *   the millisecond: "…T14:30:15.042").
 *   TimelineJS writes 44 BCE as year -44 and shows it as "44 BCE"; date-line counts years astronomically
 *   (ISO 8601: -0043 is 44 BCE), so a negative TimelineJS year is moved by one. Years beyond four digits
 *   become "Y12345". With `"scale": "cosmological"` only the year counts, as in TimelineJS.
 * - display_date (of the slide, else of start_date) → displayDate; unique_id → id (else an id made from the
 *   headline); text.headline → title as plain text (the date stands in when it is empty); text.text → summary;
 *   media.{url, caption, credit, thumbnail, alt} → media; group → a group; eras → eras; the title slide →
 *   title, description and the timeline's own media.
 * - HTML becomes date-line rich text (html.ts), never HTML. Media addresses date-line does not load (data:,
 *   javascript:) are dropped with a warning. HTML given as "media" (an embed code, see media-html.ts): an
 *   <iframe> becomes its https address with type "embed", a post's <blockquote> the post's address (a post on X
 *   keeps its words as a quotation), any other <blockquote> a quotation; other HTML joins the summary.
 * - Left out: backgrounds, location, autolink, and TimelineJS's display options.
 */
import { daysInMonth } from '../calendar.js';
import { parseDateSpan } from '../dates.js';
import { formatSpan } from '../format.js';
import { parseJsonText, type ParseOptions } from '../parse.js';
import type { EraData, EventData, GroupData, MediaData, TimelineData } from '../timeline-data.generated.js';
import type { TimelineError } from '../validate.js';
import { htmlToPlainText, htmlToRichText } from './html.js';
import { IdAllocator, isValidId } from './ids.js';
import { readMediaHtml } from './media-html.js';
import {
  acceptMediaUrl,
  finish,
  isoFromParts,
  type DateParts,
  type ImportResult,
  type Origin,
  type Origins,
} from './shared.js';

/** The slide fields an error or warning can point at. */
export type SlideField =
  | 'start_date'
  | 'end_date'
  | `${'start_date' | 'end_date'}.${DatePart}`
  | 'display_date'
  | 'text.headline'
  | 'text.text'
  | 'media'
  | `media.${'url' | 'caption' | 'credit' | 'thumbnail' | 'alt'}`
  | 'group'
  | 'unique_id';

/** Where a slide's field is in the input: a JSON Pointer. */
export type Locate = (field: SlideField) => string;

const DATE_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'] as const;
type DatePart = (typeof DATE_PARTS)[number];

/** The largest value of each part (days depend on the month and are checked separately). */
const PART_RANGES: Record<Exclude<DatePart, 'year'>, [number, number]> = {
  month: [1, 12],
  day: [1, 31],
  hour: [0, 23],
  minute: [0, 59],
  second: [0, 59],
  millisecond: [0, 999],
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string field of a slide, or "" when it is missing or not text (TimelineJS files often hold null). */
function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Shortens long values (data: URLs can be megabytes) for messages. */
function excerpt(value: string, length = 60): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}

/** One TimelineJS date part: a whole number, as a number or as text; undefined when empty. */
function readPart(value: unknown): number | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : 'invalid';
  if (typeof value !== 'string') return 'invalid';
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^[+-]?\d{1,16}$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

/**
 * Converts slides to date-line data, collecting located errors and warnings. Used by `fromTimelineJS` and by the
 * TimelineJS layout of `fromCSV`.
 */
export class TimelineJSConverter {
  readonly errors: TimelineError[] = [];
  readonly warnings: TimelineError[] = [];
  readonly origins: Origins = new Map();
  private readonly events: EventData[] = [];
  private readonly eras: EraData[] = [];
  private readonly groups = new Map<string, GroupData>();
  private readonly eventIds = new IdAllocator();
  private readonly groupIds = new IdAllocator();
  private readonly eraIds = new IdAllocator();
  private title?: string;
  private description?: string;
  private media?: MediaData;

  constructor(private readonly cosmological = false) {}

  private error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  private warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  /** Reads the authors' ids first, so that no made-up id takes one of them. */
  reserveIds(slides: readonly { slide: Json; locate: Locate }[]): void {
    for (const { slide, locate } of slides) {
      const id = text(slide.unique_id).trim();
      if (id && isValidId(id) && !this.eventIds.reserve(id)) {
        this.warn(locate('unique_id'), `The unique_id "${id}" is used twice; this event gets another id.`);
        slide.unique_id = ''; // a new one is made for it below
      }
    }
  }

  /**
   * A TimelineJS date object as ISO 8601 text at its own precision. Returns undefined when there is no date
   * (no year), null when the date is wrong (an error has been recorded).
   */
  private readDate(value: unknown, field: 'start_date' | 'end_date', locate: Locate): string | undefined | null {
    if (value === undefined || value === null || value === '') return undefined;
    if (!isObject(value)) {
      this.error(locate(field), 'A date should be an object of parts, such as { "year": 1978, "month": 8 }.');
      return null;
    }
    const parts: Partial<Record<DatePart, number>> = {};
    let missing: DatePart | undefined;
    for (const part of this.cosmological ? (['year'] as const) : DATE_PARTS) {
      const read = readPart(value[part]);
      if (read === 'invalid') {
        this.error(locate(`${field}.${part}`), `The ${part} ${JSON.stringify(value[part])} is not a whole number.`);
        return null;
      }
      if (read === undefined) {
        missing ??= part;
        continue;
      }
      if (missing) {
        this.warn(
          locate(`${field}.${part}`),
          `The ${part} is left out: a date with no ${missing} cannot have a ${part}.`,
        );
        continue;
      }
      if (part !== 'year') {
        const [low, high] = PART_RANGES[part];
        const max = part === 'day' ? daysInMonth(parts.year!, parts.month!) : high;
        if (read < low || read > max) {
          this.error(
            locate(`${field}.${part}`),
            `There is no ${part} ${read} (the ${part} goes from ${low} to ${max}).`,
          );
          return null;
        }
      }
      parts[part] = read;
    }
    if (parts.year === undefined) return undefined;
    // TimelineJS's year -44 is 44 BCE; date-line's (ISO 8601's) is 45 BCE.
    const year = parts.year < 0 ? parts.year + 1 : parts.year;
    if (Math.abs(year) > 9999 && parts.month !== undefined) {
      // EDTF writes such years "Y12345", and a "Y" year is a year alone.
      this.warn(
        locate(`${field}.month`),
        `The month, day and time are left out: a year of more than four digits (${year}) is a year alone in EDTF.`,
      );
      return isoFromParts({ year });
    }
    return isoFromParts({ ...(parts as DateParts), year });
  }

  /** Adds one event slide. `path` is where the slide is in the input. */
  addEvent(slide: Json, path: string, locate: Locate): void {
    const start = this.readDate(slide.start_date, 'start_date', locate);
    let end = this.readDate(slide.end_date, 'end_date', locate);
    if (start === undefined) {
      this.error(locate('start_date'), 'This event has no start date: TimelineJS events need at least a year.');
    }
    if (!start || end === null) return;
    if (end === start) end = undefined;
    if (end !== undefined && !parseDateSpan(`${start}/${end}`).ok) {
      this.warn(locate('end_date'), `The end date (${end}) is before the start date (${start}); it is left out.`);
      end = undefined;
    }

    const content = isObject(slide.text) ? slide.text : {};
    const startDisplay = isObject(slide.start_date) ? htmlToPlainText(text(slide.start_date.display_date)) : '';
    const endDisplay = isObject(slide.end_date) ? htmlToPlainText(text(slide.end_date.display_date)) : '';
    const displayDate =
      htmlToPlainText(text(slide.display_date)) ||
      (startDisplay && endDisplay ? `${startDisplay} \u2013 ${endDisplay}` : startDisplay);

    let title = htmlToPlainText(text(content.headline));
    if (!title) {
      const span = parseDateSpan(end ? `${start}/${end}` : start);
      title = displayDate || (span.ok ? formatSpan(span.value, 'en') : start);
      this.warn(locate('text.headline'), `This event has no headline; its date stands in ("${title}").`);
    }

    const summaryParts = [this.richText(text(content.text), locate('text.text'))];
    const { media, html } = this.readMedia(slide.media, locate);
    if (html) summaryParts.push(html);
    const summary = summaryParts.filter(Boolean).join('\n\n');

    const groupLabel = htmlToPlainText(text(slide.group));
    const group = groupLabel ? this.group(groupLabel) : undefined;

    const index = this.events.length;
    const event: EventData = {
      id: this.eventId(slide, title, index, locate),
      date: start,
      ...(end ? { end } : {}),
      ...(displayDate ? { displayDate } : {}),
      title,
      ...(summary ? { summary } : {}),
      ...(group ? { group } : {}),
      ...(media ? { media } : {}),
    };
    this.events.push(event);
    this.origins.set(`/events/${index}`, {
      path,
      fields: {
        id: locate('unique_id'),
        date: locate('start_date'),
        end: locate('end_date'),
        displayDate: locate('display_date'),
        title: locate('text.headline'),
        summary: locate('text.text'),
        group: locate('group'),
        ...mediaOrigins(locate),
      },
    });
  }

  /** Adds one era: its dates and its headline as the label. */
  addEra(slide: Json, path: string, locate: Locate): void {
    const start = this.readDate(slide.start_date, 'start_date', locate);
    const end = this.readDate(slide.end_date, 'end_date', locate);
    if (start === undefined) this.error(locate('start_date'), 'This era has no start date.');
    if (end === undefined) this.error(locate('end_date'), 'This era has no end date.');
    if (!start || !end) return;
    const span = parseDateSpan(`${start}/${end}`);
    if (!span.ok) {
      this.error(locate('end_date'), `The era ends (${end}) before it starts (${start}).`);
      return;
    }
    let label = htmlToPlainText(text(isObject(slide.text) ? slide.text.headline : ''));
    if (!label) {
      label = formatSpan(span.value, 'en');
      this.warn(locate('text.headline'), `This era has no headline; its dates stand in ("${label}").`);
    }
    const index = this.eras.length;
    this.eras.push({ id: this.eraIds.make(label, `era-${index + 1}`), label, start, end });
    const origin: Origin = {
      path,
      fields: { label: locate('text.headline'), start: locate('start_date'), end: locate('end_date') },
    };
    this.origins.set(`/eras/${index}`, origin);
  }

  /** The title slide: its headline, text and media become the timeline's title, description and media. */
  setTitle(slide: Json, path: string, locate: Locate): void {
    const content = isObject(slide.text) ? slide.text : {};
    const title = htmlToPlainText(text(content.headline));
    const { media, html } = this.readMedia(slide.media, locate);
    const description = [this.richText(text(content.text), locate('text.text')), html].filter(Boolean).join('\n\n');
    if (title) this.title = title;
    if (description) this.description = description;
    if (media) this.media = media;
    this.origins.set('', {
      path,
      fields: { title: locate('text.headline'), description: locate('text.text'), ...mediaOrigins(locate) },
    });
  }

  /**
   * The data, or the located errors; checked by parseTimeline before it is handed out. With `isEventItem`, a
   * partial import (see finish): `before` are problems the caller found first, located in the same input.
   */
  result(
    format: 'timelinejs' | 'timelinejs-csv',
    isEventItem?: (item: string) => boolean,
    before: TimelineError[] = [],
  ): ImportResult {
    const data: TimelineData = {
      version: 1,
      ...(this.title ? { title: this.title } : {}),
      ...(this.description ? { description: this.description } : {}),
      ...(this.media ? { media: this.media } : {}),
      ...(this.groups.size ? { groups: [...this.groups.values()] } : {}),
      ...(this.eras.length ? { eras: this.eras } : {}),
      events: this.events,
    };
    return finish(format, data, [...before, ...this.errors], this.warnings, this.origins, isEventItem);
  }

  private richText(html: string, path: string): string {
    const { text: rich, droppedLinks } = htmlToRichText(html);
    for (const link of droppedLinks) {
      this.warn(
        path,
        `The link to "${excerpt(link)}" is left out (its text is kept): date-line follows only http:, https: and mailto: links.`,
      );
    }
    return rich;
  }

  private eventId(slide: Json, title: string, index: number, locate: Locate): string {
    const given = text(slide.unique_id).trim();
    if (given && isValidId(given)) return given; // reserved by reserveIds
    const id = this.eventIds.make(given || title, `event-${index + 1}`);
    if (given)
      this.warn(
        locate('unique_id'),
        `The unique_id "${excerpt(given)}" cannot be a date-line id (letters, digits and . _ : - only); it became "${id}".`,
      );
    return id;
  }

  private group(label: string): string {
    let group = this.groups.get(label);
    if (!group) {
      group = { id: this.groupIds.make(label, `group-${this.groups.size + 1}`), label };
      this.groups.set(label, group);
    }
    return group.id;
  }

  /**
   * The media, if date-line can show it; HTML "media" that is no embed code (see media-html.ts) comes back as rich
   * text instead.
   */
  private readMedia(value: unknown, locate: Locate): { media?: MediaData; html?: string } {
    if (!isObject(value)) return {};
    const raw = text(value.url).trim();
    if (!raw) return {};
    const media: MediaData = {};
    if (raw.startsWith('<')) {
      const read = readMediaHtml(raw);
      if (!read) {
        this.warn(locate('media.url'), 'The media is HTML, not an address; its text is added to the summary.');
        return { html: this.richText(raw, locate('media.url')) };
      }
      if ('problem' in read) {
        this.warn(locate('media.url'), read.problem);
        return {};
      }
      if (read.url) media.url = read.url;
      if (read.type) media.type = read.type;
      const quote = read.quoteHtml === undefined ? '' : this.richText(read.quoteHtml, locate('media.url'));
      if (quote) media.quote = quote;
      if (!media.url && !quote) {
        this.warn(locate('media.url'), 'The media is an empty quotation; it is left out.');
        return {};
      }
    } else {
      const url = acceptMediaUrl(raw);
      if (!url) {
        this.warn(
          locate('media.url'),
          `The media "${excerpt(raw)}" is left out: date-line loads media only from http: and https: addresses (or relative ones).`,
        );
        return {};
      }
      media.url = url;
    }
    const caption = this.richText(text(value.caption), locate('media.caption'));
    const credit = this.richText(text(value.credit), locate('media.credit'));
    const alt = htmlToPlainText(text(value.alt));
    const thumbnailText = text(value.thumbnail).trim();
    const thumbnail = thumbnailText ? acceptMediaUrl(thumbnailText) : undefined;
    if (thumbnailText && !thumbnail) {
      this.warn(
        locate('media.thumbnail'),
        `The thumbnail "${excerpt(thumbnailText)}" is left out: date-line loads only http: and https: addresses (or relative ones).`,
      );
    }
    if (caption) media.caption = caption;
    if (credit) media.credit = credit;
    if (alt) media.alt = alt;
    if (thumbnail) media.thumbnail = thumbnail;
    return { media };
  }
}

/** Where the fields of an item's media came from (a quotation's words, and its type, from the media's url). */
const mediaOrigins = (locate: Locate) => ({
  media: locate('media.url'),
  'media/url': locate('media.url'),
  'media/type': locate('media.url'),
  'media/quote': locate('media.url'),
  'media/caption': locate('media.caption'),
  'media/credit': locate('media.credit'),
  'media/thumbnail': locate('media.thumbnail'),
  'media/alt': locate('media.alt'),
});

/** JSON Pointer of a slide field under `base`: "start_date.year" → "/events/3/start_date/year". */
const jsonLocator =
  (base: string): Locate =>
  (field) =>
    `${base}/${field.replace('.', '/')}`;

/**
 * Converts a TimelineJS3 timeline (the JSON that TimelineJS loads: `{ title, events, eras, scale }`) to date-line's
 * format. Accepts the parsed object or its JSON text. Never throws.
 *
 * The result's `data` is valid under `parseTimeline` (it has been checked); problems in the input come back in
 * `errors` with JSON Pointers into the TimelineJS JSON (`/events/3/start_date/month`), and what was changed or
 * left out on the way (a `data:` image, an empty headline) in `warnings`. With `{ partial: true }`, slides with
 * problems are left out and the others kept (`skipped` counts them; see ParseOptions).
 *
 * @example
 * const { data, errors, warnings } = fromTimelineJS(await (await fetch('timeline3.json')).json());
 * if (data) element.data = data;
 */
export function fromTimelineJS(json: unknown, options: ParseOptions = {}): ImportResult {
  try {
    return convertTimelineJS(json, options.partial === true);
  } catch (error) {
    // Nothing above should throw; a hostile object (a throwing getter) must still not break the caller.
    const message = `The TimelineJS data could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { format: 'timelinejs', data: null, errors: [{ path: '', message }], warnings: [] };
  }
}

/** Whether an input item is one of the slides in `events` (not the title or an era). */
const isSlide = (item: string) => /^\/events\/\d+$/.test(item);

function convertTimelineJS(json: unknown, partial: boolean): ImportResult {
  let value = json;
  if (typeof json === 'string') {
    const parsed = parseJsonText(json);
    if (parsed.error) return { format: null, data: null, errors: [parsed.error], warnings: [] };
    value = parsed.value;
  }
  if (!isObject(value) || !Array.isArray(value.events)) {
    return {
      format: null,
      data: null,
      errors: [
        { path: '', message: 'This is not a TimelineJS timeline: it should be an object with a list of "events".' },
      ],
      warnings: [],
    };
  }
  const converter = new TimelineJSConverter(value.scale === 'cosmological');
  if (isObject(value.title)) converter.setTitle(value.title, '/title', jsonLocator('/title'));
  const slides = value.events.map((slide, index) => ({
    slide: isObject(slide) ? { ...slide } : {},
    path: `/events/${index}`,
    locate: jsonLocator(`/events/${index}`),
  }));
  converter.reserveIds(slides);
  for (const { slide, path, locate } of slides) converter.addEvent(slide, path, locate);
  if (Array.isArray(value.eras)) {
    value.eras.forEach((era, index) => {
      converter.addEra(isObject(era) ? era : {}, `/eras/${index}`, jsonLocator(`/eras/${index}`));
    });
  }
  return converter.result('timelinejs', partial ? isSlide : undefined);
}
