/**
 * Folded gaps (axis breaks): long stretches of time without events are folded into a narrow break, as a chart
 * draws a broken axis, so that one event decades away does not squash the rest of the story into a corner. Time
 * stays proportional within each stretch between breaks. Pure: no DOM.
 */

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
