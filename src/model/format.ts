/**
 * Date labels at the precision of the data, in any locale, identical in every time zone.
 *
 * Labels come from `Intl.DateTimeFormat` (no locale data in the bundle) on UTC dates built from calendar parts,
 * formatted with `timeZone: 'UTC'`; the reader's own zone never enters. Date-times show the wall-clock time the
 * author wrote, followed by its offset. Years before 1 CE show an era, so there is no year zero; years beyond
 * what JS `Date` holds are formatted as numbers.
 */
import { DATE_SAFE_MAX_YEAR, DATE_SAFE_MIN_YEAR, utcDate } from './calendar.js';
import type { CalendarDate, DateSpan, Precision } from './dates.js';
import { englishMessages, fill, type DateWords, type PluralText } from '../i18n/messages.js';

/** Intl's options for each precision Intl can write; seasons, decades and centuries are written in words. */
const OPTIONS: Record<Exclude<Precision, 'season'>, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
  minute: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  second: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' },
};

/**
 * Formatters are costly to create and labels are made per event and per tick, so they are kept, keyed by
 * locale and options. Bounded, because an embed builder may cycle through many locales.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 64;

export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value!);
    // Gregorian always: the data's months and years are Gregorian, and a label in another calendar (say
    // Islamic months) would not cover the same span as the date it stands for.
    formatter = new Intl.DateTimeFormat(locale, { ...options, calendar: 'gregory', timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The date as a UTC `Date` whose UTC fields are the calendar fields as written (wall-clock time). */
function wallClock(date: CalendarDate): Date {
  return utcDate(date.year, date.month, date.day, (date.hour ?? 0) * 60 + (date.minute ?? 0), date.second ?? 0);
}

function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${offsetMinutes < 0 ? '\u2212' : '+'}${Math.trunc(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** Intl's parts with the house era names swapped in (English "BCE"/"CE" for Intl's "BC"/"AD"). */
function joinParts(parts: Intl.DateTimeFormatPart[], words: DateWords): string {
  const { eras } = words;
  return parts
    .map((part) => {
      if (part.type !== 'era' || !eras) return part.value;
      return /^(BC|B)$/i.test(part.value) ? eras.bce : /^(AD|A)$/i.test(part.value) ? eras.ce : part.value;
    })
    .join('');
}

function needsEra(...dates: CalendarDate[]): boolean {
  return dates.some((date) => date.year <= 0);
}

function outsideDateRange(date: CalendarDate): boolean {
  return date.year < DATE_SAFE_MIN_YEAR || date.year > DATE_SAFE_MAX_YEAR;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the locale writes it: "10,559" in English, "10.559" in German. */
export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    if (numberFormats.size >= MAX_FORMATTERS) numberFormats.clear();
    numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  }
  return format.format(value);
}

/** A year too far out for JS `Date`: "13,800,000,000 BCE". */
function deepTimeLabel(year: number, locale: string, words: DateWords): string {
  const number = formatNumber(year <= 0 ? 1 - year : year, locale);
  if (year > 0) return number;
  const { eras } = words;
  const era =
    eras?.bce ??
    dateFormatter(locale, { year: 'numeric', era: 'short' })
      .formatToParts(utcDate(-1))
      .find((p) => p.type === 'era')?.value ??
    '';
  return `${number} ${era}`.trim();
}

/** A year alone, as a date to format. */
const yearDate = (year: number): CalendarDate => ({ year, precision: 'year', approximate: false, uncertain: false });

/**
 * A date Intl has no words for: a season ("spring 2001"), a decade ("the 2010s"), a hundred years ("the
 * 1900s"), an unknown year. Spans that reach back to 1 BCE or before are written as the range of years they
 * cover ("2020–2011 BCE" for "-201X"), as "the 2010s BCE" would be the wrong ten years.
 */
function vagueLabel(date: CalendarDate, locale: string, words: DateWords): string {
  const year = (value: number) => formatPlainDate(yearDate(value), locale, words);
  if (date.season) return fill(words.seasons[date.season - 21], { year: year(date.year) });
  const digits = date.unspecifiedDigits!;
  const last = date.year + 10 ** digits - 1;
  return digits > 2
    ? words.unknownYear
    : date.year <= 0
      ? formatRange(yearDate(date.year), yearDate(last), locale, words)
      : fill((digits > 1 && words.hundredYears) || words.decade, { start: year(date.year), end: year(last) });
}

/**
 * The label of one date at its own precision, without qualifiers: "2014", "September 2014", "26 March 2018",
 * "spring 2001", "the 2010s".
 */
export function formatPlainDate(date: CalendarDate, locale: string, words: DateWords = englishMessages): string {
  if (outsideDateRange(date)) return deepTimeLabel(date.year, locale, words);
  if (date.precision === 'season' || date.unspecifiedDigits) return vagueLabel(date, locale, words);
  const options = needsEra(date) ? { ...OPTIONS[date.precision], era: 'short' as const } : OPTIONS[date.precision];
  const text = joinParts(dateFormatter(locale, options).formatToParts(wallClock(date)), words);
  return date.offsetMinutes === undefined ? text : `${text} ${offsetLabel(date.offsetMinutes)}`;
}

