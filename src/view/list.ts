import { html, nothing, type TemplateResult } from 'lit';
import { fill, type Messages } from '../i18n/messages.js';
import { formatNumber } from '../model/format.js';
import type { TimelineEvent } from '../model/types.js';
import { renderEventBody } from './detail.js';
import { eventButton } from './event-button.js';
import { keyedList } from './keyed-list.js';
import { styleMap } from './style-map.js';

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
}

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
          style=${styleMap(event.group?.color ? { '--_group-color': event.group.color } : {})}
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
                  ${renderEventBody(event, messages, locale)}
                  <a class="permalink" href=${state.linkTo(event.id)}>${messages.copyLink}</a>
                </div>`
              : nothing
          }
        </li>`;
      },
    )}
  </ol>`;
}
