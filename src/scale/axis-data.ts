/**
 * What the axis derives from the events it shows, once per data, spacing, rows and language (not per zoom
 * level): where each event starts and ends on the axis, its label's width, its row, and the zoom limits. Both
 * spacings place events through one coordinate map and these arrays, so nothing downstream asks which spacing
 * is in force. Pure: no DOM.
 */
import { civilFromDays } from '../model/civil.js';
import {
  parseDateSpan,
  spanExtent,
  toIsoString,
  type CalendarDate,
  type DateSpan,
  type Precision,
} from '../model/dates.js';
import { dateMarks } from '../model/marks.js';
import type { Timeline, TimelineEra, TimelineEvent } from '../model/types.js';
import { FOLD_RULE, gapsToFold, placeBreaks } from './breaks.js';
import { evenMap, foldedMap, timeMap, type CoordMap, type Spacing } from './coords.js';
import { levelScale, quantiseScale, rowsFor, type LayoutInput } from './layout.js';
import { estimateLabel } from './text-width.js';
import { clampView, limitsFor, type ViewLimits, type ViewWindow } from './window.js';

export interface AxisData extends LayoutInput {
  readonly map: CoordMap;
  readonly limits: ViewLimits;
  /** The eras drawn behind the events (none with even spacing, where the distance between dates means nothing). */
  readonly eras: readonly TimelineEra[];
  /** Where the events end on the axis, sorted, for counting those before the view. */
  readonly endsSorted: Float64Array;
  /** An event's position among the shown events, by id. */
  readonly positionOf: ReadonlyMap<string, number>;
  /** The groups the shown events belong to ("" for events without one). */
  readonly groupIds: ReadonlySet<string>;
  /** Per event: the lines its headline wraps to in its label. */
  readonly labelLines: Uint8Array;
}

/** `auto` folds long empty stretches into breaks; `none` keeps the whole axis proportional to time. */
export type Breaks = 'auto' | 'none';

export interface AxisDataOptions {
  readonly spacing: Spacing;
  readonly breaks: Breaks;
  /** Whether each group gets its own row. */
  readonly groupRows: boolean;
  /** How many characters an event's date label has (see dateLabelChars). */
  readonly dateChars: (event: TimelineEvent) => number;
  /** How much wider than the table in text-width.ts the reader's font sets text (1 where it cannot be measured). */
  readonly textScale?: number;
  /** The badge a context event's date line carries, in the element's language. */
  readonly contextBadge?: string;
}

/** The room (characters) a date's mark takes beside it, with its border and margin. */
const MARK_CHARS = 3;

/** A format for date spans: the element's labels, in its language and words. */
export type SpanFormat = (span: DateSpan) => string;

/**
 * Where the events sit with a spacing: the map from day numbers to coordinates, each event's start and end, and
 * the narrowest window worth zooming to. By time, a coordinate is a day number (less the time folded into breaks
 * before it) and an event covers its whole date; evenly, event i sits at slot i (several events on one day take
 * consecutive slots).
 */
export function placeEvents(
  events: readonly TimelineEvent[],
  spacing: Spacing,
  breaks: Breaks = 'none',
): { map: CoordMap; starts: Float64Array; ends: Float64Array; minSpan: number } {
  if (spacing === 'even') {
    const slots = Float64Array.from(events, (_, index) => index);
    return { map: evenMap(events.map((event) => event.from)), starts: slots, ends: slots, minSpan: 3 };
  }
  const hasTimes = events.some((event) => event.date.start?.hour !== undefined || event.date.end?.hour !== undefined);
  const starts = Float64Array.from(events, (event) => event.from);
  const ends = Float64Array.from(events, (event) => event.to);
  // An hour for date-times, a week otherwise.
  const minSpan = hasTimes ? 1 / 24 : 7;
  const gaps = breaks === 'auto' ? gapsToFold(starts, ends) : [];
  if (!gaps.length) return { map: timeMap, starts, ends, minSpan };
  let span = -Infinity;
  for (const end of ends) span = Math.max(span, end - starts[0]);
  const unfolded = gaps.reduce((rest, gap) => rest - (gap.to - gap.from), span);
  const map = foldedMap(placeBreaks(gaps, unfolded * FOLD_RULE.foldedShare));
  return {
    map,
    starts: starts.map(map.toCoord),
    ends: ends.map(map.toCoord),
    minSpan: Math.min(minSpan, unfolded / 4),
  };
}

