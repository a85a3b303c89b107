/**
 * Axis ticks that adapt to the zoom level: centuries, decades, years, months, days or hours, whichever is the
 * finest unit whose labels still fit side by side. A second row of "major" labels gives the context of the
 * unit (the year above months, the month above days). Labels never overlap: a tick too close to the one before
 * it is dropped. The number of ticks depends on the width in pixels, never on the span of time.
 *
 * Years are whole-number arithmetic (any year, BCE and deep time included); months, days and hours step through
 * date-fns on local `Date`s built from calendar parts and read back as parts, so the local time zone cannot
 * shift them.
 */
import { addDays, addHours, addMonths, startOfDay, startOfHour, startOfMonth } from 'date-fns';
import {
  DATE_SAFE_MAX_YEAR,
  DATE_SAFE_MIN_YEAR,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  utcDate,
} from '../model/calendar.js';
import { dateFormatter, formatPlainDate } from '../model/format.js';
import type { CoordMap } from './coords.js';
import type { ViewWindow } from './view.js';
import { tickLabelPx } from './text-width.js';

export interface Tick {
  /** Position on the axis (coordinate). */
  readonly coord: number;
  readonly label: string;
}

export interface TickSet {
  readonly minor: readonly Tick[];
  /** Context labels (the year above months...), including the one in force at the window's start. */
  readonly major: readonly Tick[];
  /** The unit of the minor ticks, e.g. "month" (for tests and styling). */
  readonly unit: string;
}

type Kind = 'hour' | 'day' | 'month' | 'year';
interface Unit {
  kind: Kind;
  step: number;
  /** Approximate length in days, to pick the unit for a zoom level. */
  days: number;
  /** The room a label needs, in pixels. */
  minPx: number;
}

const SUB_YEAR_UNITS: Unit[] = [
  { kind: 'hour', step: 1, days: 1 / 24, minPx: 52 },
  { kind: 'hour', step: 3, days: 3 / 24, minPx: 52 },
  { kind: 'hour', step: 6, days: 6 / 24, minPx: 52 },
  { kind: 'hour', step: 12, days: 12 / 24, minPx: 52 },
  { kind: 'day', step: 1, days: 1, minPx: 30 },
  { kind: 'day', step: 2, days: 2, minPx: 30 },
  { kind: 'day', step: 7, days: 7, minPx: 30 },
  { kind: 'day', step: 14, days: 14, minPx: 30 },
  { kind: 'month', step: 1, days: 30.44, minPx: 44 },
  { kind: 'month', step: 3, days: 91.31, minPx: 44 },
  { kind: 'month', step: 6, days: 182.62, minPx: 44 },
];

/** The room a year label needs: "2014" is narrow, "170,000,003 BCE" is not. */
function yearLabelPx(year: number): number {
  const digits = String(Math.abs(year)).length;
  return 16 + digits * 9 + (digits > 3 ? Math.floor((digits - 1) / 3) * 4 : 0) + (year <= 0 ? 30 : 0);
}

function chooseUnit(daysPerPx: number, firstYear: number, lastYear: number, subYearPossible: boolean): Unit {
  if (subYearPossible) {
    for (const unit of SUB_YEAR_UNITS) if (unit.days / daysPerPx >= unit.minPx) return unit;
  }
  const minPx = Math.max(yearLabelPx(firstYear), yearLabelPx(lastYear));
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const factor of [1, 2, 5]) {
      const step = factor * magnitude;
      if ((step * 365.2425) / daysPerPx >= minPx || magnitude > 1e15)
        return { kind: 'year', step, days: step * 365.2425, minPx };
    }
  }
}

/** Years between first and last (inclusive) whose label (no year zero: 1 BCE is year 0) is a multiple of step. */
function yearsOnStep(first: number, last: number, step: number): number[] {
  const years: number[] = [];
  // Common era: labels are the years themselves.
  for (let year = Math.ceil(Math.max(first, 1) / step) * step; year <= last; year += step) years.push(year);
  // Before it: label n BCE is astronomical year 1 - n; keep n a multiple of step.
  const bce: number[] = [];
  const fromLabel = Math.max(step, Math.ceil((1 - Math.min(last, 0)) / step) * step);
  for (let label = fromLabel; 1 - label >= first; label += step) bce.push(1 - label);
  return [...bce.reverse(), ...years];
}

/** A local Date for the calendar parts (never parsed from a string; years 0–99 not shifted to 1900s). */
function localDate(year: number, month: number, day: number, hour = 0): Date {
  const date = new Date(2000, 0, 1, hour);
  date.setFullYear(year, month - 1, day);
  return date;
}

/** Back from a local Date to a day number, by its calendar parts. */
function dayNumberOf(date: Date): number {
  return daysFromCivil(date.getFullYear(), date.getMonth() + 1, date.getDate()) + date.getHours() / 24;
}

