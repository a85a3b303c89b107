/**
 * The date model: EDTF (the Library of Congress's Extended Date/Time Format, 2019) levels 0 and 1, and level 2's
 * "one of" dates with one range ("[..2017-03-09]", "[2017-03-09..2017-03-31]"), as calendar values. Nothing here
 * builds a JS `Date` or depends on the time zone: "2017-02" is February 2017 everywhere.
 *
 * Placement on a time scale (day numbers, see calendar.ts) covers the whole span a date may mean: a year, a
 * season, a month, a day, a minute or a second, from its first moment (`startOf`) to the first moment after it
 * (`endOf`); "201X" covers the 2010s and "2016-05-XX" all of May 2016. Date-times with an offset are placed at
 * their UTC instant; date-times without one ("floating" local time) are placed as if they were UTC.
 *
 * Strict to the specification, with two additions from ISO 8601-1, which EDTF leaves out: a time to the minute
 * ("2014-09-25T14:30"), because a time known to the minute written with ":00" seconds would claim a precision it
 * lacks (the importers and `date-line-range-change` write such times); and fractions of a second
 * ("2026-12-07T05:31:08.042Z"), because that is how programs write times (`Date.prototype.toISOString()`).
 */
import { daysFromCivil, daysInMonth } from './calendar.js';

export type Precision = 'year' | 'season' | 'month' | 'day' | 'minute' | 'second';

/** One calendar date at a precision, with EDTF's approximate (~) and uncertain (?) qualifiers. */
export interface CalendarDate {
  /**
   * Astronomical year: 0 is 1 BCE, -43 is 44 BCE. With `unspecifiedDigits`, the first year the date may be
   * (2010 for "201X", -2019 for "-201X").
   */
  readonly year: number;
  /**
   * EDTF's unspecified digits ("X"), for year precision: 1 for a decade ("201X"), 2 for a hundred years
   * ("19XX"), 4 for an unknown year ("XXXX"); the date is one of the 10 ** unspecifiedDigits years from `year`.
   * A month or day written "XX" ("2004-XX", "1985-04-XX") is a date at the precision of what is given.
   */
  readonly unspecifiedDigits?: number;
  /** EDTF's seasons, with precision "season": 21 spring, 22 summer, 23 autumn, 24 winter. */
  readonly season?: number;
  /** 1–12, when the precision is month or finer. */
  readonly month?: number;
  /** 1–31, when the precision is day or finer. */
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  /**
   * The digits of a fraction of a second, as written ("042" for "08.042"), with precision "second": they place
   * the date to the instant, but no label shows them.
   */
  readonly fraction?: string;
  /** Minutes east of UTC, when the date-time gives an offset ("Z" is 0). */
  readonly offsetMinutes?: number;
  readonly precision: Precision;
  readonly approximate: boolean;
  readonly uncertain: boolean;
}

/**
 * A date, an interval, or a "one of" date. A single date has `end === start`. An open side ("..") or an unknown
 * side (empty) of an interval is `null`.
 *
 * A "one of" date (EDTF level 2's "[..2017-03-09]", "[2017-03-09..]" and "[2017-03-09..2017-03-31]") is one
 * date, not an interval, known only to be on or before `end` (`oneOf: 'onOrBefore'`, `start` is null), on or
 * after `start` (`oneOf: 'onOrAfter'`, `end` is null), or between `start` and `end`, both included
 * (`oneOf: 'between'`). Compare the interval "../2017-03-09", which lasts until 9 March.
 */
