/**
 * Axis ticks that adapt to the zoom level: centuries, decades, years, months, days or hours, whichever is the
 * finest unit whose labels still fit side by side. A second row of "major" labels gives the context of the
 * unit (the year above months, the month above days). Labels never overlap: a tick too close to the one before
 * it is dropped. The number of ticks depends on the width in pixels, never on the span of time.
 *
 * Everything steps on calendar parts and day numbers (days since 1970-01-01, UTC), never on JS `Date`s: a local
 * `Date` skips or repeats an hour where the reader's clocks change (2:00 on 10 March 2024 in Los Angeles,
 * midnight on 8 September 2024 in Santiago, half an hour in Lord Howe), which moved ticks and labels with the
 * reader's zone. Dates appear only to be labelled, as UTC dates formatted in UTC.
 */
import { DATE_SAFE_MAX_YEAR, DATE_SAFE_MIN_YEAR, daysFromCivil, daysInMonth, utcDate } from '../model/calendar.js';
import { civilFromDays } from '../model/civil.js';
import { dateFormatter, formatPlainDate } from '../model/format.js';
import type { CoordMap } from './coords.js';
import type { ViewWindow } from './window.js';
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

/** A sub-year tick: its day number (with the hour as a fraction) and its calendar parts. */
interface Boundary {
  readonly day: number;
  readonly year: number;
  readonly month: number;
  readonly date: number;
  readonly hour: number;
}

function boundary(dayNumber: number, hour = 0): Boundary {
  const { year, month, day } = civilFromDays(dayNumber);
  return { day: dayNumber + hour / 24, year, month, date: day, hour };
}

/**
 * Sub-year boundaries from `startDay` to `endDay`: hours counted as whole hours since the epoch (the steps
 * divide 24, so ticks fall on the same hours every day), days and months as calendar parts.
 */
function subYearBoundaries(unit: Unit, startDay: number, endDay: number): Boundary[] {
  const out: Boundary[] = [];
  // Bounded by the caller's choice of unit: about one boundary per unit.minPx pixels.
  const add = (tick: Boundary) => {
    if (tick.day >= startDay - unit.days && out.length < 10000) out.push(tick);
  };
  if (unit.kind === 'hour') {
    const firstDay = Math.floor(startDay);
    const firstHour = Math.floor((startDay - firstDay) * 24);
    for (let hours = firstDay * 24 + firstHour - (firstHour % unit.step); hours / 24 <= endDay; hours += unit.step) {
      const day = Math.floor(hours / 24);
      add(boundary(day, hours - day * 24));
      if (out.length >= 10000) break;
    }
    return out;
  }
  const { year, month } = civilFromDays(startDay);
  // Months (and the days within them) from the first month that can hold a tick in the window.
  let monthIndex = year * 12 + month - 1;
  if (unit.kind === 'month') monthIndex -= (month - 1) % unit.step;
  for (;;) {
    const tickYear = Math.floor(monthIndex / 12);
    const tickMonth = monthIndex - tickYear * 12 + 1;
    const first = daysFromCivil(tickYear, tickMonth, 1);
    if (first > endDay) break;
    if (unit.kind === 'month') {
      add(boundary(first));
      monthIndex += unit.step;
    } else {
      // Steps of several days restart at the first of each month, so ticks fall on the same days every month
      // (1, 8, 15, 22 for weeks), and a last step shorter than half a step is skipped.
      const length = daysInMonth(tickYear, tickMonth);
      for (let date = 1; date <= length && first + date - 1 <= endDay; date += unit.step) {
        if (unit.step > 1 && length - date + 1 < unit.step / 2) break;
        add(boundary(first + date - 1));
      }
      monthIndex += 1;
    }
    if (out.length >= 10000) break;
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
    tick(date.day, minorFormat.format(utcDate(date.year, date.month, date.date, date.hour * 60))),
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
  // The larger unit a boundary falls in: its day, month or year, as the day number where that begins.
  const majorStart = (date: Boundary) =>
    majorKind === 'day' ? Math.floor(date.day) : daysFromCivil(date.year, majorKind === 'month' ? date.month : 1, 1);
  const major: Tick[] = [];
  let previous: number | undefined;
  for (const date of [boundary(Math.floor(startDay)), ...dates]) {
    const start = majorStart(date);
    if (start === previous) continue;
    previous = start;
    const label =
      majorKind === 'year'
        ? formatPlainDate({ year: date.year, precision: 'year', approximate: false, uncertain: false }, locale)
        : majorFormat.format(utcDate(date.year, date.month, date.date));
    major.push(tick(start, label));
  }
  return {
    unit: `${unit.step} ${unit.kind}`,
    minor: spaced(minor, pxPerCoord, unit.minPx),
    major: spaced(major, pxPerCoord),
  };
}
