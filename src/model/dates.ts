/**
 * The date model: ISO 8601 dates at reduced precision and EDTF level 1 qualifiers and intervals, as calendar
 * values. Nothing here builds a JS `Date` or depends on the time zone: "2017-02" is February 2017 everywhere.
 *
 * Placement on a time scale (day numbers, see calendar.ts) is defined for every precision: a date covers the
 * whole of its year, month, day, minute or second, from its first moment (`startOf`) to the first moment after
 * it (`endOf`). Date-times with an offset are placed at their UTC instant; date-times without one ("floating"
 * local time) are placed as if they were UTC.
 */
import { daysFromCivil, daysInMonth } from './calendar.js';

export type Precision = 'year' | 'month' | 'day' | 'minute' | 'second';

/** One calendar date at a precision, with EDTF's approximate (~) and uncertain (?) qualifiers. */
export interface CalendarDate {
  /** Astronomical year: 0 is 1 BCE, -43 is 44 BCE. */
  readonly year: number;
  /** 1–12, when the precision is month or finer. */
  readonly month?: number;
  /** 1–31, when the precision is day or finer. */
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  /** Minutes east of UTC, when the date-time gives an offset ("Z" is 0). */
  readonly offsetMinutes?: number;
  readonly precision: Precision;
  readonly approximate: boolean;
  readonly uncertain: boolean;
}

/**
 * A date or an interval. A single date has `end === start`. An open side ("..") or an unknown side (empty) of
 * an interval is `null`, with `openStart`/`openEnd` saying which.
 */