export interface DateSpan {
  readonly start: CalendarDate | null;
  readonly end: CalendarDate | null;
  readonly isInterval: boolean;
  readonly oneOf?: 'onOrBefore' | 'onOrAfter' | 'between';
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/**
 * One date of EDTF levels 0 and 1: a year (four digits, the last one, two or all four of them "X", signed for
 * BCE; or "Y" and more than four digits, a year alone), a month, season or "XX", a day or "XX", a time to the
 * minute or second (hours to 23, minutes and seconds to 59, and up to nine digits of a second) with its offset,
 * and one qualifier at the end. What else a date must be (a real day, an offset in range, X only from the right)
 * parseCalendarDate checks.
 */
const EDTF_DATE =
  /^(?:Y(-?[1-9]\d{4,})|(-?)(\d{4}|\d{3}X|\d\dXX|XXXX)(?:-(\d\d|XX)(?:-(\d\d|XX)(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(Z|[+-]\d\d(?::[0-5]\d)?)?)?)?)?)([~?%])?$/;

const LEVEL_2 =
  'is EDTF level 2, which date-line does not read (X only at the end, as in "201X" or "2004-XX"; seasons 21 to 24)';

/**
 * Why a text is not one date of EDTF levels 0 and 1, beginning with the text itself, and what to write instead
 * for the common slips: slashes, the day first, words, a "+" or a "Y" on a four-digit year.
 */
function refusal(text: string): string {
  const slashed = /^(\d{4})[/.](\d\d?)[/.](\d\d?)$/.exec(text);
  const dayFirst = /^(\d\d?)[/.-](\d\d?)[/.-](\d{4})$/.exec(text);
  const two = (digits: string) => digits.padStart(2, '0');
  return `"${text}" ${
    /[~?%]./.test(text)
      ? 'is not a date: a qualifier (~ ? %) may only come once, at the end'
      : /^(?:\+|Y-?(?:0|\d{1,4}\b|\d+-)|-?\d{5}|-(?:0000|XXXX)\b)/.test(text)
        ? 'is not a date: a year has four digits ("-0043"; no "+", no "-0000") or, alone, "Y" and more ("Y12345")'
        : /^-?[\dX]{4}(?:-[\dX]{2}){0,2}[~?%]?$|^-?\d{4}-(?:2[5-9]|3\d|4[01])$/.test(text)
          ? LEVEL_2
          : /T/.test(text)
            ? 'is not a date and time: hh:mm, hh:mm:ss or hh:mm:ss.sss to 23:59:59, then Z or ±hh:mm from -12:00 to +14:00, not -00:00'
            : slashed
              ? `is not a date: dates use hyphens, "${slashed[1]}-${two(slashed[2])}-${two(slashed[3])}"`
              : dayFirst
                ? `is not a date: write the year first, "${dayFirst[3]}-${two(dayFirst[2])}-${two(dayFirst[1])}" if ${dayFirst[1]} is the day`
                : /[A-Za-z]{3}/.test(text)
                  ? 'is not a date: write dates as numbers, year first: "2017-03" for March 2017'
                  : 'is not a date: write a year ("2014"), a month ("2014-09"), a day ("2014-09-25") or an interval ("2017-02/2017-03")'
  }.`;
}

/**
 * Parses one date (not an interval): "2014", "2014-09~", "-0043-03-15", "2018-03-26T14:30Z",
 * "2026-12-07T05:31:08.042Z", "201X", "2001-21" (spring 2001), "Y-170000002". Every message starts with the text
 * it refuses.
 */
export function parseCalendarDate(input: string): Parsed<CalendarDate> {
  const match = EDTF_DATE.exec(input);
  if (!match) return fail(refusal(input));
  const [, longYear, sign, digits, monthText, dayText, hourText, minuteText, secondText, fraction, zone, qualifier] =
    match;
  // X stands for the last digits of the year: the date is one of the 10 ** unspecifiedDigits years from `year`.
  const unspecifiedDigits = digits ? digits.split('X').length - 1 : 0;
  const given = Number(longYear ?? digits.replace(/X/g, '0'));
  const year = sign ? -(given + 10 ** unspecifiedDigits - 1) : given;
  const base = {
    year,
    ...(unspecifiedDigits ? { unspecifiedDigits } : {}),
    approximate: /[~%]/.test(qualifier ?? ''),
    uncertain: /[?%]/.test(qualifier ?? ''),
  };
  if (!Number.isSafeInteger(year) || (sign && (digits === '0000' || digits === 'XXXX'))) return fail(refusal(input));
  // X only from the right: no digit after an X, and a partly unspecified year ("201X") stands alone.
  if (/X.*\d|\dX+-/.test(input)) return fail(`"${input}" ${LEVEL_2}.`);
  if (!monthText || monthText === 'XX') return { ok: true, value: { ...base, precision: 'year' } };
  const month = Number(monthText);
  if (month > 20 && month < 25 && !dayText) return { ok: true, value: { ...base, season: month, precision: 'season' } };
  if (month > 24 && month < 42) return fail(`"${input}" ${LEVEL_2}.`);
  if (month < 1 || month > 12)
    return fail(`"${input}" is not a date: there is no month ${month} (months are 01 to 12; 21 to 24 are seasons).`);
  if (!dayText || dayText === 'XX') return { ok: true, value: { ...base, month, precision: 'month' } };
  const day = Number(dayText);
  const monthLength = daysInMonth(year, month);
  if (!(day >= 1 && day <= monthLength))
    return fail(`"${input}" is not a date: ${input.slice(0, input.indexOf('-', 1) + 3)} has ${monthLength} days.`);
  if (!hourText) return { ok: true, value: { ...base, month, day, precision: 'day' } };
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? undefined : Number(secondText);
  const offsetMinutes = !zone
    ? undefined
    : zone === 'Z'
      ? 0
      : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4) || 0));
  // The pattern has the hours, minutes and seconds in range; an offset must be one of the world's.
  if (offsetMinutes !== undefined && (offsetMinutes < -720 || offsetMinutes > 840 || /^-00(?::00)?$/.test(zone)))
    return fail(refusal(input));
  return {
    ok: true,
    value: {
      ...base,
      month,
      day,
      hour,
      minute,
      ...(second === undefined ? {} : { second }),
      ...(fraction ? { fraction } : {}),
      ...(offsetMinutes === undefined ? {} : { offsetMinutes }),
      precision: second === undefined ? 'minute' : 'second',
    },
  };
}

