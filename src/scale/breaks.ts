/**
 * Folded gaps (axis breaks): long stretches of time without events are folded into a narrow break, as a chart
 * draws a broken axis, so that one event decades away does not squash the rest of the story into a corner. Time
 * stays proportional within each stretch between breaks. A break says how long the gap it folds lasts. Pure: no DOM.
 */
import { differenceInMonths } from 'date-fns/differenceInMonths';
import { fill, type Messages } from '../i18n/messages.js';
import { DAYS_PER_YEAR } from '../model/calendar.js';
import { inDateRange, utcAt } from './utc.js';

/** A stretch of time with no events, in day numbers: it begins where the events before it end. */
export interface Gap {
  readonly from: number;
  readonly to: number;
}

/** When a gap is folded. */
export interface FoldRule {
  /** A gap is folded only if it is this many times the median gap between events... */
  readonly factor: number;
  /** ...and at least this share of the span left once the wider gaps are folded. */
  readonly share: number;
  /** At most this many breaks, the widest gaps first. */
  readonly maxBreaks: number;
  /** A folded gap takes this share of the span left unfolded. */
  readonly foldedShare: number;
}

/**
 * Found on real timelines (see the table in test/scale/breaks.test.ts): the article's background (1986, 2012,
 * 2014) folds away from its story (2017–2018), and the 90 years between Ada Lovelace and the ENIAC programmers
 * fold; the more evenly spread lives of Mark Twain, Houston's history and ancient Egypt's dynasties do not.
 */
export const FOLD_RULE: FoldRule = { factor: 4, share: 0.25, maxBreaks: 4, foldedShare: 0.04 };

/** The middle value of a list of numbers (the mean of the middle two for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The gaps to fold among events that start at `starts` and end at `ends` (day numbers, in order of start): from
 * the widest down, each that is far wider than the usual (median) gap between events and a good share of the span
 * still unfolded, until one is not; returned in order of time. Fewer than two gaps give nothing to compare with,
 * so nothing folds.
 */
export function gapsToFold(starts: ArrayLike<number>, ends: ArrayLike<number>, rule: FoldRule = FOLD_RULE): Gap[] {
  const gaps: Gap[] = [];
  let reach = -Infinity;
  for (let i = 0; i < starts.length; i++) {
    if (i > 0 && starts[i] > reach) gaps.push({ from: reach, to: starts[i] });
    reach = Math.max(reach, ends[i]);
  }
  if (gaps.length < 2) return [];
  const size = (gap: Gap) => gap.to - gap.from;
  const usual = median(gaps.map(size));
  let unfolded = reach - starts[0];
  const folded: Gap[] = [];
  for (const gap of gaps.sort((a, b) => size(b) - size(a))) {
    if (folded.length >= rule.maxBreaks || size(gap) < rule.factor * usual || size(gap) < rule.share * unfolded) break;
    folded.push(gap);
    unfolded -= size(gap);
  }
  return folded.sort((a, b) => a.from - b.from);
}

/** A break as drawn: the gap it folds (day numbers) and where it sits on the axis (coordinates). */
export interface AxisBreak extends Gap {
  readonly start: number;
  readonly end: number;
}

/**
 * The breaks for folded gaps: each takes `width` coordinates, and everything after it moves back by what the
 * folding saved. Coordinates stay day numbers before the first gap.
 */
export function placeBreaks(gaps: readonly Gap[], width: number): AxisBreak[] {
  let saved = 0;
  return gaps.map((gap) => {
    const start = gap.from - saved;
    saved += gap.to - gap.from - width;
    return { ...gap, start, end: start + width };
  });
}

/** A span of time as a reader would say it: a whole number of one unit. */
export interface Duration {
  readonly count: number;
  readonly unit: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';
}

/** The units shorter than a month, in seconds: on UTC dates (no clock changes) each lasts the same every time. */
const FIXED_UNITS = [
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
] as const;

/**
 * How long a gap lasts, in the largest unit it holds at least two of ("26 years", "23 months", "3 weeks"), in
 * whole units (never more than it lasts). Months and years are calendar arithmetic, date-fns's; shorter units,
 * of fixed length on UTC dates, divide the span. Beyond JS `Date`'s range (deep time), years of 365.2425 days.
 */
export function gapDuration(gap: Gap): Duration {
  if (!inDateRange(gap.from) || !inDateRange(gap.to))
    return { count: Math.floor((gap.to - gap.from) / DAYS_PER_YEAR), unit: 'year' };
  const [from, to] = [utcAt(gap.from), utcAt(gap.to)];
  // Years as whole twelves of months, which date-fns counts to the end of a month (29 February 2016 to
  // 28 February 2018 is 24 months: 2 years, where differenceInYears says 1).
  const months = differenceInMonths(to, from);
  if (months >= 24) return { count: Math.floor(months / 12), unit: 'year' };
  if (months >= 2) return { count: months, unit: 'month' };
  const seconds = Math.floor((to.getTime() - from.getTime()) / 1000);
  for (const [unit, length] of FIXED_UNITS)
    if (seconds >= 2 * length) return { count: Math.floor(seconds / length), unit };
  return { count: seconds, unit: 'second' };
}

/** `Intl.DurationFormat` (ES2025), which TypeScript's lib does not declare yet. */
interface DurationFormat {
  format(duration: Partial<Record<`${Duration['unit']}s`, number>>): string;
}
type DurationFormatConstructor = new (locale: string, options: { style: 'long' }) => DurationFormat;
const platformDurationFormat = (Intl as { DurationFormat?: DurationFormatConstructor }).DurationFormat;

const durationFormats = new Map<string, (count: number) => string>();

/**
 * A duration in words, in a locale: "26 years", "26 Jahre", "26 ans", "٢٦ سنة". `Intl.DurationFormat` writes it
 * where the browser has it (and the count is within its range: under 2³² of the unit), else
 * `Intl.NumberFormat`'s units, which write the same words in the engines that have both. `durationFormat` is for
 * tests, to try the fallback where the platform has the first.
 */
export function formatDuration(
  { count, unit }: Duration,
  locale: string,
  durationFormat: DurationFormatConstructor | undefined = platformDurationFormat,
): string {
  const DurationFormat = count < 2 ** 32 ? durationFormat : undefined;
  const key = `${locale}|${unit}|${Boolean(DurationFormat)}`;
  let format = durationFormats.get(key);
  if (!format) {
    if (durationFormats.size >= 64) durationFormats.clear();
    if (DurationFormat) {
      const words = new DurationFormat(locale, { style: 'long' });
      format = (n) => words.format({ [`${unit}s`]: n });
    } else {
      const words = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
      format = (n) => words.format(n);
    }
    durationFormats.set(key, format);
  }
  return format(count);
}

/** What a break says: "No events for 26 years", in the element's language. */
export function gapLabel(gap: Gap, locale: string, messages: Pick<Messages, 'gap'>): string {
  return fill(messages.gap, { duration: formatDuration(gapDuration(gap), locale) });
}