export interface DateSpan {
  readonly start: CalendarDate | null;
  readonly end: CalendarDate | null;
  readonly isInterval: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const DATE_PATTERN =
  /^(?:Y([+-]?\d+)|([+-]\d{4,})|(\d{4}))(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Explains common ways of writing a date that are not ISO 8601, with the form to use instead. */
function hintFor(text: string): string {
  const slashed = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (slashed)
    return ` Dates use hyphens: write "${slashed[1]}-${slashed[2].padStart(2, '0')}-${slashed[3].padStart(2, '0')}".`;
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dayFirst)
    return ` Write the year first: "${dayFirst[3]}-MM-DD" (for example "${dayFirst[3]}-${dayFirst[2].padStart(2, '0')}-${dayFirst[1].padStart(2, '0')}" if ${dayFirst[1]} is the day).`;
  if (/[A-Za-z]{3,}/.test(text))
    return ' Write dates as numbers, year first: "2017-03" for March 2017, "2017-03-09" for 9 March 2017.';
  return ' Use a year ("2014"), a month ("2014-09"), a day ("2014-09-25") or an interval ("2017-02/2017-03").';
}

/** Parses one date (not an interval), such as "2014", "2014-09~", "-0043-03-15" or "2018-03-26T14:30Z". */
export function parseCalendarDate(input: string): Parsed<CalendarDate> {
  let text = input;
  let approximate = false;
  let uncertain = false;
  const qualifier = text.at(-1);
  if (qualifier === '~' || qualifier === '?' || qualifier === '%') {
    approximate = qualifier !== '?';
    uncertain = qualifier !== '~';
    text = text.slice(0, -1);
  }
  if (/[~?%]/.test(text)) {
    return fail(`"${input}": a qualifier (~ ? %) may only come once, at the end of the date (EDTF level 1).`);
  }
  const match = DATE_PATTERN.exec(text);
  if (!match) return fail(`"${input}" is not a date.${hintFor(text)}`);
  const [, longYear, signedYear, plainYear, monthText, dayText, hourText, minuteText, secondText, zone] = match;
  const year = Number(longYear ?? signedYear ?? plainYear);
  if (!Number.isSafeInteger(year)) return fail(`"${input}": the year is too large.`);
  const base = { year, approximate, uncertain };
  if (monthText === undefined) return { ok: true, value: { ...base, precision: 'year' } };

  const month = Number(monthText);
  if (month < 1 || month > 12) {
    return fail(
      month >= 21 && month <= 41
        ? `"${input}": seasons (months 21–41 in EDTF) are not supported; use a month range such as "${year}-03/${year}-05".`
        : `"${input}" is not a date: there is no month ${month} (months are 01 to 12).`,
    );
  }
  if (dayText === undefined) return { ok: true, value: { ...base, month, precision: 'month' } };

  const day = Number(dayText);
  const monthLength = daysInMonth(year, month);
  if (day < 1 || day > monthLength) {
    return fail(
      day < 1
        ? `"${input}" is not a date: there is no day 0.`
        : `"${input}" is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${monthLength} days.`,
    );
  }
  if (hourText === undefined) return { ok: true, value: { ...base, month, day, precision: 'day' } };

  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? undefined : Number(secondText);
  if (hour > 23 || minute > 59 || (second ?? 0) > 59) {
    return fail(`"${input}" is not a time of day: hours go to 23, minutes and seconds to 59.`);
  }
  let offsetMinutes: number | undefined;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = Number(digits.slice(2) || '0');
    if (offsetHours > 14 || offsetMins > 59) return fail(`"${input}": the offset ${zone} is not a real UTC offset.`);
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  return {
    ok: true,
    value: {
      ...base,
      month,
      day,
      hour,
      minute,
      ...(second === undefined ? {} : { second }),
      ...(offsetMinutes === undefined ? {} : { offsetMinutes }),
      precision: second === undefined ? 'minute' : 'second',
    },
  };
}

/**
 * Parses a date or an EDTF interval ("2017-02/2017-03", "../2017-03-09", "2017/.."). It checks that the
 * dates exist and that an interval does not end before it starts.
 */
export function parseDateSpan(input: string): Parsed<DateSpan> {
  const text = input.trim();
  if (text === '') return fail('The date is empty.');
  const parts = text.split('/');
  if (parts.length > 2) return fail(`"${input}" has more than one "/".${hintFor(text)}`);
  if (parts.length === 1) {
    const single = parseCalendarDate(text);
    return single.ok ? { ok: true, value: { start: single.value, end: single.value, isInterval: false } } : single;
  }
  const sides: (CalendarDate | null)[] = [];
  for (const part of parts) {
    if (part === '..' || part === '') {
      sides.push(null);
      continue;
    }
    const side = parseCalendarDate(part);
    if (!side.ok) return side;
    sides.push(side.value);
  }
  const [start, end] = sides;
  if (!start && !end) return fail(`"${input}": an interval needs at least one date.`);
  // Dates cover spans, so "2017-03-09/2017-03" is a fine interval (9 March to the end of March); only an end
  // that is over before the start begins runs backwards.
  if (start && end && endOf(end) <= startOf(start)) {
    return fail(`"${input}": the interval ends before it starts.`);
  }
  return { ok: true, value: { start, end, isInterval: true } };
}

/** The first moment a date covers, as a day number (days since 1970-01-01, UTC). */
export function startOf(date: CalendarDate): number {
  const days = daysFromCivil(date.year, date.month ?? 1, date.day ?? 1);
  if (date.hour === undefined) return days;
  const minutes = date.hour * 60 + (date.minute ?? 0) - (date.offsetMinutes ?? 0);
  return days + minutes / 1440 + (date.second ?? 0) / 86400;
}

/** The first moment after the span a date covers (exclusive end), as a day number. */
export function endOf(date: CalendarDate): number {
  switch (date.precision) {
    case 'year':
      return daysFromCivil(date.year + 1, 1, 1);
    case 'month':
      return date.month === 12 ? daysFromCivil(date.year + 1, 1, 1) : daysFromCivil(date.year, date.month! + 1, 1);
    case 'day':
      return startOf(date) + 1;
    case 'minute':
      return startOf(date) + 1 / 1440;
    case 'second':
      return startOf(date) + 1 / 86400;
  }
}

/**
 * Where a span sits on the time scale: from the start of its first date to the end of its last. An open or
 * unknown side collapses onto the known one, so "../2017-03-09" is placed on 9 March 2017.
 */
export function spanExtent(span: DateSpan): { from: number; to: number } {
  const first = span.start ?? span.end!;
  const last = span.end ?? span.start!;
  return { from: startOf(first), to: endOf(last) };
}

/** The ISO 8601 text of a calendar date at its precision, for `<time datetime>` (no qualifiers). */
export function toIsoString(date: CalendarDate): string {
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
  let text = date.year < 0 || date.year > 9999 ? `${date.year < 0 ? '-' : '+'}${pad(date.year, 6)}` : pad(date.year, 4);
  if (date.month === undefined) return text;
  text += `-${pad(date.month)}`;
  if (date.day === undefined) return text;
  text += `-${pad(date.day)}`;
  if (date.hour === undefined) return text;
  text += `T${pad(date.hour)}:${pad(date.minute ?? 0)}`;
  if (date.second !== undefined) text += `:${pad(date.second)}`;
  if (date.offsetMinutes !== undefined) {
    const offset = date.offsetMinutes;
    text +=
      offset === 0
        ? 'Z'
        : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  }
  return text;
}

/**
 * The `datetime` attribute for a span's `<time>` element, or `undefined` when HTML has no form for it. HTML
 * cannot express intervals or years before 1 CE, so an interval gives its first known date (the visible label
 * shows the whole range) and a BCE date gives none (the label alone carries it).
 */
export function htmlDatetime(span: DateSpan): string | undefined {
  const date = span.start ?? span.end!;
  if (date.year <= 0) return undefined;
  return date.year > 9999 ? toIsoString(date).replace(/^\+0*/, '') : toIsoString(date);
}