/**
 * Whether an end runs back past a start: it begins earlier and is over earlier. Dates cover spans, so
 * "2017-03-09/2017-03" (9 March to the end of March) runs forwards, while "2012-23/2012-22" (autumn to summer,
 * seasons of four months that overlap) runs backwards.
 */
const runsBackwards = (start: CalendarDate | null, end: CalendarDate | null) =>
  start && end && startOf(end) < startOf(start) && endOf(end) < endOf(start);

/**
 * Parses a date, an EDTF interval ("2017-02/2017-03", "../2017-03-09", "2017/..") or a "one of" date with one
 * range of plain dates ("[..2017-03-09]", "[2017-03-09..]", "[2017-03-09..2017-03-31]"). It checks that the
 * dates exist and that an interval or range does not end before it starts. Every message starts with the text it
 * refuses, or the part of it at fault.
 */
export function parseDateSpan(input: string): Parsed<DateSpan> {
  const quoted = `"${input}"`;
  // One plain year, month or day, on or before ("[..2017-03-09]"), on or after ("[2017-03-09..]"), or between
  // two ("[2017-03-09..2017-03-31]"); an interval otherwise.
  const set = /^\[([^.,\]]*)\.\.([^.,\]]*)\]$/.exec(input);
  const sets = fail(
    `${quoted}: of EDTF's sets, date-line reads one range of plain dates: "[..2017-03-09]", "[2017-03-09..]" or "[2017-03-09..2017-03-31]".`,
  );
  if (/^[[{]/.test(input) && (!set || /[~?%XT\s]/.test(input))) return sets;
  const parts = set ? set.slice(1) : input.split('/');
  if (parts.length > 2) return fail(refusal(input));
  const sides: (CalendarDate | null)[] = [];
  for (const part of parts) {
    // Level 1 intervals take any level 1 date at either end, except ones with X (level 2).
    const side = part === '..' || (part === '' && parts.length > 1) ? null : parseCalendarDate(part);
    if (side && !side.ok) return side;
    if (side && parts.length > 1 && part.includes('X')) return fail(`"${part}" ${LEVEL_2}.`);
    sides.push(side && side.value);
  }
  const [start, end = start] = sides;
  if (set && (start?.season || end?.season || !(start || end))) return sets;
  if (!start && !end) return fail(`${quoted}: an interval needs at least one date.`);
  if (runsBackwards(start, end))
    return fail(`${quoted}: the ${set ? 'range' : 'interval'} ends ("${parts[1]}") before it starts ("${parts[0]}").`);
  const oneOf = set && (start && end ? 'between' : start ? 'onOrAfter' : 'onOrBefore');
  return { ok: true, value: { start, end, isInterval: !set && parts.length > 1, ...(oneOf ? { oneOf } : {}) } };
}

/** The first moment a date covers, as a day number (days since 1970-01-01, UTC). */
export function startOf(date: CalendarDate): number {
  const days = daysFromCivil(
    date.year,
    // A season (21 spring … 24 winter) begins in March, June, September or December.
    date.season ? 3 * (date.season - 20) : (date.month ?? 1),
    date.day ?? 1,
  );
  if (date.hour === undefined) return days;
  const minutes = date.hour * 60 + (date.minute ?? 0) - (date.offsetMinutes ?? 0);
  return days + minutes / 1440 + Number(`${date.second ?? 0}.${date.fraction ?? ''}`) / 86400;
}

/**
 * The first moment after the span a date covers (exclusive end), as a day number. A season covers four months
 * from its first (spring: March to June), so that it holds both the meteorological season (1 March to 31 May)
 * and the astronomical one (about 20 March to 21 June), as the northern hemisphere reckons them: EDTF level 1
 * says neither which hemisphere nor which reckoning.
 */
export function endOf(date: CalendarDate): number {
  switch (date.precision) {
    case 'year':
      return daysFromCivil(date.year + 10 ** (date.unspecifiedDigits ?? 0), 1, 1);
    case 'season':
    case 'month': {
      const month = date.season ? 3 * (date.season - 19) : date.month!;
      return daysFromCivil(date.year + Math.floor(month / 12), (month % 12) + 1, 1);
    }
    case 'day':
      return startOf(date) + 1;
    case 'minute':
      return startOf(date) + 1 / 1440;
    case 'second':
      // A fraction covers one unit of its last digit ("08.042": a thousandth of a second), down to a millisecond:
      // finer digits place its start, but a day number has no room for a nanosecond's length.
      return startOf(date) + 10 ** -Math.min(date.fraction?.length ?? 0, 3) / 86400;
  }
}

/**
 * Where a span sits on the time scale: from the start of its first date to the end of its last. An open or
 * unknown side collapses onto the known one, so "../2017-03-09" and "[..2017-03-09]" are placed on 9 March
 * 2017 (events are ordered by this); {@link possibleExtent} gives how far such a date may reach.
 */
export function spanExtent(span: DateSpan): { from: number; to: number } {
  const first = span.start ?? span.end!;
  const last = span.end ?? span.start!;
  return { from: startOf(first), to: endOf(last) };
}

/**
 * The whole stretch of time a span may cover, for drawing it: its extent, except that an open or unknown side
 * reaches without bound (`from` is `-Infinity` for "[..2017-03-09]", "../2017-03-09" and "/2017-03-09"; `to` is
 * `Infinity` for "[2017-03-09..]" and "2017/.."). `span.oneOf` tells a "one of" date, which is one day somewhere
 * in that stretch, from an interval, which lasts through it.
 */
export function possibleExtent(span: DateSpan): { from: number; to: number } {
  const { from, to } = spanExtent(span);
  return { from: span.start ? from : -Infinity, to: span.end ? to : Infinity };
}

/**
 * The ISO 8601 text of a calendar date at its precision (no qualifiers), for `<time datetime>` and the axis's
 * ranges: "2014-09", "2018-03-26T14:30Z"; years outside 0000–9999 in the expanded form ("-000043", "+012345").
 * Seasons and dates with X have no such text; see htmlDatetime for what stands in for them.
 */
export function toIsoString(date: CalendarDate): string {
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
  let text = date.year < 0 || date.year > 9999 ? `${date.year < 0 ? '-' : '+'}${pad(date.year, 6)}` : pad(date.year, 4);
  if (date.month === undefined) return text;
  text += `-${pad(date.month)}`;
  if (date.day === undefined) return text;
  text += `-${pad(date.day)}`;
  if (date.hour === undefined) return text;
  text += `T${pad(date.hour)}:${pad(date.minute ?? 0)}`;
  if (date.second !== undefined) text += `:${pad(date.second)}${date.fraction ? `.${date.fraction}` : ''}`;
  if (date.offsetMinutes !== undefined) {
    const offset = date.offsetMinutes;
    text +=
      offset === 0
        ? 'Z'
        : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  }
  return text;
}