/** Sub-year boundaries from `startDay` to `endDay`, stepping with date-fns. */
function subYearBoundaries(unit: Unit, startDay: number, endDay: number): Date[] {
  const { year, month, day } = civilFromDays(startDay);
  const hour = Math.floor((startDay - Math.floor(startDay)) * 24);
  const out: Date[] = [];
  let current: Date;
  let advance: (date: Date) => Date;
  if (unit.kind === 'hour') {
    current = startOfHour(localDate(year, month, day, hour - (hour % unit.step)));
    advance = (date) => addHours(date, unit.step);
  } else if (unit.kind === 'day') {
    // Steps of several days restart at the first of each month, so ticks fall on the same days every month
    // (1, 8, 15, 22 for weeks) and the last, short step of a month is skipped.
    current = startOfMonth(localDate(year, month, 1));
    advance = (date) => {
      const next = addDays(date, unit.step);
      if (unit.step === 1) return next;
      const monthEnd = daysInMonth(date.getFullYear(), date.getMonth() + 1);
      return next.getMonth() !== date.getMonth() || monthEnd - next.getDate() + 1 < unit.step / 2
        ? startOfMonth(addMonths(date, 1))
        : next;
    };
  } else {
    current = startOfMonth(localDate(year, month - ((month - 1) % unit.step), 1));
    advance = (date) => addMonths(date, unit.step);
  }
  // Bounded by the caller's choice of unit: about one boundary per unit.minPx pixels.
  for (let guard = 0; guard < 10000 && dayNumberOf(current) <= endDay; guard++) {
    if (dayNumberOf(current) >= startDay - unit.days) out.push(current);
    current = unit.kind === 'day' ? startOfDay(advance(current)) : advance(current);
  }
  return out;
}

/** The room a label of this text needs at the axis's font size, estimated without measuring. */
export const labelPx = tickLabelPx;

/**
 * Drops labels that would overlap the one kept before them: each needs `minPx`, or its own text's room when
 * `minPx` is not given (the major labels, whose lengths vary: "May 2018", "September 2018").
 */
function spaced(ticks: Tick[], pxPerCoord: number, minPx?: number): Tick[] {
  const kept: Tick[] = [];
  for (const tick of ticks) {
    const previous = kept.at(-1);
    if (!previous || (tick.coord - previous.coord) * pxPerCoord >= (minPx ?? labelPx(previous.label))) kept.push(tick);
  }
  return kept;
}

/**
 * The ticks for a window of the axis, `widthPx` wide, in a locale. `map` turns day numbers into axis
 * coordinates (identity for proportional spacing).
 */
export function ticksFor(view: ViewWindow, map: CoordMap, widthPx: number, locale: string): TickSet {
  const startDay = map.toDay(view.start);
  const endDay = map.toDay(view.end);
  const daysPerPx = Math.max(endDay - startDay, 1e-9) / Math.max(widthPx, 1);
  const pxPerCoord = widthPx / Math.max(view.end - view.start, 1e-9);
  const first = civilFromDays(startDay).year;
  const last = civilFromDays(endDay).year;
  const subYearPossible = first >= DATE_SAFE_MIN_YEAR + 1 && last <= DATE_SAFE_MAX_YEAR - 1;
  const unit = chooseUnit(daysPerPx, first, last, subYearPossible);
  const tick = (day: number, label: string): Tick => ({ coord: map.toCoord(day), label });
  const yearTick = (year: number) =>
    tick(
      daysFromCivil(year, 1, 1),
      formatPlainDate({ year, precision: 'year', approximate: false, uncertain: false }, locale),
    );

  if (unit.kind === 'year') {
    return {
      unit: `${unit.step} year`,
      minor: spaced(yearsOnStep(first, last, unit.step).map(yearTick), pxPerCoord, unit.minPx),
      major: [],
    };
  }

  const dates = subYearBoundaries(unit, startDay, endDay);
  const minorFormat = dateFormatter(
    locale,
    unit.kind === 'hour'
      ? { hour: 'numeric', minute: '2-digit' }
      : unit.kind === 'day'
        ? { day: 'numeric' }
        : { month: 'short' },
  );
  const minor = dates.map((date) =>
    tick(
      dayNumberOf(date),
      minorFormat.format(utcDate(date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours() * 60)),
    ),
  );

  // Major labels: one per larger unit, plus the one in force at the window's start (shown pinned at the edge).
  const majorKind = unit.kind === 'hour' ? 'day' : unit.kind === 'day' ? 'month' : 'year';
  const majorFormat = dateFormatter(
    locale,
    majorKind === 'day'
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : majorKind === 'month'
        ? { month: 'long', year: 'numeric' }
        : { year: 'numeric' },
  );
  const majorKey = (date: Date) =>
    majorKind === 'day'
      ? `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`
      : majorKind === 'month'
        ? `${date.getFullYear()}-${date.getMonth()}`
        : `${date.getFullYear()}`;
  const major: Tick[] = [];
  let previousKey = '';
  const startParts = civilFromDays(startDay);
  for (const date of [localDate(startParts.year, startParts.month, startParts.day), ...dates]) {
    const key = majorKey(date);
    if (key === previousKey) continue;
    previousKey = key;
    const boundary =
      majorKind === 'day'
        ? daysFromCivil(date.getFullYear(), date.getMonth() + 1, date.getDate())
        : daysFromCivil(date.getFullYear(), majorKind === 'month' ? date.getMonth() + 1 : 1, 1);
    const label =
      majorKind === 'year'
        ? formatPlainDate({ year: date.getFullYear(), precision: 'year', approximate: false, uncertain: false }, locale)
        : majorFormat.format(utcDate(date.getFullYear(), date.getMonth() + 1, date.getDate()));
    major.push(tick(boundary, label));
  }
  return {
    unit: `${unit.step} ${unit.kind}`,
    minor: spaced(minor, pxPerCoord, unit.minPx),
    major: spaced(major, pxPerCoord),
  };
}
