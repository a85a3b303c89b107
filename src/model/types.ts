/**
 * The parsed, normalised timeline that the rest of date-line works on: dates parsed and placed, events in
 * chronological order, groups resolved. parseTimeline is the only way in, so past it nothing re-checks.
 */
import type { DateSpan } from './dates.js';
import type { MediaData, SourceData } from './timeline-data.generated.js';

export type { DateSpan, CalendarDate, Precision } from './dates.js';
export type { TimelineError } from './validate.js';
export type * from './timeline-data.generated.js';

export interface TimelineGroup {
  readonly id: string;
  /** Its position among the timeline's groups (it picks the colour of a group that has none of its own). */
  readonly index: number;
  readonly label: string;
  readonly description?: string;
  readonly color?: string;
}

export interface TimelineEra {
  readonly id: string;
  readonly label: string;
  readonly date: DateSpan;
  /** Start on the time scale, in day numbers (days since 1970-01-01 UTC). */
  readonly from: number;
  /** End on the time scale (exclusive), in day numbers. */
  readonly to: number;
  readonly color?: string;
}

export interface TimelineSource extends Readonly<SourceData> {
  /** The source's publication date, parsed, when given. */
  readonly parsedDate?: DateSpan;
}

export interface TimelineEvent {
  readonly id: string;
  /** Position in chronological order, from 0. */
  readonly index: number;
  readonly title: string;
  readonly summary?: string;
  readonly date: DateSpan;
  /**
   * Start on the time scale, in day numbers: the first moment of the first date. A side left open ("../2017-03-09",
   * "[..2017-03-09]") is placed on the known one; `possibleExtent(date)` (dates.ts) reaches past it without bound.
   */
  readonly from: number;
  /** End on the time scale (exclusive): the first moment after the last date. */
  readonly to: number;
  /** A label to show instead of the generated one, as the data gives it (a last resort: see the schema). */
  readonly displayDate?: string;
  readonly dateNote?: string;
  readonly group?: TimelineGroup;
  readonly tags: readonly string[];
  /** 1 (a detail) to 5 (a turning point). */
  readonly importance: number;
  /** Background the story itself does not mention. */
  readonly context: boolean;
  readonly media?: Readonly<MediaData>;
  readonly sources: readonly TimelineSource[];
  /** The author's own `x-` fields, untouched. */
  readonly extensions: Readonly<Record<string, unknown>>;
}

export interface Timeline {
  readonly title?: string;
  readonly description?: string;
  /** The timeline's own picture: the story's title scene and the share card of its page. */
  readonly media?: Readonly<MediaData>;
  /** The language of the timeline's text. */
  readonly locale?: string;
  readonly groups: readonly TimelineGroup[];
  readonly eras: readonly TimelineEra[];
  /** In chronological order (see parseTimeline for how ties are ordered). */
  readonly events: readonly TimelineEvent[];
  readonly extensions: Readonly<Record<string, unknown>>;
}