export function deriveAxisData(
  events: readonly TimelineEvent[],
  timeline: Pick<Timeline, 'groups' | 'eras'> | null,
  options: AxisDataOptions,
): AxisData {
  const { map, starts, ends, minSpan } = placeEvents(events, options.spacing, options.breaks);
  let to = -Infinity;
  for (const end of ends) to = Math.max(to, end);
  const limits = events.length ? limitsFor(starts[0], to, minSpan) : limitsFor(0, 1, 1);
  const rows = options.groupRows && timeline ? rowsFor(events, timeline.groups, '') : [{ key: '', label: '' }];
  const rowIndex = new Map(rows.map((row, index) => [row.key, index]));
  const labels = events.map((event) =>
    estimateLabel(
      event.title,
      (event.displayDate?.length ?? options.dateChars(event)) +
        MARK_CHARS * dateMarks(event).length +
        (event.context && options.contextBadge ? options.contextBadge.length + MARK_CHARS : 0),
      options.textScale,
    ),
  );
  return {
    events,
    map,
    limits,
    eras: map.spacing === 'even' ? [] : (timeline?.eras ?? []),
    rows,
    starts,
    ends,
    labelPx: Float32Array.from(labels, (label) => label.px),
    labelLines: Uint8Array.from(labels, (label) => label.lines),
    rowOf: Int16Array.from(events, (event) => rowIndex.get(event.group?.id ?? '') ?? rows.length - 1),
    importance: Uint8Array.from(events, (event) => event.importance),
    endsSorted: ends.slice().sort(),
    positionOf: new Map(events.map((event, index) => [event.id, index])),
    groupIds: new Set(events.map((event) => event.group?.id ?? '')),
  };
}

/**
 * Room (pixels) between the events and the edges when everything is shown: more than the margin a label may run
 * past the data's end (LanePacker's 16 px, packed at up to a quarter-octave below the scale shown).
 */
const FIT_MARGIN_PX = 20;

/**
 * The window that shows everything, from the first event's start to the last one's end. Labels run on from their
 * events' starts, and a label that would run past the end runs back from its marker instead (see LanePacker);
 * only where even that does not fit (a single event, or a span shorter than a label) is room made after the last
 * start for its label. Either way "Show all" shows every label whole.
 */
export function fitAll(data: AxisData, widthPx: number): ViewWindow {
  const { starts, ends, labelPx, limits } = data;
  const count = starts.length;
  if (!count) return { start: 0, end: 1 };
  const margin = FIT_MARGIN_PX;
  const from = starts[0];
  let to = ends[0];
  for (const end of ends) to = Math.max(to, end);
  let scale = (widthPx - 2 * margin) / Math.max(to - from, 1e-9);
  // Labels are packed at their zoom level's scale, a little below this one: judge them there.
  const packed = levelScale(quantiseScale(scale).level);
  const fits = (i: number) =>
    starts[i] + labelPx[i] / packed <= to + margin / scale || starts[i] - labelPx[i] / packed >= from - margin / scale;
  let everyLabelFits = true;
  for (let i = 0; i < count && everyLabelFits; i++) everyLabelFits = fits(i);
  if (!everyLabelFits) {
    // Pixels per coordinate such that [from, last start] fits in the width less the last label's room.
    const last = starts[count - 1];
    const labelRoom = Math.min(labelPx[count - 1] + margin, widthPx / 3);
    scale = Math.min(scale, (widthPx - labelRoom - margin) / Math.max(last - from, 1e-9));
  }
  const start = from - margin / scale;
  return clampView({ start, end: start + widthPx / scale }, limits);
}

