import type { DateWords } from '../i18n/messages.js';
import type { DateSpan } from './dates.js';
import { formatSpan } from './format.js';
import type { TimelineEvent } from './types.js';

/**
 * The date labels of events in one language, each made once (labels are asked for on every frame of a zoom). A
 * value the element hands its layouts, not a call back into it: another language, or its words arriving, is
 * another DateLabels.
 */
export class DateLabels {
  readonly #made = new WeakMap<Pick<TimelineEvent, 'date'>, string>();

  /**
   * @param locale - The BCP 47 locale the dates are written in.
   * @param words - The words around dates (qualifiers, open ends, seasons) in that language.
   */
  constructor(
    readonly locale: string,
    readonly words: DateWords,
  ) {}

  /** An event's date label: its `displayDate`, else its date in words. */
  of(event: Pick<TimelineEvent, 'date' | 'displayDate'>): string {
    let label = this.#made.get(event);
    if (label === undefined) {
      label = event.displayDate ?? this.span(event.date);
      this.#made.set(event, label);
    }
    return label;
  }

  /** A date or interval in words (a source's date, a range of the axis). */
  span(span: DateSpan): string {
    return formatSpan(span, this.locale, this.words);
  }
}
