/**
 * The seam between the element and its layouts (the axis, the list, the story). The element builds one snapshot of
 * plain values per update and hands it to the layout shown; the layout draws it and reports what the reader asks
 * for as typed intents. A layout never reads or changes the element: selection, focus, deep links and
 * announcements stay the element's.
 */
import type { nothing, TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import type { DateLabels } from '../model/date-labels.js';
import type { Timeline, TimelineEvent } from '../model/types.js';
import type { Breaks } from '../scale/axis-data.js';
import type { Spacing } from '../scale/coords.js';

/** What a layout draws, as the element has it at one update. Values only: nothing here calls the element. */
export interface LayoutSnapshot {
  readonly timeline: Timeline;
  /** The events the filters let through, in order; the same array until they change. */
  readonly events: readonly TimelineEvent[];
  readonly selected: string | null;
  /** The event that holds the events' one tab stop (a roving tabindex); null when it is none of `events`. */
  readonly focusId: string | null;
  readonly locale: string;
  readonly messages: Messages;
  readonly rtl: boolean;
  /** The events' date labels in the element's language. */
  readonly labels: DateLabels;
  /** The start of the deep links to this element's events: `#<element id>/`. */
  readonly linkPrefix: string;
  /** The content of each open event (the selected one; every shown event while printing), once it can be drawn. */
  readonly bodies: ReadonlyMap<string, TemplateResult>;
  /** The page is being printed: every event open. */
  readonly printing: boolean;
  /** The element's computed font (`font-size font-family`): the axis estimates its labels' widths in it. */
  readonly font: string;
  /** The width the layout draws in, in CSS px. */
  readonly widthPx: number;
  /** The most lanes the axis's first view may grow to. */
  readonly maxLanes: number;
  readonly spacing: Spacing;
  readonly breaks: Breaks;
  readonly groupRows: boolean;
  /** The interval the axis shows first ("2016-11/2018-05"), if any. */
  readonly view?: string;
}

/** What the reader asked a layout for, which the element carries out. */
export type LayoutIntent =
  /** An event's label was pressed (it opens, or closes if it is open). */
  | { readonly type: 'press'; readonly id: string }
  /** Open this event, or close the open one (`null`): a panel's close button, a scene of the story. */
  | { readonly type: 'select'; readonly id: string | null }
  /** The previous or next event. */
  | { readonly type: 'step'; readonly direction: 1 | -1 }
  /** A zoom or pan of the axis has ended: the new range, as ISO 8601 text and in words. */
  | {
      readonly type: 'range-change';
      readonly range: { readonly start: string; readonly end: string };
      readonly label: string;
    };

/** A layout as the element drives it. */
export interface LayoutRenderer {
  /** Takes the element's latest state, before drawing or acting on it. */
  update(snapshot: LayoutSnapshot): void;
  render(): TemplateResult;
  /** Makes sure an event is drawn, before it is focused or scrolled to. */
  reveal(id: string): void;
  /** What the layout adds to the toolbar (the axis's zoom buttons and colour key). */
  renderTools?(): TemplateResult | typeof nothing;
  /** Acts on a key pressed anywhere inside the element, before the events' own keys; returns whether it took it. */
  handleKey?(keyEvent: KeyboardEvent): boolean;
  /** What the live region says when this event opens, or when none is open any more ('' for nothing). */
  announcement(event: TimelineEvent | null): string;
}

/** The deep link to an event. */
export const eventLink = (prefix: string, id: string): string => prefix + encodeURIComponent(id);
