/**
 * Proleptic Gregorian calendar arithmetic on plain integers, for any year (including BCE and deep time, where
 * JS `Date` cannot go). Years are astronomical: 0 is 1 BCE, -43 is 44 BCE.
 *
 * The time scale counts in "day numbers": days since 1970-01-01, with fractions for times of day (in UTC).
 * These functions convert between day numbers and calendar parts, for the core's dates and labels, for any year.
 * Stepping through the calendar (the axis's ticks, the length of a folded gap) is date-fns's, inside JS `Date`'s
 * range (DATE_SAFE_MIN_YEAR to DATE_SAFE_MAX_YEAR; src/scale/utc.ts); beyond it, in deep time, day numbers and
 * whole years are all there is.
 */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** Days from 1970-01-01 to the given calendar day (month 1–12). H. Hinnant's days_from_civil, exact for all years. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Average days in a Gregorian year, for converting spans to years at coarse zoom levels. */
export const DAYS_PER_YEAR = 365.2425;

/**
 * The years JS `Date` can represent (±100,000,000 days from 1970); outside them dates stay plain numbers
 * and labels are built without `Intl.DateTimeFormat`.
 */
export const DATE_SAFE_MIN_YEAR = -271820;
export const DATE_SAFE_MAX_YEAR = 275759;

/**
 * A JS `Date` at UTC midnight (plus the given minutes) of a calendar day, for `Intl.DateTimeFormat` with
 * `timeZone: 'UTC'`. Built from parts with setUTCFullYear, so years 0–99 are not mapped to 1900–1999 and no
 * string is parsed; formatting it in UTC gives back the same calendar day in every time zone.
 */
export function utcDate(year: number, month = 1, day = 1, minutes = 0, seconds = 0): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(0, minutes, seconds, 0);
  return date;
}
