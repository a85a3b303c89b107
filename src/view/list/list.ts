import { css, html, nothing, type TemplateResult } from 'lit';
import { fill } from '../../i18n/messages.js';
import { formatNumber } from '../../model/format.js';
import type { TimelineEvent } from '../../model/types.js';
import { eventButton, openedAnnouncement } from '../event-button.js';
import { groupStyle } from '../group-style.js';
import { keyedList } from '../../directives/keyed-list.js';
import type { ListWindow, ListWindowHost } from './list-window.js';
import { styleMap } from '../../directives/style-map.js';
import { eventLink, type LayoutIntent, type LayoutRenderer, type LayoutSnapshot } from '../snapshot.js';

/** The part of the list drawn (all of it unless the list is windowed), and the padding that stands for the rest. */
interface ListRange {
  readonly first: number;
  readonly last: number;
  readonly padding?: { readonly before: number; readonly after: number };
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
function renderList(
  snapshot: LayoutSnapshot,
  { first, last, padding }: ListRange,
  report: (intent: LayoutIntent) => void,
): TemplateResult {
  const { events, messages, locale, selected, labels, bodies } = snapshot;
  const tabStop = snapshot.focusId ?? events[0]?.id ?? null;
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
        const isSelected = event.id === selected;
        const detailId = `detail-${index}`;
        const body = bodies.get(event.id);
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
              tabStop: event.id === tabStop,
              controls: detailId,
              dateLabel: labels.of(event),
              messages,
              onPress: () => report({ type: 'press', id: event.id }),
            })}
          </h3>
          ${
            isSelected || snapshot.printing
              ? html`<div class="detail" part="detail" id=${detailId}>
                  ${body ?? nothing}
                  <a class="permalink" href=${eventLink(snapshot.linkPrefix, event.id)}>${messages.copyLink}</a>
                </div>`
              : nothing
          }
        </li>`;
      },
    )}
  </ol>`;
}

/** The list of one element: the events in order, and the windowing of a long list. */
export class ListRenderer implements LayoutRenderer {
  private snapshot!: LayoutSnapshot;
  private readonly windowing: ListWindowing;

  /**
   * @param host - The element the list is drawn in.
   * @param report - Where the list sends what the reader asks for.
   */
  constructor(
    host: ListWindowHost,
    private readonly report: (intent: LayoutIntent) => void,
  ) {
    this.windowing = new ListWindowing(host, () =>
      this.snapshot.events.findIndex((event) => event.id === this.snapshot.focusId),
    );
  }

  update(snapshot: LayoutSnapshot): void {
    this.snapshot = snapshot;
  }

  announcement(event: TimelineEvent | null): string {
    return openedAnnouncement(this.snapshot, event);
  }

  reveal(id: string): void {
    this.windowing.include(this.snapshot.events.findIndex((event) => event.id === id));
  }

  render(): TemplateResult {
    const { events, printing } = this.snapshot;
    // Long lists render a window of events; printing renders them all.
    return renderList(this.snapshot, this.windowing.range(events.length, printing), this.report);
  }
}

/** Lists longer than this render only the events near the reader's view. */
const WINDOW_MIN = 150;
let windowModule: Promise<typeof import('./list-window.js')> | undefined;

/**
 * Which part of a long list to draw: all of a short one; of a long one, the events near the reader's view, once
 * the windowing module (loaded on demand, only for long lists) has arrived, and the first WINDOW_MIN until then.
 */
class ListWindowing {
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
  range(count: number, whole: boolean): ListRange {
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
