/**
 * What the axis derives from the events it shows, once per data, spacing, rows and language (not per zoom
 * level): where each event starts and ends on the axis, its label's width, its row, and the zoom limits. Both
 * spacings place events through one coordinate map and these arrays, so nothing downstream asks which spacing
 * is in force. Pure: no DOM.
 */
import { civilFromDays } from '../model/calendar.js';
import {
  parseDateSpan,
  spanExtent,
  toIsoString,
  type CalendarDate,
  type DateSpan,
  type Precision,
} from '../model/dates.js';
import type { Timeline, TimelineEra, TimelineEvent } from '../model/types.js';
import { evenMap, timeMap, type CoordMap, type Spacing } from './coords.js';
import { rowsFor, type LayoutInput } from './layout.js';
import { estimateLabelPx } from './text-width.js';
import { clampView, limitsFor, type ViewLimits, type ViewWindow } from './view.js';

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
}

export interface AxisDataOptions {
  readonly spacing: Spacing;
  /** Whether each group gets its own row. */
  readonly groupRows: boolean;
  /** How many characters an event's date label has (see dateLabelChars). */
  readonly dateChars: (event: TimelineEvent) => number;
}

/** A format for date spans: the element's labels, in its language and words. */
export type SpanFormat = (span: DateSpan) => string;

/**
 * Where the events sit with a spacing: the map from day numbers to coordinates, each event's start and end, and
 * the narrowest window worth zooming to. By time, a coordinate is a day number and an event covers its whole
 * date; evenly, event i sits at slot i (several events on one day take consecutive slots).
 */
export function placeEvents(
  events: readonly TimelineEvent[],
  spacing: Spacing,
): { map: CoordMap; starts: Float64Array; ends: Float64Array; minSpan: number } {
  if (spacing === 'even') {
    const slots = Float64Array.from(events, (_, index) => index);
    return { map: evenMap(events.map((event) => event.from)), starts: slots, ends: slots, minSpan: 3 };
  }
  const hasTimes = events.some((event) => event.date.start?.hour !== undefined || event.date.end?.hour !== undefined);
  return {
    map: timeMap,
    starts: Float64Array.from(events, (event) => event.from),
    ends: Float64Array.from(events, (event) => event.to),
    // An hour for date-times, a week otherwise.
    minSpan: hasTimes ? 1 / 24 : 7,
  };
}

export function deriveAxisData(
  events: readonly TimelineEvent[],
  timeline: Pick<Timeline, 'groups' | 'eras'> | null,
  options: AxisDataOptions,
): AxisData {
  const { map, starts, ends, minSpan } = placeEvents(events, options.spacing);
  let to = -Infinity;
  for (const end of ends) to = Math.max(to, end);
  const limits = events.length ? limitsFor(starts[0], to, minSpan) : limitsFor(0, 1, 1);
  const rows = options.groupRows && timeline ? rowsFor(events, timeline.groups, '') : [{ key: '', label: '' }];
  const rowIndex = new Map(rows.map((row, index) => [row.key, index]));
  return {
    events,
    map,
    limits,
    eras: map.spacing === 'even' ? [] : (timeline?.eras ?? []),
    rows,
    starts,
    ends,
    labelPx: Float32Array.from(events, (event) =>
      estimateLabelPx(event.title, event.displayDate?.length ?? options.dateChars(event)),
    ),
    rowOf: Int16Array.from(events, (event) => rowIndex.get(event.group?.id ?? '') ?? rows.length - 1),
    endsSorted: ends.slice().sort(),
    positionOf: new Map(events.map((event, index) => [event.id, index])),
    groupIds: new Set(events.map((event) => event.group?.id ?? '')),
  };
}

/**
 * The window that shows everything: from the first event's start to the last one's end, with room after the
 * last start for its label (labels run from an event's start toward the end of the line), so every label shows
 * whole.
 */
export function fitAll(data: AxisData, widthPx: number): ViewWindow {
  const { starts, ends, labelPx, limits } = data;
  const count = starts.length;
  if (!count) return { start: 0, end: 1 };
  const from = starts[0];
  let to = ends[0];
  for (const end of ends) to = Math.max(to, end);
  const last = starts[count - 1];
  const margin = 16;
  const labelRoom = Math.min(labelPx[count - 1] + margin, widthPx / 3);
  // Pixels per coordinate such that [from, last] fits in the width less the label's room, and [from, to] fits.
  const scale = Math.min(
    (widthPx - labelRoom - margin) / Math.max(last - from, 1e-9),
    (widthPx - 2 * margin) / Math.max(to - from, 1e-9),
  );
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
      ? `${date.precision}${date.approximate ? '~' : ''}${date.uncertain ? '?' : ''}${date.year <= 0 ? 'b' : ''}${String(Math.abs(date.year)).length}${date.offsetMinutes ?? ''}`
      : '-';
  return (event) => {
    const { start, end, isInterval } = event.date;
    const key = `${shape(start)}/${shape(end)}/${isInterval}`;
    let length = lengths.get(key);
    if (length === undefined)
      lengths.set(key, (length = format({ start: sample(start), end: sample(end), isInterval }).length));
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