/**
 * The stretch of the axis that events `first` to `last` (positions) cover, for zooming to a cluster. Evenly
 * spaced events are points in their slots, so the last one's whole slot is included.
 */
export function extentOf(data: AxisData, first: number, last: number): { from: number; to: number } {
  const to = data.map.spacing === 'even' ? data.starts[last] + 1 : data.ends[last];
  return { from: data.starts[first], to };
}

/**
 * How long an event's date label is, in characters, for estimating label widths without formatting every
 * event's date (100,000 of them would cost a long task): labels of the same shape (precisions, interval,
 * qualifiers, era) have about the same length, so one sample of each shape is formatted, with the longest
 * month and day.
 */
export function dateLabelChars(format: SpanFormat): (event: TimelineEvent) => number {
  const lengths = new Map<string, number>();
  const sample = (date: CalendarDate | null): CalendarDate | null =>
    date && {
      ...date,
      ...(date.month === undefined ? {} : { month: 9 }),
      ...(date.day === undefined ? {} : { day: 28 }),
      ...(date.hour === undefined ? {} : { hour: 23, minute: 59 }),
      ...(date.second === undefined ? {} : { second: 59 }),
    };
  const shape = (date: CalendarDate | null) =>
    date
      ? `${date.precision}${date.approximate ? '~' : ''}${date.uncertain ? '?' : ''}${date.year <= 0 ? 'b' : ''}${String(Math.abs(date.year)).length}${date.offsetMinutes ?? ''}x${date.unspecifiedDigits ?? 0}s${date.season ?? ''}`
      : '-';
  return (event) => {
    const { start, end, isInterval, oneOf } = event.date;
    // A single date is its own end: one shape to build, not two (this runs for every event).
    const key = `${shape(start)}/${end === start ? '=' : shape(end)}/${isInterval}/${oneOf ?? ''}`;
    let length = lengths.get(key);
    if (length === undefined)
      lengths.set(
        key,
        (length = format({ start: sample(start), end: sample(end), isInterval, ...(oneOf ? { oneOf } : {}) }).length),
      );
    return length;
  };
}

/** The calendar date at a precision that contains a day number. */
export function calendarDateAt(day: number, precision: Precision): CalendarDate {
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  const base = { year, approximate: false, uncertain: false };
  if (precision === 'year') return { ...base, precision };
  if (precision === 'month') return { ...base, month, precision };
  return { ...base, month, day: dayOfMonth, precision: 'day' };
}

/** "2014–2018", "March–June 2017": a window's range, at a precision that suits its width. */
export function rangeLabel(view: ViewWindow, map: CoordMap, format: SpanFormat): string {
  const from = map.toDay(view.start);
  const to = map.toDay(view.end);
  const days = to - from;
  const precision: Precision = days > 3 * 365 ? 'year' : days > 90 ? 'month' : 'day';
  return format({
    start: calendarDateAt(from, precision),
    end: calendarDateAt(to - 1e-6, precision),
    isInterval: true,
  });
}

/** The day number where a date (in the data's format) or a `Date` starts or, with `atEnd`, ends. */
export function dayOf(value: string | Date, atEnd: boolean): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime() / 86400000;
  const parsed = parseDateSpan(value);
  if (!parsed.ok) return undefined;
  const { from, to } = spanExtent(parsed.value);
  return atEnd ? to : from;
}

/** A day number as ISO 8601 text to the minute (UTC). */
export function isoFromDay(day: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  const minutes = Math.round((day - Math.floor(day)) * 1440);
  return toIsoString({
    year,
    month,
    day: dayOfMonth,
    hour: Math.floor(minutes / 60) % 24,
    minute: minutes % 60,
    offsetMinutes: 0,
    precision: 'minute',
    approximate: false,
    uncertain: false,
  });
}
