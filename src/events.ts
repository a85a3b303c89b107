/**
 * The events `<date-line>` fires. All bubble and are composed, so a listener on any ancestor (or on the
 * document) hears them through the shadow boundary. They are `CustomEvent`s with typed `detail`s, so
 * frameworks that bind to custom events need no wrapper.
 */
import type { Timeline, TimelineError, TimelineEvent } from './model/types.js';

export interface DateLineSelectDetail {
  /** The id of the event about to be selected, or `null` when the selection is being cleared. */
  id: string | null;
  /** The event about to be selected, or `null`. */
  event: TimelineEvent | null;
}

export interface DateLineLoadDetail {
  timeline: Timeline;
}

export interface DateLineErrorDetail {
  /** What went wrong, each with a JSON Pointer `path` into the data ("" for the whole input or the request). */
  errors: TimelineError[];
}

export interface DateLineRangeChangeDetail {
  /** The first visible moment, as ISO 8601 text. */
  start: string;
  /** The last visible moment, as ISO 8601 text. */
  end: string;
}

/** Fired before the selection changes; cancel it (`preventDefault()`) to keep the current selection. */
export type DateLineSelectEvent = CustomEvent<DateLineSelectDetail>;
/** Fired when data has been parsed and first rendered, and again for each newer version shown (a refresh). */
export type DateLineLoadEvent = CustomEvent<DateLineLoadDetail>;
/** Fired when data cannot be loaded or is invalid (what was shown stays), or when some of its events are left out. */
export type DateLineErrorEvent = CustomEvent<DateLineErrorDetail>;
/** Fired after the visible range changes by zoom or pan. */
export type DateLineRangeChangeEvent = CustomEvent<DateLineRangeChangeDetail>;

/** Every event `<date-line>` fires, by name. */
export interface DateLineEventMap {
  'date-line-select': DateLineSelectEvent;
  'date-line-load': DateLineLoadEvent;
  'date-line-error': DateLineErrorEvent;
  'date-line-range-change': DateLineRangeChangeEvent;
}

declare global {
  // Declared by extending the map above, so that the two cannot disagree.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends DateLineEventMap {}
}