/** The label of one date with its EDTF qualifiers: "c. 2014", "2014?". */
export function formatDate(date: CalendarDate, locale: string, words: DateWords = englishMessages): string {
  const label = formatPlainDate(date, locale, words);
  if (date.approximate && date.uncertain) return fill(words.approximateUncertain, { date: label });
  if (date.approximate) return fill(words.approximate, { date: label });
  if (date.uncertain) return fill(words.uncertain, { date: label });
  return label;
}

function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return (
    a.precision === b.precision &&
    a.year === b.year &&
    a.season === b.season &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second &&
    a.fraction === b.fraction &&
    a.offsetMinutes === b.offsetMinutes
  );
}

/**
 * A range through `Intl.DateTimeFormat#formatRange`, so shared parts are said once ("February–March 2017",
 * "26–27 March 2018"). The en dash is closed up when both sides are single words, as house styles do, and
 * spaced otherwise ("26 March – 2 April 2018").
 */
function formatRange(start: CalendarDate, end: CalendarDate, locale: string, words: DateWords): string {
  const precision = start.precision as keyof typeof OPTIONS;
  const options = needsEra(start, end) ? { ...OPTIONS[precision], era: 'short' as const } : OPTIONS[precision];
  const parts = dateFormatter(locale, options).formatRangeToParts(wallClock(start), wallClock(end));
  const isSingleWord = (source: string) =>
    parts.filter((part) => part.source === source).every((part) => part.type !== 'literal' || part.value.trim() !== '');
  const closeUp = isSingleWord('startRange') && isSingleWord('endRange');
  return joinParts(
    parts.map((part) =>
      closeUp && part.type === 'literal' && part.source === 'shared' && part.value.trim() === '\u2013'
        ? { ...part, value: '\u2013' }
        : part,
    ),
    words,
  );
}

/**
 * The label of a date or interval at the precision of its data, in the given locale:
 * "2014", "September 2014", "February–March 2017", "c. 2014", "44 BCE", "spring 2001", "the 2010s",
 * "until 9 March 2017" (an interval, "../2017-03-09"), "9 March 2017 or earlier" (a "one of" date, "[..2017-03-09]"),
 * "between 9 and 31 March 2017" ("[2017-03-09..2017-03-31]").
 * Intl writes the dates; `words` (a message table, English by default) the qualifiers, open ends, seasons,
 * decades and eras, so the label depends only on the arguments, never on which tables a page has loaded.
 */
export function formatSpan(span: DateSpan, locale: string, words: DateWords = englishMessages): string {
  const { start, end } = span;
  // Words around a date, in the form the language gives them before a day ("jusqu’au 9 mars 2017").
  const around = (key: 'openStart' | 'openEnd' | 'before' | 'after', date: CalendarDate) =>
    fill((date.day !== undefined && words.dayForms?.[key]) || words[key], {
      date: formatDate(date, locale, words),
    });
  if (span.oneOf === 'between') {
    // The range as an interval's label writes it, its shared parts said once ("9–31 March 2017"), with the words
    // of "between" where its dash was: "between 9 and 31 March 2017", "zwischen dem 9. und dem 31. März 2017".
    const [first, last] = formatSpan({ start, end, isInterval: true }, locale, words).split(/\s*[\u2013\uff5e]\s*/);
    return last
      ? fill((start!.day && end!.day && words.dayForms?.between) || words.between, { start: first, end: last })
      : first;
  }
  if (span.oneOf) return span.oneOf === 'onOrBefore' ? around('before', end!) : around('after', start!);
  if (
    !span.isInterval ||
    (start && end && sameDate(start, end) && start.approximate === end.approximate && start.uncertain === end.uncertain)
  ) {
    return formatDate(start ?? end!, locale, words);
  }
  if (!start) return around('openStart', end!);
  if (!end) return around('openEnd', start);
  // Intervals have no X (that is EDTF level 2), but may have seasons, which Intl has no range for.
  const plain = (date: CalendarDate) =>
    !date.approximate && !date.uncertain && date.offsetMinutes === undefined && !date.season && !outsideDateRange(date);
  if (start.precision === end.precision && plain(start) && plain(end)) {
    return formatRange(start, end, locale, words);
  }
  return `${formatDate(start, locale, words)} \u2013 ${formatDate(end, locale, words)}`;
}

/** The last locale's plural rules: costly to create, and the axis words a count for each cluster it draws. */
let pluralRules: [locale: string, rules: Intl.PluralRules] | undefined;

/** Text with a count, in the plural form the count takes in `locale`, the count written as the language writes it. */
export function formatCount(text: PluralText, count: number, locale: string): string {
  if (pluralRules?.[0] !== locale) pluralRules = [locale, new Intl.PluralRules(locale)];
  return fill(text[pluralRules[1].select(count)] ?? text.other, { count: formatNumber(count, locale) });
}
