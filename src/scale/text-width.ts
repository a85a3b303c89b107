/**
 * How wide the axis's text is, estimated without measuring: the lanes are packed for 100,000 events in a few
 * milliseconds, and measuring one label would cost more than packing them all. One table of the axis's text
 * styles serves every estimate, and `axis.styles.ts` takes its font sizes from the same table, so the CSS and
 * the estimates cannot drift apart.
 */

/** A text style of the axis: its font size and the average advance of one character, at a 16 px base font. */
export interface TextStyle {
  /** Font size in px at a 16 px base font (the CSS writes it in em of the element's own font size). */
  readonly sizePx: number;
  /** Average advance of one character in px, measured over headlines and dates in the system UI fonts. */
  readonly charPx: number;
}

export const AXIS_TEXT = {
  /** An event's headline (bold). */
  headline: { sizePx: 13, charPx: 7.4 },
  /** An event's date, above its headline. */
  date: { sizePx: 12, charPx: 6.6 },
  /** Tick labels (tabular figures). */
  tick: { sizePx: 12, charPx: 7.5 },
} as const satisfies Record<string, TextStyle>;

/** The base font size the table is written for. */
const BASE_PX = 16;

/** A style's font size in em of the element's font, for the CSS. */
export const fontSizeEm = (style: TextStyle): number => style.sizePx / BASE_PX;

/** The estimated width of `chars` characters in a style, in px. */
export const textPx = (chars: number, style: TextStyle): number => chars * style.charPx;

/**
 * Horizontal padding and border of an event's label, and a few pixels more: a line's real width differs from its
 * estimate by a letter or so (capitals, rounding), and a label a letter short wraps its last word.
 */
const LABEL_CHROME_PX = 26;
export const MIN_LABEL_PX = 72;
export const MAX_LABEL_PX = 260;
/** The most lines a headline wraps to; a longer one ends in an ellipsis. */
export const MAX_LINES = 4;
/** Labels up to this wide are preferred: a long headline takes another line before it takes more width. */
const PREFERRED_LABEL_PX = 220;
/** A date line may make its label this wide (a long interval), wider than a headline may. */
const MAX_DATE_LABEL_PX = 340;
/**
 * Estimates are averages, and a line breaks on the first word that does not fit: text is estimated this much wider
 * than its average, so that real words (capitals, wide letters) still fit in the lines counted for them.
 */
const SAFETY = 1.1;

/** The room an event's label needs: its width, and the lines its headline wraps to in that width. */
export interface LabelSize {
  readonly px: number;
  readonly lines: number;
}

/** The widths of a text's words (runs between white space), each character `charPx` wide. */
function wordWidths(text: string, charPx: number): number[] {
  const widths: number[] = [];
  let length = 0;
  for (let i = 0; i <= text.length; i++) {
    // Spaces, tabs and line breaks end a word, and so does the end; a no-break space does not, as in a browser.
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (code === 32 || (code >= 9 && code <= 13)) {
      if (length) widths.push(length * charPx);
      length = 0;
    } else length++;
  }
  return widths;
}

/** How many lines words of these widths take in a line `width` wide, wrapping as a browser does. */
function wrappedLines(words: readonly number[], spacePx: number, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of words) {
    if (used > 0 && used + spacePx + word > width) {
      lines++;
      used = word;
    } else used += (used > 0 ? spacePx : 0) + word;
  }
  return lines;
}

/** The narrowest width (px, from `min` to `max`) at which the words take at most `lines` lines, if any. */
function widthFor(
  words: readonly number[],
  spacePx: number,
  lines: number,
  min: number,
  max: number,
): number | undefined {
  if (wrappedLines(words, spacePx, max) > lines) return undefined;
  let low = min;
  let high = max;
  while (high - low > 1) {
    const middle = (low + high) / 2;
    if (wrappedLines(words, spacePx, middle) <= lines) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * An event label's room: wide enough for the date line (`dateChars` characters) and for the whole headline,
 * wrapped word by word as the browser will: on one line if it fits the preferred width, else on the fewest lines
 * that fit it, else (a long headline) the fewest that fit the widest label, up to MAX_LINES. Widths are between 72
 * and 260 px. `textScale` corrects the table's average advances for the fonts the reader actually has (see
 * measureTextScale in the view). The view gives each label exactly this width and its lane the height of the most
 * lines any label needs, so an estimate that is short only shortens the text (with an ellipsis); it never makes
 * labels overlap.
 */
export function estimateLabel(title: string, dateChars: number, textScale = 1): LabelSize {
  const charPx = AXIS_TEXT.headline.charPx * textScale * SAFETY;
  const words = wordWidths(title, charPx);
  let longest = 0;
  let total = -charPx;
  for (const word of words) {
    longest = Math.max(longest, word);
    total += word + charPx;
  }
  const date = Math.min(dateChars * AXIS_TEXT.date.charPx * textScale * SAFETY, MAX_DATE_LABEL_PX - LABEL_CHROME_PX);
  const room = Math.max(MAX_LABEL_PX - LABEL_CHROME_PX, date);
  const floor = Math.max(longest, date, MIN_LABEL_PX - LABEL_CHROME_PX);
  // Most headlines of a large data set are short: on one line, the width is the text's own, no search needed.
  if (total <= PREFERRED_LABEL_PX - LABEL_CHROME_PX)
    return { px: Math.ceil(Math.max(floor, total) + LABEL_CHROME_PX), lines: 1 };
  let lines = 1;
  let text: number | undefined;
  for (const limit of [PREFERRED_LABEL_PX - LABEL_CHROME_PX, room]) {
    for (lines = 1; lines <= MAX_LINES && text === undefined; lines++)
      text = widthFor(words, charPx, lines, floor, Math.max(floor, limit));
    if (text !== undefined) break;
  }
  if (text === undefined) return { px: room + LABEL_CHROME_PX, lines: MAX_LINES };
  return { px: Math.ceil(Math.min(room, text) + LABEL_CHROME_PX), lines: lines - 1 };
}

/** The height of a lane whose labels have up to `lines` lines of headline under their date line. */
export const lanePx = (lines: number): number => Math.round(31 + 16.5 * lines);

/** Padding and rule before a tick's label. */
const TICK_CHROME_PX = 12;

/** The room a tick label needs, so that neighbouring labels are kept apart. */
export const tickLabelPx = (label: string): number => textPx(label.length, AXIS_TEXT.tick) + TICK_CHROME_PX;
