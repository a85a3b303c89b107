/**
 * Axis ticks that adapt to the zoom level: centuries, decades, years, months, days or hours, whichever is the
 * finest unit whose labels still fit side by side. A second row of "major" labels gives the context of the
 * unit (the year above months, the month above days). Labels never overlap: a tick too close to the one before
 * it is dropped. The number of ticks depends on the width in pixels, never on the span of time.
 *
 * Positions are day numbers (days since 1970-01-01, UTC; src/model/calendar.ts), which reach any year. The
 * calendar arithmetic of hours, days, weeks and months is date-fns's, on UTC dates (./utc.ts), so no time zone
 * enters: a local `Date` skips or repeats an hour where the reader's clocks change (2:00 on 10 March 2024 in Los
 * Angeles, midnight on 8 September 2024 in Santiago, half an hour in Lord Howe), which once moved ticks and
 * labels with the reader's zone (test/hardening/zones.test.ts).
 *
 * Where date-fns stops: those units exist only inside JS `Date`'s range (years −271,820 to 275,759; see
 * DATE_SAFE_MIN_YEAR), and a window that reaches beyond it (deep time, as in cosmological timelines) gets year
 * ticks alone. Year ticks are whole numbers of years everywhere, placed with daysFromCivil: they must reach deep
 * time anyway, counting years has no calendar in it (no month lengths, no leap days), and a label in BCE years
 * counts without a year zero, which neither `Date` nor date-fns does.
 */
import type { UTCDate } from '@date-fns/utc';
// date-fns by function: its index would load all of its 245 modules where nothing bundles them (the tests' dev
// server, an import map); bundlers keep the same functions either way.
import { addDays } from 'date-fns/addDays';
import { addHours } from 'date-fns/addHours';
import { addMonths } from 'date-fns/addMonths';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { startOfDay } from 'date-fns/startOfDay';
import { startOfHour } from 'date-fns/startOfHour';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfYear } from 'date-fns/startOfYear';
import { subHours } from 'date-fns/subHours';
import { subMonths } from 'date-fns/subMonths';
import { DATE_SAFE_MAX_YEAR, DATE_SAFE_MIN_YEAR, daysFromCivil } from '../model/calendar.js';
import { civilFromDays } from '../model/civil.js';
import { dateFormatter, formatPlainDate } from '../model/format.js';
import type { CoordMap } from './coords.js';
import type { ViewWindow } from './window.js';
import { tickLabelPx } from './text-width.js';
import { dayNumberOf, utcAt } from './utc.js';

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

/** Far more boundaries than any width holds (about one per unit.minPx pixels): a guard, not a limit. */
const MAX_BOUNDARIES = 10000;

/**
 * Sub-year boundaries from `startDay` to `endDay`, with those up to a unit before the window (whose labels may
 * reach into it): hours on multiples of the step within each day (the steps divide 24, so ticks fall on the same
 * hours every day), months on multiples of the step within each year, days from the first of each month.
 */
function subYearBoundaries(unit: Unit, startDay: number, endDay: number): UTCDate[] {
  const out: UTCDate[] = [];
  const from = startDay - unit.days;
  const end = utcAt(endDay).getTime();
  const start = utcAt(startDay);
  const add = (date: UTCDate) => {
    if (dayNumberOf(date) >= from) out.push(date);
  };
  if (unit.kind === 'hour') {
    const hour = startOfHour(start);
    let tick = subHours(hour, hour.getHours() % unit.step);
    for (; tick.getTime() <= end && out.length < MAX_BOUNDARIES; tick = addHours(tick, unit.step)) add(tick);
  } else if (unit.kind === 'month') {
    const month = startOfMonth(start);
    let tick = subMonths(month, month.getMonth() % unit.step);
    for (; tick.getTime() <= end && out.length < MAX_BOUNDARIES; tick = addMonths(tick, unit.step)) add(tick);
  } else {
    for (let month = startOfMonth(start); month.getTime() <= end; month = addMonths(month, 1)) {
      // Steps of several days restart at the first of each month, so ticks fall on the same days every month
      // (1, 8, 15, 22 for weeks), and a last step shorter than half a step is skipped.
      const length = getDaysInMonth(month);
      for (let date = 1; date <= length; date += unit.step) {
        if (unit.step > 1 && length - date + 1 < unit.step / 2) break;
        const tick = addDays(month, date - 1);
        if (tick.getTime() > end) break;
        add(tick);
      }
      if (out.length >= MAX_BOUNDARIES) break;
    }
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
  const minor = dates.map((date) => tick(dayNumberOf(date), minorFormat.format(date)));

  // Major labels: one per larger unit, plus the one in force at the window's start (shown pinned at the edge).
  const majorKind = unit.kind === 'hour' ? 'day' : unit.kind === 'day' ? 'month' : 'year';
  const majorFormat = dateFormatter(
    locale,
    majorKind === 'day' ? { day: 'numeric', month: 'long', year: 'numeric' } : { month: 'long', year: 'numeric' },
  );
  // The larger unit a boundary falls in, as the date where it begins.
  const startOfMajor = majorKind === 'day' ? startOfDay : majorKind === 'month' ? startOfMonth : startOfYear;
  const major: Tick[] = [];
  let previous: number | undefined;
  for (const date of [utcAt(startDay), ...dates]) {
    const start = startOfMajor(date);
    if (start.getTime() === previous) continue;
    previous = start.getTime();
    const label =
      majorKind === 'year'
        ? formatPlainDate(
            { year: start.getFullYear(), precision: 'year', approximate: false, uncertain: false },
            locale,
          )
        : majorFormat.format(start);
    major.push(tick(dayNumberOf(start), label));
  }
  return {
    unit: `${unit.step} ${unit.kind}`,
    minor: spaced(minor, pxPerCoord, unit.minPx),
    major: spaced(major, pxPerCoord),
  };
}
