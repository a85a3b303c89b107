import type { TimelineEvent } from './types.js';

/**
 * What a reader should see about an event's date before opening it: that it is approximate (EDTF `~`), uncertain
 * (`?`), disputed or explained (it has a `dateNote`), or known only as on or before a day, on or after it, or
 * between two.
 */
export type DateMark = 'approximate' | 'uncertain' | 'disputed' | 'before' | 'after' | 'between';

/** The marks an event's date carries, in a fixed order, so that every event shows them alike. */
export function dateMarks(event: Pick<TimelineEvent, 'date' | 'dateNote'>): DateMark[] {
  const { start, end } = event.date;
  const marks: DateMark[] = [];
  if (start?.approximate || end?.approximate) marks.push('approximate');
  if (start?.uncertain || end?.uncertain) marks.push('uncertain');
  if (event.dateNote) marks.push('disputed');
  const { oneOf } = event.date;
  if (oneOf) marks.push(oneOf === 'onOrBefore' ? 'before' : oneOf === 'onOrAfter' ? 'after' : 'between');
  return marks;
}
