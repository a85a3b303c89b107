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

/** Horizontal padding and border of an event's label. */
const LABEL_CHROME_PX = 18;
export const MIN_LABEL_PX = 72;
export const MAX_LABEL_PX = 180;

/**
 * An event label's room: wide enough for the date line (`dateChars` characters) and for the headline on one line
 * if it is short, or on two lines (and at least its longest word) if it is long, between 72 and 180 px. The view
 * gives each label exactly this width, so an estimate that is short only shortens the text (with an ellipsis); it
 * never makes labels overlap.
 */
export function estimateLabelPx(title: string, dateChars: number): number {
  const oneLine = textPx(title.length, AXIS_TEXT.headline);
  const longestWord = textPx(Math.max(...title.split(/\s+/).map((word) => word.length)), AXIS_TEXT.headline);
  const headline = oneLine <= MAX_LABEL_PX - LABEL_CHROME_PX ? oneLine : Math.max(oneLine / 2, longestWord);
  const needed = Math.max(headline, textPx(dateChars, AXIS_TEXT.date)) + LABEL_CHROME_PX;
  return Math.ceil(Math.min(MAX_LABEL_PX, Math.max(MIN_LABEL_PX, needed)));
}

/** Padding and rule before a tick's label. */
const TICK_CHROME_PX = 12;

/** The room a tick label needs, so that neighbouring labels are kept apart. */
export const tickLabelPx = (label: string): number => textPx(label.length, AXIS_TEXT.tick) + TICK_CHROME_PX;
