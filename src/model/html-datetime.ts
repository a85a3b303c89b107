/**
 * HTML's `datetime` for a date-line date. Its own module, apart from dates.ts: only the views that draw events
 * (loaded on demand) and the embed printer use it, so the script-tag file does not carry it.
 */
import { toIsoString, type DateSpan } from './dates.js';

/**
 * The `datetime` attribute for a span's `<time>` element, never more precise than the data, or `undefined`
 * when HTML has no such form. An interval gives its first known date (the visible label shows the whole range);
 * a season the year it lies in (none for a winter, which runs into the next year); a "one of" date between two
 * the month or year that holds both ("2017-03" for "[2017-03-09..2017-03-31]"); a fraction of a second its first
 * three digits, all HTML takes. A "one of" date with an open side, a decade or century ("201X") and a BCE date
 * give none, as no HTML date says only what is known of them (the label alone carries it).
 */
export function htmlDatetime(span: DateSpan): string | undefined {
  const date = span.start ?? span.end!;
  if (span.oneOf === 'between') {
    const end = span.end!;
    // The month, else the year, that holds both bounds: never more precise than the range.
    return date.year === end.year && date.year > 0 && date.year < 10000
      ? toIsoString(date).slice(0, date.month && date.month === end.month ? 7 : 4)
      : undefined;
  }
  if (span.oneOf || date.unspecifiedDigits || date.season === 24 || date.year <= 0) return undefined;
  // A season's month is undefined, so it is written as its year.
  const text = toIsoString(date).replace(/(\.\d{3})\d+/, '$1');
  return date.year > 9999 ? text.replace(/^\+0*/, '') : text;
}
