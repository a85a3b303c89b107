import { css, html, nothing, type TemplateResult } from 'lit';
import { fill, type Messages } from '../../i18n/messages.js';
import { formatNumber } from '../../model/format.js';
import type { TimelineEvent } from '../../model/types.js';
import { eventButton } from '../event-button.js';
import { groupStyle } from '../group-style.js';
import { keyedList } from '../../directives/keyed-list.js';
import type { ListWindow, ListWindowHost } from './list-window.js';
import { styleMap } from '../../directives/style-map.js';

/** What the list draws, handed over by the element. */
export interface ListState {
  /** Every event the filters let through, in order. */
  readonly events: readonly TimelineEvent[];
  /** The part drawn (all of it unless the list is windowed), and the padding that stands for the rest. */
  readonly first: number;
  readonly last: number;
  readonly padding?: { readonly before: number; readonly after: number };
  readonly selected: string | null;
  readonly tabStop: string | null;
  /** Every event open (printing). */
  readonly allOpen: boolean;
  readonly locale: string;
  readonly messages: Messages;
  readonly dateLabel: (event: TimelineEvent) => string;
  readonly linkTo: (id: string) => string;
  readonly onPress: (event: TimelineEvent) => void;
  /** An open event's content (date note, summary, media, sources), once its part has loaded. */
  readonly renderBody: (event: TimelineEvent) => TemplateResult | typeof nothing;
}

/**
 * The vertical list, a part of its own loaded on demand like the axis: an element shows one or the other (and the
 * list when printing, so the element fetches it when the page is idle).
 */
export const listStyles = css`
  /* Printing shows the list, every event open. */
  @media print {
    .event,
    .detail {
      break-inside: avoid;
    }
  }

  .detail {
    padding: 0.25rem 0.625rem 0.75rem;
  }

  .detail p {
    margin: 0 0 0.75em;
  }

  .detail .permalink {
    font-size: 0.875em;
  }

  .events {
    list-style: none;
    margin: 0;
    padding: 0;
    position: relative;
  }

  .event {
    position: relative;
    padding-inline-start: 1.75rem;
    padding-block-end: 0.25rem;
  }

  /* The rail and the marker of each event. */
  .event::before {
    content: '';
    position: absolute;
    inset-block: 0;
    inset-inline-start: calc(0.4375rem - 1px);
    border-inline-start: 2px solid var(--date-line-color-rule);
  }

  .event:first-child::before {
    inset-block-start: 1.1rem;
  }

  .event:last-child::before {
    inset-block-end: auto;
    block-size: 1.1rem;
  }

  .marker {
    position: absolute;
    inset-inline-start: 0;
    inset-block-start: 0.75rem;
    inline-size: 0.875rem;
    block-size: 0.875rem;
    border-radius: 50%;
    border: 2px var(--_group-line, solid) var(--_group-color, var(--date-line-color-accent));
    background-color: var(--date-line-color-surface);
  }

  .event.is-selected .marker {
    background-color: var(--_group-color, var(--date-line-color-accent));
  }

  .event.is-range .marker {
    border-radius: 3px;
  }

  .event-heading {
    margin: 0;
    font-size: inherit;
    font-weight: inherit;
  }

  .is-selected > .event-heading .event-button {
    background: var(--date-line-color-surface);
  }
`;

/**
 * The vertical list: an ordered list of the events, each a heading with its button, and the open event's details
 * under it. Each item carries its position in the whole list, so a windowed list reads as all of it.
 */
export function renderList(state: ListState): TemplateResult {
  const { events, first, last, padding, messages, locale } = state;
  return html`<ol
    class="events list"
    part="events"
    aria-label=${fill(messages.eventList, { count: formatNumber(events.length, locale) })}
    style=${styleMap(padding ? { paddingBlockStart: `${padding.before}px`, paddingBlockEnd: `${padding.after}px` } : {})}
  >
    ${keyedList(
      events.slice(first, last),
      (event) => event.id,
      (event, offset) => {
        const index = first + offset;
        const isSelected = event.id === state.selected;
        const detailId = `detail-${index}`;
        return html`<li
          class="event ${isSelected ? 'is-selected' : ''} ${event.date.isInterval ? 'is-range' : ''}"
          part="event"
          data-id=${event.id}
          data-index=${index}
          aria-setsize=${events.length}
          aria-posinset=${index + 1}
          style=${styleMap(groupStyle(event.group))}
        >
          <span class="marker" aria-hidden="true"></span>
          <h3 class="event-heading">
            ${eventButton(event, {
              selected: isSelected,
              tabStop: event.id === state.tabStop,
              controls: detailId,
              dateLabel: state.dateLabel(event),
              messages,
              onPress: () => state.onPress(event),
            })}
          </h3>
          ${
            isSelected || state.allOpen
              ? html`<div class="detail" part="detail" id=${detailId}>
                  ${state.renderBody(event)}
                  <a class="permalink" href=${state.linkTo(event.id)}>${messages.copyLink}</a>
                </div>`
              : nothing
          }
        </li>`;
      },
    )}
  </ol>`;
}

/** Lists longer than this render only the events near the reader's view. */
const WINDOW_MIN = 150;
let windowModule: Promise<typeof import('./list-window.js')> | undefined;

/**
 * Which part of a long list to draw: all of a short one; of a long one, the events near the reader's view, once
 * the windowing module (loaded on demand, only for long lists) has arrived, and the first WINDOW_MIN until then.
 */
export class ListWindowing {
  private window?: ListWindow;

  /**
   * @param host - The element the list is drawn in.
   * @param focusedIndex - Where the list's focus is, to keep in the window once windowing starts.
   */
  constructor(
    private readonly host: ListWindowHost,
    private readonly focusedIndex: () => number,
  ) {}

  /** The part of a list of `count` events to draw, and the padding that stands for the rest; all with `whole`. */
  range(count: number, whole: boolean): Pick<ListState, 'first' | 'last' | 'padding'> {
    if (count <= WINDOW_MIN || whole) return { first: 0, last: count };
    if (!this.window) {
      this.load(count);
      return { first: 0, last: WINDOW_MIN };
    }
    this.window.setCount(count);
    return { first: this.window.first, last: this.window.last, padding: this.window.padding() };
  }

  /** Makes sure the event at `index` is drawn (before it is focused or scrolled to). */
  include(index: number): void {
    this.window?.include(index);
  }

  private load(count: number): void {
    windowModule ??= import('./list-window.js');
    void windowModule.then(({ ListWindow }) => {
      if (this.window) return;
      this.window = new ListWindow(this.host);
      this.window.setCount(count);
      this.window.include(this.focusedIndex());
      this.host.requestUpdate();
    });
  }
}
