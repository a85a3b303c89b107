/**
 * Day numbers as dates for date-fns, which does the calendar arithmetic of the axis (ticks, durations) inside
 * JS `Date`'s range. The dates are `UTCDateMini`s from @date-fns/utc: their getters and setters are UTC's, so
 * date-fns computes on the calendar as written, with no time zone, and no clock change moves a tick. Beyond
 * `Date`'s range (deep time) the axis has day numbers and whole years only; see src/model/calendar.ts.
 */
import type { UTCDate } from '@date-fns/utc';
import { UTCDateMini } from '@date-fns/utc/date/mini';

const DAY_MS = 86_400_000;

/** The farthest day number from 1970-01-01 that a JS `Date` holds, either way (ECMA-262's time values). */
const DATE_RANGE_DAYS = 100_000_000;

/** Whether a day number is inside JS `Date`'s range, where date-fns can work on it. */
export const inDateRange = (day: number): boolean => Math.abs(day) <= DATE_RANGE_DAYS;

/**
 * The moment a day number stands for, as a UTC date; to the millisecond at or before it, so a window's start
 * is never past its first tick, nor its end past its last.
 */
export const utcAt = (day: number): UTCDate => new UTCDateMini(Math.floor(day * DAY_MS));

/** The day number of a date (with the time of day as a fraction). */
export const dayNumberOf = (date: Date): number => date.getTime() / DAY_MS;
